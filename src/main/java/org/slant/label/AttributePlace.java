package org.slant.label;

import java.util.List;
import org.slant.document.DocumentId;

/**
 * Where an {@link Attribute} sits in a scheme: among a label's attributes (values on its spans), among the sentence
 * labels (values on sentences) or among the document questions (answers per document). The three are edited alike.
 */
public record AttributePlace(Kind kind, String labelId) {

    public enum Kind { LABEL, SENTENCE, DOCUMENT }

    public static final AttributePlace SENTENCE = new AttributePlace(Kind.SENTENCE, null);
    public static final AttributePlace DOCUMENT = new AttributePlace(Kind.DOCUMENT, null);

    public AttributePlace {
        if (kind == null) {
            throw new IllegalArgumentException("An attribute place needs a kind");
        }
        if (kind == Kind.LABEL) {
            DocumentId.require(labelId, "Label id");
        } else if (labelId != null) {
            throw new IllegalArgumentException("Only a label's attributes belong to a label, not " + kind);
        }
    }

    public static AttributePlace label(String labelId) {
        return new AttributePlace(Kind.LABEL, labelId);
    }

    /** The attributes at this place. @throws IllegalArgumentException when the label is not in the scheme */
    public List<Attribute> in(Scheme scheme) {
        return switch (kind) {
            case LABEL -> label(scheme).attributes();
            case SENTENCE -> scheme.sentenceLabels();
            case DOCUMENT -> scheme.documentQuestions();
        };
    }

    /** The scheme with {@code attributes} at this place (checked by the scheme as always). */
    public Scheme with(Scheme scheme, List<Attribute> attributes) {
        return switch (kind) {
            case LABEL -> scheme.withLabels(scheme.labels().stream()
                    .map(l -> l.id().equals(labelId) ? l.withAttributes(attributes) : l).toList());
            case SENTENCE -> scheme.withSentenceLabels(attributes);
            case DOCUMENT -> scheme.withDocumentQuestions(attributes);
        };
    }

    private Label label(Scheme scheme) {
        return scheme.find(labelId).orElseThrow(() -> new IllegalArgumentException("There is no label \"" + labelId + "\""));
    }

    /** What one item here is called: "attribute", "sentence label", "document question". */
    public String noun() {
        return switch (kind) {
            case LABEL -> "attribute";
            case SENTENCE -> "sentence label";
            case DOCUMENT -> "document question";
        };
    }

    /** "the attribute “Polarity” of Lexical bias", "the sentence label “Bias”", "the document question “Tone”". */
    public String describe(Scheme scheme, Attribute attribute) {
        String what = "the " + noun() + " \u201c" + attribute.name() + "\u201d";
        return kind == Kind.LABEL ? what + " of " + scheme.find(labelId).map(Label::name).orElse(labelId) : what;
    }

    /** What carries a value here: spans, sentences, documents (for counts: "3 spans"). */
    public String carriers(int n) {
        String one = switch (kind) {
            case LABEL -> "span";
            case SENTENCE -> "sentence";
            case DOCUMENT -> "answer";
        };
        return n + " " + one + (n == 1 ? "" : "s");
    }

    /** A stable key for counts. */
    public String key() {
        return kind == Kind.LABEL ? "label:" + labelId : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
