package org.slant.ui.annotate;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerChange;
import org.slant.label.Attribute;
import org.slant.label.Scheme;

/** The scheme's questions about the whole document (a choice, a scale, text…), answered in the side pane. */
public final class QuestionsPanel extends Details {

    private final List<ValueEditor> editors = new ArrayList<>();

    public QuestionsPanel(Scheme scheme, LayerEdits target, Consumer<Supplier<? extends LayerChange>> save) {
        setSummaryText("Document questions");
        setId("document-questions");
        addClassName("slant-questions");
        Div body = new Div();
        for (Attribute q : scheme.documentQuestions()) {
            ValueEditor editor = new ValueEditor(q, v -> save.accept(() -> target.setAnswer(q.id(), v)), null);
            editors.add(editor);
            body.add(editor);
        }
        add(body);
        setOpened(true);
        setVisible(!editors.isEmpty());
    }

    public void show(Layer layer) {
        editors.forEach(e -> e.show(layer.answers().get(e.attribute().id())));
        long open = editors.stream().filter(ValueEditor::isMissing).count();
        setSummaryText("Document questions" + (open == 0 ? "" : " · " + open + " to answer"));
    }

    /** Opens the panel and puts the focus on the question (jumping to what is missing). */
    public void focus(String questionId) {
        setOpened(true);
        editors.stream().filter(e -> e.attribute().id().equals(questionId)).findFirst().ifPresent(ValueEditor::focus);
    }

    public ValueEditor editor(String questionId) {
        return editors.stream().filter(e -> e.attribute().id().equals(questionId)).findFirst().orElse(null);
    }
}
