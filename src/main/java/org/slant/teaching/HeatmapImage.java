package org.slant.teaching;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.slant.label.Scheme;

/**
 * The class heatmap as a picture for slides: the text in a monospaced grid, wrapped at word boundaries
 * at {@code columns} characters, each character's background shaded by how many students marked it
 * (one label, or all labels when {@code label} is null) on a single-hue scale from white to dark blue,
 * and the reference drawn as a thick black underline, so it reads in greyscale and without colour. A
 * legend sits below. SVG (each shaded run has a hover title with its counts) or PNG (Java2D, headless).
 *
 * <p>Every code point takes one grid cell, so the SVG and the PNG have the same layout and offsets map
 * to cells directly.
 */
public final class HeatmapImage {

    public static final int MARGIN = 20;
    public static final int CELL_WIDTH = 9;
    public static final int LINE_HEIGHT = 24;
    public static final int LEGEND_HEIGHT = 56;
    public static final int FONT_SIZE = 14;
    static final Color LIGHTEST = new Color(0xf7, 0xfb, 0xff);
    static final Color DARKEST = new Color(0x08, 0x30, 0x6b);

    /** One laid-out line: code points {@code [start, end)} of the text. */
    public record Line(int start, int end) {
    }

    private final ClassHeatmap map;
    private final String label;
    private final String caption;
    private final int columns;
    private final int[] codePoints;
    private final List<Line> lines;

    public HeatmapImage(ClassHeatmap map, Scheme labels, String label, String title, int columns) {
        if (columns < 20) {
            throw new IllegalArgumentException("A heatmap line needs at least 20 columns, got " + columns);
        }
        if (label != null) {
            map.labelIndex(label); // refuses a label not in play
        }
        this.map = map;
        this.label = label;
        this.columns = columns;
        this.codePoints = map.text().codePoints().toArray();
        this.lines = wrap(codePoints, columns);
        String which = label == null ? "all labels" : Grading.labelName(labels, label);
        this.caption = (title == null || title.isBlank() ? "Class heatmap" : title.strip()) + " · " + which + " · "
                + map.students() + (map.students() == 1 ? " student" : " students");
    }

    public List<Line> lines() {
        return lines;
    }

    public int width() {
        return 2 * MARGIN + columns * CELL_WIDTH;
    }

    public int height() {
        return MARGIN + lines.size() * LINE_HEIGHT + LEGEND_HEIGHT + MARGIN;
    }

    /**
     * Breaks at line breaks, and before {@code columns} is exceeded at the last white space (which is
     * not drawn); a word longer than a line is cut.
     */
    static List<Line> wrap(int[] cps, int columns) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = cps.length;
        while (start <= n) {
            int limit = Math.min(n, start + columns);
            int newline = -1;
            for (int i = start; i < limit; i++) {
                if (cps[i] == '\n' || cps[i] == '\r') {
                    newline = i;
                    break;
                }
            }
            if (newline >= 0) {
                lines.add(new Line(start, newline));
                start = newline + (cps[newline] == '\r' && newline + 1 < n && cps[newline + 1] == '\n' ? 2 : 1);
                continue;
            }
            if (limit == n) {
                if (limit > start || lines.isEmpty()) {
                    lines.add(new Line(start, n));
                }
                break;
            }
            if (cps[limit] == '\n' || cps[limit] == '\r' || Character.isWhitespace(cps[limit])) {
                lines.add(new Line(start, limit)); // fits exactly; the break or space after it goes next round
                start = Character.isWhitespace(cps[limit]) && cps[limit] != '\n' && cps[limit] != '\r' ? limit + 1 : limit;
                continue;
            }
            int space = -1;
            for (int i = limit - 1; i > start; i--) {
                if (Character.isWhitespace(cps[i])) {
                    space = i;
                    break;
                }
            }
            if (space > start) {
                lines.add(new Line(start, space));
                start = space + 1;
            } else {
                lines.add(new Line(start, limit));
                start = limit;
            }
        }
        return lines;
    }

    /** A stretch of one line with the same count and reference: one rectangle, one hover title. */
    private record Run(int start, int end, int count, boolean reference) {
    }

    private List<Run> runs(Line line) {
        List<Run> runs = new ArrayList<>();
        int i = line.start();
        while (i < line.end()) {
            int count = map.shade(label, i);
            boolean ref = map.referenceShade(label, i);
            List<String> refLabels = map.referenceLabels(i);
            int j = i + 1;
            while (j < line.end() && map.shade(label, j) == count && map.referenceShade(label, j) == ref
                    && map.referenceLabels(j).equals(refLabels)) {
                j++;
            }
            runs.add(new Run(i, j, count, ref));
            i = j;
        }
        return runs;
    }

    /** Share of the class, 0..1, mapped to the single-hue scale. */
    Color shade(int count) {
        double t = map.students() == 0 ? 0 : (double) count / map.students();
        return new Color(mix(LIGHTEST.getRed(), DARKEST.getRed(), t), mix(LIGHTEST.getGreen(), DARKEST.getGreen(), t),
                mix(LIGHTEST.getBlue(), DARKEST.getBlue(), t));
    }

    private boolean darkText(int count) {
        return map.students() == 0 || (double) count / map.students() <= 0.55;
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private String hover(Run run) {
        String students = run.count + " of " + map.students() + " students marked this"
                + (label == null ? "" : " as " + label);
        List<String> ref = label == null ? map.referenceLabels(run.start)
                : run.reference ? List.of(label) : List.of();
        return students + (ref.isEmpty() ? "; not in the reference" : "; reference: " + String.join(", ", ref));
    }

    /** Legend swatches: 0, a quarter, half, three quarters and all of the class (distinct counts only). */
    private List<Integer> legendCounts() {
        List<Integer> counts = new ArrayList<>();
        int n = map.students();
        for (int k = 0; k <= 4; k++) {
            int c = (int) Math.round(n * k / 4.0);
            if (counts.isEmpty() || counts.getLast() != c) {
                counts.add(c);
            }
        }
        return counts;
    }

    // ---- SVG ----

    public String svg() {
        StringBuilder sb = new StringBuilder(map.length() * 4 + 4096);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width())
                .append("\" height=\"").append(height()).append("\" viewBox=\"0 0 ").append(width()).append(' ')
                .append(height()).append("\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"")
                .append(FONT_SIZE).append("\">\n");
        sb.append("<title>").append(xml(caption)).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (int li = 0; li < lines.size(); li++) {
            Line line = lines.get(li);
            int top = MARGIN + li * LINE_HEIGHT;
            for (Run run : runs(line)) {
                int x = MARGIN + (run.start - line.start()) * CELL_WIDTH;
                int w = (run.end - run.start) * CELL_WIDTH;
                if (run.count > 0 || run.reference) {
                    sb.append("<rect class=\"run\" x=\"").append(x).append("\" y=\"").append(top)
                            .append("\" width=\"").append(w).append("\" height=\"").append(LINE_HEIGHT - 4)
                            .append("\" fill=\"").append(hex(run.count > 0 ? shade(run.count) : Color.WHITE))
                            .append("\" data-start=\"").append(run.start).append("\" data-end=\"").append(run.end)
                            .append("\" data-count=\"").append(run.count).append("\"><title>").append(xml(hover(run)))
                            .append("</title></rect>\n");
                }
                if (run.reference) {
                    sb.append("<rect class=\"reference\" x=\"").append(x).append("\" y=\"").append(top + LINE_HEIGHT - 6)
                            .append("\" width=\"").append(w).append("\" height=\"3\" fill=\"#000000\"/>\n");
                }
                String text = text(run.start, run.end);
                if (!text.isBlank()) {
                    sb.append("<text x=\"").append(x).append("\" y=\"").append(top + LINE_HEIGHT - 9)
                            .append("\" xml:space=\"preserve\" textLength=\"").append(w)
                            .append("\" lengthAdjust=\"spacingAndGlyphs\" fill=\"")
                            .append(darkText(run.count) ? "#000000" : "#ffffff").append("\">")
                            .append(xml(text)).append("</text>\n");
                }
            }
        }
        int legendTop = MARGIN + lines.size() * LINE_HEIGHT + 12;
        sb.append("<g class=\"legend\">\n");
        sb.append("<text x=\"").append(MARGIN).append("\" y=\"").append(legendTop + 14).append("\">")
                .append(xml(caption)).append("</text>\n");
        int x = MARGIN;
        int y = legendTop + 24;
        for (int c : legendCounts()) {
            sb.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"18\" height=\"14\" fill=\"")
                    .append(hex(shade(c))).append("\" stroke=\"#888888\" data-count=\"").append(c).append("\"/>\n");
            sb.append("<text x=\"").append(x + 22).append("\" y=\"").append(y + 12).append("\">").append(c).append("</text>\n");
            x += 22 + 9 * (String.valueOf(c).length() + 2);
        }
        sb.append("<text x=\"").append(x).append("\" y=\"").append(y + 12).append("\">students</text>\n");
        x += 9 * 12;
        sb.append("<rect x=\"").append(x).append("\" y=\"").append(y + 9).append("\" width=\"27\" height=\"3\" fill=\"#000000\"/>\n");
        sb.append("<text x=\"").append(x + 32).append("\" y=\"").append(y + 12).append("\">in the reference</text>\n");
        sb.append("</g>\n</svg>\n");
        return sb.toString();
    }

    private String text(int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            sb.appendCodePoint(drawable(codePoints[i]));
        }
        return sb.toString();
    }

    /** Tabs and characters XML 1.0 forbids (control characters, lone surrogates) are drawn as a space. */
    private static int drawable(int cp) {
        boolean allowed = cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF && !(cp >= 0xD800 && cp <= 0xDFFF)
                && !(cp >= 0x7F && cp <= 0x9F);
        return allowed ? cp : ' ';
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.appendCodePoint(drawable(cp));
            }
        });
        return sb.toString();
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    // ---- PNG ----

    public BufferedImage image() {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width(), height());
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, FONT_SIZE));
            for (int li = 0; li < lines.size(); li++) {
                Line line = lines.get(li);
                int top = MARGIN + li * LINE_HEIGHT;
                for (Run run : runs(line)) {
                    int x = MARGIN + (run.start - line.start()) * CELL_WIDTH;
                    int w = (run.end - run.start) * CELL_WIDTH;
                    if (run.count > 0) {
                        g.setColor(shade(run.count));
                        g.fillRect(x, top, w, LINE_HEIGHT - 4);
                    }
                    if (run.reference) {
                        g.setColor(Color.BLACK);
                        g.fillRect(x, top + LINE_HEIGHT - 6, w, 3);
                    }
                    g.setColor(darkText(run.count) ? Color.BLACK : Color.WHITE);
                    for (int i = run.start; i < run.end; i++) {
                        int cp = drawable(codePoints[i]);
                        if (cp != ' ') {
                            g.drawString(new String(Character.toChars(cp)), MARGIN + (i - line.start()) * CELL_WIDTH,
                                    top + LINE_HEIGHT - 9);
                        }
                    }
                }
            }
            int legendTop = MARGIN + lines.size() * LINE_HEIGHT + 12;
            g.setColor(Color.BLACK);
            g.drawString(caption, MARGIN, legendTop + 14);
            int x = MARGIN;
            int y = legendTop + 24;
            g.setStroke(new BasicStroke(1));
            for (int c : legendCounts()) {
                g.setColor(shade(c));
                g.fillRect(x, y, 18, 14);
                g.setColor(Color.GRAY);
                g.drawRect(x, y, 18, 14);
                g.setColor(Color.BLACK);
                g.drawString(String.valueOf(c), x + 22, y + 12);
                x += 22 + 9 * (String.valueOf(c).length() + 2);
            }
            g.drawString("students", x, y + 12);
            x += 9 * 12;
            g.fillRect(x, y + 9, 27, 3);
            g.drawString("in the reference", x + 32, y + 12);
        } finally {
            g.dispose();
        }
        return image;
    }

    public void writePng(OutputStream out) throws IOException {
        if (!ImageIO.write(image(), "png", out)) {
            throw new IOException("No PNG writer available");
        }
    }
}
