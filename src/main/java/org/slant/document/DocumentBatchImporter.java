package org.slant.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slant.document.DocumentImporter.Draft;
import org.slant.storage.LimitExceededException;
import org.slant.storage.Limits;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one upload into many documents: a .zip of .txt/.md/.html files, a .jsonl file with one
 * {"text": ...} object per line, or a single .txt/.md/.html file. Each document still goes through
 * {@link DocumentImporter}, so the same UTF-8, size and binary checks (and messages) apply. A bad file
 * or line is reported and the others are still read; only a refusal of the whole upload throws.
 */
public final class DocumentBatchImporter {

    /** One document found in an upload; origin names where it came from ("news.zip/a/b.txt", "data.jsonl line 3"). */
    public record Item(String origin, Draft draft, Source source) {
    }

    /** What an upload holds: the documents read, and one message per file, line or field that was not taken. */
    public record Batch(List<Item> items, List<String> problems) {
        public Batch {
            items = List.copyOf(items);
            problems = List.copyOf(problems);
        }
    }

    /** Documents in one .jsonl upload (a zip's entries are capped by slant.limits.zip-entries). */
    static final int MAX_DOCUMENTS = 5_000;

    /** Fields a JSONL line may have that become part of the document (everything else is reported). */
    private static final java.util.Set<String> USED_FIELDS = java.util.Set.of("text", "title", "source", "outlet",
            "url", "published");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DocumentImporter importer;
    private final Limits limits;

    public DocumentBatchImporter(DocumentImporter importer) {
        this(importer, Limits.DEFAULTS);
    }

    /** {@code limits}: the upload's size, a zip's entries and unpacked sizes. */
    public DocumentBatchImporter(DocumentImporter importer, Limits limits) {
        this.importer = importer;
        this.limits = limits;
    }

    /** True for the uploads that can hold several documents (.zip, .jsonl). */
    public static boolean isBatchFile(String fileName) {
        String name = lower(fileName);
        return name.endsWith(".zip") || name.endsWith(".jsonl");
    }

    /**
     * @throws ImportException         when the upload as a whole cannot be read (not a zip, empty, too many
     *                                  documents, a single file the importer refuses)
     * @throws LimitExceededException   when the upload, a zip's entry count or its unpacked size is over a limit
     */
    public Batch read(String fileName, byte[] bytes) {
        String name = lower(fileName);
        limits.requireUpload(fileName, bytes.length);
        if (name.endsWith(".zip")) {
            return readZip(fileName, bytes);
        }
        if (name.endsWith(".jsonl")) {
            return readJsonl(fileName, bytes);
        }
        return new Batch(List.of(new Item(fileName, importer.importFile(fileName, bytes), Source.UNKNOWN)), List.of());
    }

    // ---- zip ----

    private Batch readZip(String zipName, byte[] zip) {
        // "PK\3\4" starts a zip with files, "PK\5\6" an empty one; anything else was only named .zip
        if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K' || !(zip[2] == 3 && zip[3] == 4 || zip[2] == 5 && zip[3] == 6)) {
            throw new ImportException(zipName + " is not a zip file (it does not start with the zip signature PK)");
        }
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int entries = 0;
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            byte[] buffer = new byte[64 * 1024];
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                limits.requireZipEntries(zipName, ++entries);
                String path = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || isHiddenOrMacMetadata(path)) {
                    continue;
                }
                if (!isDocumentName(path)) {
                    skipped.add(path);
                    continue;
                }
                // read one entry at a time and let it go after import: only the running total is kept. Bytes
                // past the document limit are counted, not kept (the entry is refused), until an unpacking limit
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long size = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    unpacked += n;
                    limits.requireZipUnpacked(zipName, path, size, unpacked);
                    if (size <= importer.maxBytes()) {
                        out.write(buffer, 0, n);
                    }
                }
                String origin = zipName + "/" + path;
                try {
                    importer.checkSize(origin, size);
                    items.add(new Item(origin, importer.importFile(origin, out.toByteArray()), Source.UNKNOWN));
                } catch (ImportException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof ImportException refusal) {
                throw refusal;
            }
            // a damaged zip: keep what was read before the damage, and say where it stopped
            if (items.isEmpty() && problems.isEmpty()) {
                throw new ImportException(zipName + " cannot be read as a zip: " + e.getMessage());
            }
            problems.add(zipName + ": reading stopped after " + entries + " entries, the zip is damaged: "
                    + e.getMessage());
        }
        if (!skipped.isEmpty()) {
            problems.add(zipName + ": skipped, not .txt, .md or .html: " + String.join(", ", skipped));
        }
        if (items.isEmpty() && problems.isEmpty()) {
            throw new ImportException(zipName + " holds no files to add (.txt, .md or .html)");
        }
        return new Batch(items, problems);
    }

    /** macOS adds "__MACOSX/" and "._name" copies; dot files and dot folders are never articles. */
    private static boolean isHiddenOrMacMetadata(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDocumentName(String path) {
        String name = lower(path);
        return name.endsWith(".txt") || name.endsWith(".text") || name.endsWith(".md") || name.endsWith(".markdown")
                || name.endsWith(".html") || name.endsWith(".htm");
    }

    // ---- JSON Lines ----

    private Batch readJsonl(String fileName, byte[] bytes) {
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        TreeSet<String> unusedFields = new TreeSet<>();
        int lineNumber = 0;
        int start = 0;
        while (start <= bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            lineNumber++;
            String origin = fileName + " line " + lineNumber;
            // '\n' never occurs inside a UTF-8 sequence, so lines are split before decoding and a bad byte
            // is reported with its own line number
            byte[] line = java.util.Arrays.copyOfRange(bytes, start, end);
            start = end + 1;
            if (isBlank(line)) {
                continue;
            }
            if (items.size() >= MAX_DOCUMENTS) {
                throw new ImportException(fileName + " holds more than " + MAX_DOCUMENTS
                        + " documents; split it into smaller files");
            }
            try {
                items.add(readLine(origin, importer.decode(origin, line), problems, unusedFields));
            } catch (ImportException e) {
                problems.add(e.getMessage());
            }
        }
        if (!unusedFields.isEmpty()) {
            problems.add(fileName + ": the fields " + String.join(", ", unusedFields) + " are kept only in the file;"
                    + " a document stores its title, text and source (outlet, url, published)");
        }
        if (items.isEmpty() && problems.isEmpty()) {
            throw new ImportException(fileName + " holds no documents: every line is blank");
        }
        return new Batch(items, problems);
    }

    private Item readLine(String origin, String line, List<String> problems, java.util.Set<String> unusedFields) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new ImportException(origin + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ImportException(origin + " is not a JSON object");
        }
        JsonNode text = node.get("text");
        if (text == null || text.isNull()) {
            throw new ImportException(origin + " has no \"text\" field");
        }
        if (!text.isString()) {
            throw new ImportException(origin + ": \"text\" must be a string, not " + text.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        Draft draft = importer.fromText(origin, text.asString());
        String title = string(node.get("title"));
        if (title != null && !title.isBlank()) {
            draft = new Draft(title.strip(), draft.text());
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!USED_FIELDS.contains(field.getKey())) {
                unusedFields.add(field.getKey());
            }
        }
        return new Item(origin, draft, source(origin, node, problems));
    }

    /**
     * Top-level "outlet", "url" and "published", or a "source" that is either an outlet name or an object
     * with those fields (as Slant's own JSONL export writes it). A bad URL or date is dropped with a warning.
     */
    private static Source source(String origin, JsonNode node, List<String> problems) {
        JsonNode nested = node.get("source");
        JsonNode from = nested != null && nested.isObject() ? nested : node;
        String outlet = string(from.get("outlet"));
        if (outlet == null && nested != null && nested.isString()) {
            outlet = nested.asString();
        }
        String url = string(from.get("url"));
        if (url != null && !url.isBlank() && !(url.strip().startsWith("http://") || url.strip().startsWith("https://"))) {
            problems.add(origin + ": the url \"" + url + "\" does not start with http:// or https:// and was dropped");
            url = null;
        }
        LocalDate published = null;
        String date = string(from.get("published"));
        if (date != null && !date.isBlank()) {
            try {
                // "2025-08-16" or a timestamp that starts with one
                published = LocalDate.parse(date.strip().length() > 10 ? date.strip().substring(0, 10) : date.strip());
            } catch (DateTimeParseException e) {
                problems.add(origin + ": the published date \"" + date + "\" is not a date like 2025-08-16 and was dropped");
            }
        }
        return new Source(outlet, url, published);
    }

    /** A string field as text; numbers and other values as their JSON text; null when absent. */
    private static String string(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String lower(String fileName) {
        return fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    }
}
