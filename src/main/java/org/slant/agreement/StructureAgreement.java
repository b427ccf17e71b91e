package org.slant.agreement;

import java.util.List;
import org.slant.label.Scheme;

/**
 * Agreement on what a scheme says beyond span labels: span attributes over matched spans, links, sentence
 * labels and document questions. A part the scheme does not have is an empty list.
 *
 * @param attributes     a row per compared attribute of each label, in scheme order
 * @param links          a row per link type (scheme order, then types found only in the layers), then all types
 *                       ({@link LinkRow#isOverall()}); empty when the scheme has no link types and nobody linked
 * @param sentenceLabels a row per compared sentence label; units are the documents' sentences
 * @param questions      a row per compared document question; units are the documents
 */
public record StructureAgreement(List<CodedRow> attributes, List<LinkRow> links, List<CodedRow> sentenceLabels,
                                 List<CodedRow> questions) {

    public static final StructureAgreement NONE = new StructureAgreement(List.of(), List.of(), List.of(), List.of());

    public StructureAgreement {
        attributes = List.copyOf(attributes);
        links = List.copyOf(links);
        sentenceLabels = List.copyOf(sentenceLabels);
        questions = List.copyOf(questions);
    }

    /** {@code annotators} fixes the order of the pairs (the earlier one is the reference) and the α coders. */
    public static StructureAgreement of(List<TeamLayers> documents, Scheme scheme, List<String> annotators) {
        return new StructureAgreement(AttributeAgreement.of(documents, scheme, annotators),
                LinkAgreement.of(documents, scheme, annotators),
                LabelAgreement.sentenceLabels(documents, scheme, annotators),
                LabelAgreement.questions(documents, scheme, annotators));
    }

    public boolean isEmpty() {
        return attributes.isEmpty() && links.isEmpty() && sentenceLabels.isEmpty() && questions.isEmpty();
    }
}
