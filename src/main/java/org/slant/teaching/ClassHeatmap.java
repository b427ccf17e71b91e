package org.slant.teaching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;

/**
 * How many students marked each character of the exercise text, per label in play and over all of
 * them, with the reference overlaid. Built from submissions only (students' unsubmitted work is
 * private). Positions are code points.
 *
 * <ul>
 *   <li>{@link #count(int, int)}: students who marked the code point with that label; a student whose
 *       spans of that label overlap is counted once.</li>
 *   <li>{@link #total(int)}: students who marked it with any label in play, each student once.</li>
 *   <li>{@link #inReference(int, int)}: whether a reference span (labels in play) of that label covers it.</li>
 * </ul>
 * Plain int arrays: a 24,000-character article with four labels is under half a megabyte.
 */
public final class ClassHeatmap {

    private final String text;
    private final CodePointIndex index;
    private final List<String> labels;
    private final int students;
    private final int[][] counts;
    private final int[] totals;
    private final boolean[][] reference;

    private ClassHeatmap(String text, List<String> labels, int students, int[][] counts, int[] totals,
                         boolean[][] reference) {
        this.text = text;
        this.index = new CodePointIndex(text);
        this.labels = labels;
        this.students = students;
        this.counts = counts;
        this.totals = totals;
        this.reference = reference;
    }

    public static ClassHeatmap of(Exercise exercise, String text, List<Submission> submissions) {
        List<String> labels = List.copyOf(exercise.labels());
        int n = text.codePointCount(0, text.length());
        int[][] counts = new int[labels.size()][n];
        int[] totals = new int[n];
        boolean[] anyLabel = new boolean[n];
        boolean[] thisLabel = new boolean[n];
        for (Submission submission : submissions) {
            java.util.Arrays.fill(anyLabel, false);
            for (int l = 0; l < labels.size(); l++) {
                java.util.Arrays.fill(thisLabel, false);
                for (Span s : submission.spans()) {
                    if (s.label().equals(labels.get(l))) {
                        java.util.Arrays.fill(thisLabel, Math.min(s.start(), n), Math.min(s.end(), n), true);
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (thisLabel[i]) {
                        counts[l][i]++;
                        anyLabel[i] = true;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (anyLabel[i]) {
                    totals[i]++;
                }
            }
        }
        boolean[][] reference = new boolean[labels.size()][n];
        for (Span s : exercise.gradedReference()) {
            java.util.Arrays.fill(reference[labels.indexOf(s.label())], Math.min(s.start(), n), Math.min(s.end(), n), true);
        }
        return new ClassHeatmap(text, labels, submissions.size(), counts, totals, reference);
    }

    public String text() {
        return text;
    }

    /** Length of the text in code points. */
    public int length() {
        return totals.length;
    }

    /** The labels in play, in the exercise's order; the label indexes of this class refer to it. */
    public List<String> labels() {
        return labels;
    }

    /** Students whose submissions are counted: the "of N" of every count. */
    public int students() {
        return students;
    }

    public int count(int label, int codePoint) {
        return counts[label][codePoint];
    }

    public int count(String label, int codePoint) {
        return counts[labelIndex(label)][codePoint];
    }

    public int total(int codePoint) {
        return totals[codePoint];
    }

    public boolean inReference(int label, int codePoint) {
        return reference[label][codePoint];
    }

    /** Whether any reference span of a label in play covers the code point. */
    public boolean inReference(int codePoint) {
        for (boolean[] r : reference) {
            if (r[codePoint]) {
                return true;
            }
        }
        return false;
    }

    /** The label ids the reference has at this code point, in label order (for the hover text). */
    public List<String> referenceLabels(int codePoint) {
        List<String> found = new ArrayList<>();
        for (int l = 0; l < labels.size(); l++) {
            if (reference[l][codePoint]) {
                found.add(labels.get(l));
            }
        }
        return found;
    }

    /** Counts for one label, or over all labels when {@code label} is null. */
    public int shade(String label, int codePoint) {
        return label == null ? totals[codePoint] : counts[labelIndex(label)][codePoint];
    }

    /** Reference of one label, or of any label when {@code label} is null. */
    public boolean referenceShade(String label, int codePoint) {
        return label == null ? inReference(codePoint) : reference[labelIndex(label)][codePoint];
    }

    public int labelIndex(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("Label " + label + " is not in play in this exercise");
        }
        return i;
    }

    /**
     * Disagreement of the class with the reference about label {@code l} at a code point:
     * |share of students who marked it with l − (1 if the reference has l there, else 0)|, from 0
     * (everyone did what the reference did) to 1 (nobody did). 0 when no student has submitted.
     */
    public double disagreement(int label, int codePoint) {
        if (students == 0) {
            return 0;
        }
        double share = (double) counts[label][codePoint] / students;
        return Math.abs(share - (reference[label][codePoint] ? 1 : 0));
    }

    /**
     * A passage where the class disagreed with the reference. {@code missed}: the reference has the
     * label and most students did not mark it; otherwise most students marked it and the reference does
     * not. {@code disagreement} is the mean over the passage's code points (see {@link #disagreement}).
     */
    public record Hotspot(String label, int start, int end, String text, boolean missed, double disagreement,
                          int minStudents, int maxStudents, int students) {

        /** "18 to 20 of 24 students marked this as opinion; the reference does not." */
        public String sentence(String labelName) {
            String who = minStudents == maxStudents ? String.valueOf(minStudents) : minStudents + " to " + maxStudents;
            return missed
                    ? "The reference marks this as " + labelName + "; only " + who + " of " + students + " students did."
                    : who + " of " + students + " students marked this as " + labelName + "; the reference does not.";
        }
    }

    /**
     * The {@code n} passages where the class disagreed most with the reference. For each label in play,
     * a passage is a maximal run of consecutive code points where at least half the class sided against
     * the reference ({@link #disagreement} ≥ 0.5) in the same direction (all missed, or all extra),
     * trimmed of white space at its ends; runs only of white space are dropped. Sorted by mean
     * disagreement, then by length (longer first), then by position. Empty when nobody has submitted.
     */
    public List<Hotspot> hotspots(int n) {
        List<Hotspot> found = new ArrayList<>();
        if (students == 0) {
            return found;
        }
        int length = totals.length;
        int[] codePoints = text.codePoints().toArray();
        for (int l = 0; l < labels.size(); l++) {
            int i = 0;
            while (i < length) {
                if (disagreement(l, i) < 0.5) {
                    i++;
                    continue;
                }
                boolean missed = reference[l][i];
                int start = i;
                while (i < length && disagreement(l, i) >= 0.5 && reference[l][i] == missed) {
                    i++;
                }
                int end = i;
                while (start < end && Character.isWhitespace(codePoints[start])) {
                    start++;
                }
                while (end > start && Character.isWhitespace(codePoints[end - 1])) {
                    end--;
                }
                if (start == end) {
                    continue;
                }
                double sum = 0;
                int min = Integer.MAX_VALUE;
                int max = 0;
                for (int k = start; k < end; k++) {
                    sum += disagreement(l, k);
                    min = Math.min(min, counts[l][k]);
                    max = Math.max(max, counts[l][k]);
                }
                found.add(new Hotspot(labels.get(l), start, end, index.slice(text, start, end), missed,
                        sum / (end - start), min, max, students));
            }
        }
        found.sort(Comparator.comparingDouble(Hotspot::disagreement).reversed()
                .thenComparing(Comparator.comparingInt((Hotspot h) -> h.end() - h.start()).reversed())
                .thenComparingInt(Hotspot::start).thenComparing(Hotspot::label));
        return List.copyOf(found.subList(0, Math.min(Math.max(n, 0), found.size())));
    }
}
