package org.slant.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slant.exchange.SlantJson;

/** Every template reads, is complete enough to hand to a student, and names what its source names. */
class SchemeTemplatesTest {

    static final SchemeTemplates TEMPLATES = new SchemeTemplates(SlantJson::readScheme);

    @Test
    void theCatalogListsEveryTemplateInOrder() {
        assertThat(TEMPLATES.all()).extracting(SchemeTemplate::id).containsExactly("slant-default", "parc", "basil",
                "media-frames", "semeval-2020-task-11", "babe");
        for (SchemeTemplate t : TEMPLATES.all()) {
            assertThat(t.name()).as(t.id()).isNotBlank();
            assertThat(t.description()).as(t.id()).hasSizeGreaterThan(80);
            assertThat(t.reference()).as(t.id()).isNotBlank();
        }
        assertThat(TEMPLATES.all().stream().skip(1)).allSatisfy(t -> assertThat(t.reference()).contains("https://aclanthology.org/"));
        assertThatThrownBy(() -> TEMPLATES.get("parcc")).hasMessageContaining("parcc").hasMessageContaining("semeval-2020-task-11");
    }

    @Test
    void theDefaultTemplateIsTheDefaultScheme() {
        assertThat(TEMPLATES.get(SchemeTemplates.DEFAULT_ID).scheme()).isEqualTo(Scheme.defaults());
        assertThat(SchemeTemplates.defaultOnly().get(SchemeTemplates.DEFAULT_ID).scheme()).isEqualTo(Scheme.defaults());
    }

    @Test
    void everyItemHasADefinitionDistinctLooksAndUniqueKeys() {
        for (SchemeTemplate t : TEMPLATES.all()) {
            Scheme s = t.scheme();
            Set<String> colours = new HashSet<>();
            for (Label l : s.labels()) {
                assertThat(l.definition()).as(t.id() + " label " + l.id()).hasSizeGreaterThan(40);
                assertThat(colours.add(l.color().toLowerCase())).as(t.id() + ": colour of " + l.id() + " is taken").isTrue();
                assertThat(Label.MARKS).contains(l.mark());
                l.attributes().forEach(a -> checkAttribute(t.id() + " " + l.id(), a));
            }
            // digits for the first ten labels at most, so a key always means the same label
            List<String> keys = s.labels().stream().map(Label::hotkey).filter(k -> k != null).toList();
            assertThat(keys).as(t.id()).allMatch(k -> k.matches("[0-9]")).hasSizeLessThanOrEqualTo(10);
            assertThat(s.labels().subList(0, Math.min(9, s.labels().size()))).as(t.id() + ": the first labels have keys")
                    .allMatch(l -> l.hotkey() != null);
            for (LinkType type : s.linkTypes()) {
                assertThat(type.definition()).as(t.id() + " link " + type.id()).hasSizeGreaterThan(30);
                assertThat(type.from()).as(t.id() + " link " + type.id()).isNotEmpty();
                assertThat(type.to()).as(t.id() + " link " + type.id()).isNotEmpty();
            }
            s.sentenceLabels().forEach(a -> checkAttribute(t.id() + " sentence label", a));
            s.documentQuestions().forEach(a -> checkAttribute(t.id() + " question", a));
        }
    }

    private static void checkAttribute(String where, Attribute a) {
        assertThat(a.definition()).as(where + " " + a.id()).hasSizeGreaterThan(30);
        for (Choice c : a.choices()) {
            assertThat(c.definition()).as(where + " " + a.id() + " value " + c.id()).hasSizeGreaterThan(10);
        }
        if (a.choices().size() <= 5) {
            assertThat(a.choices()).as(where + " " + a.id() + ": a small choice has a key per value")
                    .allMatch(c -> c.hotkey() != null);
        }
    }

    @Test
    void semEvalLabelsAreNamedExactlyAsTheTasksFileNamesThem() {
        // propaganda-techniques-names-semeval2020task11.txt, in its order
        List<String> names = List.of("Appeal_to_Authority", "Appeal_to_fear-prejudice", "Bandwagon,Reductio_ad_hitlerum",
                "Black-and-White_Fallacy", "Causal_Oversimplification", "Doubt", "Exaggeration,Minimisation",
                "Flag-Waving", "Loaded_Language", "Name_Calling,Labeling", "Repetition", "Slogans",
                "Thought-terminating_Cliches", "Whataboutism,Straw_Men,Red_Herring");
        Scheme s = TEMPLATES.get("semeval-2020-task-11").scheme();
        assertThat(s.labels()).extracting(Label::name).containsExactlyElementsOf(names);
        assertThat(s.labels()).extracting(Label::id).contains("appeal-to-fear-prejudice", "loaded-language",
                "whataboutism-straw-men-red-herring");
        // names without white space: the SemEval export writes them unchanged
        assertThat(names).noneMatch(n -> n.matches(".*\\s.*"));
    }

    @Test
    void theSemEvalExportOfTheTemplatesSpansWritesTheTasksNames() throws Exception {
        Scheme s = TEMPLATES.get("semeval-2020-task-11").scheme();
        String text = "They are traitors, everyone agrees.";
        java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
        org.slant.document.Document doc = new org.slant.document.Document("article111111111", "A", text, null, t);
        List<org.slant.annotation.Span> spans = List.of(
                new org.slant.annotation.Span("s1", 9, 17, "name-calling-labeling", "traitors", null, "ann", t, t),
                new org.slant.annotation.Span("s2", 19, 34, "bandwagon-reductio-ad-hitlerum", "everyone agrees", null, "ann", t, t));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new org.slant.exchange.SemEvalWriter().write(s, java.util.stream.Stream.of(new org.slant.exchange.ExportItem(doc,
                List.of(new org.slant.annotation.Layer(doc.id(), "ann", 1, spans)))), out);
        String labels = null;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith("labels.tsv")) {
                    labels = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(labels).contains("\tName_Calling,Labeling\t9\t17").contains("\tBandwagon,Reductio_ad_hitlerum\t19\t34");
    }

    @Test
    void mediaFramesHasTheFifteenFramesAsLabelsAndAsThePrimaryFrame() {
        List<String> frames = List.of("Economic", "Capacity and resources", "Morality", "Fairness and equality",
                "Legality, constitutionality and jurisprudence", "Policy prescription and evaluation",
                "Crime and punishment", "Security and defense", "Health and safety", "Quality of life",
                "Cultural identity", "Public opinion", "Political", "External regulation and reputation", "Other");
        Scheme s = TEMPLATES.get("media-frames").scheme();
        assertThat(s.labels()).extracting(Label::name).containsExactlyElementsOf(frames);
        Attribute primary = s.question("primary-frame").orElseThrow();
        assertThat(primary.required()).isTrue();
        assertThat(primary.choices()).extracting(Choice::name).containsExactlyElementsOf(frames);
        assertThat(primary.choiceIds()).containsExactlyElementsOf(s.labels().stream().map(Label::id).toList());
        assertThat(s.question("tone").orElseThrow().choiceIds()).containsExactly("pro", "neutral", "anti");
    }

    @Test
    void parcAnchorsAnAttributionOnItsContent() {
        Scheme s = TEMPLATES.get("parc").scheme();
        assertThat(s.labels()).extracting(Label::id).containsExactly("content", "source", "cue", "supplement");
        assertThat(s.rolesOf("content")).extracting(LinkType::id).containsExactly("source", "cue", "supplement");
        assertThat(s.linkType("cue").orElseThrow().required()).isTrue();
        assertThat(s.attribute("content", "type").orElseThrow().choiceIds())
                .containsExactly("assertion", "belief", "fact", "eventuality");
    }

    @Test
    void basilGivesEachBiasSpanItsTargetPolarityAimQuoteAndSpeaker() {
        Scheme s = TEMPLATES.get("basil").scheme();
        for (String label : List.of("lexical", "informational")) {
            assertThat(s.find(label).orElseThrow().attributes()).extracting(Attribute::id)
                    .containsExactly("target", "polarity", "aim", "quote", "speaker");
            assertThat(s.attribute(label, "target").orElseThrow().kind()).isEqualTo(AttributeKind.ENTITY);
            assertThat(s.attribute(label, "quote").orElseThrow().kind()).isEqualTo(AttributeKind.FLAG);
        }
        assertThat(s.documentQuestions()).extracting(Attribute::id).containsExactly("main-entity", "stance");
    }

    @Test
    void babeLabelsEverySentenceAndMarksBiasedWords() {
        Scheme s = TEMPLATES.get("babe").scheme();
        Attribute bias = s.sentenceLabel("bias").orElseThrow();
        assertThat(bias.required()).isTrue();
        assertThat(bias.choiceIds()).containsExactly("biased", "not-biased");
        assertThat(s.sentenceLabel("opinion")).isPresent();
        assertThat(s.labels()).extracting(Label::id).containsExactly("biased-word");
    }
}
