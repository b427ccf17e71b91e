package org.slant.ui;

import org.slant.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.DocumentOverview;
import org.slant.document.DocumentService;
import org.slant.document.DocumentStore;
import java.util.Map;
import com.vaadin.flow.component.select.Select;
import org.slant.project.DocumentStatus;
import org.slant.project.Project;
import org.slant.project.ProjectService;
import org.slant.project.QueueEntry;
import org.slant.project.QueueService;
import org.slant.security.AccessPolicy;

/**
 * The start page, per project. A curator (or admin) sees the project's documents with every tool:
 * add, import, export, agreement, delete, move. An annotator sees their queue: the documents assigned
 * to them, with where they stand, and never other people's counts.
 */
@jakarta.annotation.security.PermitAll
@Route(value = "", layout = MainLayout.class)
@PageTitle("Documents · Slant")
public class DocumentListView extends VerticalLayout implements com.vaadin.flow.router.BeforeEnterObserver {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.UK).withZone(ZoneId.systemDefault());

    private final DocumentService documents;
    private final AnnotationService annotations;
    private final ProjectService projects;
    private final QueueService queue;
    private final AccessPolicy access;
    private final org.slant.annotation.UserEdits edits;
    private final org.slant.teaching.TeachingService teaching;
    private final String user;
    final H2 heading = new H2("Documents");
    final Paragraph queueHint = new Paragraph();
    final Select<Project> projectSelect = new Select<>();
    final RouterLink projectSettings = new RouterLink();
    final TextField search = new TextField();
    final Grid<DocumentOverview> grid = new Grid<>();
    final Grid<QueueEntry> queueGrid = new Grid<>();
    final Div problems = new Div();
    final Paragraph noProjects = new Paragraph("You are not in any project yet. Ask an admin or a curator to add you "
            + "to one and assign you documents.");
    final HorizontalLayout curatorTools = new HorizontalLayout();
    final Button moveButton = new Button("Move to…", VaadinIcon.EXCHANGE.create());
    private List<DocumentOverview> rows = List.of();
    private List<QueueEntry> queueRows = List.of();
    /** Per document, each assigned annotator's status, for the curator's "Done" column. */
    private Map<String, Map<String, DocumentStatus>> progress = Map.of();

    /** Students' exercise layers do not count in the team's spans, annotators and last change. */
    private final org.slant.annotation.ClassWork classWork;

    public DocumentListView(DocumentService documents, AnnotationService annotations,
                            org.slant.exchange.ImportService imports, org.slant.label.LabelService labels,
                            CurrentUser currentUser, org.slant.agreement.AgreementService agreement,
                            ProjectService projects, QueueService queue, AccessPolicy access,
                            org.slant.teaching.TeachingService teaching, org.slant.annotation.ClassWork classWork,
                            org.slant.annotation.UserEdits edits) {
        this.edits = edits;
        this.teaching = teaching;
        this.classWork = classWork;
        this.documents = documents;
        this.annotations = annotations;
        this.projects = projects;
        this.queue = queue;
        this.access = access;
        this.user = currentUser.name();
        addClassName("slant-page");
        setMaxWidth("72rem");

        projectSelect.setLabel("Project");
        projectSelect.setItemLabelGenerator(Project::name);
        projectSelect.setId("project-select");
        projectSelect.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                grid.deselectAll();
                refresh();
            }
        });
        projectSettings.setText("Project settings");
        projectSettings.setId("project-settings");
        projectSettings.addClassName("slant-muted-link");

        // before any selection listener: changing the mode replaces the selection model and its listeners
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        heading.setId("documents-heading");
        search.setPlaceholder("Search titles and text");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());
        search.setWidth("16rem");
        Button add = new Button("Add document", VaadinIcon.PLUS.create(),
                e -> new AddDocumentDialog(documents, projects.as(user), currentProject().id(), doc ->
                        getUI().ifPresent(ui -> ui.navigate(AnnotationView.class,
                                new com.vaadin.flow.router.RouteParameters("id", doc.id()))),
                        added -> refresh()).open());
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setId("add-document");
        Button export = new Button("Export…", VaadinIcon.DOWNLOAD.create(), e -> new ExportDialog(currentProject().id(),
                ids(List.copyOf(grid.getSelectedItems())),
                annotations.annotators(ids(rows))).open());
        export.setId("export-documents");
        export.setTooltipText("Export the selected documents, or all of this project's when none is selected");
        Button importButton = new Button("Import…", VaadinIcon.UPLOAD.create(), e -> new ImportDialog(imports,
                labels.labels(currentProject().id()), user, user,
                access.isAdmin(user), this::refresh).open());
        importButton.setId("import-annotations");
        Button agreementButton = new Button("Agreement", VaadinIcon.SCALE.create(), e -> {
            List<String> ids = grid.getSelectedItems().isEmpty() ? ids(rows) : ids(List.copyOf(grid.getSelectedItems()));
            com.vaadin.flow.component.dialog.Dialog d = new com.vaadin.flow.component.dialog.Dialog();
            d.setHeaderTitle("Agreement over " + ids.size() + " document" + (ids.size() == 1 ? "" : "s"));
            d.setWidth("min(60rem, 95vw)");
            d.add(new AgreementTable(agreement.forDocuments(ids), labels.labelsForAll(ids)),
                    AgreementTable.downloads("/api/agreement", grid.getSelectedItems().isEmpty() && search.getValue().isBlank()
                            ? "project=" + currentProject().id()
                            : "documents=" + String.join(",", ids)),
                    AgreementTable.againstGold(agreement.againstGold(ids)));
            d.getFooter().add(new Button("Close", x -> d.close()));
            d.open();
        });
        agreementButton.setId("project-agreement");
        agreementButton.setTooltipText("Agreement over the selected documents, or all when none is selected");
        Button delete = new Button("Delete…", VaadinIcon.TRASH.create(), e -> confirmDelete());
        delete.setId("delete-documents");
        delete.setEnabled(false);
        moveButton.setId("move-documents");
        moveButton.setEnabled(false);
        moveButton.addClickListener(e -> new MoveDocumentsDialog(projects, user, currentProject(),
                ids(List.copyOf(grid.getSelectedItems())), access.visibleProjects(user).stream()
                .filter(p -> access.canManageProject(user, p.id())).toList(), this::refresh).open());
        grid.addSelectionListener(e -> {
            delete.setEnabled(!e.getAllSelectedItems().isEmpty());
            moveButton.setEnabled(!e.getAllSelectedItems().isEmpty());
        });
        curatorTools.add(delete, moveButton, agreementButton, importButton, export, add);
        curatorTools.setSpacing(true);
        curatorTools.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout bar = new HorizontalLayout(heading, projectSelect, projectSettings, search);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        bar.expand(heading);

        grid.addComponentColumn(row -> {
            RouterLink link = new RouterLink(row.document().title(), AnnotationView.class,
                    new com.vaadin.flow.router.RouteParameters("id", row.document().id()));
            link.addClassName("slant-doc-link");
            return link;
        }).setHeader("Title").setFlexGrow(4).setSortable(true)
                .setComparator(r -> r.document().title().toLowerCase(Locale.ROOT));
        grid.addColumn(r -> String.format(Locale.UK, "%,d", r.document().length())).setHeader("Characters")
                .setComparator(r -> r.document().length()).setFlexGrow(1);
        grid.addColumn(r -> r.problem() == null ? String.valueOf(r.spanCount()) : r.spanCount() + " + unreadable").setHeader("Spans").setComparator(DocumentOverview::spanCount)
                .setFlexGrow(1);
        grid.addColumn(DocumentOverview::annotators).setHeader("Annotators").setFlexGrow(1);
        grid.addColumn(r -> progress(r.document().id())).setHeader("Done").setFlexGrow(1)
                .setTooltipGenerator(r -> "Assigned annotators who marked this document done");
        grid.addColumn(r -> WHEN.format(r.lastChange())).setHeader("Last change")
                .setComparator(DocumentOverview::lastChange).setFlexGrow(2);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No documents match. Add one with \"Add document\".");

        queueGrid.setId("queue");
        queueGrid.addComponentColumn(q -> {
            RouterLink link = new RouterLink(q.title(), AnnotationView.class,
                    new com.vaadin.flow.router.RouteParameters("id", q.documentId()));
            link.addClassName("slant-doc-link");
            return link;
        }).setHeader("Title").setFlexGrow(4);
        queueGrid.addComponentColumn(q -> {
            com.vaadin.flow.component.html.Span s = new com.vaadin.flow.component.html.Span(statusText(q.status()));
            s.addClassName("slant-status");
            s.getElement().setAttribute("data-status", q.status().name().toLowerCase(Locale.ROOT));
            return s;
        }).setHeader("Status").setFlexGrow(1);
        queueGrid.addColumn(q -> annotations.layer(q.documentId(), user).spans().size()).setHeader("My spans").setFlexGrow(1);
        queueGrid.addComponentColumn(q -> {
            boolean done = q.status() == DocumentStatus.DONE;
            Button b = new Button(done ? "Reopen" : "Mark done", e -> {
                if (done) {
                    queue.reopen(user, q.documentId());
                } else {
                    try {
                        queue.markDone(user, q.documentId());
                    } catch (org.slant.project.NotFinishedException refused) {
                        // the same question as on the annotation page: done with parts missing only when meant
                        new org.slant.ui.annotate.NotFinishedDialog(refused, () -> {
                            queue.markDone(user, q.documentId(), true);
                            refresh();
                        }).open();
                        return;
                    }
                }
                refresh();
            });
            b.addThemeVariants(ButtonVariant.TERTIARY);
            return b;
        }).setHeader("").setFlexGrow(1);
        queueGrid.setAllRowsVisible(true);
        queueGrid.setEmptyStateText("Nothing is assigned to you in this project yet.");

        problems.addClassName("slant-problems");
        queueHint.addClassName("slant-hint");
        add(bar, curatorTools, noProjects, problems, queueHint, grid, queueGrid);
    }

    static String statusText(DocumentStatus status) {
        return switch (status) {
            case NOT_STARTED -> "Not started";
            case IN_PROGRESS -> "In progress";
            case DONE -> "Done ✓";
        };
    }

    private String progress(String documentId) {
        Map<String, DocumentStatus> perAnnotator = progress.getOrDefault(documentId, Map.of());
        if (perAnnotator.isEmpty()) {
            return "–";
        }
        long done = perAnnotator.values().stream().filter(s -> s == DocumentStatus.DONE).count();
        return done + " of " + perAnnotator.size();
    }

    private static List<String> ids(List<DocumentOverview> overviews) {
        return overviews.stream().map(r -> r.document().id()).toList();
    }

    Project currentProject() {
        return projectSelect.getValue();
    }

    /** Reload on every visit: counts change while the user is in a document. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        if (access.visibleProjects(user).isEmpty() && !teaching.exercisesOfStudent(user).isEmpty()) {
            event.forwardTo(ExercisesView.class); // a student's start page is their exercises
            return;
        }
        event.getLocation().getQueryParameters().getSingleParameter("project")
                .flatMap(projects::find).filter(p -> access.visibleProjects(user).contains(p))
                .ifPresent(projectSelect::setValue);
        refresh();
    }

    /** Deleting moves files to the workspace's trash folder, so a mistake can be undone by hand. */
    void confirmDelete() {
        List<DocumentOverview> chosen = List.copyOf(grid.getSelectedItems());
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog();
        confirm.setHeader("Delete " + (chosen.size() == 1 ? "\"" + chosen.getFirst().document().title() + "\""
                : chosen.size() + " documents") + "?");
        int spans = chosen.stream().mapToInt(DocumentOverview::spanCount).sum();
        confirm.setText("The document" + (chosen.size() == 1 ? "" : "s") + " and " + spans + " span"
                + (spans == 1 ? "" : "s") + " by every annotator will be moved to the workspace's trash folder.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            chosen.forEach(r -> edits.deleteDocument(user, r.document().id()));
            com.vaadin.flow.component.notification.Notification.show("Moved " + chosen.size() + " document"
                    + (chosen.size() == 1 ? "" : "s") + " to the trash folder", 4000,
                    com.vaadin.flow.component.notification.Notification.Position.BOTTOM_CENTER);
            grid.deselectAll();
            refresh();
        });
        confirm.open();
    }

    void refresh() {
        List<Project> visible = access.visibleProjects(user);
        noProjects.setVisible(visible.isEmpty());
        Project current = currentProject();
        Project chosen;
        if (current == null || visible.stream().noneMatch(p -> p.id().equals(current.id()))) {
            // first a project the user curates, so a curator lands on their work
            chosen = visible.stream().filter(p -> access.canManageProject(user, p.id()) && !p.isDefault()).findFirst()
                    .or(() -> visible.stream().filter(p -> !p.isDefault() || !projects.documentsOf(p.id()).isEmpty()).findFirst())
                    .orElse(visible.isEmpty() ? null : visible.getFirst());
        } else {
            String id = current.id();
            chosen = visible.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(); // fresh copy
        }
        projectSelect.setItems(visible);
        projectSelect.setVisible(visible.size() > 1);
        if (chosen != null) {
            projectSelect.setValue(chosen);
        }
        boolean curator = chosen != null && access.canManageProject(user, chosen.id());
        heading.setText(chosen == null ? "Documents" : "Documents · " + chosen.name());
        queueHint.setVisible(chosen != null && !curator);
        queueHint.setText("The documents assigned to you. Open one to annotate it, and press Mark done when you have "
                + "finished; your curator sees where everyone stands. You see only your own spans.");
        curatorTools.setVisible(curator);
        grid.setVisible(curator);
        search.setVisible(curator);
        queueGrid.setVisible(chosen != null && !curator);
        projectSettings.setVisible(curator);
        if (curator) {
            projectSettings.setRoute(ProjectView.class,
                    new com.vaadin.flow.router.RouteParameters("id", chosen.id()));
        }
        problems.removeAll();
        problems.setVisible(false);
        if (chosen == null) {
            rows = List.of();
            queueRows = List.of();
            return;
        }
        if (!curator) {
            String projectId = chosen.id();
            queueRows = queue.queue(user).stream().filter(q -> q.projectId().equals(projectId)).toList();
            queueGrid.setItems(queueRows);
            return;
        }
        DocumentStore.Listing listing = documents.list();
        java.util.Set<String> inProject = new java.util.HashSet<>(projects.documentsOf(chosen.id()));
        rows = annotations.overview(listing.documents().stream().filter(d -> inProject.contains(d.id())).toList(), classWork);
        progress = queue.progress(chosen.id());
        List<String> broken = new java.util.ArrayList<>(access.isAdmin(user) ? listing.problems() : List.of());
        rows.stream().map(DocumentOverview::problem).filter(java.util.Objects::nonNull).forEach(broken::add);
        problems.setVisible(!broken.isEmpty());
        if (!broken.isEmpty()) {
            problems.add(new Paragraph("Some workspace files could not be read and are left untouched. "
                    + "Fix or remove them, then reload:"));
            broken.forEach(p -> problems.add(new Paragraph(p)));
        }
        filter();
    }

    private void filter() {
        String q = search.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(q.isEmpty() ? rows : rows.stream()
                .filter(r -> r.document().title().toLowerCase(Locale.ROOT).contains(q)
                        || r.document().text().toLowerCase(Locale.ROOT).contains(q))
                .toList());
    }
}
