package org.slant.document;

import java.time.LocalDate;

/**
 * Where an article came from. Every field is optional (null when unknown).
 *
 * <p>{@code id} and {@code file} are the document's own name in the dataset it was imported from, so an
 * export can give it back under that name: {@code id} is the dataset's id for it (a doccano {@code id},
 * the SemEval article id {@code 123} of {@code article123.txt}, a brat document's path without
 * {@code .txt}), kept as written; {@code idIsNumber} says the dataset wrote it as a JSON number
 * ({@code "id": 17}, not {@code "id": "17"}), which a script reading the file tells apart.
 * {@code file} is the path of the document's text inside the uploaded file ({@code train/article123.txt}),
 * always with {@code /} between folders.
 */
public record Source(String outlet, String url, LocalDate published, String id, boolean idIsNumber, String file) {

    public static final Source UNKNOWN = new Source(null, null, null);

    /** The longest dataset id or file path kept: longer ones are not names but data. */
    public static final int MAX_NAME_LENGTH = 1000;

    public Source {
        outlet = blankToNull(outlet);
        url = blankToNull(url);
        if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("Source URL must start with http:// or https://, got: " + url);
        }
        id = name(id, "id");
        file = name(file == null ? null : file.replace('\\', '/'), "file");
        if (idIsNumber && (id == null || !isInteger(id))) {
            throw new IllegalArgumentException("The dataset id is said to be a number but is "
                    + (id == null ? "missing" : "\"" + id + "\""));
        }
    }

    public Source(String outlet, String url, LocalDate published) {
        this(outlet, url, published, null, false, null);
    }

    /** What the import of a dataset knows: only its id for the document and the file it came in. */
    public static Source inDataset(String id, boolean idIsNumber, String file) {
        return new Source(null, null, null, id, idIsNumber, file);
    }

    /** This source with the dataset's id and file taken from {@code dataset}. */
    public Source withDatasetName(Source dataset) {
        return new Source(outlet, url, published, dataset.id, dataset.idIsNumber, dataset.file);
    }

    /** Whether the dataset named the document (by id or file). */
    public boolean hasDatasetName() {
        return id != null || file != null;
    }

    /** An optional integer: "-12", "0", "17" (no leading zeros or plus, which a JSON number cannot have). */
    public static boolean isInteger(String s) {
        return s.matches("-?(0|[1-9][0-9]*)");
    }

    private static String name(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("The dataset " + what + " of a document may have at most "
                    + MAX_NAME_LENGTH + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("The dataset " + what + " of a document holds a control character"
                        + " (U+" + String.format("%04X", (int) value.charAt(i)) + ") at " + i);
            }
        }
        LoneSurrogates.refuse(value, "The dataset " + what + " of a document");
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
