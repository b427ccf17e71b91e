package org.slant.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.Document;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;

/** Attributes, links, sentence labels and document answers: the rules, undo, and what survives a save. */
public class StructuredAnnotationTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    static final String TEXT = "😀 Merz said the talks failed. Critics claimed Putin won! Nobody knows.";

    /** A BASIL-like scheme: bias spans with polarity, target and intensity; PARC-like roles; a sentence label; a question. */
    public static final Scheme SCHEME = new Scheme(List.of(
            new Label("bias", "Bias", "#d9480f", "1", "wavy", "", List.of(
                    Attribute.choice("polarity", "Polarity", true, "",
                            new Choice("positive", "Positive", "p", ""), new Choice("negative", "Negative", "n", "")),
                    Attribute.of("target", "Target", AttributeKind.ENTITY, false, ""),
                    Attribute.scale("intensity", "Intensity", 1, 5, false, ""),
                    Attribute.choices("frames", "Frames", false, "", new Choice("economic", "Economic"),
                            new Choice("legality", "Legality")))),
            new Label("attribution", "Attribution", "#1971c2", "2", "double", ""),
            new Label("source", "Source", "#0b7285", "3", "dotted", ""),
            new Label("cue", "Cue", "#5f3dc4", "4", "dashed", "")),
            List.of(LinkType.role("source", "Source", "attribution", List.of("source"), true, ""),
                    LinkType.role("cue", "Cue", "attribution", List.of("cue"), false, ""),
                    LinkType.relation("about", "About", List.of("bias"), List.of(), "")),
            List.of(Attribute.choice("biased", "Biased", true, "", new Choice("yes", "Biased"), new Choice("no", "Not biased"))),
            List.of(Attribute.choice("tone", "Tone", true, "", new Choice("pro", "Pro"), new Choice("neutral", "Neutral"),
                    new Choice("anti", "Anti")), Attribute.of("note", "Comment", AttributeKind.TEXT, false, "")));

    @TempDir
    Path folder;

    private JsonWorkspace workspace;
    private AnnotationService service;

    @BeforeEach
    void setUp() {
        workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Peace talks", TEXT, null, T0));
        new LabelService(new ProjectRegistry(workspace)).replace("default", SCHEME);
        service = AnnotationServiceTest.newService(workspace, T0.plusSeconds(60));
    }

    private Span span(String part, String label) {
        int[] r = AnnotationServiceTest.at(TEXT, part);
        return service.create("talks", "ann", r[0], r[1], label, false).after();
    }

    @Test
    void attributesAreCheckedAgainstTheSpansLabelAndSurviveASave() {
        Span bias = span("claimed", "bias");

        service.setAttribute("talks", "ann", bias.id(), "polarity", new AttributeValue.Text("negative"));
        service.setAttribute("talks", "ann", bias.id(), "target", new AttributeValue.Text(" Putin "));
        service.setAttribute("talks", "ann", bias.id(), "intensity", new AttributeValue.Number(4));
        service.setAttribute("talks", "ann", bias.id(), "frames", new AttributeValue.Choices(List.of("legality", "economic")));

        assertThatThrownBy(() -> service.setAttribute("talks", "ann", bias.id(), "polarity", new AttributeValue.Text("angry")))
                .isInstanceOf(SpanRejectedException.class).hasMessageContaining("\"Polarity\" (polarity) has no value \"angry\"")
                .hasMessageContaining("[positive, negative]");
        assertThatThrownBy(() -> service.setAttribute("talks", "ann", bias.id(), "intensity", new AttributeValue.Number(9)))
                .hasMessageContaining("scale from 1 to 5, got 9");
        assertThatThrownBy(() -> service.setAttribute("talks", "ann", bias.id(), "speaker", new AttributeValue.Text("x")))
                .hasMessageContaining("has attribute \"speaker\", which Bias does not have");
        Span source = span("Merz", "source");
        assertThatThrownBy(() -> service.setAttribute("talks", "ann", source.id(), "polarity", new AttributeValue.Text("negative")))
                .hasMessageContaining("which Source does not have");

        // read back from the folder by a second service: nothing trusted from memory
        Span stored = AnnotationServiceTest.newService(new JsonWorkspace(folder), T0).layer("talks", "ann").find(bias.id()).orElseThrow();
        assertThat(stored.attributes()).containsExactly(
                Map.entry("frames", new AttributeValue.Choices(List.of("legality", "economic"))),
                Map.entry("intensity", new AttributeValue.Number(4)),
                Map.entry("polarity", new AttributeValue.Text("negative")),
                Map.entry("target", new AttributeValue.Text("Putin")));

        SpanChange cleared = service.setAttribute("talks", "ann", bias.id(), "target", null);
        assertThat(cleared.after().attributes()).doesNotContainKey("target");
        service.undo("talks", "ann", cleared);
        assertThat(service.layer("talks", "ann").find(bias.id()).orElseThrow().attributes())
                .containsEntry("target", new AttributeValue.Text("Putin"));
    }

    @Test
    void rolesFitTheirLabelsAndAreFilledOnce() {
        Span attribution = span("the talks failed", "attribution");
        Span merz = span("Merz", "source");
        Span said = span("said", "cue");
        Span critics = span("Critics", "source");

        LinkChange source = service.addLink("talks", "ann", "ann", "source", attribution.id(), merz.id());
        service.addLink("talks", "ann", "ann", "cue", attribution.id(), said.id());

        assertThat(service.layer("talks", "ann").links()).extracting(Link::type, Link::from, Link::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("source", attribution.id(), merz.id()),
                org.assertj.core.groups.Tuple.tuple("cue", attribution.id(), said.id()));
        assertThatThrownBy(() -> service.addLink("talks", "ann", "ann", "source", attribution.id(), critics.id()))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("\"the talks failed\" already has its Source: \"Merz\"");
        assertThatThrownBy(() -> service.addLink("talks", "ann", "ann", "source", attribution.id(), said.id()))
                .hasMessageContaining("A Source link goes to Source, not to Cue \"said\"");
        assertThatThrownBy(() -> service.addLink("talks", "ann", "ann", "cue", merz.id(), said.id()))
                .hasMessageContaining("A Cue link starts at Attribution, not at Source \"Merz\"");
        assertThatThrownBy(() -> service.addLink("talks", "ann", "ann", "quotes", attribution.id(), merz.id()))
                .hasMessageContaining("unknown type \"quotes\"");
        assertThatThrownBy(() -> service.addLink("talks", "ann", "ann", "source", attribution.id(), "s-none"))
                .hasMessageContaining("No span s-none");

        // removing and undoing a link
        LinkChange removed = service.removeLink("talks", "ann", source.after().id());
        assertThat(service.layer("talks", "ann").links()).hasSize(1);
        service.undo("talks", "ann", removed);
        assertThat(service.layer("talks", "ann").links()).hasSize(2);
    }

    @Test
    void deletingALinkedSpanTakesItsLinksAndUndoRestoresBoth() {
        Span attribution = span("the talks failed", "attribution");
        Span merz = span("Merz", "source");
        service.addLink("talks", "ann", "ann", "source", attribution.id(), merz.id());

        SpanChange deleted = service.delete("talks", "ann", merz.id());

        assertThat(deleted.removedLinks()).hasSize(1);
        assertThat(service.layer("talks", "ann").links()).isEmpty();
        service.undo("talks", "ann", deleted);
        Layer layer = service.layer("talks", "ann");
        assertThat(layer.find(merz.id())).isPresent();
        assertThat(layer.links()).singleElement().satisfies(l -> assertThat(l.to()).isEqualTo(merz.id()));
    }

    @Test
    void relabellingDropsTheAttributesAndLinksTheNewLabelDoesNotFitAndUndoBringsThemBack() {
        Span attribution = span("the talks failed", "attribution");
        Span merz = span("Merz", "source");
        service.addLink("talks", "ann", "ann", "source", attribution.id(), merz.id());

        SpanChange relabelled = service.relabel("talks", "ann", merz.id(), "cue");

        assertThat(relabelled.removedLinks()).hasSize(1);
        assertThat(service.layer("talks", "ann").links()).isEmpty();
        service.undo("talks", "ann", relabelled);
        assertThat(service.layer("talks", "ann").links()).hasSize(1);
        assertThat(service.layer("talks", "ann").find(merz.id()).orElseThrow().label()).isEqualTo("source");
    }

    @Test
    void sentenceLabelsSitOnTheServersSentencesOnly() {
        int[] first = AnnotationServiceTest.at(TEXT, "😀 Merz said the talks failed.");

        SentenceChange set = service.setSentenceLabel("talks", "ann", first[0], first[1], "biased", new AttributeValue.Text("yes"));

        assertThat(set.after().text()).isEqualTo("😀 Merz said the talks failed.");
        assertThat(service.layer("talks", "ann").sentences()).singleElement()
                .satisfies(s -> assertThat(s.values()).containsEntry("biased", new AttributeValue.Text("yes")));
        assertThatThrownBy(() -> service.setSentenceLabel("talks", "ann", first[0] + 2, first[1], "biased",
                new AttributeValue.Text("yes"))).isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("do not sit on a sentence").hasMessageContaining("the sentence there is 0-29");
        assertThatThrownBy(() -> service.setSentenceLabel("talks", "ann", first[0], first[1], "leaning",
                new AttributeValue.Text("left"))).hasMessageContaining("sentence label \"leaning\", which the scheme does not have");
        service.undo("talks", "ann", set);
        assertThat(service.layer("talks", "ann").sentences()).isEmpty();
    }

    @Test
    void documentAnswersFitTheirQuestion() {
        AnswerChange tone = service.setAnswer("talks", "ann", "tone", new AttributeValue.Text("anti"));

        assertThat(service.layer("talks", "ann").answers()).containsEntry("tone", new AttributeValue.Text("anti"));
        assertThatThrownBy(() -> service.setAnswer("talks", "ann", "tone", new AttributeValue.Text("angry")))
                .hasMessageContaining("\"Tone\" (tone) has no value \"angry\"");
        assertThatThrownBy(() -> service.setAnswer("talks", "ann", "stance", new AttributeValue.Text("pro")))
                .hasMessageContaining("no document question \"stance\"");
        service.undo("talks", "ann", tone);
        assertThat(service.layer("talks", "ann").answers()).isEmpty();
    }

    @Test
    void whatARequiredAttributeRoleSentenceLabelOrQuestionLacksIsListed() {
        Span bias = span("claimed", "bias");
        span("the talks failed", "attribution");

        List<String> missing = service.missing("talks", "ann");

        assertThat(missing).contains("Bias \"claimed\" (" + bias.id() + ") has no Polarity",
                "The document question \"Tone\" is not answered");
        assertThat(missing).anyMatch(m -> m.startsWith("Attribution \"the talks failed\"") && m.endsWith("has no Source linked"));
        assertThat(missing).filteredOn(m -> m.startsWith("The sentence")).hasSize(3);
        service.setAttribute("talks", "ann", bias.id(), "polarity", new AttributeValue.Text("negative"));
        assertThat(service.missing("talks", "ann")).noneMatch(m -> m.contains("Polarity"));
    }

    @Test
    void aReplaceOfTheSpansKeepsTheLinksWhoseSpansStay() {
        Span attribution = span("the talks failed", "attribution");
        Span merz = span("Merz", "source");
        Span said = span("said", "cue");
        service.addLink("talks", "ann", "ann", "source", attribution.id(), merz.id());
        service.addLink("talks", "ann", "ann", "cue", attribution.id(), said.id());
        service.setAnswer("talks", "ann", "tone", new AttributeValue.Text("pro"));
        Layer layer = service.layer("talks", "ann");

        Layer replaced = service.replaceLayer("talks", "ann", layer.revision(),
                layer.spans().stream().filter(s -> !s.id().equals(said.id())).toList());

        assertThat(replaced.links()).extracting(Link::type).containsExactly("source");
        assertThat(replaced.answers()).containsKey("tone");
    }

    @Test
    void aLayerFileOfTheFirstFormatIsReadWithoutLoss() throws Exception {
        Path file = folder.resolve("layers/talks/old.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"format": "slant-layer/1", "document": "talks", "annotator": "old", "revision": 4,
                 "spans": [{"id": "s1", "start": 2, "end": 6, "label": "source", "text": "Merz", "note": "who",
                            "author": "old", "created": "2025-08-16T09:30:00Z", "updated": "2025-08-16T09:31:00Z"}]}
                """);

        Layer layer = new JsonWorkspace(folder).find("talks", "old").orElseThrow();

        assertThat(layer.revision()).isEqualTo(4);
        assertThat(layer.spans()).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("Merz");
            assertThat(s.note()).isEqualTo("who");
            assertThat(s.updated()).isEqualTo(Instant.parse("2025-08-16T09:31:00Z"));
        });
        assertThat(layer.links()).isEmpty();
    }

    @Test
    void aLayerFileWhoseLinkJoinsAMissingSpanIsRefusedNamingBoth() throws Exception {
        Path file = folder.resolve("layers/talks/bad.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"format": "slant-layer/2", "document": "talks", "annotator": "bad", "revision": 1,
                 "spans": [{"id": "s1", "start": 2, "end": 6, "label": "source", "text": "Merz",
                            "author": "bad", "created": "2025-08-16T09:30:00Z"}],
                 "links": [{"id": "l1", "type": "source", "from": "s9", "to": "s1", "author": "bad", "created": "2025-08-16T09:30:00Z"}]}
                """);

        assertThatThrownBy(() -> new JsonWorkspace(folder).find("talks", "bad"))
                .hasMessageContaining("layers/talks/bad.json").hasMessageContaining("Link l1 (source) joins span s9");
    }
}
