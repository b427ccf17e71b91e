package org.slant.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slant.document.DocumentId;
import org.slant.storage.Limits;

/**
 * CoNLL / BIO columns, one token per line, in two dialects. A file holds tokens only, never the
 * document text, so every document must already be in the workspace: {@code workspaceText} gives
 * its text by id, and the tokens are checked against it.
 *
 * <ul>
 *   <li><b>Slant's own export</b> (the first line is {@code # columns: token start end <label ids>}):
 *       {@code token<TAB>start<TAB>end<TAB>tag...}, one tag column per label. The offsets are used
 *       as they are, each column is read on its own (so overlapping spans of different labels
 *       survive), and a span goes on across a blank line, because the export writes it so.</li>
 *   <li><b>Generic BIO</b> (models, CoNLL-2003): columns split by tabs or spaces, the first is the
 *       token and the last the tag; the others are ignored, and so is {@code -DOCSTART-}. The tokens
 *       are found in the document text in order, skipping white space between them; a blank line
 *       (a sentence end) ends a span.</li>
 * </ul>
 *
 * Tags: {@code O}, {@code B-X}, {@code I-X} (an I-X that does not continue an X span starts one, as
 * in IOB1), {@code E-X}/{@code L-X} (last) and {@code S-X}/{@code U-X} (single) of BIOES and BILOU.
 * A {@code # document: id} line starts a document; in a .zip, a file without one is the document
 * named after the file. When a document has blocks of several annotators ({@code # annotator:
 * name}), only the one named like the target layer is read; without such a block nothing is
 * guessed and the file is refused.
 */
public final class ConllReader {

    /** A zip's entries and sizes are capped by these. */
    private final Limits limits;

    public ConllReader() {
        this(Limits.DEFAULTS);
    }

    public ConllReader(Limits limits) {
        this.limits = limits;
    }

    private static final List<String> EXTENSIONS = List.of(".conll", ".txt", ".tsv", ".bio", ".iob");
    private static final String DOCUMENT = "# document:";
    private static final String ANNOTATOR = "# annotator:";
    private static final String COLUMNS = "# columns: token start end";
    private static final Pattern GENERIC_SEPARATOR = Pattern.compile("[ \t]+");

    /** A tag: kind is O, B, I, E (also L) or S (also U); label is null for O. */
    private record Tag(char kind, String label) {
    }

    /**
     * One token line. {@code start}/{@code end} are the file's code point offsets, -1 in the generic
     * dialect; {@code sentenceStart} is true after a blank line.
     */
    private record Row(int line, String token, int start, int end, List<Tag> tags, boolean sentenceStart) {
    }

    /** The token lines of one document as one file states them; {@code line} 0 for a whole file. */
    private record Block(String file, int line, String document, String annotator, boolean offsets, List<Row> rows) {

        String where() {
            return file + (line > 0 ? ", line " + line : "");
        }
    }

    /**
     * @param layer         the target annotator: picks the block of that name when a document has several
     * @param workspaceText the workspace's text of a document id, null when there is none (or the user
     *                      may not import into it)
     */
    public ImportedFile read(String fileName, byte[] content, String layer, Function<String, String> workspaceText) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        if (ImportText.isZip(content)) {
            boolean read = false;
            for (var e : ImportZip.entries(fileName, content, limits, problems).entrySet()) {
                String lower = e.getKey().toLowerCase(Locale.ROOT);
                if (EXTENSIONS.stream().anyMatch(lower::endsWith)) {
                    readFile(e.getKey(), e.getValue(), true, blocks, problems);
                    read = true;
                } else {
                    warnings.add(new ImportProblem(fileName, 0, "ignored " + e.getKey() + ": only "
                            + String.join(", ", EXTENSIONS) + " files are read"));
                }
            }
            if (!read && problems.isEmpty()) {
                problems.add(new ImportProblem(fileName, 0, "the zip holds no " + String.join(", ", EXTENSIONS) + " file"));
            }
        } else {
            readFile(fileName, content, false, blocks, problems);
        }
        if (blocks.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(fileName, 0, "the file holds no tokens"));
        }
        Map<String, List<Block>> byDocument = new LinkedHashMap<>();
        blocks.forEach(b -> byDocument.computeIfAbsent(b.document(), k -> new ArrayList<>()).add(b));
        List<ImportedDocument> documents = new ArrayList<>();
        for (List<Block> same : byDocument.values()) {
            Block block = choose(same, layer, problems, warnings);
            if (block == null) {
                continue;
            }
            // without a text the tokens cannot be placed: the document goes on without spans, and the
            // import service says why it has none (not in the workspace, or not the user's to write)
            String text = workspaceText.apply(block.document());
            List<ImportedSpan> spans = List.of();
            if (text != null) {
                int[][] offsets = place(block, text, problems);
                if (offsets == null) {
                    continue;
                }
                spans = spans(block, offsets);
            }
            documents.add(new ImportedDocument(block.document(), null, null, Map.of(), spans, block.file(), block.line()));
        }
        return new ImportedFile(documents, problems, warnings);
    }

    /** Reads one file's lines into blocks; a bad line is a problem and the rest is still read. */
    private static void readFile(String file, byte[] bytes, boolean inZip, List<Block> blocks, List<ImportProblem> problems) {
        String all = ImportText.withoutBom(ImportText.utf8(bytes, file, problems));
        if (all == null) {
            return;
        }
        List<String> lines = ImportText.lines(all);
        String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        // Slant's export names its columns on the first line; anything else is read as generic BIO
        String labelIds = first.startsWith(COLUMNS) ? first.substring(COLUMNS.length()).strip() : null;
        int labelColumns = labelIds == null ? -1 : labelIds.isEmpty() ? 0 : labelIds.split(" +").length;
        boolean named = lines.stream().anyMatch(l -> l.startsWith(DOCUMENT));
        Block block = null;
        boolean sentenceStart = true;
        boolean unnamedReported = false;
        for (int i = 0; i < lines.size(); i++) {
            int lineNr = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                sentenceStart = true;
            } else if (line.startsWith(DOCUMENT)) {
                String id = line.substring(DOCUMENT.length()).strip();
                block = null;
                if (id.isEmpty()) {
                    problems.add(new ImportProblem(file, lineNr, "the \"# document:\" line names no document id"));
                    unnamedReported = true; // its tokens belong to no document, and that is said once
                } else {
                    block = new Block(file, lineNr, id, null, labelColumns >= 0, new ArrayList<>());
                    blocks.add(block);
                }
                sentenceStart = true;
            } else if (line.startsWith(ANNOTATOR)) {
                if (block == null || !block.rows().isEmpty() || block.annotator() != null) {
                    problems.add(new ImportProblem(file, lineNr, "an \"# annotator:\" line belongs right after"
                            + " the \"# document:\" line, before the first token"));
                } else {
                    block = new Block(file, block.line(), block.document(), line.substring(ANNOTATOR.length()).strip(),
                            block.offsets(), block.rows());
                    blocks.set(blocks.size() - 1, block);
                }
            } else {
                Row row = labelColumns >= 0 ? slantRow(file, lineNr, line, labelColumns, sentenceStart, problems)
                        : genericRow(file, lineNr, line, sentenceStart, problems);
                if (row == null) {
                    continue; // a comment, -DOCSTART- or a bad line (the problem is added)
                }
                if (block == null && inZip && !named) {
                    block = new Block(file, 0, DocumentId.slugOf(ImportText.baseName(file)), null, labelColumns >= 0,
                            new ArrayList<>());
                    blocks.add(block);
                }
                if (block == null) {
                    if (!unnamedReported) {
                        problems.add(new ImportProblem(file, lineNr, "token \"" + ImportText.abbreviate(row.token())
                                + "\" comes before any document: add a line \"# document: <id>\" (the workspace"
                                + " document's id) before the first token"));
                        unnamedReported = true;
                    }
                    continue;
                }
                block.rows().add(row);
                sentenceStart = false;
            }
        }
    }

    /** token, start, end, one tag per label column, split by tabs; null for a comment or a bad line. */
    private static Row slantRow(String file, int lineNr, String line, int labelColumns, boolean sentenceStart,
                                List<ImportProblem> problems) {
        String[] cols = line.split("\t", -1);
        boolean comment = line.startsWith("#");
        if (cols.length != 3 + labelColumns) {
            if (!comment) {
                problems.add(new ImportProblem(file, lineNr, "expected " + (3 + labelColumns) + " tab-separated columns"
                        + " (token, start, end and one tag per label of the \"# columns:\" line), got " + cols.length));
            }
            return null;
        }
        if (!cols[1].matches("\\d{1,9}") || !cols[2].matches("\\d{1,9}")) {
            if (!comment) {
                problems.add(new ImportProblem(file, lineNr, "start and end must be whole numbers, got \""
                        + ImportText.abbreviate(cols[1]) + "\" and \"" + ImportText.abbreviate(cols[2]) + '"'));
            }
            return null;
        }
        List<Tag> tags = new ArrayList<>();
        for (int c = 3; c < cols.length; c++) {
            Tag tag = tag(cols[c]);
            if (tag == null) {
                problems.add(badTag(file, lineNr, cols[c]));
                return null;
            }
            tags.add(tag);
        }
        return new Row(lineNr, cols[0], Integer.parseInt(cols[1]), Integer.parseInt(cols[2]), tags, sentenceStart);
    }

    /** The first column is the token, the last the tag; null for a comment, -DOCSTART- or a bad line. */
    private static Row genericRow(String file, int lineNr, String line, boolean sentenceStart, List<ImportProblem> problems) {
        String[] cols = GENERIC_SEPARATOR.split(line.strip());
        if (cols[0].equals("-DOCSTART-")) {
            return null;
        }
        Tag tag = tag(cols[cols.length - 1]);
        if (line.startsWith("#") && (!cols[0].equals("#") || cols.length < 2 || tag == null)) {
            return null; // a comment; a "#" token with a tag is a token
        }
        if (cols.length < 2) {
            problems.add(new ImportProblem(file, lineNr, "expected a token and a tag (the last column), separated by"
                    + " tabs or spaces; got \"" + ImportText.abbreviate(line) + '"'));
            return null;
        }
        if (tag == null) {
            problems.add(badTag(file, lineNr, cols[cols.length - 1]));
            return null;
        }
        return new Row(lineNr, cols[0], -1, -1, List.of(tag), sentenceStart);
    }

    private static Tag tag(String s) {
        if (s.equals("O")) {
            return new Tag('O', null);
        }
        int kind = s.length() > 2 && s.charAt(1) == '-' ? "BIESLU".indexOf(s.charAt(0)) : -1;
        return kind < 0 ? null : new Tag("BIESES".charAt(kind), s.substring(2));
    }

    private static ImportProblem badTag(String file, int lineNr, String tag) {
        return new ImportProblem(file, lineNr, "\"" + ImportText.abbreviate(tag) + "\" is not a tag: expected O, or"
                + " B-, I-, E-, S- (BIOES) or L-, U- (BILOU) followed by a label");
    }

    /** The one block of a document to read, or null with a problem when it is not clear which. */
    private static Block choose(List<Block> blocks, String layer, List<ImportProblem> problems, List<ImportProblem> warnings) {
        if (blocks.size() == 1) {
            return blocks.get(0);
        }
        Block first = blocks.get(0);
        List<String> annotators = blocks.stream().map(b -> String.valueOf(b.annotator())).toList();
        List<String> places = blocks.stream().map(b -> b.annotator() == null ? b.where() : b.annotator() + " at " + b.where()).toList();
        if (blocks.stream().anyMatch(b -> b.annotator() == null) || annotators.stream().distinct().count() < blocks.size()) {
            problems.add(new ImportProblem(first.file(), first.line(), "document " + first.document() + " has "
                    + blocks.size() + " blocks (" + String.join("; ", places) + "); give each document one"
                    + " \"# document:\" block, or one per annotator with an \"# annotator:\" line"));
            return null;
        }
        Block own = blocks.stream().filter(b -> b.annotator().equals(layer)).findFirst().orElse(null);
        if (own == null) {
            problems.add(new ImportProblem(first.file(), first.line(), "document " + first.document() + " has the layers"
                    + " of several annotators (" + String.join("; ", places) + ") and none is named " + layer
                    + "; only one is imported: import into a layer of one of these names, or remove the other blocks"));
            return null;
        }
        warnings.add(new ImportProblem(own.file(), own.line(), "document " + own.document() + ": only the block of "
                + layer + " is read; the file also has " + annotators.stream().filter(a -> !a.equals(layer)).toList()));
        return own;
    }

    /**
     * Code point start and end of each row: the file's own offsets, checked against the text, or
     * (generic) the token found at the next non-white-space position. Null, with a problem at the
     * first token that does not fit; the tokens after it would all be off too.
     */
    private static int[][] place(Block block, String text, List<ImportProblem> problems) {
        int[] cps = text.codePoints().toArray();
        int[][] offsets = new int[block.rows().size()][];
        int at = 0;
        for (int r = 0; r < offsets.length; r++) {
            Row row = block.rows().get(r);
            int length = row.token().codePointCount(0, row.token().length());
            if (!block.offsets()) {
                while (at < cps.length && (Character.isWhitespace(cps[at]) || Character.isSpaceChar(cps[at]))) {
                    at++;
                }
            }
            int start = block.offsets() ? row.start() : at;
            int end = block.offsets() ? row.end() : at + length;
            String token = '"' + ImportText.abbreviate(row.token()) + '"';
            if (start >= cps.length || (block.offsets() && end > cps.length)) {
                problems.add(new ImportProblem(block.file(), row.line(), "token " + token + " at " + start
                        + " lies after the end of document " + block.document() + ", which has " + cps.length
                        + " characters (code points)"));
                return null;
            }
            String there = new String(cps, start, Math.min(Math.max(end, start), cps.length) - start);
            if (end <= start || !there.equals(row.token())) {
                problems.add(new ImportProblem(block.file(), row.line(), "token " + token + " does not match the"
                        + " document text at code point " + start + ", which has \"" + ImportText.abbreviate(there) + '"'));
                return null;
            }
            offsets[r] = new int[] {start, end};
            at = end;
        }
        return offsets;
    }

    /** Each tag column on its own: a span runs from its first token's start to its last token's end. */
    private static List<ImportedSpan> spans(Block block, int[][] offsets) {
        List<ImportedSpan> spans = new ArrayList<>();
        List<Row> rows = block.rows();
        int columns = rows.isEmpty() ? 0 : rows.get(0).tags().size();
        for (int c = 0; c < columns; c++) {
            int open = -1;
            String label = null;
            for (int r = 0; r < rows.size(); r++) {
                Tag tag = rows.get(r).tags().get(c);
                boolean continues = open >= 0 && (tag.kind() == 'I' || tag.kind() == 'E') && tag.label().equals(label)
                        && (block.offsets() || !rows.get(r).sentenceStart());
                if (!continues) {
                    if (open >= 0) {
                        spans.add(span(block, offsets, open, r - 1, label));
                    }
                    open = tag.kind() == 'O' ? -1 : r;
                    label = tag.label();
                }
                if (open >= 0 && (tag.kind() == 'E' || tag.kind() == 'S')) {
                    spans.add(span(block, offsets, open, r, label));
                    open = -1;
                }
            }
            if (open >= 0) {
                spans.add(span(block, offsets, open, rows.size() - 1, label));
            }
        }
        return spans;
    }

    private static ImportedSpan span(Block block, int[][] offsets, int first, int last, String label) {
        return new ImportedSpan(offsets[first][0], offsets[last][1], label, null, null, block.file(),
                block.rows().get(first).line());
    }
}
