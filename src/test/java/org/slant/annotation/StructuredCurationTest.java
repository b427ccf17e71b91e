package org.slant.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.CurationService.AnswerCandidate;
import org.slant.annotation.CurationService.Candidate;
import org.slant.annotation.CurationService.LinkCandidate;
import org.slant.annotation.CurationService.SentenceCandidate;
import org.slant.annotation.CurationService.Votes;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.document.Sentences;
import org.slant.label.AttributeValue;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;

/**
 * Curation of what a span's label alone does not say: attributes, links, sentence labels and document answers,
 * each taken into gold with the same revision check as spans. Two annotators on {@link StructuredAnnotationTest#TEXT}
 * with its scheme: they agree on Bias "claimed" and its target but not its polarity, give the attribution
 * "the talks failed" different sources, and differ on the first sentence.
 */
class StructuredCurationTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    private static final Instant NOW = Instant.parse("2025-08-17T12:00:00Z");
    private static final String TEXT = StructuredAnnotationTest.TEXT;
    private static final AttributeValue YES = new AttributeValue.Text("yes");
    private static final AttributeValue NO = new AttributeValue.Text("no");

    @TempDir
    Path folder;

    private AnnotationService annotations;
    private CurationService curation;
    private List<Sentences.Sentence> sentences;

    @BeforeEach
    void twoAnnotators() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Peace talks", TEXT, null, T0));
        LabelService labels = new LabelService(new ProjectRegistry(workspace));
        labels.replace("default", StructuredAnnotationTest.SCHEME);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        annotations = new AnnotationService(documents, labels, workspace, clock);
        curation = new CurationService(annotations, documents, labels, clock);
        sentences = Sentences.of(TEXT);

        for (String annotator : List.of("ana", "ben")) {
            Span bias = mark(annotator, "claimed", "bias");
            annotations.setAttribute("talks", annotator, bias.id(), "target", new AttributeValue.Text("Putin"));
            annotations.setAttribute("talks", annotator, bias.id(), "polarity",
                    new AttributeValue.Text(annotator.equals("ana") ? "negative" : "positive"));
            Span attribution = mark(annotator, "the talks failed", "attribution");
            Span source = mark(annotator, annotator.equals("ana") ? "Merz" : "Critics", "source");
            annotations.addLink("talks", annotator, annotator, "source", attribution.id(), source.id());
            annotations.setAnswer("talks", annotator, "tone", new AttributeValue.Text("anti"));
            label(annotator, 0, annotator.equals("ana") ? YES : NO);
        }
        Span said = mark("ana", "said", "cue");
        annotations.addLink("talks", "ana", "ana", "cue", span("ana", "the talks failed").id(), said.id());
        label("ana", 1, YES);
    }

    private Span mark(String annotator, String part, String label) {
        int[] r = AnnotationServiceTest.at(TEXT, part);
        return annotations.create("talks", annotator, r[0], r[1], label, false).after();
    }

    private void label(String annotator, int sentence, AttributeValue biased) {
        Sentences.Sentence s = sentences.get(sentence);
        annotations.setSentenceLabel("talks", annotator, s.start(), s.end(), "biased", biased);
    }

    private Span span(String annotator, String text) {
        return annotations.layer("talks", annotator).spans().stream().filter(s -> s.text().equals(text)).findFirst().orElseThrow();
    }

    private Candidate candidate(String text, String label) {
        return curation.candidates("talks").candidates().stream()
                .filter(c -> c.text().equals(text) && c.label().equals(label)).findFirst().orElseThrow();
    }

    private LinkCandidate link(String type, String to) {
        return curation.candidates("talks").links().stream()
                .filter(l -> l.type().equals(type) && l.to().text().equals(to)).findFirst().orElseThrow();
    }

    private Layer gold() {
        return annotations.layer("talks", CurationService.GOLD);
    }

    @Test
    void eachAnnotatorsAttributeValuesAreShownAndOnlyTheAgreedOnesComeWithAccept() {
        Candidate claimed = candidate("claimed", "bias");

        assertThat(claimed.annotators()).containsExactly("ana", "ben");
        Votes polarity = claimed.attributes().get("polarity");
        assertThat(polarity.byAnnotator()).containsExactly(Map.entry("ana", new AttributeValue.Text("negative")),
                Map.entry("ben", new AttributeValue.Text("positive")));
        assertThat(polarity.disputed()).isTrue();
        assertThat(polarity.options()).extracting(Votes.Option::annotators).containsExactly(List.of("ana"), List.of("ben"));
        assertThat(claimed.attributes().get("target").agreed()).isEqualTo(new AttributeValue.Text("Putin"));
        assertThat(claimed.agreedAttributes()).containsExactly(Map.entry("target", new AttributeValue.Text("Putin")));

        Layer gold = curation.accept("talks", "dora", 0, claimed);

        assertThat(gold.spans()).singleElement().satisfies(s -> assertThat(s.attributes())
                .containsExactly(Map.entry("target", new AttributeValue.Text("Putin"))));
        // the curator picks ana's polarity; the row then shows gold's value beside the annotators'
        String id = gold.spans().getFirst().id();
        curation.setAttribute("talks", "eve", 1, id, "polarity", new AttributeValue.Text("negative"));
        Candidate after = candidate("claimed", "bias");
        assertThat(after.attributes().get("polarity").gold()).isEqualTo(new AttributeValue.Text("negative"));
        assertThat(after.gold().author()).isEqualTo("eve");
        assertThat(gold().revision()).isEqualTo(2);
        // values are checked against the scheme, and a stale revision is refused like every gold edit
        assertThatThrownBy(() -> curation.setAttribute("talks", "eve", 2, id, "polarity", new AttributeValue.Text("angry")))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("has no value \"angry\"");
        assertThatThrownBy(() -> curation.setAttribute("talks", "eve", 1, id, "polarity", new AttributeValue.Text("positive")))
                .isInstanceOf(StaleLayerException.class);
        curation.setAttribute("talks", "eve", 2, id, "polarity", null);
        assertThat(gold().spans().getFirst().attributes()).doesNotContainKey("polarity");
    }

    @Test
    void acceptAllWithAtLeastBringsTheAgreedAttributesAndMovingABoundaryKeepsThem() {
        Layer gold = curation.acceptAllWithAtLeast("talks", "dora", 0, 2, java.util.Optional.of("bias"));
        Span claimed = gold.spans().getFirst();
        assertThat(claimed.attributes()).containsOnlyKeys("target");

        gold = curation.resize("talks", "dora", 1, claimed.id(), CurationService.Boundary.END_LATER);

        assertThat(gold.spans().getFirst().text()).isEqualTo("claimed Putin");
        assertThat(gold.spans().getFirst().attributes()).containsOnlyKeys("target");
        // Attribution has no target: relabelling drops it rather than making gold invalid
        gold = curation.relabel("talks", "dora", 2, claimed.id(), "attribution");
        assertThat(gold.spans().getFirst().attributes()).isEmpty();
    }

    @Test
    void linksAreCandidatesByTheRangesAndLabelsOfTheirEndsAndNeedBothEndsInGold() {
        assertThat(curation.candidates("talks").links())
                .extracting(LinkCandidate::type, l -> l.from().text(), l -> l.to().text(), LinkCandidate::annotators)
                .containsExactly(tuple("source", "the talks failed", "Merz", List.of("ana")),
                        tuple("cue", "the talks failed", "said", List.of("ana")),
                        tuple("source", "the talks failed", "Critics", List.of("ben")));
        LinkCandidate merz = link("source", "Merz");
        assertThat(merz.endsInGold()).isFalse();
        assertThatThrownBy(() -> curation.acceptLink("talks", "dora", 0, merz))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("Accept \"the talks failed\" (Attribution) into gold first");

        curation.accept("talks", "dora", 0, candidate("the talks failed", "attribution"));
        curation.accept("talks", "dora", 1, candidate("Merz", "source"));
        curation.accept("talks", "dora", 2, candidate("Critics", "source"));
        assertThat(link("source", "Merz").endsInGold()).isTrue();
        Layer gold = curation.acceptLink("talks", "dora", 3, link("source", "Merz"));

        assertThat(gold.revision()).isEqualTo(4);
        assertThat(gold.links()).singleElement().satisfies(l -> {
            assertThat(l.type()).isEqualTo("source");
            assertThat(gold.find(l.from()).orElseThrow().text()).isEqualTo("the talks failed");
            assertThat(gold.find(l.to()).orElseThrow().text()).isEqualTo("Merz");
            assertThat(l.author()).isEqualTo("dora");
        });
        assertThat(link("source", "Merz").inGold()).isTrue();
        assertThat(curation.acceptLink("talks", "dora", 4, link("source", "Merz")).revision()).isEqualTo(4); // no change
        // an attribution has one source: ben's is refused until ana's is rejected
        assertThatThrownBy(() -> curation.acceptLink("talks", "dora", 4, link("source", "Critics")))
                .hasMessageContaining("already has its Source: \"Merz\"");
        assertThatThrownBy(() -> curation.rejectLink("talks", "dora", 3, link("source", "Merz")))
                .isInstanceOf(StaleLayerException.class);
        curation.rejectLink("talks", "dora", 4, link("source", "Merz"));
        Layer switched = curation.acceptLink("talks", "dora", 5, link("source", "Critics"));
        assertThat(switched.links()).extracting(l -> switched.find(l.to()).orElseThrow().text()).containsExactly("Critics");
        // rejecting a span takes its links out of gold with it
        Layer without = curation.reject("talks", "dora", 6, candidate("Critics", "source"));
        assertThat(without.links()).isEmpty();
        assertThat(link("source", "Critics").inGold()).isFalse();
    }

    @Test
    void aLinkOnlyGoldHasIsListedWithNoAnnotators() {
        curation.accept("talks", "dora", 0, candidate("claimed", "bias"));
        curation.accept("talks", "dora", 1, candidate("the talks failed", "attribution"));
        Layer gold = gold();
        Span bias = gold.spans().stream().filter(s -> s.label().equals("bias")).findFirst().orElseThrow();
        Span attribution = gold.spans().stream().filter(s -> s.label().equals("attribution")).findFirst().orElseThrow();
        annotations.replaceLayer("talks", CurationService.GOLD, 2, gold.spans(),
                List.of(new Link("gl-own", "about", bias.id(), attribution.id(), "dora", NOW)), null, null);

        LinkCandidate about = curation.candidates("talks").links().stream().filter(l -> l.type().equals("about"))
                .findFirst().orElseThrow();

        assertThat(about.annotators()).isEmpty();
        assertThat(about.gold().id()).isEqualTo("gl-own");
        assertThat(about.from().text()).isEqualTo("claimed");
        assertThat(curation.rejectLink("talks", "dora", 3, about).links()).isEmpty();
    }

    @Test
    void sentenceLabelsAndAnswersAreEachAnnotatorsValueAndTheCuratorPicksOne() {
        var candidates = curation.candidates("talks");

        assertThat(candidates.sentences()).extracting(SentenceCandidate::number, SentenceCandidate::label,
                c -> c.votes().byAnnotator()).containsExactly(
                tuple(1, "biased", Map.of("ana", YES, "ben", NO)),
                tuple(2, "biased", Map.of("ana", YES)));
        assertThat(candidates.sentences().getFirst().text()).isEqualTo("😀 Merz said the talks failed.");
        assertThat(candidates.sentences().getFirst().votes().disputed()).isTrue();
        assertThat(candidates.answers()).extracting(AnswerCandidate::question, a -> a.votes().agreed())
                .containsExactly(tuple("tone", new AttributeValue.Text("anti")));

        // what everyone agrees on, in one save; the disputed sentence waits for the curator
        Layer gold = curation.acceptAgreedLabels("talks", "dora", 0);
        assertThat(gold.revision()).isEqualTo(1);
        assertThat(gold.answers()).containsExactly(Map.entry("tone", new AttributeValue.Text("anti")));
        assertThat(gold.sentences()).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(sentences.get(1).start());
            assertThat(s.values()).containsExactly(Map.entry("biased", YES));
        });
        assertThat(curation.acceptAgreedLabels("talks", "dora", 1).revision()).isEqualTo(1); // nothing new

        Sentences.Sentence first = sentences.getFirst();
        gold = curation.setSentenceLabel("talks", "dora", 1, first.start(), first.end(), "biased", NO);
        assertThat(gold.sentenceAt(first.start()).orElseThrow().values()).containsEntry("biased", NO);
        assertThat(curation.candidates("talks").sentences().getFirst().votes().gold()).isEqualTo(NO);
        gold = curation.setAnswer("talks", "dora", 2, "tone", new AttributeValue.Text("neutral"));
        assertThat(gold.answers()).containsEntry("tone", new AttributeValue.Text("neutral"));
        // the curator's choice is never overwritten by a later "accept agreed"
        assertThat(curation.acceptAgreedLabels("talks", "dora", 3).answers())
                .containsEntry("tone", new AttributeValue.Text("neutral"));

        assertThatThrownBy(() -> curation.setAnswer("talks", "dora", 0, "tone", new AttributeValue.Text("pro")))
                .isInstanceOf(StaleLayerException.class);
        assertThatThrownBy(() -> curation.setSentenceLabel("talks", "dora", 3, first.start() + 2, first.end(), "biased", NO))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("do not sit on a sentence");
        assertThatThrownBy(() -> curation.setAnswer("talks", "dora", 3, "tone", new AttributeValue.Text("angry")))
                .hasMessageContaining("has no value \"angry\"");
        gold = curation.setSentenceLabel("talks", "dora", 3, first.start(), first.end(), "biased", null);
        assertThat(gold.sentenceAt(first.start())).isEmpty();
        // spans curated later keep the labels and answers
        gold = curation.accept("talks", "dora", 4, candidate("claimed", "bias"));
        assertThat(gold.answers()).containsKey("tone");
        assertThat(gold.sentences()).hasSize(1);
    }
}
