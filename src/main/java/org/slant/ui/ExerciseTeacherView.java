package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.security.AccessPolicy;
import org.slant.security.CurrentUser;
import org.slant.teaching.ClassHeatmap;
import org.slant.teaching.ClassResults;
import org.slant.teaching.ClassResultsCsv;
import org.slant.teaching.Exercise;
import org.slant.teaching.RosterEntry;
import org.slant.teaching.TeachingException;
import org.slant.teaching.TeachingService;

/**
 * The teacher's page of one exercise: the class code, the roster (class list upload, password resets),
 * the results table, the passages the class disagreed on most, the heatmap with its downloads, and the
 * explanations students see in feedback. Only those who manage the exercise get here (AccessPolicy);
 * a student of it is sent to their own page.
 */
@PermitAll
@Route(value = "exercises/:id/class", layout = MainLayout.class)
public class ExerciseTeacherView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ALL_LABELS = "*";
    static final int IMAGE_COLUMNS = 80;
    static final int HOTSPOTS = 8;
    /** A class list is a short CSV; the server reads no more than this of an upload. */
    static final int CLASS_LIST_BYTES = 512 * 1024;

    private final TeachingService teaching;
    private final DocumentService documents;
    private final LabelService labelService;
    private final AccessPolicy access;
    private final String user;
    private Exercise exercise;
    private Scheme labels;

    final Span code = new Span();
    final Span codeState = new Span();
    final Button newCode = new Button("New code");
    final Button closeCode = new Button("Close");
    final Button copy = new Button("Copy for another class", VaadinIcon.COPY_O.create());
    final Button present = new Button("Show to the class", VaadinIcon.EXPAND_SQUARE.create());
    final com.vaadin.flow.component.html.Anchor joinAddress = new com.vaadin.flow.component.html.Anchor();
    final Button reopenCode = new Button("Open");
    final Grid<RosterEntry> roster = new Grid<>();
    final Upload classList = new Upload();
    final Div classListReport = new Div();
    final Grid<ClassResults.Row> results = new Grid<>();
    /** Submission files that cannot be read: those students show as not submitted until the file is fixed. */
    final com.vaadin.flow.component.html.Div resultProblems = new com.vaadin.flow.component.html.Div();
    final UnorderedList hotspots = new UnorderedList();
    final Select<String> heatmapLabel = new Select<>();
    final HeatmapPanel heatmap = new HeatmapPanel();
    final Div explanations = new Div();
    Anchor csvLink;
    Anchor svgLink;
    Anchor pngLink;
    Dialog passwordDialog;

    public ExerciseTeacherView(TeachingService teaching, DocumentService documents, LabelService labelService,
                               AccessPolicy access, CurrentUser currentUser) {
        this.teaching = teaching;
        this.documents = documents;
        this.labelService = labelService;
        this.access = access;
        this.user = currentUser.name();
        addClassName("slant-page");
        addClassName("slant-classroom");
        // once: the same view instance shows one exercise after another, and build() runs for each
        copy.addClickListener(e -> copyDialog());
        newCode.addClickListener(e -> change(() -> teaching.as(user).newClassCode(exercise.id())));
        closeCode.addClickListener(e -> change(() -> teaching.as(user).closeClassCode(exercise.id())));
        reopenCode.addClickListener(e -> change(() -> teaching.as(user).reopenClassCode(exercise.id())));
        present.addClickListener(e -> presentCode());
        heatmapLabel.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                showHeatmap();
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        try {
            exercise = teaching.exercise(id);
        } catch (TeachingException e) {
            add(Classroom.problem(e.getMessage()));
            return;
        }
        if (!access.canManageExercise(user, exercise)) {
            if (access.isStudentOf(user, id)) {
                event.forwardTo(StudentExerciseView.class, new RouteParameters("id", id));
            } else {
                exercise = null;
                add(Classroom.problem("Only the teacher of this exercise (or a curator of its project) may see the class page."));
            }
            return;
        }
        labels = labelService.labelsFor(exercise.documentId());
        build();
        getUI().ifPresent(this::watchClass);
    }

    private Runnable stopWatching = () -> { };

    /** Joins and submissions redraw the results and the heatmap while the page is open (Push). */
    private void watchClass(com.vaadin.flow.component.UI ui) {
        stopWatching.run();
        if (exercise == null) {
            stopWatching = () -> { };
            return;
        }
        stopWatching = teaching.watchClass(exercise.id(), () -> ui.access(() -> {
            if (exercise != null && isAttached()) {
                refresh();
            }
        }));
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        watchClass(attachEvent.getUI());
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        stopWatching.run();
        stopWatching = () -> { };
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return exercise == null ? "Exercise · Slant" : exercise.title() + " · class · Slant";
    }

    private void build() {
        H2 title = new H2(exercise.title());
        String documentTitle = documents.read(exercise.documentId()).map(d -> d.title()).orElse(exercise.documentId());
        Paragraph meta = new Paragraph("Document: " + documentTitle + " · reference: "
                + (exercise.referenceSource().equals(org.slant.annotation.Layer.GOLD) ? "gold" : exercise.referenceSource()
                + "'s layer") + " · labels: " + String.join(", ", exercise.labels().stream().map(this::labelName).toList())
                + " · " + Classroom.due(exercise.due()) + (exercise.allowRevision() ? " · revision allowed" : ""));
        meta.addClassName("slant-meta");
        copy.setId("copy-exercise");
        copy.addThemeVariants(ButtonVariant.TERTIARY);
        copy.setTooltipText("The same exercise with its own code, students and due date");
        HorizontalLayout heading = new HorizontalLayout(title, copy);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.setWrap(true);
        add(new RouterLink("← Exercises", ExercisesView.class), heading, meta, codeBox());
        add(new H3("Results"), resultsBox());
        add(new H3("Where the class disagreed most with the reference"), hotspots);
        add(new H3("Class heatmap"), heatmapBox());
        add(new H3("Students"), rosterBox());
        add(explanationsBox());
        refresh();
    }

    // ---- class code ----

    private Div codeBox() {
        code.setId("class-code");
        code.addClassName("slant-class-code");
        codeState.setId("class-code-state");
        newCode.setId("new-code");
        closeCode.setId("close-code");
        reopenCode.setId("open-code");
        newCode.setTooltipText("A new code; the old one stops working");
        present.setId("present-code");
        present.addThemeVariants(ButtonVariant.PRIMARY);
        present.setTooltipText("The code and the join address, large enough for the back row");
        joinAddress.setId("join-address");
        Paragraph how = new Paragraph(new Span("Students open "), joinAddress,
                new Span(", type their name (the code is filled in), and get an account."));
        how.addClassName("slant-hint");
        HorizontalLayout row = new HorizontalLayout(new Span("Class code:"), code, codeState, present, reopenCode, closeCode, newCode);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWrap(true);
        Div box = new Div(row, how);
        box.addClassName("slant-code-box");
        showCode();
        return box;
    }

    /** Another class, the same reading: asks for a title and opens the new exercise's class page. */
    private void copyDialog() {
        com.vaadin.flow.component.dialog.Dialog d = new com.vaadin.flow.component.dialog.Dialog();
        d.setHeaderTitle("Copy for another class");
        TextField name = new TextField("Title of the copy", exercise.title() + " (2)", "");
        name.setId("copy-title");
        name.setWidth("28rem");
        name.setMaxLength(Exercise.MAX_TITLE);
        Paragraph what = new Paragraph("Same document, reference, explanations, instructions and labels. The copy has "
                + "its own class code, students and due date; nothing of this class's work goes with it.");
        what.addClassName("slant-hint");
        Button make = new Button("Copy", e -> {
            try {
                Exercise made = teaching.as(user).copy(exercise.id(), name.getValue());
                d.close();
                getUI().ifPresent(ui -> ui.navigate(ExerciseTeacherView.class, new RouteParameters("id", made.id())));
            } catch (IllegalArgumentException | TeachingException | org.slant.security.AccessDenied ex) {
                name.setInvalid(true);
                name.setErrorMessage(ex.getMessage());
            }
        });
        make.setId("copy-confirm");
        make.addThemeVariants(ButtonVariant.PRIMARY);
        d.add(name, what);
        d.getFooter().add(new Button("Cancel", e -> d.close()), make);
        d.open();
    }

    private void change(java.util.function.Supplier<Exercise> action) {
        try {
            exercise = action.get(); // teaching.as(user) asks whether the user manages it
            showCode();
        } catch (TeachingException e) {
            warn(e.getMessage());
        }
    }

    private void showCode() {
        code.setText(exercise.classCode() == null ? "none yet" : exercise.classCode());
        codeState.setText(exercise.classCode() == null ? "" : exercise.codeOpen() ? "open: students can join"
                : "closed: nobody can join");
        codeState.getElement().setAttribute("data-open", String.valueOf(exercise.codeOpen()));
        newCode.setText(exercise.classCode() == null ? "Create a code" : "New code");
        closeCode.setVisible(exercise.codeOpen());
        reopenCode.setVisible(exercise.classCode() != null && !exercise.codeOpen());
        present.setVisible(exercise.classCode() != null && exercise.codeOpen());
        String address = joinAddress();
        joinAddress.setHref(address);
        joinAddress.setText(address);
    }

    /** The full address to type: the join page, and the code. */
    String joinAddress() {
        return joinPage() + (exercise.classCode() == null ? "" : "?code=" + exercise.classCode());
    }

    /** The join page on this server as the teacher reached it. */
    private static String joinPage() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "/join";
        }
        jakarta.servlet.http.HttpServletRequest http = request.getHttpServletRequest();
        boolean defaultPort = http.getServerPort() == ("https".equals(http.getScheme()) ? 443 : 80);
        return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                + http.getContextPath() + "/join";
    }

    /** For the projector: the code in letters a back row can read, the address, and nothing else. */
    private void presentCode() {
        com.vaadin.flow.component.dialog.Dialog d = new com.vaadin.flow.component.dialog.Dialog();
        d.setId("present-dialog");
        d.setWidth("min(90vw, 70rem)");
        Span big = new Span(exercise.classCode());
        big.addClassName("slant-present-code");
        big.setId("present-code-text");
        Paragraph where = new Paragraph("Open " + joinPage() + " and type the code above");
        where.addClassName("slant-present-address");
        Paragraph title = new Paragraph(exercise.title());
        title.addClassName("slant-present-title");
        Div body = new Div(title, big, where);
        body.addClassName("slant-present");
        d.add(body);
        Button close = new Button("Close", e -> d.close());
        close.setId("present-close");
        d.getFooter().add(close);
        d.open();
    }

    // ---- results, hotspots, heatmap ----

    private VerticalLayout resultsBox() {
        results.removeAllColumns(); // the label columns are this exercise's
        results.setId("results");
        // the name opens what that student reads as feedback
        results.addComponentColumn(r -> new RouterLink(r.displayName(), StudentWorkView.class,
                        new RouteParameters(java.util.Map.of("id", exercise.id(), "student", r.user()))))
                .setKey("student").setHeader("Student").setAutoWidth(true).setFlexGrow(1);
        results.addColumn(r -> switch (r.state()) {
            case NOT_SUBMITTED -> "Not submitted";
            case SUBMITTED -> "Submitted";
            case LATE -> "Submitted late";
        }).setHeader("State").setAutoWidth(true);
        List<String> inPlay = List.copyOf(exercise.labels());
        for (int i = 0; i < inPlay.size(); i++) {
            int l = i;
            results.addColumn(r -> r.state() == ClassResults.State.NOT_SUBMITTED ? ""
                    : Classroom.percent(r.perLabel().get(l).f1())).setHeader(labelName(inPlay.get(l)) + " F1")
                    .setAutoWidth(true);
        }
        results.addColumn(r -> r.state() == ClassResults.State.NOT_SUBMITTED ? "" : Classroom.percent(r.overall().f1()))
                .setHeader("Overall F1").setAutoWidth(true);
        results.setAllRowsVisible(true);
        csvLink = download("Results (CSV)", "results-csv", exercise.id() + "-results.csv", "text/csv", () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ClassResultsCsv.write(teaching.results(exercise.id()), out);
            return out.toByteArray();
        });
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("refresh-results");
        refresh.addThemeVariants(ButtonVariant.TERTIARY);
        Paragraph explain = new Paragraph("F1 per label: overlap with the reference (same label, sharing a character), "
                + "combining how many reference passages a student found and how many of theirs were in the reference.");
        explain.addClassName("slant-hint");
        HorizontalLayout bar = new HorizontalLayout(refresh, csvLink);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout box = new VerticalLayout(bar, resultProblems, results, explain);
        box.setPadding(false);
        return box;
    }

    private VerticalLayout heatmapBox() {
        List<String> items = new ArrayList<>();
        items.add(ALL_LABELS);
        items.addAll(exercise.labels());
        heatmapLabel.setLabel("Shade by");
        heatmapLabel.setItems(items);
        heatmapLabel.setItemLabelGenerator(l -> l.equals(ALL_LABELS) ? "All labels" : labelName(l));
        heatmapLabel.setValue(ALL_LABELS);
        heatmapLabel.setId("heatmap-label");
        svgLink = download("Heatmap (SVG)", "heatmap-svg", exercise.id() + "-heatmap.svg", "image/svg+xml",
                () -> image().svg().getBytes(StandardCharsets.UTF_8));
        pngLink = download("Heatmap (PNG)", "heatmap-png", exercise.id() + "-heatmap.png", "image/png", () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            image().writePng(out);
            return out.toByteArray();
        });
        HorizontalLayout bar = new HorizontalLayout(heatmapLabel, svgLink, pngLink);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        Paragraph how = new Paragraph("Darker means more students marked it; hover for the count per label. "
                + "Only submitted work is counted.");
        how.addClassName("slant-hint");
        VerticalLayout box = new VerticalLayout(bar, how, heatmap);
        box.setPadding(false);
        return box;
    }

    private org.slant.teaching.HeatmapImage image() {
        String label = heatmapLabel.getValue() == null || heatmapLabel.getValue().equals(ALL_LABELS) ? null : heatmapLabel.getValue();
        return teaching.heatmapImage(exercise.id(), label, IMAGE_COLUMNS);
    }

    /** A download whose bytes are made when clicked, after checking again that this user manages the exercise. */
    private Anchor download(String text, String id, String fileName, String type, IoSupplier<byte[]> bytes) {
        String owner = user;
        String exerciseId = exercise.id();
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            access.requireManageExercise(owner, teaching.exercise(exerciseId));
            byte[] data = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(data), fileName, type, data.length);
        }), "");
        a.add(new Button(text, VaadinIcon.DOWNLOAD.create()));
        a.setId(id);
        return a;
    }

    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }

    void refresh() {
        ClassResults r = teaching.results(exercise.id());
        results.setItems(r.rows());
        resultProblems.removeAll();
        resultProblems.setVisible(!r.problems().isEmpty());
        if (!r.problems().isEmpty()) {
            resultProblems.add(AgreementTable.problems("These submissions cannot be read, so their students show as "
                    + "not submitted (the files are left as they are; fix them, then reload):", r.problems()));
        }
        roster.setItems(teaching.roster(exercise.id()).students());
        ClassHeatmap map = teaching.heatmap(exercise.id());
        hotspots.removeAll();
        hotspots.setId("hotspots");
        List<ClassHeatmap.Hotspot> found = map.hotspots(HOTSPOTS);
        if (found.isEmpty()) {
            hotspots.add(new ListItem(map.students() == 0 ? "Nobody has submitted yet."
                    : "The class agreed with the reference everywhere (no passage where half the class differed)."));
        }
        for (ClassHeatmap.Hotspot h : found) {
            Span quote = new Span("“" + Classroom.abbreviate(h.text(), 160) + "”");
            quote.addClassName("slant-quote");
            ListItem item = new ListItem(quote, new Span(" " + h.sentence(labelName(h.label()))));
            item.addClassName("slant-hotspot");
            hotspots.add(item);
        }
        showHeatmap(map);
    }

    private void showHeatmap() {
        showHeatmap(teaching.heatmap(exercise.id()));
    }

    private void showHeatmap(ClassHeatmap map) {
        String label = heatmapLabel.getValue() == null || heatmapLabel.getValue().equals(ALL_LABELS) ? null : heatmapLabel.getValue();
        heatmap.show(map, labels, label);
    }

    // ---- roster ----

    private VerticalLayout rosterBox() {
        roster.removeAllColumns();
        roster.setId("roster");
        roster.addColumn(RosterEntry::displayName).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        roster.addColumn(RosterEntry::user).setHeader("User name").setAutoWidth(true);
        roster.addColumn(e -> Classroom.when(e.joined())).setHeader("Joined").setAutoWidth(true);
        roster.addComponentColumn(e -> {
            Button reset = new Button("Reset password", ev -> resetPassword(e));
            reset.addThemeVariants(ButtonVariant.TERTIARY);
            reset.getElement().setAttribute("data-user", e.user());
            return reset;
        }).setAutoWidth(true);
        roster.setAllRowsVisible(true);

        classList.setUploadHandler(CappedUpload.inMemory(CLASS_LIST_BYTES, null, (meta, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> addClassList(bytes))), message ->
                getUI().ifPresent(ui -> ui.access(() -> {
                    classListReport.removeAll();
                    classListReport.add(new Paragraph(message));
                }))));
        classList.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        classList.setMaxFileSize(CLASS_LIST_BYTES);
        classList.setDropLabel(new Span("Class list: a CSV with one student name per line"));
        classList.setId("class-list");
        classListReport.setId("class-list-report");
        VerticalLayout box = new VerticalLayout(roster, classList, classListReport);
        box.setPadding(false);
        return box;
    }

    /** Runs inside the UI lock; the passwords are shown here once and kept nowhere. */
    void addClassList(byte[] file) {
        classListReport.removeAll();
        try {
            TeachingService.ClassListReport report = teaching.as(user).addClassList(exercise.id(), file);
            if (!report.problems().isEmpty()) {
                Paragraph p = new Paragraph("Nobody was added; fix these lines and upload the file again:");
                p.addClassName("slant-error");
                UnorderedList list = new UnorderedList();
                report.problems().forEach(problem -> list.add(new ListItem(problem.toString())));
                classListReport.add(p, list);
                return;
            }
            Paragraph p = new Paragraph("Added " + report.added().size() + " students. Hand each their user name "
                    + "and password now: the passwords are shown only this once.");
            Grid<RosterEntry> handout = new Grid<>();
            handout.addColumn(RosterEntry::displayName).setHeader("Name");
            handout.addColumn(RosterEntry::user).setHeader("User name");
            handout.addColumn(e -> report.passwords().get(e.user())).setHeader("Password");
            handout.setItems(report.added());
            handout.setAllRowsVisible(true);
            handout.setId("class-list-passwords");
            classListReport.add(p, handout);
            refresh();
        } catch (TeachingException | IllegalArgumentException e) {
            Paragraph p = new Paragraph(e.getMessage());
            p.addClassName("slant-error");
            classListReport.add(p);
        }
    }

    void resetPassword(RosterEntry student) {
        try {
            String password = teaching.as(user).resetPassword(exercise.id(), student.user());
            passwordDialog = new Dialog();
            passwordDialog.setHeaderTitle("New password for " + student.displayName());
            Span shown = new Span(password);
            shown.setId("new-password");
            shown.addClassName("slant-class-code");
            passwordDialog.add(new Paragraph("User name: " + student.user()), new Paragraph(new Span("Password: "), shown),
                    new Paragraph("It is shown only this once. The old password no longer works."));
            passwordDialog.getFooter().add(new Button("Done", e -> passwordDialog.close()));
            passwordDialog.open();
        } catch (TeachingException | IllegalArgumentException e) {
            warn(e.getMessage());
        }
    }

    // ---- explanations ----

    private Details explanationsBox() {
        explanations.setId("explanations");
        fillExplanations();
        Button refreshReference = new Button("Take a new copy of the reference", e -> {
            try {
                exercise = teaching.as(user).refreshReference(exercise.id());
                fillExplanations();
                refresh();
                Notification.show("The reference was copied again from " + exercise.referenceSource() + ".");
            } catch (TeachingException ex) {
                warn(ex.getMessage());
            }
        });
        refreshReference.addThemeVariants(ButtonVariant.TERTIARY);
        refreshReference.setTooltipText("After correcting the reference layer; explanations of spans still there are kept");
        Details details = new Details("Reference spans and explanations", new Div(refreshReference, explanations));
        details.setId("explanations-box");
        return details;
    }

    private void fillExplanations() {
        explanations.removeAll();
        for (org.slant.annotation.Span s : exercise.gradedReference()) {
            TextArea field = new TextArea();
            field.setLabel(labelName(s.label()) + ": “" + Classroom.abbreviate(s.text(), 100) + "”");
            field.setValue(exercise.explanation(s.id()).orElse(""));
            field.setPlaceholder("Why the reference marks this (students see it in feedback)");
            field.setMaxLength(Exercise.MAX_EXPLANATION);
            field.setWidthFull();
            field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
            field.getElement().setAttribute("data-span", s.id());
            field.addValueChangeListener(e -> {
                try {
                    exercise = teaching.as(user).setExplanation(exercise.id(), s.id(), e.getValue());
                } catch (TeachingException | IllegalArgumentException ex) {
                    warn(ex.getMessage());
                }
            });
            explanations.add(field);
        }
    }

    private String labelName(String id) {
        return labels.find(id).map(l -> l.name()).orElse(id);
    }

    private static void warn(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(NotificationVariant.WARNING);
    }
}
