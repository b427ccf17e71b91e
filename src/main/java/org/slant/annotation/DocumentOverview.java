package org.slant.annotation;

import java.time.Instant;
import org.slant.document.Document;

/**
 * A row of the document list: the document, how many spans all its layers hold, and when it last
 * changed. {@code problem} is set, and the counts are zero, when a layer file could not be read.
 */
public record DocumentOverview(Document document, int spanCount, int annotators, Instant lastChange, String problem) {
}
