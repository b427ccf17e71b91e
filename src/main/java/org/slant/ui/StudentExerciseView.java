package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerChange;
import org.slant.annotation.SpanChange;
import org.slant.ui.annotate.DeleteLinkedDialog;
import org.slant.ui.annotate.LayerEdits;
import org.slant.ui.annotate.StructurePane;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.security.AccessDenied;
import org.slant.security.AccessPolicy;
import org.slant.security.CurrentUser;
import org.slant.teaching.Assignment;
import org.slant.teaching.Exercise;
import org.slant.teaching.Feedback;
import org.slant.teaching.LabelScore;
import org.slant.teaching.MissedSpan;
import org.slant.teaching.SpanVerdict;
import org.slant.teaching.Submission;
import org.slant.teaching.TeachingException;
import org.slant.teaching.TeachingService;

/**
 * A student's page of one exercise: the instructions, the document in the annotator writing their own
 * layer (labels in play only), Submit, and after submitting the feedback. Before submitting nothing of
 * the reference reaches this page: it works from the {@link Assignment}, never the {@link Exercise}.
 */
@PermitAll
@Route(value = "exercises/:id", layout = MainLayout.class)
public class StudentExerciseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {


    private final TeachingService teaching;
    private final DocumentService documents;
    private final AnnotationService annotations;
    private final LabelService labelService;
    private final AccessPolicy access;
    private final org.slant.annotation.UserEdits edits;
    private final String user;
    private final UndoSteps undo = new UndoSteps();
    private Assignment assignment;
    private Document document;
    private Scheme labels;
    private boolean revising;
    /** The student's layer as last saved or read. */
    private Layer layer;
    /** Attributes, links, sentence labels and questions, when the exercise's scheme has structure; else null. */
    StructurePane pane;
    DeleteLinkedDialog deleteLinked;

    final SpanAnnotator spanAnnotator = new SpanAnnotator();
    final Div work = new Div();
    final Div feedback = new Div();
    final Button submit = new Button("Submit", VaadinIcon.CHECK.create());
    final Button revise = new Button("Revise", VaadinIcon.EDIT.create());
    ConfirmDialog confirm;

    public StudentExerciseView(TeachingService teaching, DocumentService documents, AnnotationService annotations,
                               LabelService labelService, AccessPolicy access, CurrentUser currentUser,
                               org.slant.annotation.UserEdits edits) {
        this.teaching = teaching;
        this.edits = edits;
        this.documents = documents;
        this.annotations = annotations;
        this.labelService = labelService;
        this.access = access;
        this.user = currentUser.name();
        addClassName("slant-page");
        addClassName("slant-classroom");
        spanAnnotator.setId("annotator");
        // the labels in play are UserEdits' rule (AccessPolicy.labelsInPlay), the same for the API
        spanAnnotator.addCreateListener(i -> act(() -> edits.create(user, document.id(), user, i.start(), i.end(), i.label(), true),
                true));
        spanAnnotator.addSelectListener(this::select);
        spanAnnotator.addRelabelListener(i -> act(() -> edits.relabel(user, document.id(), user, i.id(), i.label(), i.seen()),
                true));
        spanAnnotator.addDeleteListener(i -> {
            int linked = layer == null ? 0 : layer.linksOf(i.id()).size();
            if (linked == 0) {
                act(() -> edits.delete(user, document.id(), user, i.id(), i.seen()), true);
            } else {
                deleteLinked = new DeleteLinkedDialog(linked, () -> act(() -> edits.delete(user, document.id(), user, i.id(),
                        i.seen()), true));
                deleteLinked.open();
            }
        });
        spanAnnotator.addUndoListener(this::undoLast);
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickListener(e -> confirmSubmit());
        revise.setId("revise");
        revise.addClickListener(e -> {
            revising = true;
            show();
        });
        work.setId("work");
        feedback.setId("feedback");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        assignment = null;
        revising = false;
        undo.clear();
        Exercise exercise;
        try {
            exercise = teaching.exercise(id);
        } catch (TeachingException e) {
            add(Classroom.problem(e.getMessage()));
            return;
        }
        if (!access.isStudentOf(user, id)) {
            if (access.canManageExercise(user, exercise)) {
                event.forwardTo(ExerciseTeacherView.class, new RouteParameters("id", id));
            } else {
                add(Classroom.problem("You are not a student of this exercise. Join it with the class code from your teacher."));
            }
            return;
        }
        assignment = teaching.assignment(id);
        document = documents.get(assignment.documentId());
        Scheme all = labelService.labelsFor(document.id());
        labels = all.restrictedTo(assignment.labels());
        show();
    }

    @Override
    public String getPageTitle() {
        return assignment == null ? "Exercise · Slant" : assignment.title() + " · Slant";
    }

    /** Work while not submitted (or revising); feedback once submitted. */
    private void show() {
        removeAll();
        Paragraph meta = new Paragraph(Classroom.due(assignment.due().orElse(null)) + " · labels: "
                + String.join(", ", labels.labels().stream().map(Label::name).toList())
                + (assignment.allowRevision() ? " · you may revise after feedback" : " · one submission"));
        meta.addClassName("slant-meta");
        Paragraph instructions = new Paragraph(assignment.instructions());
        instructions.addClassName("slant-instructions");
        instructions.setVisible(!assignment.instructions().isBlank());
        add(new RouterLink("← Exercises", ExercisesView.class), new H2(assignment.title()), meta, instructions);
        Optional<Submission> submitted = teaching.submission(assignment.exerciseId(), user);
        if (submitted.isPresent() && !revising) {
            showFeedback();
            add(feedback);
        } else {
            showWork(submitted.isPresent());
            add(work);
        }
    }

    // ---- working ----

    private void showWork(boolean again) {
        work.removeAll();
        spanAnnotator.setText(document.text());
        spanAnnotator.setLabels(labels);
        spanAnnotator.setSpans(mySpans());
        spanAnnotator.setReadOnly(false);
        spanAnnotator.setSelectedId(null);
        if (pane != null) {
            pane.stop();
            pane = null;
        }
        if (labels.isStructured()) {
            // students annotate structure too: the same side box as the annotation page, over the labels in play
            pane = new StructurePane(spanAnnotator, document, labels, new LayerEdits(edits, user, document.id(), user),
                    change -> act(change::get, true), id -> {
                        select(id);
                        spanAnnotator.reveal(id);
                    }, this::showSelection);
        }
        submit.setText(again ? "Submit again" : "Submit");
        Button undoButton = new Button("Undo", VaadinIcon.ROTATE_LEFT.create(), e -> undoLast());
        undoButton.setTooltipText("Undo the last change (Ctrl+Z)");
        Paragraph how = new Paragraph("Select a passage, then press a label's key or click its button. Click a highlight "
                + "to select it; Delete removes it. Your work is saved as you go and only you see it until you submit.");
        how.addClassName("slant-hint");
        HorizontalLayout bar = new HorizontalLayout(labelButtons(), undoButton, submit);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        bar.addClassName("slant-exercise-bar");
        Div article = new Div(spanAnnotator);
        article.addClassName("slant-exercise-article");
        if (pane == null) {
            work.add(bar, how, article);
            return;
        }
        Div side = new Div(pane.missing(), pane.box().spanPart(), pane.box().sentencePart(), pane.questions());
        side.addClassName("slant-exercise-side");
        HorizontalLayout columns = new HorizontalLayout(article, side);
        columns.setWidthFull();
        columns.setFlexGrow(1, article);
        work.add(bar, how, columns);
        pane.draw(layer);
        showSelection();
    }

    void select(String spanId) {
        spanAnnotator.setSelectedId(spanId == null || layer == null || layer.find(spanId).isEmpty() ? null : spanId);
        showSelection();
    }

    private void showSelection() {
        if (pane != null && layer != null) {
            pane.show(layer, spanAnnotator.getSelectedId() == null ? null : layer.find(spanAnnotator.getSelectedId()).orElse(null));
        }
    }

    private Div labelButtons() {
        Div box = new Div();
        box.addClassName("slant-label-buttons");
        for (Label label : labels.labels()) {
            Button b = new Button(label.name() + (label.hotkey() == null ? "" : " (" + label.hotkey() + ")"));
            b.setId("label-" + label.id());
            b.setTooltipText(label.definition());
            b.getStyle().set("border-bottom", "3px " + label.mark() + " " + label.color());
            // the click must read the browser's selection before the button takes focus from the text
            b.getElement().executeJs("this.addEventListener('mousedown', e => e.preventDefault())");
            b.addClickListener(e -> spanAnnotator.applyLabel(label.id()));
            box.add(b);
        }
        return box;
    }

    /** One edit of the student's own layer (a span, a link, a value), checked by UserEdits; on refusal says why. */
    private void act(Supplier<? extends LayerChange> edit, boolean undoable) {
        if (document == null || !work.isAttached()) {
            return; // feedback is showing: nothing to edit
        }
        try {
            LayerChange change = edit.get();
            if (change == null) {
                return;
            }
            layer = change.layer();
            if (undoable) {
                undo.push(change);
            }
            if (change instanceof SpanChange c) {
                spanAnnotator.showSaved(c);
            }
            if (pane != null) {
                pane.draw(layer);
                showSelection();
            }
        } catch (RuntimeException e) {
            if (!UiErrors.isExpected(e)) {
                throw e; // SlantErrorHandler logs it and shows it once
            }
            UiErrors.show(e);
            // the refusal may come from a change made in another window: show the layer as it is now
            spanAnnotator.setSpans(mySpans());
            if (pane != null) {
                pane.draw(layer);
                showSelection();
            }
        }
    }

    /** The student's spans with the labels in play (reading the layer anew). */
    private List<Span> mySpans() {
        layer = annotations.layer(document.id(), user);
        return layer.spans().stream().filter(s -> labels.contains(s.label())).toList();
    }

    void undoLast() {
        LayerChange last = undo.poll();
        if (last == null) {
            Notification.show("Nothing to undo", 2000, Notification.Position.BOTTOM_CENTER);
            return;
        }
        act(() -> edits.undo(user, document.id(), user, last), false);
    }

    private void confirmSubmit() {
        long count = annotations.layer(document.id(), user).spans().stream().filter(s -> labels.contains(s.label())).count();
        confirm = new ConfirmDialog();
        confirm.setHeader("Submit your work?");
        confirm.setText("You marked " + count + (count == 1 ? " passage" : " passages") + ". "
                + (assignment.allowRevision() ? "You will see feedback at once, and may revise and submit again."
                : "You will see feedback at once, and cannot change your answer afterwards."));
        confirm.setCancelable(true);
        confirm.setConfirmText("Submit");
        confirm.addConfirmListener(e -> submitNow());
        confirm.open();
    }

    void submitNow() {
        try {
            teaching.as(user).submit(assignment.exerciseId());
            revising = false;
            undo.clear();
            show();
        } catch (TeachingException | AccessDenied e) {
            Notification n = Notification.show(e.getMessage(), 6000, Notification.Position.BOTTOM_CENTER);
            n.addThemeVariants(NotificationVariant.WARNING);
        }
    }

    // ---- feedback ----

    private void showFeedback() {
        feedback.removeAll();
        Exercise exercise = teaching.exercise(assignment.exerciseId());
        if (!access.canSeeFeedback(user, exercise, user)) {
            throw new AccessDenied("You may not see this feedback.");
        }
        feedback.add(new FeedbackPanel(teaching.feedback(assignment.exerciseId(), user), document, labels,
                labelService.labelsFor(document.id()), assignment.allowRevision() ? revise : null));
    }
}
