package org.slant.teaching;

import java.util.Objects;
import java.util.Optional;
import org.slant.annotation.Span;

/**
 * One student span with its verdict. {@code reference} is the partner for MATCH, the overlapping
 * reference span of another label for WRONG_LABEL, and for NOT_IN_REFERENCE either empty or, when the
 * span overlaps a same-label reference span already matched by another of the student's spans, that
 * span (each reference span counts once). {@code explanation} is the teacher's explanation of {@code reference}.
 */
public record SpanVerdict(Span studentSpan, Verdict verdict, Optional<Span> reference, Optional<String> explanation) {

    public SpanVerdict {
        Objects.requireNonNull(studentSpan, "studentSpan");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(explanation, "explanation");
        if (verdict != Verdict.NOT_IN_REFERENCE && reference.isEmpty()) {
            throw new IllegalArgumentException(verdict + " needs the reference span it refers to");
        }
    }
}
