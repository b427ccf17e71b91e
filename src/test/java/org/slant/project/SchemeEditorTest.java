package org.slant.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slant.project.Project.DEFAULT_ID;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.annotation.Link;
import org.slant.annotation.SpanRejectedException;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.AttributePlace;
import org.slant.label.AttributeValue;
import org.slant.label.Choice;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.workspace.JsonWorkspace;

class SchemeEditorTest {

    @TempDir
    Path folder;
    LabelService labels;
    AnnotationService annotations;
    SchemeEditor editor;
    String doc;
    ProjectRegistry registry;
    DocumentService documents;

    @BeforeEach
    void setUp() {
        JsonWorkspace store = new JsonWorkspace(folder);
        documents = new DocumentService(store, Clock.systemUTC(), 1 << 20);
        registry = new ProjectRegistry(store);
        labels = new LabelService(registry);
        annotations = new AnnotationService(documents, labels, store, Clock.systemUTC());
        editor = new SchemeEditor(labels, annotations, registry);
        doc = documents.add(new Draft("Doc", "The minister SLAMMED critics, officials said."), Source.UNKNOWN).id();
        annotations.create(doc, "alice", 13, 20, "sensational", false);
        annotations.create(doc, "alice", 13, 20, "opinion", false);
        annotations.create(doc, "bob", 13, 20, "sensational", false);
    }

    @Test
    void countsUsageAcrossLayers() {
        assertThat(editor.usage(DEFAULT_ID)).containsEntry("sensational", 2).containsEntry("opinion", 1);
    }

    @Test
    void addsAndChangesLabelsAndRefusesATakenHotkey() {
        editor.put(DEFAULT_ID, new Label("loaded", "Loaded language", "#123456", "7", "dotted", "Words with strong connotations."));
        assertThat(labels.labels(DEFAULT_ID).find("loaded")).isPresent();
        editor.put(DEFAULT_ID, new Label("loaded", "Loaded wording", "#123456", "7", "dotted", "Changed."));
        LabelService reloaded = new LabelService(new ProjectRegistry(new JsonWorkspace(folder)));
        assertThat(reloaded.labels(DEFAULT_ID).find("loaded").orElseThrow().name()).isEqualTo("Loaded wording");
        assertThatThrownBy(() -> editor.put(DEFAULT_ID, new Label("other", "Other", "#654321", "1", "solid", "")))
                .hasMessageContaining("Hotkey 1");
    }

    @Test
    void removingALabelRelabelsItsSpansAndDropsWhatWouldRepeat() {
        int changed = editor.remove(DEFAULT_ID, "sensational", "opinion");

        assertThat(changed).isEqualTo(2);
        assertThat(labels.labels(DEFAULT_ID).contains("sensational")).isFalse();
        // alice already had the same range as opinion: her relabelled span would repeat it, so it goes
        assertThat(annotations.layer(doc, "alice").spans()).extracting(Span::label).containsExactly("opinion");
        assertThat(annotations.layer(doc, "bob").spans()).extracting(Span::label).containsExactly("opinion");
        // and what is on disk reads back with the new label set
        assertThat(new JsonWorkspace(folder).find(doc, "bob").orElseThrow().spans().getFirst().label()).isEqualTo("opinion");
    }

    @Test
    void removingALabelCanDeleteItsSpans() {
        assertThat(editor.remove(DEFAULT_ID, "sensational", null)).isEqualTo(2);
        assertThat(annotations.layer(doc, "bob").spans()).isEmpty();
        assertThat(annotations.layer(doc, "alice").spans()).extracting(Span::label).containsExactly("opinion");
    }

    @Test
    void refusesAnUnknownReplacementAndTheLastLabel() {
        assertThatThrownBy(() -> editor.remove(DEFAULT_ID, "sensational", "nope")).hasMessageContaining("nope");
        assertThat(labels.labels(DEFAULT_ID).contains("sensational")).isTrue();
        editor.remove(DEFAULT_ID, "attribution", null);
        editor.remove(DEFAULT_ID, "fact", null);
        editor.remove(DEFAULT_ID, "opinion", "sensational");
        editor.remove(DEFAULT_ID, "source", null);
        editor.remove(DEFAULT_ID, "cue", null);
        assertThatThrownBy(() -> editor.remove(DEFAULT_ID, "sensational", null)).hasMessageContaining("last label");
    }

    @Test
    void eachProjectIsEditedOnItsOwnDocuments() {
        String other = documents.add(new Draft("Other", "Critics SLAMMED the minister."), Source.UNKNOWN).id();
        annotations.create(other, "alice", 8, 15, "sensational", false);
        registry.update(all -> {
            all.add(Project.create("study", "Study", Scheme.defaults(), "carol").withDocuments(List.of(other)));
            return all;
        });

        assertThat(editor.usage("study")).containsExactly(Map.entry("sensational", 1));
        assertThat(editor.usage(DEFAULT_ID)).containsEntry("sensational", 2);

        assertThat(editor.remove("study", "sensational", "fact")).isEqualTo(1);
        editor.put("study", new Label("loaded", "Loaded language", "#123456", "7", "dotted", ""));

        assertThat(labels.labels("study").contains("sensational")).isFalse();
        assertThat(labels.labels("study").contains("loaded")).isTrue();
        assertThat(labels.labels(DEFAULT_ID)).isEqualTo(Scheme.defaults());
        assertThat(annotations.layer(other, "alice").spans()).extracting(Span::label).containsExactly("fact");
        assertThat(annotations.layer(doc, "bob").spans()).extracting(Span::label).containsExactly("sensational");
    }

    // ---- attributes, choice values, link types, sentence labels and questions ----

    static final String TEXT = "Merz said the talks failed. Critics claimed Putin won! Nobody knows.";

    /** A BASIL/PARC-like scheme: bias spans with attributes, roles and a relation, a sentence label, two questions. */
    static final Scheme SCHEME = org.slant.annotation.StructuredAnnotationTest.SCHEME;

    static final AttributePlace BIAS = AttributePlace.label("bias");
    String talks;
    Map<String, String> ids = new java.util.HashMap<>();

    private org.slant.annotation.Span span(String annotator, String part, String label) {
        int start = TEXT.codePointCount(0, TEXT.indexOf(part));
        org.slant.annotation.Span s = annotations.create(talks, annotator, start, start + part.codePointCount(0, part.length()),
                label, false).after();
        ids.put(annotator + ":" + part, s.id());
        return s;
    }

    /** alice and bob each: a biased "claimed" with values, an attribution with its source and cue, sentence labels, answers. */
    private void structured() {
        labels.replace(DEFAULT_ID, SCHEME);
        talks = documents.add(new Draft("Talks", TEXT), Source.UNKNOWN).id();
        for (String who : List.of("alice", "bob")) {
            String claimed = span(who, "claimed", "bias").id();
            annotations.setAttribute(talks, who, claimed, "polarity", new AttributeValue.Text("negative"));
            annotations.setAttribute(talks, who, claimed, "target", new AttributeValue.Text("Putin"));
            annotations.setAttribute(talks, who, claimed, "frames", new AttributeValue.Choices(List.of("legality", "economic")));
            String attribution = span(who, "the talks failed", "attribution").id();
            String merz = span(who, "Merz", "source").id();
            String said = span(who, "said", "cue").id();
            annotations.addLink(talks, who, who, "source", attribution, merz);
            annotations.addLink(talks, who, who, "cue", attribution, said);
            annotations.addLink(talks, who, who, "about", claimed, merz);
            annotations.setSentenceLabel(talks, who, 0, 27, "biased", new AttributeValue.Text("yes"));
            annotations.setAnswer(talks, who, "tone", new AttributeValue.Text("anti"));
        }
        annotations.setAttribute(talks, "alice", ids.get("alice:claimed"), "intensity", new AttributeValue.Number(4));
        String won = span("bob", "Putin won", "bias").id();
        annotations.setAttribute(talks, "bob", won, "polarity", new AttributeValue.Text("positive"));
        annotations.setAttribute(talks, "bob", won, "intensity", new AttributeValue.Number(2));
        annotations.setAttribute(talks, "bob", won, "frames", new AttributeValue.Choices(List.of("legality")));
    }

    private org.slant.annotation.Span stored(String annotator, String part) {
        // read back from the folder: nothing trusted from memory
        return new JsonWorkspace(folder).find(talks, annotator).orElseThrow().find(ids.get(annotator + ":" + part)).orElseThrow();
    }

    private Scheme scheme() {
        return new LabelService(new ProjectRegistry(new JsonWorkspace(folder))).labels(DEFAULT_ID);
    }

    @Test
    void usesCountEveryPartOfTheSchemeAcrossLayers() {
        structured();
        SchemeUses uses = editor.uses(DEFAULT_ID);
        assertThat(uses.spans("bias")).isEqualTo(3);
        assertThat(uses.values(BIAS, "polarity")).isEqualTo(3);
        assertThat(uses.choice(BIAS, "polarity", "negative")).isEqualTo(2);
        assertThat(uses.choice(BIAS, "frames", "legality")).isEqualTo(3);
        assertThat(uses.choice(BIAS, "frames", "economic")).isEqualTo(2);
        assertThat(uses.values(BIAS, "intensity")).isEqualTo(2);
        assertThat(uses.links("source")).isEqualTo(2);
        assertThat(uses.links("about")).isEqualTo(2);
        assertThat(uses.choice(AttributePlace.SENTENCE, "biased", "yes")).isEqualTo(2);
        assertThat(uses.choice(AttributePlace.DOCUMENT, "tone", "anti")).isEqualTo(2);
        assertThat(uses.values(AttributePlace.DOCUMENT, "note")).isZero();
    }

    @Test
    void aChoiceValueInUseGoesOnlyWithItsUsesMovedToAnotherValue() {
        structured();
        long revision = annotations.layer(talks, "alice").revision();

        assertThat(editor.removeChoice(DEFAULT_ID, BIAS, "polarity", "negative", "positive")).isEqualTo(2);

        assertThat(scheme().attribute("bias", "polarity").orElseThrow().choiceIds()).containsExactly("positive");
        assertThat(stored("alice", "claimed").attributes()).containsEntry("polarity", new AttributeValue.Text("positive"))
                .containsEntry("target", new AttributeValue.Text("Putin"));
        assertThat(stored("bob", "claimed").attributes()).containsEntry("polarity", new AttributeValue.Text("positive"));
        assertThat(annotations.layer(talks, "alice").revision()).isEqualTo(revision + 1);
        // the rest of the layer is untouched: links, sentence labels, answers
        assertThat(annotations.layer(talks, "alice").links()).hasSize(3);
        assertThat(annotations.layer(talks, "alice").answers()).containsEntry("tone", new AttributeValue.Text("anti"));
        assertThatThrownBy(() -> editor.removeChoice(DEFAULT_ID, BIAS, "polarity", "positive", null))
                .hasMessageContaining("last value");
    }

    @Test
    void aChoiceValueOfSeveralPickedIsTakenOutOfEachPickOrDeletedWithIt() {
        structured();
        assertThat(editor.removeChoice(DEFAULT_ID, BIAS, "frames", "legality", null)).isEqualTo(3);
        assertThat(stored("alice", "claimed").attributes()).containsEntry("frames", new AttributeValue.Choices(List.of("economic")));
        // bob's "Putin won" had only legality: nothing is left of its value
        org.slant.annotation.Span won = stored("bob", "Putin won");
        assertThat(won.attributes()).doesNotContainKey("frames").containsEntry("intensity", new AttributeValue.Number(2));
    }

    @Test
    void aValueInUseCannotVanishInAnAttributeEditWithoutAChoice() {
        structured();
        Attribute renamed = Attribute.choice("polarity", "Polarity", true, "",
                new Choice("positive", "Positive", "p", ""), new Choice("critical", "Critical", "n", ""));
        Map<String, String> before = java.util.Map.of("alice", annotations.layer(talks, "alice").toString(),
                "bob", annotations.layer(talks, "bob").toString());

        assertThatThrownBy(() -> editor.putAttribute(DEFAULT_ID, BIAS, renamed, Map.of(), false))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("The attribute \u201cPolarity\u201d of Bias would lose the value \"Negative\" (2 spans) in use");
        assertThat(scheme()).isEqualTo(SCHEME);
        assertThat(annotations.layer(talks, "alice").toString()).isEqualTo(before.get("alice"));
        assertThat(annotations.layer(talks, "bob").toString()).isEqualTo(before.get("bob"));
        assertThatThrownBy(() -> editor.putAttribute(DEFAULT_ID, BIAS, renamed, Map.of("negative", "angry"), false))
                .hasMessageContaining("not to \"angry\"");

        // moved to a value the old attribute did not have: the layers and the scheme agree at every step
        assertThat(editor.putAttribute(DEFAULT_ID, BIAS, renamed, Map.of("negative", "critical"), false)).isEqualTo(2);
        assertThat(scheme().attribute("bias", "polarity").orElseThrow()).isEqualTo(renamed);
        assertThat(stored("alice", "claimed").attributes()).containsEntry("polarity", new AttributeValue.Text("critical"));
        assertThat(stored("bob", "Putin won").attributes()).containsEntry("polarity", new AttributeValue.Text("positive"));
    }

    @Test
    void narrowingAScaleOrChangingATypeIsRefusedWithHowManyValuesBreakUnlessTheyAreDeleted() {
        structured();
        Attribute narrow = Attribute.scale("intensity", "Intensity", 1, 3, false, "");
        assertThatThrownBy(() -> editor.putAttribute(DEFAULT_ID, BIAS, narrow, Map.of(), false))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("would leave 1 stored value that no longer fit")
                .hasMessageContaining("scale from 1 to 3, got 4");
        assertThat(scheme()).isEqualTo(SCHEME);

        assertThat(editor.putAttribute(DEFAULT_ID, BIAS, narrow, Map.of(), true)).isEqualTo(1);
        assertThat(stored("alice", "claimed").attributes()).doesNotContainKey("intensity");
        assertThat(stored("bob", "Putin won").attributes()).containsEntry("intensity", new AttributeValue.Number(2));

        Attribute oneFrame = Attribute.choice("frames", "Frames", false, "", new Choice("economic", "Economic"),
                new Choice("legality", "Legality"));
        assertThatThrownBy(() -> editor.putAttribute(DEFAULT_ID, BIAS, oneFrame, Map.of(), false))
                .hasMessageContaining("would leave 2 stored values").hasMessageContaining("takes one value");
        // a change every stored value still fits needs no choice: choice ids are text too
        Attribute asText = Attribute.of("polarity", "Polarity", AttributeKind.TEXT, false, "");
        assertThat(editor.putAttribute(DEFAULT_ID, BIAS, asText, Map.of(), false)).isZero();
        assertThat(stored("alice", "claimed").attributes()).containsEntry("polarity", new AttributeValue.Text("negative"));
        Attribute asScale = Attribute.scale("target", "Target", 1, 5, false, "");
        assertThatThrownBy(() -> editor.putAttribute(DEFAULT_ID, BIAS, asScale, Map.of(), false))
                .hasMessageContaining("would leave 2 stored values");
    }

    @Test
    void anAttributeInUseIsRemovedOnlyWithItsValuesAndANewOneIsAdded() {
        structured();
        assertThatThrownBy(() -> editor.removeAttribute(DEFAULT_ID, BIAS, "target", false))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("The attribute \u201cTarget\u201d of Bias has a value on 2 spans");
        assertThat(editor.removeAttribute(DEFAULT_ID, BIAS, "target", true)).isEqualTo(2);
        assertThat(scheme().find("bias").orElseThrow().attribute("target")).isEmpty();
        assertThat(stored("bob", "claimed").attributes()).doesNotContainKey("target");

        Attribute speaker = Attribute.of("speaker", "Speaker", AttributeKind.ENTITY, false, "Who speaks.");
        assertThat(editor.putAttribute(DEFAULT_ID, BIAS, speaker, Map.of(), false)).isZero();
        assertThat(scheme().attribute("bias", "speaker")).contains(speaker);
        annotations.setAttribute(talks, "bob", ids.get("bob:claimed"), "speaker", new AttributeValue.Text("Critics"));
        assertThat(editor.removeAttribute(DEFAULT_ID, BIAS, "intensity", true)).isEqualTo(2);
        assertThatThrownBy(() -> editor.removeAttribute(DEFAULT_ID, AttributePlace.label("nope"), "x", true))
                .hasMessageContaining("no label \"nope\"");
    }

    @Test
    void sentenceLabelsAndDocumentQuestionsAreEditedLikeAttributes() {
        structured();
        assertThat(editor.removeChoice(DEFAULT_ID, AttributePlace.SENTENCE, "biased", "yes", "no")).isEqualTo(2);
        assertThat(new JsonWorkspace(folder).find(talks, "alice").orElseThrow().sentences().getFirst().values())
                .containsEntry("biased", new AttributeValue.Text("no"));

        assertThatThrownBy(() -> editor.removeAttribute(DEFAULT_ID, AttributePlace.DOCUMENT, "tone", false))
                .hasMessageContaining("The document question \u201cTone\u201d has a value on 2 answers");
        assertThat(editor.removeAttribute(DEFAULT_ID, AttributePlace.DOCUMENT, "note", false)).isZero();
        assertThat(editor.removeAttribute(DEFAULT_ID, AttributePlace.DOCUMENT, "tone", true)).isEqualTo(2);
        assertThat(new JsonWorkspace(folder).find(talks, "bob").orElseThrow().answers()).isEmpty();
        assertThat(scheme().documentQuestions()).isEmpty();

        Attribute stance = Attribute.choice("stance", "Stance", false, "", new Choice("pro", "Pro", "p", ""),
                new Choice("anti", "Anti", "a", ""));
        editor.putAttribute(DEFAULT_ID, AttributePlace.DOCUMENT, stance, Map.of(), false);
        annotations.setAnswer(talks, "bob", "stance", new AttributeValue.Text("anti"));
        assertThat(editor.removeAttribute(DEFAULT_ID, AttributePlace.SENTENCE, "biased", true)).isEqualTo(2);
        assertThat(new JsonWorkspace(folder).find(talks, "bob").orElseThrow().sentences()).isEmpty();
        assertThat(new JsonWorkspace(folder).find(talks, "bob").orElseThrow().answers())
                .containsEntry("stance", new AttributeValue.Text("anti"));
    }

    @Test
    void aLinkTypeChangeThatStrandsLinksIsRefusedUnlessTheyAreDeleted() {
        structured();
        LinkType toCue = LinkType.role("source", "Source", "attribution", List.of("cue"), true, "");
        assertThatThrownBy(() -> editor.putLinkType(DEFAULT_ID, toCue, false))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("\u201cSource\u201d would leave 2 links that it no longer allows");
        assertThat(scheme()).isEqualTo(SCHEME);
        assertThat(editor.putLinkType(DEFAULT_ID, toCue, true)).isEqualTo(2);
        assertThat(new JsonWorkspace(folder).find(talks, "alice").orElseThrow().links()).extracting(Link::type)
                .containsExactlyInAnyOrder("cue", "about");

        // a renamed type with a new definition keeps its links
        LinkType about = LinkType.relation("about", "Is about", List.of("bias"), List.of(), "What the bias is about.");
        assertThat(editor.putLinkType(DEFAULT_ID, about, false)).isZero();
        assertThat(scheme().linkType("about")).contains(about);
        assertThat(editor.uses(DEFAULT_ID).links("about")).isEqualTo(2);
        LinkType mentions = LinkType.relation("mentions", "Mentions", List.of(), List.of(), "");
        assertThat(editor.putLinkType(DEFAULT_ID, mentions, false)).isZero();
        assertThatThrownBy(() -> editor.putLinkType(DEFAULT_ID, LinkType.relation("x", "X", List.of("nope"), List.of(), ""), false))
                .hasMessageContaining("nope");
    }

    @Test
    void aLinkTypeInUseGoesOnlyWithItsLinksMovedToAnotherTypeOrDeleted() {
        structured();
        editor.putLinkType(DEFAULT_ID, LinkType.relation("mentions", "Mentions", List.of(), List.of(), ""), false);
        // the source links cannot become cue links: cue goes to a Cue span, and each attribution has its cue already
        assertThatThrownBy(() -> editor.removeLinkType(DEFAULT_ID, "source", "cue"))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("2 links of \u201cSource\u201d cannot become \u201cCue\u201d");
        assertThat(scheme().linkType("source")).isPresent();

        assertThat(editor.removeLinkType(DEFAULT_ID, "about", "mentions")).isEqualTo(2);
        assertThat(scheme().linkType("about")).isEmpty();
        assertThat(new JsonWorkspace(folder).find(talks, "bob").orElseThrow().links()).extracting(Link::type)
                .containsExactlyInAnyOrder("source", "cue", "mentions");
        assertThat(editor.removeLinkType(DEFAULT_ID, "source", null)).isEqualTo(2);
        assertThat(new JsonWorkspace(folder).find(talks, "bob").orElseThrow().links()).extracting(Link::type)
                .containsExactlyInAnyOrder("cue", "mentions");
        assertThatThrownBy(() -> editor.removeLinkType(DEFAULT_ID, "cue", "nope")).hasMessageContaining("nope");
    }

    @Test
    void aLabelEditThatWouldDropAttributeValuesInUseIsRefused() {
        structured();
        Label bare = new Label("bias", "Bias", "#d9480f", "1", "wavy", "Changed.");
        assertThatThrownBy(() -> editor.put(DEFAULT_ID, bare)).isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("would not take 10 values its spans hold");
        Label looks = SCHEME.find("bias").orElseThrow().withLooks("Biased wording", "#aa0000", "9", "dotted", "Changed.");
        editor.put(DEFAULT_ID, looks);
        assertThat(scheme().find("bias")).contains(looks);
        assertThat(stored("alice", "claimed").attributes()).hasSize(4);
    }

    @Test
    void removingALabelTakesItsLinksAndKeepsOnlyTheAttributesTheNewLabelHas() {
        structured();
        assertThat(editor.remove(DEFAULT_ID, "source", null)).isEqualTo(2);
        assertThat(scheme().linkType("source")).isEmpty();
        assertThat(new JsonWorkspace(folder).find(talks, "alice").orElseThrow().links()).extracting(Link::type)
                .containsExactly("cue");
        assertThat(editor.remove(DEFAULT_ID, "bias", "attribution")).isEqualTo(3);
        assertThat(stored("alice", "claimed").label()).isEqualTo("attribution");
        assertThat(stored("alice", "claimed").attributes()).isEmpty();
    }
}
