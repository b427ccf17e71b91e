package org.slant.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns what a user pastes or uploads (.txt, .md, .html) into a title and plain article text: one
 * paragraph per line, line ends as LF, no markup. Every refusal says what was wrong and where.
 */
public final class DocumentImporter {

    /** A document ready to be stored: the user may still edit the title. */
    public record Draft(String title, String text) {
    }

    /** Trailing lines that scrapers pick up from comment widgets and share bars, not article text. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)(post a comment|leave a (comment|reply)|\\d* ?comments?|share( this( article| post)?)?|"
                    + "advertisement|subscribe( now)?|related (posts|articles)|read more|sign up for.*newsletter.*)");
    private static final Pattern MD_HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    /** *italic* and _italic_, but not 2 * 3 * 4 or snake_case_names. */
    private static final Pattern MD_ITALIC = Pattern.compile(
            "(?<![\\w*])\\*(?![\\s*])(.+?)(?<![\\s*])\\*(?![\\w*])|(?<![\\w_])_(?![\\s_])(.+?)(?<![\\s_])_(?![\\w_])");

    private final int maxBytes;

    public DocumentImporter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Imports a file by its name's extension: .txt, .md, .markdown, .html or .htm. */
    public Draft importFile(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        // the type is checked before the bytes, so a PDF is refused as a PDF, not as bad UTF-8
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return fromHtml(fileName, decode(fileName, bytes));
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return fromMarkdown(fileName, decode(fileName, bytes));
        }
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            return fromText(fileName, decode(fileName, bytes));
        }
        throw new ImportException(fileName + ": only .txt, .md and .html files can be added, not "
                + (name.contains(".") ? name.substring(name.lastIndexOf('.')) : "a file without an extension"));
    }

    /** Pasted text: first non-blank line is the title. */
    public Draft fromText(String origin, String raw) {
        checkSize(origin, raw.getBytes(StandardCharsets.UTF_8).length);
        String text = cleanLines(origin, raw);
        return new Draft(firstLine(text), text);
    }

    public Draft fromMarkdown(String origin, String raw) {
        checkSize(origin, raw.getBytes(StandardCharsets.UTF_8).length);
        List<String> lines = new ArrayList<>();
        for (String line : normalizeBreaks(raw).split("\n", -1)) {
            String l = MD_HEADING.matcher(line).replaceFirst("");
            l = MD_LINK.matcher(l).replaceAll("$1");
            l = MD_EMPHASIS.matcher(l).replaceAll("$2");
            l = MD_ITALIC.matcher(l).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                    m.group(1) != null ? m.group(1) : m.group(2)));
            lines.add(l);
        }
        String text = cleanLines(origin, String.join("\n", lines));
        return new Draft(firstLine(text), text);
    }

    /** HTML is reduced to the article's text with jsoup; scripts, styles and markup never get through. */
    public Draft fromHtml(String origin, String html) {
        checkSize(origin, html.getBytes(StandardCharsets.UTF_8).length);
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        page.select("script, style, noscript, template, iframe, svg, nav, footer, aside, form, "
                + "button, [hidden], [aria-hidden=true]").remove();
        // a site's header goes, but an article's own header holds its headline
        for (Element header : page.select("header")) {
            if (header.parent() != null && header.closest("article, main") == null) {
                header.remove();
            }
        }
        Element root = page.selectFirst("article");
        if (root == null) {
            root = page.selectFirst("main");
        }
        if (root == null) {
            root = page.body();
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        collectBlocks(root, paragraphs, current);
        flush(paragraphs, current);
        String text = cleanLines(origin, String.join("\n", paragraphs));
        String title = page.title().isBlank() ? firstLine(text) : page.title().strip();
        Element h1 = root.selectFirst("h1");
        if (page.title().isBlank() && h1 != null && !h1.text().isBlank()) {
            title = h1.text().strip();
        }
        return new Draft(title, text);
    }

    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6",
            "li", "blockquote", "section", "article", "main", "pre", "figcaption", "dd", "dt", "tr", "table", "ul", "ol",
            "br", "hr", "figure", "address", "caption");

    private static void collectBlocks(Node node, List<String> out, StringBuilder current) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                current.append(t.getWholeText());
            } else if (child instanceof Element e) {
                boolean block = BLOCKS.contains(e.normalName());
                if (block) {
                    flush(out, current);
                }
                collectBlocks(e, out, current);
                if (block) {
                    flush(out, current);
                }
            }
        }
    }

    private static void flush(List<String> out, StringBuilder current) {
        String p = current.toString().replaceAll("[\\s\\u00a0]+", " ").strip();
        if (!p.isEmpty()) {
            out.add(p);
        }
        current.setLength(0);
    }

    /** Strict UTF-8: a wrong byte is reported with its position instead of becoming U+FFFD. */
    public String decode(String origin, byte[] bytes) {
        if (bytes.length == 0) {
            throw new ImportException(origin + " is empty");
        }
        checkSize(origin, bytes.length);
        int zero = StrictUtf8.zeroByte(bytes, 8192);
        if (zero >= 0) {
            throw new ImportException(origin + " looks like a binary file (a zero byte at position " + zero + "), not text");
        }
        try {
            String text = StrictUtf8.decode(bytes);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (StrictUtf8.Malformed e) {
            throw new ImportException(origin + " is " + e.getMessage() + ". Save the file as UTF-8 and try again.");
        }
    }

    /** The largest document, in UTF-8 bytes (setting slant.max-document-bytes). */
    public int maxBytes() {
        return maxBytes;
    }

    void checkSize(String origin, long bytes) {
        if (bytes > maxBytes) {
            throw new ImportException(origin + " is " + (bytes / 1024) + " KB; the limit is " + (maxBytes / 1024)
                    + " KB per document. Split the article or raise slant.max-document-bytes.");
        }
    }

    private static String normalizeBreaks(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** LF line ends, no trailing spaces, no blank lines, no scraped boilerplate at the end. */
    private static String cleanLines(String origin, String raw) {
        // where the user's own input has it (line and offset), before blank lines are dropped
        String loneSurrogate = LoneSurrogates.describe(raw, origin);
        if (loneSurrogate != null) {
            throw new ImportException(loneSurrogate);
        }
        List<String> lines = new ArrayList<>();
        for (String line : normalizeBreaks(raw).split("\n")) {
            String l = line.replaceAll("[\\t\\x0B\\f\\u00a0 ]+$", "").replaceAll("[\\p{Cc}&&[^\\t]]", "");
            if (!l.isBlank()) {
                lines.add(l);
            }
        }
        while (!lines.isEmpty() && BOILERPLATE.matcher(lines.getLast().strip()).matches()) {
            lines.removeLast();
        }
        if (lines.isEmpty()) {
            throw new ImportException(origin + " has no text to annotate");
        }
        return String.join("\n", lines);
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }
}
