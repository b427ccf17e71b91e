package org.slant.exchange;

/**
 * One link as a file states it: {@code type} is the file's name for the link type (a brat relation
 * type or event role, a doccano relation type), {@code from} and {@code to} the file's ids of the two
 * spans in the same document (brat T ids, doccano entity ids). {@code id} is the file's id for the link,
 * null when it has none. Checked against the spans and the scheme by the import.
 */
public record ImportedLink(String id, String type, String from, String to, String file, int line) {
}
