package org.slant.exchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The dataset formats Slant can import annotations from. {@code id} is what the API and UI pass. */
public enum AnnotationFormat {

    SLANT_JSON("json", "Slant JSON export"),
    JSONL("jsonl", "doccano JSONL"),
    BRAT("brat", "brat standoff (.zip of .txt + .ann)"),
    SEMEVAL("semeval", "SemEval-2020 Task 11 (.zip of article*.txt + .labels/.tsv, or a bare .tsv)"),
    CONLL("conll", "CoNLL / BIO columns, for documents already in the workspace (.conll, .txt, or a .zip of them)"),
    WEB_ANNOTATION("webanno", "W3C Web Annotation (JSON-LD), for documents already in the workspace");

    private final String id;
    private final String title;

    AnnotationFormat(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** @throws IllegalArgumentException naming the valid ids when {@code text} is none of them */
    public static AnnotationFormat parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (AnnotationFormat f : values()) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown import format " + (text == null ? "(none)" : '"' + text + '"')
                + "; valid formats: " + Arrays.stream(values()).map(AnnotationFormat::id).collect(Collectors.joining(", ")));
    }
}
