package org.slant.teaching;

import java.util.Optional;
import org.slant.annotation.Span;

/** A reference span (label in play) no span of the student was matched to, with the teacher's explanation. */
public record MissedSpan(Span reference, Optional<String> explanation) {
}
