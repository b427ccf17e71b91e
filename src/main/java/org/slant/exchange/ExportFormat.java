package org.slant.exchange;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The dataset formats Slant exports; docs/formats.md describes each one. */
public enum ExportFormat {

    SLANT_JSON("json", "Slant JSON", ".json", "application/json", SlantJsonWriter::new),
    JSONL("jsonl", "JSON Lines (doccano)", ".jsonl", "application/jsonl", JsonlWriter::new),
    CSV("csv", "CSV (one row per span)", ".csv", "text/csv; charset=UTF-8", CsvWriter::new),
    CSV_TABLES("csv-zip", "CSV tables (zip: spans, links, sentences, answers)", ".zip", "application/zip",
            CsvTablesWriter::new),
    BRAT("brat", "brat standoff (zip)", ".zip", "application/zip", BratWriter::new),
    CONLL("conll", "CoNLL BIO columns", ".conll", "text/plain; charset=UTF-8", ConllWriter::new),
    WEB_ANNOTATION("webanno", "W3C Web Annotation (JSON-LD)", ".jsonld",
            "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"", WebAnnotationWriter::new),
    SEMEVAL("semeval", "SemEval-2020 Task 11 (zip)", ".zip", "application/zip", SemEvalWriter::new);

    private final String id;
    private final String title;
    private final String extension;
    private final String mediaType;
    private final Supplier<DatasetWriter> writer;

    ExportFormat(String id, String title, String extension, String mediaType, Supplier<DatasetWriter> writer) {
        this.id = id;
        this.title = title;
        this.extension = extension;
        this.mediaType = mediaType;
        this.writer = writer;
    }

    /** The short name used in URLs and on the command line ("jsonl"). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The download's file name: {@code base} plus this format's extension. */
    public String fileName(String base) {
        return base + extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** A new writer (writers keep no state between exports, but a fresh one costs nothing). */
    public DatasetWriter writer() {
        return writer.get();
    }

    /** @throws IllegalArgumentException naming the valid ids when {@code id} is none of them */
    public static ExportFormat parse(String id) {
        for (ExportFormat f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown export format \"" + id + "\"; use one of "
                + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")));
    }
}
