package org.slant.ui.annotate;

import org.slant.annotation.AnswerChange;
import org.slant.annotation.LinkChange;
import org.slant.annotation.SentenceChange;
import org.slant.annotation.SpanChange;
import org.slant.annotation.UserEdits;
import org.slant.label.AttributeValue;

/**
 * The structure edits of one layer of one document by one signed-in user: {@link UserEdits} with the actor,
 * the document and the layer filled in, so a component that edits structure needs no more than this.
 */
public record LayerEdits(UserEdits edits, String actor, String documentId, String layer) {

    public SpanChange setAttribute(String spanId, String attributeId, AttributeValue value) {
        return edits.setAttribute(actor, documentId, layer, spanId, attributeId, value);
    }

    public LinkChange addLink(String type, String fromSpanId, String toSpanId) {
        return edits.addLink(actor, documentId, layer, type, fromSpanId, toSpanId);
    }

    public LinkChange removeLink(String linkId) {
        return edits.removeLink(actor, documentId, layer, linkId);
    }

    public SentenceChange setSentenceLabel(int start, int end, String labelId, AttributeValue value) {
        return edits.setSentenceLabel(actor, documentId, layer, start, end, labelId, value);
    }

    public AnswerChange setAnswer(String questionId, AttributeValue value) {
        return edits.setAnswer(actor, documentId, layer, questionId, value);
    }
}
