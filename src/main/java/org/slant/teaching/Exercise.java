package org.slant.teaching;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.DocumentId;

/**
 * A classroom exercise: students annotate one document and are graded against a reference.
 *
 * <p>{@code reference} is a frozen copy of the spans of the teacher's layer {@code referenceSource}
 * (their own layer or gold), taken when the exercise was created or last refreshed, so later edits of
 * that layer never change grading behind the students' backs. The copy keeps every label, but only
 * spans of the labels in play are graded or shown ({@link #gradedReference()}), so a teacher can widen
 * the labels in play without re-taking the reference. Span notes are dropped from the copy.
 *
 * <p>Explanations are a separate map by reference span id rather than {@link Span#note()}: a note in
 * the teacher's layer is their private working note, while an explanation is written for students and
 * shown in feedback. Keeping them apart means no private note can leak to students, and explanations
 * survive {@code refreshReference} for every span whose id is still in the layer.
 *
 * <p>{@code structure} is the rest of the frozen copy: the reference's links (between its spans), sentence
 * labels and document answers; the spans carry their attributes. Links count only when both their spans do.
 *
 * <p>{@code classCode} is null until the teacher creates one; {@code codeOpen} says whether students
 * may join with it now.
 */
public record Exercise(String id, String title, String documentId, String teacher, String referenceSource,
                       List<Span> reference, Map<String, String> explanations, String instructions,
                       Set<String> labels, boolean allowRevision, Instant due, String classCode, boolean codeOpen,
                       Instant created, Structure structure) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_EXPLANATION = 2000;
    public static final int MAX_INSTRUCTIONS = 10_000;

    public Exercise {
        DocumentId.require(id, "Exercise id");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Exercise " + id + " needs a title");
        }
        title = title.strip();
        if (title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("The title of exercise " + id + " is longer than " + MAX_TITLE + " characters");
        }
        DocumentId.require(documentId, "Document id of exercise " + id);
        DocumentId.require(teacher, "Teacher of exercise " + id);
        DocumentId.require(referenceSource, "Reference layer of exercise " + id);
        Objects.requireNonNull(reference, "reference");
        reference = reference.stream().map(s -> s.note() == null ? s : s.withNote(null, s.updated()))
                .sorted(Layer.READING_ORDER).toList();
        Set<String> spanIds = new HashSet<>();
        for (Span s : reference) {
            if (!spanIds.add(s.id())) {
                throw new IllegalArgumentException("Exercise " + id + ": reference span id " + s.id() + " is used twice");
            }
        }
        Map<String, String> cleaned = new LinkedHashMap<>();
        for (var e : (explanations == null ? Map.<String, String>of() : explanations).entrySet()) {
            if (!spanIds.contains(e.getKey())) {
                throw new IllegalArgumentException("Exercise " + id + ": an explanation is given for span " + e.getKey()
                        + ", which is not in the reference");
            }
            String text = e.getValue() == null ? "" : e.getValue().strip();
            if (text.length() > MAX_EXPLANATION) {
                throw new IllegalArgumentException("Exercise " + id + ": the explanation of span " + e.getKey()
                        + " is longer than " + MAX_EXPLANATION + " characters");
            }
            if (!text.isEmpty()) {
                cleaned.put(e.getKey(), text);
            }
        }
        explanations = Map.copyOf(cleaned);
        instructions = instructions == null ? "" : instructions.strip();
        if (instructions.length() > MAX_INSTRUCTIONS) {
            throw new IllegalArgumentException("The instructions of exercise " + id + " are longer than "
                    + MAX_INSTRUCTIONS + " characters");
        }
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("Exercise " + id + " needs at least one label in play");
        }
        for (String label : labels) {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("Exercise " + id + " has a blank label in play");
            }
        }
        labels = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(labels));
        if (classCode != null && !ClassCode.isValid(classCode)) {
            throw new IllegalArgumentException("Exercise " + id + ": \"" + classCode + "\" is not a class code ("
                    + ClassCode.LENGTH + " characters of " + ClassCode.ALPHABET + ")");
        }
        if (codeOpen && classCode == null) {
            throw new IllegalArgumentException("Exercise " + id + " cannot have an open class code without a code");
        }
        Objects.requireNonNull(created, "created");
        structure = structure == null ? Structure.NONE : structure;
        structure.requireLinksAmong(reference, "Exercise " + id);
    }

    /** An exercise whose reference is spans only. */
    public Exercise(String id, String title, String documentId, String teacher, String referenceSource,
                    List<Span> reference, Map<String, String> explanations, String instructions,
                    Set<String> labels, boolean allowRevision, Instant due, String classCode, boolean codeOpen,
                    Instant created) {
        this(id, title, documentId, teacher, referenceSource, reference, explanations, instructions, labels, allowRevision,
                due, classCode, codeOpen, created, Structure.NONE);
    }

    /** The reference links that count: those between two spans of the labels in play. */
    public List<org.slant.annotation.Link> gradedLinks() {
        return Structure.linksAmong(structure.links(), gradedReference());
    }

    /** The reference spans that count: those of the labels in play. Everything shown or graded uses these. */
    public List<Span> gradedReference() {
        return reference.stream().filter(s -> labels.contains(s.label())).toList();
    }

    public Optional<String> explanation(String referenceSpanId) {
        return Optional.ofNullable(explanations.get(referenceSpanId));
    }

    public Optional<Instant> dueDate() {
        return Optional.ofNullable(due);
    }

    /** Late: submitted after the due date (a submission exactly at the due instant is on time). */
    public boolean isLate(Instant submitted) {
        return due != null && submitted.isAfter(due);
    }

    public Exercise withSettings(String newTitle, String newInstructions, Set<String> newLabels,
                                 boolean newAllowRevision, Instant newDue) {
        return new Exercise(id, newTitle, documentId, teacher, referenceSource, reference, explanations,
                newInstructions, newLabels, newAllowRevision, newDue, classCode, codeOpen, created, structure);
    }

    public Exercise withExplanations(Map<String, String> newExplanations) {
        return new Exercise(id, title, documentId, teacher, referenceSource, reference, newExplanations,
                instructions, labels, allowRevision, due, classCode, codeOpen, created, structure);
    }

    /** A new frozen copy of the reference, spans only; explanations are kept for the span ids still present. */
    public Exercise withReference(String source, List<Span> spans) {
        return withReference(source, spans, Structure.NONE);
    }

    /** A new frozen copy of the reference with its structure; explanations are kept for the span ids still present. */
    public Exercise withReference(String source, List<Span> spans, Structure newStructure) {
        Set<String> ids = new HashSet<>();
        spans.forEach(s -> ids.add(s.id()));
        Map<String, String> kept = new LinkedHashMap<>(explanations);
        kept.keySet().retainAll(ids);
        return new Exercise(id, title, documentId, teacher, source, spans, kept, instructions, labels,
                allowRevision, due, classCode, codeOpen, created, newStructure);
    }

    public Exercise withClassCode(String code, boolean open) {
        return new Exercise(id, title, documentId, teacher, referenceSource, reference, explanations,
                instructions, labels, allowRevision, due, code, open, created, structure);
    }
}
