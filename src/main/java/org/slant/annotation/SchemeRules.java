package org.slant.annotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.document.Sentences;
import org.slant.label.Attribute;
import org.slant.label.AttributeValue;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/**
 * The checks the structure of a layer must pass against the scheme: attribute values, links, sentence labels
 * and document answers, each refused with a message naming the item and the reason; and the list of what a
 * layer still lacks (required attributes, roles, sentence labels and questions left empty).
 */
public final class SchemeRules {

    private SchemeRules() {
    }

    /** Refuses an attribute the span's label does not have, or a value that does not fit it. */
    public static void checkAttributes(Span span, Scheme scheme) {
        if (span.attributes().isEmpty()) {
            return;
        }
        Label label = scheme.find(span.label()).orElseThrow(() -> new SpanRejectedException(
                "Span " + span.id() + " has unknown label \"" + span.label() + "\""));
        for (Map.Entry<String, AttributeValue> a : span.attributes().entrySet()) {
            Attribute attribute = label.attribute(a.getKey()).orElseThrow(() -> new SpanRejectedException(
                    "Span " + span.id() + " (" + label.name() + ") has attribute \"" + a.getKey() + "\", which "
                            + label.name() + " does not have; its attributes: "
                            + label.attributes().stream().map(Attribute::id).toList()));
            String problem = attribute.check(a.getValue());
            if (problem != null) {
                throw new SpanRejectedException("Span " + span.id() + ": " + problem);
            }
        }
    }

    /**
     * Refuses a link whose type is unknown, whose ends are not spans of {@code spans} (by id), whose ends' labels
     * do not fit the type, which repeats a link of {@code others}, or which fills a role the anchor already has.
     */
    public static void checkLink(Link link, Map<String, Span> spans, List<Link> others, Scheme scheme) {
        LinkType type = scheme.linkType(link.type()).orElseThrow(() -> new SpanRejectedException(
                "Link " + link.id() + " has unknown type \"" + link.type() + "\"; known types: "
                        + scheme.linkTypes().stream().map(LinkType::id).toList()));
        Span from = spans.get(link.from());
        Span to = spans.get(link.to());
        if (from == null || to == null) {
            throw new SpanRejectedException("Link " + link.id() + " (" + type.name() + ") joins span "
                    + (from == null ? link.from() : link.to()) + ", which is not in the layer");
        }
        if (!type.allowsFrom(from.label())) {
            throw new SpanRejectedException("A " + type.name() + " link starts at " + names(type.from(), scheme)
                    + ", not at " + labelName(from.label(), scheme) + " \"" + SpanRules.abbreviate(from.text()) + "\"");
        }
        if (!type.allowsTo(to.label())) {
            throw new SpanRejectedException("A " + type.name() + " link goes to " + names(type.to(), scheme)
                    + ", not to " + labelName(to.label(), scheme) + " \"" + SpanRules.abbreviate(to.text()) + "\"");
        }
        for (Link other : others) {
            if (other.id().equals(link.id())) {
                continue;
            }
            if (other.sameAs(link)) {
                throw new SpanRejectedException("\"" + SpanRules.abbreviate(from.text()) + "\" is already linked to \""
                        + SpanRules.abbreviate(to.text()) + "\" as " + type.name());
            }
            if (type.role() && !type.multiple() && other.type().equals(link.type()) && other.from().equals(link.from())) {
                Span filler = spans.get(other.to());
                throw new SpanRejectedException("\"" + SpanRules.abbreviate(from.text()) + "\" already has its "
                        + type.name() + ": \"" + (filler == null ? other.to() : SpanRules.abbreviate(filler.text()))
                        + "\". Remove that link first, or change it.");
            }
        }
    }

    /** Refuses sentence labels on a range that is not one of the document's sentences, or values that do not fit. */
    public static void checkSentence(SentenceAnnotation sentence, List<Sentences.Sentence> sentences, Document document,
                                     CodePointIndex index, Scheme scheme) {
        Sentences.Sentence actual = Sentences.at(sentences, sentence.start());
        if (actual == null || actual.start() != sentence.start() || actual.end() != sentence.end()) {
            throw new SpanRejectedException("Sentence labels at " + sentence.start() + "-" + sentence.end()
                    + " do not sit on a sentence of \"" + document.title() + "\""
                    + (actual == null ? "" : "; the sentence there is " + actual.start() + "-" + actual.end()));
        }
        String text = index.slice(document.text(), sentence.start(), sentence.end());
        if (!text.equals(sentence.text())) {
            throw new SpanRejectedException("The sentence at " + sentence.start() + "-" + sentence.end() + " says it is \""
                    + SpanRules.abbreviate(sentence.text()) + "\" but the document has \"" + SpanRules.abbreviate(text) + "\"");
        }
        for (Map.Entry<String, AttributeValue> v : sentence.values().entrySet()) {
            Attribute label = scheme.sentenceLabel(v.getKey()).orElseThrow(() -> new SpanRejectedException(
                    "The sentence at " + sentence.start() + "-" + sentence.end() + " has sentence label \"" + v.getKey()
                            + "\", which the scheme does not have; its sentence labels: "
                            + scheme.sentenceLabels().stream().map(Attribute::id).toList()));
            String problem = label.check(v.getValue());
            if (problem != null) {
                throw new SpanRejectedException("The sentence at " + sentence.start() + "-" + sentence.end() + ": " + problem);
            }
        }
    }

    /** Refuses an answer to a question the scheme does not ask, or one that does not fit the question. */
    public static void checkAnswer(String questionId, AttributeValue value, Scheme scheme) {
        Attribute question = requireQuestion(questionId, scheme);
        String problem = question.check(value);
        if (problem != null) {
            throw new SpanRejectedException("Document question: " + problem);
        }
    }

    /** The question, or a refusal naming the questions the scheme does ask. */
    public static Attribute requireQuestion(String questionId, Scheme scheme) {
        return scheme.question(questionId).orElseThrow(() -> new SpanRejectedException(
                "The scheme asks no document question \"" + questionId + "\"; its questions: "
                        + scheme.documentQuestions().stream().map(Attribute::id).toList()));
    }

    /** Every structural check of a whole layer (a replace or an import); spans were checked by {@link SpanRules}. */
    public static void checkLayer(Layer layer, org.slant.document.DocumentService.OpenDocument open, Scheme scheme) {
        Document document = open.document();
        CodePointIndex index = open.index();
        Map<String, Span> byId = byId(layer.spans());
        for (Span span : layer.spans()) {
            checkAttributes(span, scheme);
        }
        for (Link link : layer.links()) {
            checkLink(link, byId, layer.links(), scheme);
        }
        if (!layer.sentences().isEmpty()) {
            List<Sentences.Sentence> sentences = open.sentences();
            for (SentenceAnnotation s : layer.sentences()) {
                checkSentence(s, sentences, document, index, scheme);
            }
        }
        layer.answers().forEach((q, v) -> checkAnswer(q, v, scheme));
    }

    /**
     * What the layer still lacks to be finished, one message per item naming it: required span attributes and
     * roles, required sentence labels on any sentence of the document, required document questions.
     */
    public static List<String> missing(Layer layer, Scheme scheme, Document document) {
        return missingParts(layer, scheme, document, null).stream().map(MissingPart::message).toList();
    }

    /**
     * The same, each with where it is (a span, a sentence, a question), for an editor to jump to; {@code sentences}
     * are the document's ({@link Sentences#of}), or null to compute them.
     */
    public static List<MissingPart> missingParts(Layer layer, Scheme scheme, Document document,
                                                 List<Sentences.Sentence> sentences) {
        List<MissingPart> missing = new ArrayList<>();
        Map<String, Integer> rolesFilled = new HashMap<>();
        for (Link link : layer.links()) {
            rolesFilled.merge(link.from() + "\u0000" + link.type(), 1, Integer::sum);
        }
        for (Span span : layer.spans()) {
            Label label = scheme.find(span.label()).orElse(null);
            if (label == null) {
                continue;
            }
            for (Attribute a : label.attributes()) {
                if (a.required() && !span.attributes().containsKey(a.id())) {
                    missing.add(MissingPart.ofSpan(span.id(), label.name() + " \"" + SpanRules.abbreviate(span.text())
                            + "\" (" + span.id() + ") has no " + a.name()));
                }
            }
            for (LinkType role : scheme.rolesOf(span.label())) {
                if (role.required() && !rolesFilled.containsKey(span.id() + "\u0000" + role.id())) {
                    missing.add(MissingPart.ofSpan(span.id(), label.name() + " \"" + SpanRules.abbreviate(span.text())
                            + "\" (" + span.id() + ") has no " + role.name() + " linked"));
                }
            }
        }
        List<Attribute> requiredSentenceLabels = scheme.sentenceLabels().stream().filter(Attribute::required).toList();
        if (!requiredSentenceLabels.isEmpty()) {
            Map<Integer, SentenceAnnotation> labelled = new HashMap<>();
            layer.sentences().forEach(s -> labelled.put(s.start(), s));
            CodePointIndex index = new CodePointIndex(document.text());
            for (Sentences.Sentence s : sentences != null ? sentences : Sentences.of(document.text())) {
                SentenceAnnotation a = labelled.get(s.start());
                for (Attribute label : requiredSentenceLabels) {
                    if (a == null || !a.values().containsKey(label.id())) {
                        missing.add(MissingPart.ofSentence(s, "The sentence \""
                                + SpanRules.abbreviate(index.slice(document.text(), s.start(), s.end()))
                                + "\" (" + s.start() + "-" + s.end() + ") has no " + label.name()));
                    }
                }
            }
        }
        for (Attribute q : scheme.documentQuestions()) {
            if (q.required() && !layer.answers().containsKey(q.id())) {
                missing.add(MissingPart.ofQuestion(q.id(), "The document question \"" + q.name() + "\" is not answered"));
            }
        }
        return missing;
    }

    static Map<String, Span> byId(List<Span> spans) {
        Map<String, Span> byId = new HashMap<>(spans.size() * 2);
        spans.forEach(s -> byId.put(s.id(), s));
        return byId;
    }

    private static String labelName(String id, Scheme scheme) {
        return scheme.find(id).map(Label::name).orElse(id);
    }

    private static String names(List<String> labelIds, Scheme scheme) {
        return String.join(" or ", labelIds.stream().map(id -> labelName(id, scheme)).toList());
    }
}
