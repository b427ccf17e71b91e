package org.slant.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.slant.annotation.Layer;
import org.slant.annotation.SentenceAnnotation;
import org.slant.document.Sentences;
import org.slant.label.Attribute;
import org.slant.label.AttributeValue;
import org.slant.label.Scheme;

/**
 * Sentence-label and document-question agreement. The units are the documents' sentences (from
 * {@link Sentences}, the one source of sentence boundaries) or the documents; every annotator is a coder, and
 * a sentence or document an annotator left without a value is missing data. α is computed over all annotators
 * at once (Krippendorff's α takes any number of coders and missing values); κ per annotator pair over the units
 * both gave a value to, and its mean.
 */
final class LabelAgreement {

    private LabelAgreement() {
    }

    static List<CodedRow> sentenceLabels(List<TeamLayers> documents, Scheme scheme, List<String> annotators) {
        List<CodedRow> rows = new ArrayList<>();
        for (Attribute label : scheme.sentenceLabels()) {
            if (!ValueCoding.isCompared(label)) {
                continue;
            }
            List<Object[]> units = new ArrayList<>();
            for (TeamLayers document : documents) {
                List<Sentences.Sentence> sentences = Sentences.of(document.text());
                Object[][] values = new Object[sentences.size()][annotators.size()];
                for (int k = 0; k < annotators.size(); k++) {
                    for (SentenceAnnotation s : document.of(annotators.get(k)).sentences()) {
                        int index = sentences.indexOf(Sentences.at(sentences, s.start()));
                        if (index >= 0) { // a labelled sentence the text no longer has counts as nothing
                            values[index][k] = ValueCoding.code(label, s.values().get(label.id()));
                        }
                    }
                }
                units.addAll(List.of(values));
            }
            rows.add(row(CodedRow.Scope.SENTENCE_LABEL, label, annotators, units));
        }
        return rows;
    }

    static List<CodedRow> questions(List<TeamLayers> documents, Scheme scheme, List<String> annotators) {
        return perDocument(documents, scheme.documentQuestions(), annotators, (layer, q) -> layer.answers().get(q.id()));
    }

    private static List<CodedRow> perDocument(List<TeamLayers> documents, List<Attribute> questions,
                                              List<String> annotators, BiFunction<Layer, Attribute, AttributeValue> answer) {
        List<CodedRow> rows = new ArrayList<>();
        for (Attribute question : questions) {
            if (!ValueCoding.isCompared(question)) {
                continue;
            }
            List<Object[]> units = new ArrayList<>();
            for (TeamLayers document : documents) {
                Object[] unit = new Object[annotators.size()];
                for (int k = 0; k < annotators.size(); k++) {
                    unit[k] = ValueCoding.code(question, answer.apply(document.of(annotators.get(k)), question));
                }
                units.add(unit);
            }
            rows.add(row(CodedRow.Scope.QUESTION, question, annotators, units));
        }
        return rows;
    }

    /** {@code units}: per unit, one value per annotator (null: none). */
    static CodedRow row(CodedRow.Scope scope, Attribute attribute, List<String> annotators, List<Object[]> units) {
        ValueDistance distance = ValueDistance.of(attribute);
        List<CodedRow.CodedPair> pairs = new ArrayList<>();
        for (int i = 0; i < annotators.size(); i++) {
            for (int j = i + 1; j < annotators.size(); j++) {
                List<Object[]> both = new ArrayList<>();
                int oneSided = 0;
                for (Object[] unit : units) {
                    if (unit[i] != null && unit[j] != null) {
                        both.add(new Object[] {unit[i], unit[j]});
                    } else if (unit[i] != null || unit[j] != null) {
                        oneSided++;
                    }
                }
                pairs.add(new CodedRow.CodedPair(annotators.get(i), annotators.get(j), Coding.kappa(both),
                        Coding.alpha(both, distance), both.size(), oneSided));
            }
        }
        int pairable = ValueCoding.pairable(units).size();
        int oneSided = (int) units.stream().filter(u -> ValueCoding.given(u) == 1).count();
        return new CodedRow(scope, null, attribute.id(), distance,
                annotators.size() < 2 ? java.util.OptionalDouble.empty() : Coding.alpha(units, distance),
                AttributeAgreement.meanKappa(pairs), annotators.size(), pairable, oneSided, pairs);
    }

}
