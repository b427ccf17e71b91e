package org.slant.annotation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slant.access.Audit;
import org.slant.access.Permissions;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.Label;
import org.slant.label.Scheme;
import org.slant.label.LabelService;
import org.springframework.stereotype.Service;

/**
 * Every change a signed-in user ({@code actor}) makes to a document or a layer, from the views and the
 * API alike: each asks {@link Permissions} first and refuses (AccessDenied, or SpanRejectedException
 * for a label not in play) before anything is written, then does it through {@link AnnotationService}
 * or {@link DocumentService}. The rules are asked again on every edit, since roles and assignments
 * can change while a page is open.
 */
@Service
public class UserEdits {

    private final AnnotationService annotations;
    private final DocumentService documents;
    private final LabelService labels;
    private final Permissions permissions;

    public UserEdits(AnnotationService annotations, DocumentService documents, LabelService labels,
                     Permissions permissions) {
        this.annotations = annotations;
        this.documents = documents;
        this.labels = labels;
        this.permissions = permissions;
    }

    /** The API's PUT: the whole layer, each span's label within what the actor may use. */
    public Layer replaceLayer(String actor, String documentId, String annotator, long expectedRevision, List<Span> spans) {
        requireWrite(actor, documentId, annotator, spans.stream().map(Span::label).toList());
        return audited(actor, documentId, annotator,
                () -> annotations.replaceLayer(documentId, annotator, expectedRevision, spans));
    }

    /**
     * The same with the layer's structure (links, sentence labels, answers; a null part keeps what the layer
     * has), asked the same rules: the actor may write the layer, with these spans' labels.
     */
    public Layer replaceLayer(String actor, String documentId, String annotator, long expectedRevision, List<Span> spans,
                              List<Link> links, List<SentenceAnnotation> sentences,
                              java.util.Map<String, org.slant.label.AttributeValue> answers) {
        requireWrite(actor, documentId, annotator, spans.stream().map(Span::label).toList());
        return audited(actor, documentId, annotator,
                () -> annotations.replaceLayer(documentId, annotator, expectedRevision, spans, links, sentences, answers));
    }

    /** A new span in {@code layer}, by the actor. */
    public SpanChange create(String actor, String documentId, String layer, int start, int end, String label,
                             boolean snapToWords) {
        requireWrite(actor, documentId, layer, List.of(label));
        return audited(actor, documentId, layer,
                () -> annotations.create(documentId, layer, actor, start, end, label, snapToWords));
    }

    public SpanChange relabel(String actor, String documentId, String layer, String spanId, String label, SeenSpan seen) {
        requireWrite(actor, documentId, layer, List.of(label));
        return audited(actor, documentId, layer, () -> annotations.relabel(documentId, layer, spanId, label, seen));
    }

    public SpanChange setNote(String actor, String documentId, String layer, String spanId, String note) {
        requireWrite(actor, documentId, layer, List.of());
        return audited(actor, documentId, layer, () -> annotations.setNote(documentId, layer, spanId, note));
    }

    public SpanChange delete(String actor, String documentId, String layer, String spanId, SeenSpan seen) {
        requireWrite(actor, documentId, layer, List.of());
        return audited(actor, documentId, layer, () -> annotations.delete(documentId, layer, spanId, seen));
    }

    /** Undoing puts back what was there before: that label must still be one the actor may use. */
    public SpanChange undo(String actor, String documentId, String layer, SpanChange change) {
        requireWrite(actor, documentId, layer, change.before() == null ? List.of() : List.of(change.before().label()));
        return audited(actor, documentId, layer, () -> annotations.undo(documentId, layer, change));
    }

    /** Undoes any kind of change (span, link, sentence labels, answer). */
    public LayerChange undo(String actor, String documentId, String layer, LayerChange change) {
        if (change instanceof SpanChange spanChange) {
            return undo(actor, documentId, layer, spanChange);
        }
        requireWrite(actor, documentId, layer, List.of());
        return audited(actor, documentId, layer, () -> annotations.undo(documentId, layer, change));
    }

    public SpanChange setAttribute(String actor, String documentId, String layer, String spanId, String attributeId,
                                   org.slant.label.AttributeValue value) {
        requireWrite(actor, documentId, layer, List.of());
        return audited(actor, documentId, layer,
                () -> annotations.setAttribute(documentId, layer, spanId, attributeId, value));
    }

    public LinkChange addLink(String actor, String documentId, String layer, String type, String fromSpanId,
                              String toSpanId) {
        requireWrite(actor, documentId, layer, List.of());
        return audited(actor, documentId, layer,
                () -> annotations.addLink(documentId, layer, actor, type, fromSpanId, toSpanId));
    }

    public LinkChange removeLink(String actor, String documentId, String layer, String linkId) {
        requireWrite(actor, documentId, layer, List.of());
        return audited(actor, documentId, layer, () -> annotations.removeLink(documentId, layer, linkId));
    }

    public SentenceChange setSentenceLabel(String actor, String documentId, String layer, int start, int end,
                                           String labelId, org.slant.label.AttributeValue value) {
        requireWrite(actor, documentId, layer, List.of());
        return audited(actor, documentId, layer,
                () -> annotations.setSentenceLabel(documentId, layer, start, end, labelId, value));
    }

    public AnswerChange setAnswer(String actor, String documentId, String layer, String questionId,
                                  org.slant.label.AttributeValue value) {
        requireWrite(actor, documentId, layer, List.of());
        return audited(actor, documentId, layer, () -> annotations.setAnswer(documentId, layer, questionId, value));
    }

    /** Curators of the document's project (and admins) rename it; the text and the spans stay. */
    public Document renameDocument(String actor, String documentId, String title) {
        documents.get(documentId); // an unknown id says so before any rule
        permissions.requireCurate(actor, documentId);
        return documents.rename(documentId, title);
    }

    /** Curators of the document's project (and admins) delete it with its layers, to the workspace's trash. */
    public String deleteDocument(String actor, String documentId) {
        documents.get(documentId);
        permissions.requireCurate(actor, documentId);
        String movedTo = annotations.deleteDocument(documentId);
        Audit.record(actor, "document-deleted", documentId + ", moved to " + movedTo);
        return movedTo;
    }

    /** A save the store refused (stale revision, a span that does not fit) goes to the audit trail too. */
    private static <T> T audited(String actor, String documentId, String layer, Supplier<T> save) {
        try {
            return save.get();
        } catch (StaleLayerException | SpanRejectedException refused) {
            Audit.refused(actor, "save-refused", documentId + "/" + layer + ": " + refused.getMessage());
            throw refused;
        }
    }

    private void requireWrite(String actor, String documentId, String layer, Collection<String> labelIds) {
        try {
            permissions.requireWrite(actor, documentId, layer);
        } catch (RuntimeException refused) {
            Audit.refused(actor, "save-refused", documentId + "/" + layer + ": " + refused.getMessage());
            throw refused;
        }
        Optional<Set<String>> inPlay = permissions.labelsInPlay(actor, documentId, layer);
        if (inPlay.isEmpty()) {
            return;
        }
        for (String label : labelIds) {
            if (!inPlay.get().contains(label)) {
                Scheme all = labels.labelsFor(documentId);
                Audit.refused(actor, "save-refused", documentId + "/" + layer + ": label " + label + " not in play");
                throw new SpanRejectedException("This exercise uses only " + String.join(", ", all.labels().stream()
                        .filter(l -> inPlay.get().contains(l.id())).map(Label::name).toList())
                        + "; the label \"" + all.find(label).map(Label::name).orElse(label) + "\" is not in play.");
            }
        }
    }
}
