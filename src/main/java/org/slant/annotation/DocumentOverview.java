package org.slant.annotation;

import java.time.Instant;
import org.slant.document.Document;

/**
 * A row of the document list: the document, how many spans all its layers hold, and when it last
 * changed. {@code problem} names each layer file that could not be read (the counts are then of the
 * readable layers; zero when the document's layers cannot be checked at all).
 */
public record DocumentOverview(Document document, int spanCount, int annotators, Instant lastChange, String problem) {
}
