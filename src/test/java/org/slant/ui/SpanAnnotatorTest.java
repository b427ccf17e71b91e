package org.slant.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.DomEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.ui.SpanAnnotator.LinkView;
import org.slant.ui.SpanAnnotator.SentenceView;
import org.slant.ui.SpanAnnotator.SpanDecoration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SpanAnnotator's side of links, sentences and decorations, without a browser: offsets leave as UTF-16 and come
 * back as code points (an emoji first makes the two differ), and links and decorations go as changes only.
 */
class SpanAnnotatorTest {

    static final String TEXT = "Talks 😀 stall\nOfficials said it. Critics 🚀 left.";
    static final JsonMapper JSON = JsonMapper.shared();

    SpanAnnotator annotator;

    @BeforeEach
    void attach() {
        MockVaadin.setup();
        annotator = new SpanAnnotator();
        UI.getCurrent().add(annotator);
        annotator.setText(TEXT);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theTextComesWithTheServersSentenceBoundariesInUtf16() {
        List<Integer> ranges = new ArrayList<>();
        JsonNode raw = JSON.valueToTree(annotator.getElement().getPropertyRaw("sentenceRanges"));
        raw.forEach(n -> ranges.add(n.asInt()));
        int critics = TEXT.indexOf("Critics");
        assertThat(ranges).containsExactly(0, TEXT.indexOf('\n'), TEXT.indexOf("Officials"), TEXT.indexOf(" Critics"),
                critics, TEXT.length());
    }

    @Test
    void sentencesGoOutInUtf16AndComeBackInCodePoints() {
        int critics = TEXT.codePointCount(0, TEXT.indexOf("Critics")); // one less than in UTF-16: the emoji
        int end = TEXT.codePointCount(0, TEXT.length());
        annotator.setSentences(List.of(new SentenceView(0, 13, null, null), new SentenceView(critics, end, "B", "Bias: biased")));
        JsonNode sent = items(lastSync("sentences"));
        assertThat(sent.get(1).path("start").asInt()).isEqualTo(TEXT.indexOf("Critics"));
        assertThat(sent.get(1).path("end").asInt()).isEqualTo(TEXT.length());
        assertThat(sent.get(1).path("tag").asString()).isEqualTo("B");
        assertThat(sent.get(0).path("end").asInt()).isEqualTo(14); // 13 code points, 14 UTF-16 units

        List<int[]> selected = new ArrayList<>();
        annotator.addSentenceSelectListener(selected::add);
        fire("sentence-select", JSON.createObjectNode().put("start", TEXT.indexOf("Critics")).put("end", TEXT.length()));
        fire("sentence-select", JSON.createObjectNode().put("start", 5).put("end", 999)); // not in the text: dropped
        assertThat(selected).hasSize(1);
        assertThat(selected.getFirst()).containsExactly(critics, end);

        annotator.setSelectedSentence(critics);
        assertThat(annotator.getElement().getProperty("selectedSentence", -1)).isEqualTo(TEXT.indexOf("Critics"));
        annotator.setSelectedSentence(null);
        assertThat(annotator.getElement().hasProperty("selectedSentence")).isFalse();
    }

    @Test
    void aSentenceOutsideTheTextIsRefusedWithItsRange() {
        assertThatThrownBy(() -> new SentenceView(5, 5, null, null)).hasMessageContaining("Sentence 5-5");
        assertThatThrownBy(() -> annotator.setSentences(List.of(new SentenceView(40, 90, null, null))))
                .hasMessageContaining("Sentence 40-90 ends after the text");
    }

    @Test
    void linksAreSentOnceThenAsChangesAndPicksComeBackAsSpanIds() {
        LinkView a = new LinkView("l1", "source", "s1", "s2", "Source");
        LinkView b = new LinkView("l2", "cue", "s1", "s3", "Cue");
        annotator.setLinks(List.of(a));
        assertThat(items(lastSync("links")).get(0).path("to").asString()).isEqualTo("s2");
        annotator.setLinks(List.of(a, b));
        JsonNode change = lastSync("links");
        assertThat(change.has("full")).isFalse();
        assertThat(change.path("upsert")).hasSize(1);
        assertThat(change.path("upsert").get(0).path("id").asString()).isEqualTo("l2");
        annotator.setLinks(List.of(b));
        assertThat(lastSync("links").path("remove").get(0).asString()).isEqualTo("l1");
        annotator.setLinks(List.of(b));
        assertThat(syncs("links")).isEmpty(); // nothing changed: nothing sent

        List<String> picked = new ArrayList<>();
        annotator.addLinkPickListener((from, to) -> picked.add(from + "->" + to));
        fire("link-pick", JSON.createObjectNode().put("from", "s1").put("to", "s9"));
        assertThat(picked).containsExactly("s1->s9");
        assertThatThrownBy(() -> new LinkView("l3", "t", null, "s2", null)).hasMessageContaining("Link l3");
    }

    @Test
    void decorationsGoByIdAndOnlyChangesAreSent() {
        Map<String, SpanDecoration> map = new LinkedHashMap<>();
        map.put("s1", new SpanDecoration("neg · Putin", true));
        map.put("s2", SpanDecoration.NONE);
        annotator.setDecorations(map);
        JsonNode full = items(lastSync("decorations"));
        assertThat(full).hasSize(1); // a span without a badge or mark is sent as nothing
        assertThat(full.get(0).path("badge").asString()).isEqualTo("neg · Putin");
        assertThat(full.get(0).path("incomplete").asBoolean()).isTrue();
        map.put("s2", new SpanDecoration("Merz", false));
        annotator.setDecorations(map);
        JsonNode change = lastSync("decorations");
        assertThat(change.path("upsert")).hasSize(1);
        assertThat(change.path("upsert").get(0).path("id").asString()).isEqualTo("s2");
    }

    @Test
    void aNewTextClearsTheLinksOfTheOldOneAndTheSameTextKeepsThem() {
        annotator.setLinks(List.of(new LinkView("l1", "source", "s1", "s2", "Source")));
        syncs("links");
        annotator.setText(TEXT);
        assertThat(syncs("links")).isEmpty();
        annotator.setText("Another text.");
        assertThat(lastSync("links").path("remove").get(0).asString()).isEqualTo("l1");
    }

    private void fire(String type, ObjectNode detail) {
        ObjectNode data = JSON.createObjectNode();
        data.set("event.detail", detail);
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(annotator.getElement(),
                new DomEvent(annotator.getElement(), type, data));
    }

    /** The sync(...) calls for one collection sent since the last look, as JSON. */
    private List<JsonNode> syncs(String name) {
        List<JsonNode> out = new ArrayList<>();
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse(); // as before a response
        for (var pending : UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations()) {
            if (!pending.getInvocation().getExpression().contains("sync")) {
                continue;
            }
            for (Object p : pending.getInvocation().getParameters()) {
                if (p instanceof String s && s.startsWith("{")) {
                    JsonNode node = JSON.readTree(s);
                    if (node.path("name").asString().equals(name)) {
                        out.add(node);
                    }
                }
            }
        }
        return out;
    }

    /** What a sync sends: everything, or (the browser having none or little yet) the items added. */
    private static JsonNode items(JsonNode sync) {
        return sync.has("full") ? sync.path("full") : sync.path("upsert");
    }

    private JsonNode lastSync(String name) {
        List<JsonNode> all = syncs(name);
        assertThat(all).as("a sync of " + name).isNotEmpty();
        return all.getLast();
    }
}
