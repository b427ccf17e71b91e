package org.slant.document;

import java.util.List;

/**
 * What adding a batch did: the documents stored, one message per document left out because its text
 * was already there, and one message per file or line that could not be read or stored.
 */
public record BatchReport(List<Document> added, List<String> duplicates, List<String> problems) {

    public BatchReport {
        added = List.copyOf(added);
        duplicates = List.copyOf(duplicates);
        problems = List.copyOf(problems);
    }
}
