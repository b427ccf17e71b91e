package org.slant.teaching;

import java.util.Objects;
import java.util.Optional;
import org.slant.annotation.Span;

/**
 * One student span with its verdict. {@code reference} is the partner for MATCH, the overlapping
 * reference span of another label for WRONG_LABEL, and for NOT_IN_REFERENCE either empty or, when the
 * span overlaps a same-label reference span already matched by another of the student's spans, that
 * span (each reference span counts once). {@code explanation} is the teacher's explanation of {@code reference}.
 * {@code attributes}: for a MATCH, each attribute the student or the reference gave, compared (empty otherwise).
 */
public record SpanVerdict(Span studentSpan, Verdict verdict, Optional<Span> reference, Optional<String> explanation,
                          java.util.List<ValueVerdict> attributes) {

    public SpanVerdict {
        Objects.requireNonNull(studentSpan, "studentSpan");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(explanation, "explanation");
        if (verdict != Verdict.NOT_IN_REFERENCE && reference.isEmpty()) {
            throw new IllegalArgumentException(verdict + " needs the reference span it refers to");
        }
        attributes = attributes == null ? java.util.List.of() : java.util.List.copyOf(attributes);
    }

    public SpanVerdict(Span studentSpan, Verdict verdict, Optional<Span> reference, Optional<String> explanation) {
        this(studentSpan, verdict, reference, explanation, java.util.List.of());
    }

    /** The attributes on which the student and the reference differ. */
    public java.util.List<ValueVerdict> attributeDifferences() {
        return attributes.stream().filter(a -> !a.agrees()).toList();
    }
}
