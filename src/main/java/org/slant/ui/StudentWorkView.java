package org.slant.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.security.AccessPolicy;
import org.slant.security.CurrentUser;
import org.slant.teaching.Exercise;
import org.slant.teaching.RosterEntry;
import org.slant.teaching.TeachingException;
import org.slant.teaching.TeachingService;

/**
 * The teacher's look at one student: exactly the feedback the student reads, to talk it through with
 * them (before they submit, their work so far), and a way to the previous and next student on the roster.
 */
@Route(value = "exercises/:id/students/:student", layout = MainLayout.class)
@PermitAll
public class StudentWorkView extends Div implements BeforeEnterObserver {

    private final TeachingService teaching;
    private final DocumentService documents;
    private final LabelService labels;
    private final AccessPolicy access;
    private final org.slant.annotation.AnnotationService annotations;
    private final String user;

    public StudentWorkView(TeachingService teaching, DocumentService documents, LabelService labels, AccessPolicy access,
                           CurrentUser currentUser, org.slant.annotation.AnnotationService annotations) {
        this.annotations = annotations;
        this.teaching = teaching;
        this.documents = documents;
        this.labels = labels;
        this.access = access;
        this.user = currentUser.name();
        addClassName("slant-page");
        addClassName("slant-classroom");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        String student = event.getRouteParameters().get("student").orElse("");
        Exercise exercise;
        try {
            exercise = teaching.exercise(id);
        } catch (TeachingException e) {
            add(Classroom.problem(e.getMessage()));
            return;
        }
        if (user.equals(student) && access.isStudentOf(user, id)) {
            event.forwardTo(StudentExerciseView.class, new RouteParameters("id", id)); // a student's own page
            return;
        }
        if (!access.canManageExercise(user, exercise)) {
            add(Classroom.problem("Only the teacher of \"" + exercise.title() + "\" sees a student's work."));
            return;
        }
        List<RosterEntry> roster = teaching.roster(id).students();
        int at = -1;
        for (int i = 0; i < roster.size(); i++) {
            if (roster.get(i).user().equals(student)) {
                at = i;
            }
        }
        if (at < 0) {
            add(Classroom.problem(student + " is not a student of \"" + exercise.title() + "\"."));
            return;
        }
        RosterEntry who = roster.get(at);
        add(new RouterLink("← Class page", ExerciseTeacherView.class, new RouteParameters("id", id)),
                new H2(who.displayName() + " · " + exercise.title()), neighbours(id, roster, at));
        Document document = documents.get(exercise.documentId());
        Scheme all = labels.labelsFor(document.id());
        Scheme inPlay = all.restrictedTo(exercise.labels());
        if (teaching.submission(id, student).isEmpty()) {
            // walking round the class: where a student is, before there is anything to grade
            List<org.slant.annotation.Span> soFar = annotations.layer(document.id(), student).spans().stream()
                    .filter(sp -> exercise.labels().contains(sp.label())).toList();
            Paragraph none = new Paragraph(who.displayName() + " has not submitted yet. Their work so far ("
                    + soFar.size() + (soFar.size() == 1 ? " passage" : " passages") + "), not graded:");
            none.setId("not-submitted");
            SpanAnnotator text = new SpanAnnotator();
            text.setId("work-so-far");
            text.setText(document.text());
            text.setLabels(inPlay);
            text.setSpans(soFar);
            text.setReadOnly(true);
            Div article = new Div(text);
            article.addClassName("slant-exercise-article");
            add(none, article);
            return;
        }
        Paragraph as = new Paragraph("What " + who.displayName() + " reads as feedback:");
        as.addClassName("slant-hint");
        add(as, new FeedbackPanel(teaching.feedback(id, student), document, inPlay, all, null));
    }

    private HorizontalLayout neighbours(String id, List<RosterEntry> roster, int at) {
        HorizontalLayout row = new HorizontalLayout();
        row.setId("student-neighbours");
        if (at > 0) {
            RosterEntry previous = roster.get(at - 1);
            row.add(new RouterLink("← " + previous.displayName(), StudentWorkView.class,
                    new RouteParameters(java.util.Map.of("id", id, "student", previous.user()))));
        }
        if (at + 1 < roster.size()) {
            RosterEntry next = roster.get(at + 1);
            row.add(new RouterLink(next.displayName() + " →", StudentWorkView.class,
                    new RouteParameters(java.util.Map.of("id", id, "student", next.user()))));
        }
        return row;
    }
}
