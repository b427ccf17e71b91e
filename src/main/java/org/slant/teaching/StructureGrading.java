package org.slant.teaching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slant.agreement.SpanMatchCounts;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.document.Sentences;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/**
 * The structure part of {@link Grading}: attributes of matched passages, links, sentence labels and document
 * answers compared with the reference, each in plain words, and a score per part. See {@link Grading} for the rules.
 */
final class StructureGrading {

    private static final int QUOTE = 80;

    private final Exercise exercise;
    private final Submission submission;
    private final Scheme scheme;
    private final Map<String, Span> studentSpans = new HashMap<>();
    private final Map<String, Span> referenceSpans = new HashMap<>();
    /** Reference span id to the id of the student's span matched to it. */
    private final Map<String, String> studentOf;
    private final List<Link> studentLinks;
    private final String text;

    StructureGrading(Exercise exercise, Submission submission, List<Span> studentInPlay, Map<String, String> studentOf,
                     Scheme scheme, String text) {
        this.exercise = exercise;
        this.submission = submission;
        this.scheme = scheme;
        this.studentOf = studentOf;
        this.text = text;
        studentInPlay.forEach(s -> studentSpans.put(s.id(), s));
        exercise.gradedReference().forEach(s -> referenceSpans.put(s.id(), s));
        this.studentLinks = Structure.linksAmong(submission.structure().links(), studentInPlay);
    }

    /** Every attribute the student or the reference gave a matched passage, in the scheme's order. */
    static List<ValueVerdict> attributes(Span yours, Span reference, Scheme scheme) {
        Label label = scheme.find(reference.label()).orElse(null);
        Set<String> ids = new LinkedHashSet<>();
        if (label != null) {
            label.attributes().forEach(a -> ids.add(a.id()));
        }
        Set<String> given = new TreeSet<>(yours.attributes().keySet());
        given.addAll(reference.attributes().keySet());
        ids.retainAll(given);
        ids.addAll(given);
        List<ValueVerdict> verdicts = new ArrayList<>();
        for (String id : ids) {
            Attribute attribute = label == null ? null : label.attribute(id).orElse(null);
            AttributeValue mine = yours.attributes().get(id);
            AttributeValue theirs = reference.attributes().get(id);
            verdicts.add(new ValueVerdict(id, mine, theirs,
                    compare(attribute == null ? id : attribute.name(), attribute, mine, theirs)));
        }
        return verdicts;
    }

    /** "Polarity: you said positive, the reference says negative." */
    static String compare(String what, Attribute attribute, AttributeValue yours, AttributeValue reference) {
        if (yours != null && yours.equals(reference)) {
            return what + ": " + said(attribute, yours) + ", as in the reference.";
        }
        if (yours == null) {
            return what + ": you gave none; the reference says " + said(attribute, reference) + ".";
        }
        if (reference == null) {
            return what + ": you said " + said(attribute, yours) + "; the reference gives none.";
        }
        return what + ": you said " + said(attribute, yours) + ", the reference says " + said(attribute, reference) + ".";
    }

    /** A value as said in a sentence: a choice's name ("not biased"), yes or no, a number, or quoted text. */
    static String said(Attribute attribute, AttributeValue value) {
        if (attribute == null) {
            return value.display();
        }
        if (attribute.kind() == AttributeKind.CHOICE) {
            return String.join(" and ", value.choiceIds().stream()
                    .map(c -> lowerFirst(attribute.choice(c).map(org.slant.label.Choice::name).orElse(c))).toList());
        }
        if (attribute.kind() == AttributeKind.TEXT || attribute.kind() == AttributeKind.ENTITY) {
            return "“" + value.display() + "”";
        }
        return value.display();
    }

    /** "Not biased" → "not biased", but "EU" stays: a name inside a sentence. */
    static String lowerFirst(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    // ---- links ----

    List<LinkVerdict> links() {
        List<Link> reference = exercise.gradedLinks();
        boolean[] used = new boolean[studentLinks.size()];
        LinkVerdict[] verdicts = new LinkVerdict[reference.size()];
        for (int r = 0; r < reference.size(); r++) {
            Link ref = reference.get(r);
            String from = studentOf.get(ref.from());
            String to = studentOf.get(ref.to());
            int s = find(used, l -> l.type().equals(ref.type()) && l.from().equals(from) && l.to().equals(to));
            if (s >= 0) {
                verdicts[r] = new LinkVerdict(LinkVerdict.Kind.MATCH, ref.type(), studentLinks.get(s), ref,
                        "You linked " + quote(studentSpans, ref.from(), from) + " to " + quote(studentSpans, ref.to(), to)
                                + as(ref.type()) + ", as the reference does.");
            }
        }
        for (int r = 0; r < reference.size(); r++) {
            Link ref = reference.get(r);
            String from = studentOf.get(ref.from());
            if (verdicts[r] != null || from == null) {
                continue;
            }
            int s = find(used, l -> l.type().equals(ref.type()) && l.from().equals(from));
            if (s >= 0) {
                Link yours = studentLinks.get(s);
                verdicts[r] = new LinkVerdict(LinkVerdict.Kind.OTHER_END, ref.type(), yours, ref,
                        "You linked " + quote(studentSpans.get(yours.from())) + " to " + quote(studentSpans.get(yours.to()))
                                + as(ref.type()) + "; the reference links it to " + quote(referenceSpans.get(ref.to())) + ".");
            }
        }
        List<LinkVerdict> all = new ArrayList<>();
        for (int r = 0; r < reference.size(); r++) {
            Link ref = reference.get(r);
            if (verdicts[r] == null) {
                Span from = referenceSpans.get(ref.from());
                Span to = referenceSpans.get(ref.to());
                String why = studentOf.get(ref.from()) == null ? "you did not mark " + quote(from) + " as " + labelName(from)
                        : studentOf.get(ref.to()) == null ? "you did not mark " + quote(to) + " as " + labelName(to)
                        : "you did not link them";
                verdicts[r] = new LinkVerdict(LinkVerdict.Kind.MISSED, ref.type(), null, ref,
                        "The reference links " + quote(from) + " to " + quote(to) + as(ref.type()) + "; " + why + ".");
            }
            all.add(verdicts[r]);
        }
        for (int s = 0; s < studentLinks.size(); s++) {
            if (!used[s]) {
                Link yours = studentLinks.get(s);
                all.add(new LinkVerdict(LinkVerdict.Kind.NOT_IN_REFERENCE, yours.type(), yours, null,
                        "You linked " + quote(studentSpans.get(yours.from())) + " to " + quote(studentSpans.get(yours.to()))
                                + as(yours.type()) + "; the reference has no such link."));
            }
        }
        return all;
    }

    /** The first unused student link that fits, marked used; -1 when none. */
    private int find(boolean[] used, java.util.function.Predicate<Link> fits) {
        for (int s = 0; s < studentLinks.size(); s++) {
            if (!used[s] && fits.test(studentLinks.get(s))) {
                used[s] = true;
                return s;
            }
        }
        return -1;
    }

    /** " as its source" for a role, " as about" for a plain relation. */
    private String as(String type) {
        Optional<LinkType> t = scheme.linkType(type);
        return " as " + (t.map(LinkType::role).orElse(false) ? "its " : "") + lowerFirst(t.map(LinkType::name).orElse(type));
    }

    /** The student's span when they have it, else the reference's. */
    private String quote(Map<String, Span> spans, String referenceId, String studentId) {
        Span s = studentId == null ? null : spans.get(studentId);
        return quote(s != null ? s : referenceSpans.get(referenceId));
    }

    private static String quote(Span span) {
        String t = span.text().replace('\n', ' ');
        return "“" + (t.length() <= QUOTE ? t : t.substring(0, QUOTE - 1) + "…") + "”";
    }

    private String labelName(Span span) {
        return scheme.find(span.label()).map(Label::name).orElse(span.label());
    }

    // ---- sentence labels and answers ----

    List<ValueVerdict> sentences() {
        Map<Integer, SentenceAnnotation> yours = new TreeMap<>();
        submission.structure().sentences().forEach(s -> yours.put(s.start(), s));
        Map<Integer, SentenceAnnotation> theirs = new TreeMap<>();
        exercise.structure().sentences().forEach(s -> theirs.put(s.start(), s));
        Set<Integer> starts = new TreeSet<>(yours.keySet());
        starts.addAll(theirs.keySet());
        if (starts.isEmpty()) {
            return List.of();
        }
        Map<Integer, Integer> numbers = new HashMap<>();
        if (text != null) {
            List<Sentences.Sentence> all = Sentences.of(text);
            for (int i = 0; i < all.size(); i++) {
                numbers.put(all.get(i).start(), i + 1);
            }
        }
        boolean severalLabels = scheme.sentenceLabels().size() > 1;
        List<ValueVerdict> verdicts = new ArrayList<>();
        for (int start : starts) {
            SentenceAnnotation mine = yours.get(start);
            SentenceAnnotation ref = theirs.get(start);
            SentenceAnnotation any = ref != null ? ref : mine;
            String where = numbers.containsKey(start) ? "Sentence " + numbers.get(start) : "The sentence " + quote(any.text());
            for (String label : labelsOf(mine, ref, scheme.sentenceLabels())) {
                Attribute attribute = scheme.sentenceLabel(label).orElse(null);
                String what = severalLabels ? where + ", " + lowerFirst(attribute == null ? label : attribute.name()) : where;
                AttributeValue a = mine == null ? null : mine.values().get(label);
                AttributeValue b = ref == null ? null : ref.values().get(label);
                verdicts.add(new ValueVerdict(label, a, b, compare(what, attribute, a, b)));
            }
        }
        return verdicts;
    }

    private static String quote(String text) {
        return "“" + (text.length() <= QUOTE ? text : text.substring(0, QUOTE - 1) + "…") + "”";
    }

    /** The labels either gave, in the scheme's order, then any the scheme no longer has. */
    private static Set<String> labelsOf(SentenceAnnotation a, SentenceAnnotation b, List<Attribute> order) {
        Set<String> given = new TreeSet<>();
        if (a != null) {
            given.addAll(a.values().keySet());
        }
        if (b != null) {
            given.addAll(b.values().keySet());
        }
        Set<String> ids = new LinkedHashSet<>();
        order.forEach(x -> ids.add(x.id()));
        ids.retainAll(given);
        ids.addAll(given);
        return ids;
    }

    List<ValueVerdict> answers() {
        Map<String, AttributeValue> yours = submission.structure().answers();
        Map<String, AttributeValue> theirs = exercise.structure().answers();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> given = new TreeSet<>(yours.keySet());
        given.addAll(theirs.keySet());
        scheme.documentQuestions().forEach(q -> ids.add(q.id()));
        ids.retainAll(given);
        ids.addAll(given);
        List<ValueVerdict> verdicts = new ArrayList<>();
        for (String id : ids) {
            Attribute question = scheme.question(id).orElse(null);
            verdicts.add(new ValueVerdict(id, yours.get(id), theirs.get(id),
                    compare(question == null ? id : question.name(), question, yours.get(id), theirs.get(id))));
        }
        return verdicts;
    }

    // ---- scores ----

    /** A score per part that the reference or the student gave anything of, in plain words. */
    List<StructureScore> scores(List<SpanVerdict> verdicts, List<LinkVerdict> links, List<ValueVerdict> sentences,
                                List<ValueVerdict> answers) {
        List<StructureScore> scores = new ArrayList<>();
        List<ValueVerdict> attributes = verdicts.stream().flatMap(v -> v.attributes().stream()).toList();
        if (!attributes.isEmpty()) {
            int right = count(attributes, true);
            int ref = (int) attributes.stream().filter(a -> a.reference() != null).count();
            int yours = (int) attributes.stream().filter(a -> a.yours() != null).count();
            scores.add(new StructureScore("attributes", right, ref, yours, "On the passages you found, " + right + " of the "
                    + ref + " attribute values the reference gives are yours too" + (yours > right
                    ? " (" + (yours - right) + " of your " + yours + " differ or are not in the reference)." : ".")));
        }
        if (!links.isEmpty()) {
            int right = (int) links.stream().filter(l -> l.kind() == LinkVerdict.Kind.MATCH).count();
            int ref = exercise.gradedLinks().size();
            int yours = studentLinks.size();
            SpanMatchCounts c = new SpanMatchCounts(right, yours, ref);
            String sentence = yours == 0 ? "You made no links; the reference has " + ref + ", so your link score is 0."
                    : ref == 0 ? "The reference has no links, so " + (yours == 1 ? "your one does not count."
                    : "none of your " + yours + " count.")
                    : "You made " + right + " of the reference's " + ref + (ref == 1 ? " link" : " links") + ", and "
                    + right + " of your " + yours + (right == 1 ? " is" : " are") + " in it. Score (F1): " + Grading.score(c) + ".";
            scores.add(new StructureScore("links", right, ref, yours, sentence));
        }
        if (!sentences.isEmpty()) {
            int right = count(sentences, true);
            int ref = (int) sentences.stream().filter(a -> a.reference() != null).count();
            scores.add(new StructureScore("sentences", right, ref,
                    (int) sentences.stream().filter(a -> a.yours() != null).count(),
                    "You agree with the reference on " + right + " of its " + ref + " sentence labels."));
        }
        if (!answers.isEmpty()) {
            int right = count(answers, true);
            int ref = (int) answers.stream().filter(a -> a.reference() != null).count();
            scores.add(new StructureScore("answers", right, ref, (int) answers.stream().filter(a -> a.yours() != null).count(),
                    "Your answers agree with the reference's on " + right + " of its " + ref
                            + (ref == 1 ? " document question." : " document questions.")));
        }
        return scores;
    }

    private static int count(List<ValueVerdict> verdicts, boolean agreeing) {
        return (int) verdicts.stream().filter(v -> v.agrees() == agreeing).count();
    }
}
