package org.slant.ui;

import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slant.label.Scheme;
import org.slant.teaching.ClassHeatmap;

/**
 * The class heatmap drawn as the article's own text: each run of characters shaded by how many
 * students marked it (one label, or all labels), the reference as a thick underline (so it reads
 * without colour), and a hover title with the count per label. Written as one block of HTML rather
 * than a component per run, so a long article costs one element update.
 */
final class HeatmapPanel extends Div {

    /** The same single-hue scale as the SVG and PNG, so the slides match the screen. */
    private static final int[] LIGHTEST = {0xf7, 0xfb, 0xff};
    private static final int[] DARKEST = {0x08, 0x30, 0x6b};

    private final Div text = new Div();
    private final Div legend = new Div();

    HeatmapPanel() {
        addClassName("slant-heatmap");
        text.addClassName("slant-heatmap-text");
        text.setId("heatmap-text");
        legend.addClassName("slant-heatmap-legend");
        add(text, legend);
    }

    /** Shows the map for one label id, or for all labels when {@code label} is null. */
    void show(ClassHeatmap map, Scheme labels, String label) {
        int[] cps = map.text().codePoints().toArray();
        StringBuilder html = new StringBuilder(cps.length * 2);
        int i = 0;
        while (i < cps.length) {
            String hover = hover(map, labels, label, i);
            int shade = map.shade(label, i);
            boolean ref = map.referenceShade(label, i);
            int j = i + 1;
            while (j < cps.length && map.shade(label, j) == shade && map.referenceShade(label, j) == ref
                    && hover.equals(hover(map, labels, label, j))) {
                j++;
            }
            StringBuilder run = new StringBuilder();
            for (int k = i; k < j; k++) {
                run.appendCodePoint(cps[k]);
            }
            if (shade == 0 && !ref) {
                html.append(escape(run.toString()));
            } else {
                double t = map.students() == 0 ? 0 : (double) shade / map.students();
                html.append("<span class=\"run").append(ref ? " ref" : "").append("\" data-count=\"").append(shade)
                        .append("\" style=\"background:").append(color(t)).append(";color:")
                        .append(t > 0.55 ? "#fff" : "#000").append("\" title=\"").append(escape(hover)).append("\">")
                        .append(escape(run.toString())).append("</span>");
            }
            i = j;
        }
        text.getElement().setProperty("innerHTML", html.toString());
        legend.getElement().setProperty("innerHTML", legend(map.students()));
    }

    /** "3 of 5 students marked this: Opinion 2, Reported fact 1 · reference: Opinion". */
    static String hover(ClassHeatmap map, Scheme labels, String label, int cp) {
        List<String> parts = new ArrayList<>();
        for (int l = 0; l < map.labels().size(); l++) {
            int c = map.count(l, cp);
            if (c > 0) {
                parts.add(name(labels, map.labels().get(l)) + " " + c);
            }
        }
        int shown = map.shade(label, cp);
        String who = shown + " of " + map.students() + " students marked this"
                + (label == null ? "" : " as " + name(labels, label))
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
        List<String> ref = map.referenceLabels(cp).stream().map(l -> name(labels, l)).toList();
        return who + " · " + (ref.isEmpty() ? "not in the reference" : "reference: " + String.join(", ", ref));
    }

    private static String name(Scheme labels, String id) {
        return labels.find(id).map(l -> l.name()).orElse(id);
    }

    private static String legend(int students) {
        StringBuilder sb = new StringBuilder();
        List<Integer> steps = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            int c = (int) Math.round(students * k / 4.0);
            if (steps.isEmpty() || steps.getLast() != c) {
                steps.add(c);
            }
        }
        for (int c : steps) {
            double t = students == 0 ? 0 : (double) c / students;
            sb.append("<span class=\"swatch\" style=\"background:").append(color(t)).append("\"></span> ")
                    .append(c).append(" &nbsp; ");
        }
        sb.append("of ").append(students).append(students == 1 ? " student" : " students")
                .append(" &nbsp; <span class=\"run ref\">underlined</span> = in the reference");
        return sb.toString();
    }

    static String color(double t) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(0, t), mix(1, t), mix(2, t));
    }

    private static int mix(int channel, double t) {
        return (int) Math.round(LIGHTEST[channel] + (DARKEST[channel] - LIGHTEST[channel]) * t);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
