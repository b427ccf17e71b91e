package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.Span;
import org.slant.teaching.ClassCode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slant.annotation.Layer;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.security.AccessPolicy;
import org.slant.security.CurrentUser;
import org.slant.teaching.Exercise;
import org.slant.teaching.Submission;
import org.slant.teaching.TeachingException;
import org.slant.teaching.TeachingService;

/**
 * The classroom start page. Teachers (curators, admins) see the exercises they manage and make new
 * ones; students see the exercises they joined and where they stand.
 */
@PermitAll
@Route(value = "exercises", layout = MainLayout.class)
@PageTitle("Exercises · Slant")
public class ExercisesView extends VerticalLayout {

    /** Due dates are entered and shown in the server's zone; a class meets in one place. */
    static final ZoneId ZONE = ZoneId.systemDefault();

    private final TeachingService teaching;
    private final DocumentService documents;
    private final LabelService labels;
    private final AccessPolicy access;
    private final String user;

    final Grid<Exercise> teacherGrid = new Grid<>();
    final Grid<Exercise> studentGrid = new Grid<>();
    final Button newExercise = new Button("New exercise", VaadinIcon.PLUS.create());
    NewExerciseDialog dialog;

    public ExercisesView(TeachingService teaching, DocumentService documents, LabelService labels, AccessPolicy access,
                         CurrentUser currentUser) {
        this.teaching = teaching;
        this.documents = documents;
        this.labels = labels;
        this.access = access;
        this.user = currentUser.name();
        addClassName("slant-page");
        setMaxWidth("70rem");
        add(new H2("Exercises"));

        List<Document> teachable = teachableDocuments();
        List<Exercise> managed = teaching.list().exercises().stream().filter(e -> access.canManageExercise(user, e))
                .sorted(java.util.Comparator.comparing(Exercise::title, String.CASE_INSENSITIVE_ORDER)).toList();
        if (!teachable.isEmpty() || !managed.isEmpty()) {
            newExercise.setId("new-exercise");
            newExercise.addThemeVariants(ButtonVariant.PRIMARY);
            newExercise.addClickListener(e -> {
                dialog = new NewExerciseDialog(teachable);
                dialog.open();
            });
            newExercise.setEnabled(!teachable.isEmpty());
            teacherGrid.setId("teacher-exercises");
            teacherGrid.addComponentColumn(e -> new RouterLink(e.title(), ExerciseTeacherView.class,
                    new RouteParameters("id", e.id()))).setHeader("Exercise").setFlexGrow(2);
            teacherGrid.addColumn(e -> documents.read(e.documentId()).map(Document::title).orElse(e.documentId()))
                    .setHeader("Document").setFlexGrow(2);
            teacherGrid.addColumn(e -> e.classCode() == null ? "no code yet"
                    : e.classCode() + (e.codeOpen() ? " (open)" : " (closed)")).setHeader("Class code").setAutoWidth(true)
                    .setFlexGrow(0);
            // the title gets the room; the counts need only their digits
            teacherGrid.addColumn(e -> count(() -> teaching.roster(e.id()).students().size())).setHeader("Students")
                    .setAutoWidth(true).setFlexGrow(0);
            teacherGrid.addColumn(e -> count(() -> teaching.submittedCount(e.id()))).setHeader("Submitted")
                    .setAutoWidth(true).setFlexGrow(0);
            teacherGrid.addColumn(e -> Classroom.due(e.due())).setHeader("Due").setAutoWidth(true);
            teacherGrid.setItems(managed);
            teacherGrid.setAllRowsVisible(true);
            add(new H3("Teaching"), newExercise, managed.isEmpty()
                    ? hint("No exercises yet. Make one from a document whose reference you have annotated.") : teacherGrid);
        }

        List<Exercise> joined = teaching.exercisesOfStudent(user);
        if (!joined.isEmpty() || managed.isEmpty()) {
            studentGrid.setId("student-exercises");
            studentGrid.addComponentColumn(e -> new RouterLink(e.title(), StudentExerciseView.class,
                    new RouteParameters("id", e.id()))).setHeader("Exercise").setFlexGrow(2);
            studentGrid.addColumn(e -> Classroom.due(e.due())).setHeader("Due").setAutoWidth(true);
            studentGrid.addColumn(e -> state(teaching.submission(e.id(), user))).setHeader("State").setAutoWidth(true);
            studentGrid.setItems(joined);
            studentGrid.setAllRowsVisible(true);
            add(new H3("My exercises"), joined.isEmpty()
                    ? hint("You have not joined an exercise yet. Type the class code your teacher gives you below.")
                    : studentGrid, joinRow(currentUser.displayName()));
        }
    }

    final TextField joinCode = new TextField();
    final Button joinButton = new Button("Join");

    /** Another exercise with the same account: the code from the teacher, and the exercise opens. */
    private HorizontalLayout joinRow(String displayName) {
        joinCode.setId("join-another-code");
        joinCode.setPlaceholder("e.g. K7M2QX");
        joinCode.setAriaLabel("Class code of another exercise");
        joinCode.setMaxLength(ClassCode.LENGTH + 4);
        joinButton.setId("join-another");
        joinButton.addClickListener(e -> {
            try {
                Exercise joinedNow = teaching.joinAs(joinCode.getValue(), user, displayName);
                getUI().ifPresent(ui -> ui.navigate(StudentExerciseView.class, new RouteParameters("id", joinedNow.id())));
            } catch (TeachingException | IllegalArgumentException ex) {
                joinCode.setInvalid(true);
                joinCode.setErrorMessage(ex.getMessage());
            }
        });
        HorizontalLayout row = new HorizontalLayout(new Span("Join another exercise:"), joinCode, joinButton);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    static String state(Optional<Submission> submission) {
        return submission.map(s -> "Submitted" + (s.late() ? " late" : "") + " · feedback ready")
                .orElse("Not submitted");
    }

    private static Paragraph hint(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("slant-hint");
        return p;
    }

    private List<Document> teachableDocuments() {
        return access.visibleDocuments(user).stream().filter(id -> access.canCreateExercise(user, id))
                .map(documents::read).flatMap(Optional::stream).toList();
    }

    /** Everything the teacher sets when making an exercise; the rules are TeachingService's. */
    final class NewExerciseDialog extends Dialog {
        final ComboBox<Document> document = new ComboBox<>("Document");
        final TextField title = new TextField("Title");
        final RadioButtonGroup<String> reference = new RadioButtonGroup<>("Reference");
        final TextArea instructions = new TextArea("Instructions for students");
        final CheckboxGroup<Label> labelsInPlay = new CheckboxGroup<>("Labels in play");
        final Checkbox allowRevision = new Checkbox("Students may revise and submit again after feedback");
        final DateTimePicker due = new DateTimePicker("Due (optional)");
        final Paragraph error = new Paragraph();
        final Button create = new Button("Create exercise");

        NewExerciseDialog(List<Document> teachable) {
            setHeaderTitle("New exercise");
            setWidth("min(44rem, 95vw)");
            document.setItems(teachable);
            document.setItemLabelGenerator(Document::title);
            document.setWidthFull();
            document.setId("exercise-document");
            title.setWidthFull();
            title.setId("exercise-title");
            reference.setItems(user, Layer.GOLD);
            reference.setItemLabelGenerator(l -> l.equals(Layer.GOLD) ? "The gold layer" : "My own annotation (" + user + ")");
            reference.setValue(user);
            reference.setHelperText("A copy is taken now; later edits of that layer change nothing until you refresh it.");
            instructions.setWidthFull();
            instructions.setMaxLength(Exercise.MAX_INSTRUCTIONS);
            labelsInPlay.setItemLabelGenerator(Label::name);
            labelsInPlay.setId("exercise-labels");
            due.setStep(java.time.Duration.ofMinutes(15));
            error.addClassName("slant-error");
            error.setVisible(false);
            document.addValueChangeListener(e -> {
                Document d = e.getValue();
                if (d == null) {
                    labelsInPlay.setItems(List.of());
                    return;
                }
                if (title.isEmpty() || (e.getOldValue() != null && title.getValue().equals(e.getOldValue().title()))) {
                    title.setValue(d.title());
                }
                List<Label> set = labels.labelsFor(d.id()).labels();
                labelsInPlay.setItems(set);
                labelsInPlay.setValue(new LinkedHashSet<>(set));
            });
            create.addThemeVariants(ButtonVariant.PRIMARY);
            create.setId("create-exercise");
            create.addClickListener(e -> create());
            VerticalLayout body = new VerticalLayout(document, title, reference, labelsInPlay, instructions,
                    allowRevision, due, error);
            body.setPadding(false);
            add(body);
            getFooter().add(new Button("Cancel", e -> close()), create);
        }

        void create() {
            try {
                Document d = document.getValue();
                if (d == null) {
                    throw new TeachingException("Choose the document students will annotate.");
                }
                Set<String> chosen = new LinkedHashSet<>();
                labelsInPlay.getValue().forEach(l -> chosen.add(l.id()));
                Exercise made = teaching.as(user).create(new TeachingService.NewExercise(
                        title.isEmpty() ? d.title() : title.getValue(), d.id(), user, reference.getValue(),
                        instructions.getValue(), chosen, allowRevision.getValue(),
                        due.getValue() == null ? null : due.getValue().atZone(ZONE).toInstant()));
                close();
                ExercisesView.this.getUI().ifPresent(ui -> ui.navigate(ExerciseTeacherView.class,
                        new RouteParameters("id", made.id())));
            } catch (TeachingException | IllegalArgumentException | org.slant.security.AccessDenied ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        }
    }

    /** A count for the grid; "unreadable" when a file of the exercise cannot be read (its own page names the file). */
    private static String count(java.util.function.IntSupplier count) {
        try {
            return String.valueOf(count.getAsInt());
        } catch (org.slant.storage.StorageException e) {
            org.slf4j.LoggerFactory.getLogger(ExercisesView.class).warn("Exercise list: {}", e.getMessage());
            return "unreadable";
        }
    }
}
