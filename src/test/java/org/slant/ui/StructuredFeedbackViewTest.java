package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.annotation.StructuredFixture;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Sentences;
import org.slant.document.Source;
import org.slant.label.AttributeValue;
import org.slant.label.LabelService;
import org.slant.teaching.Exercise;
import org.slant.teaching.TeachingService;
import org.springframework.beans.factory.annotation.Autowired;

/** A student's feedback on an exercise over a structured scheme: attributes, links, sentence labels and answers in words. */
class StructuredFeedbackViewTest extends UiTestBase {

    private static final String TEXT = StructuredFixture.TEXT;

    @Autowired
    DocumentService documents;
    @Autowired
    AnnotationService annotations;
    @Autowired
    LabelService labels;
    @Autowired
    TeachingService teaching;

    private String docId;
    private Exercise exercise;
    private String ana;

    @BeforeEach
    void submittedExercise() {
        labels.replace("default", StructuredFixture.SCHEME);
        docId = documents.add(new Draft("Peace talks", TEXT), Source.UNKNOWN).id();
        annotate(TESTER, "negative", "Merz", "yes", "anti");
        exercise = teaching.newClassCode(teaching.create(new TeachingService.NewExercise("Who said it", docId, TESTER, TESTER,
                "", Set.of("bias", "attribution", "source"), false, null)).id());
        ana = teaching.addClassList(exercise.id(), "Ana").added().getFirst().user();
        annotate(ana, "positive", "Critics", "no", "pro");
        teaching.submit(exercise.id(), ana);
    }

    private Span mark(String annotator, String part, String label) {
        int[] r = StructuredFixture.at(part);
        return annotations.create(docId, annotator, r[0], r[1], label, false).after();
    }

    private void annotate(String who, String polarity, String source, String biased, String tone) {
        Span claimed = mark(who, "claimed", "bias");
        annotations.setAttribute(docId, who, claimed.id(), "polarity", new AttributeValue.Text(polarity));
        Span talks = mark(who, "the talks failed", "attribution");
        Span by = mark(who, source, "source");
        annotations.addLink(docId, who, who, "source", talks.id(), by.id());
        Sentences.Sentence second = Sentences.of(TEXT).get(1);
        annotations.setSentenceLabel(docId, who, second.start(), second.end(), "biased", new AttributeValue.Text(biased));
        annotations.setAnswer(docId, who, "tone", new AttributeValue.Text(tone));
    }

    private static List<String> texts(String listId) {
        return _find(_get(UnorderedList.class, spec -> spec.withId(listId)), ListItem.class).stream()
                .map(li -> li.getElement().getTextRecursively()).toList();
    }

    @Test
    void theStudentReadsWhatDiffersInPlainWords() {
        signIn(ana, false);
        UI.getCurrent().navigate("exercises/" + exercise.id());
        StudentExerciseView view = _get(StudentExerciseView.class);
        assertThat(view.feedback.isAttached()).isTrue();

        ListItem claimed = _find(_get(UnorderedList.class, spec -> spec.withId("verdicts")), ListItem.class).stream()
                .filter(li -> li.getElement().getTextRecursively().contains("“claimed”")).findFirst().orElseThrow();
        assertThat(claimed.getElement().getAttribute("data-verdict")).isEqualTo("match");
        assertThat(_get(claimed, Paragraph.class, spec -> spec.withClasses("slant-attribute-difference")).getText())
                .isEqualTo("Polarity: you said positive, the reference says negative.");

        assertThat(texts("link-verdicts")).singleElement().asString().contains(
                "You linked “the talks failed” to “Critics” as its source; the reference links it to “Merz”.");
        assertThat(texts("sentence-verdicts")).singleElement().asString()
                .contains("Sentence 2: you said not biased, the reference says biased.");
        assertThat(texts("answer-verdicts")).singleElement().asString().contains("Tone: you said pro, the reference says anti.");
        assertThat(_find(_get(UnorderedList.class, spec -> spec.withId("structure-scores")), ListItem.class))
                .extracting(li -> li.getElement().getAttribute("data-part"))
                .containsExactly("attributes", "links", "sentences", "answers");
    }
}
