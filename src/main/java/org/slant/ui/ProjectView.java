package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.project.DocumentStatus;
import org.slant.project.Project;
import org.slant.project.ProjectRole;
import org.slant.project.ProjectService;
import org.slant.project.QueueService;
import org.slant.security.AccessDenied;
import org.slant.security.AccessPolicy;
import org.slant.security.CurrentUser;
import org.slant.security.User;
import org.slant.security.UserService;

/**
 * A project for its curators: name, who is in it with which role, whether annotators work blind, and
 * who annotates which document, with where each annotator stands.
 */
@PermitAll
@Route(value = "projects/:id", layout = MainLayout.class)
public class ProjectView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProjectService projects;
    private final QueueService queue;
    private final UserService users;
    private final DocumentService documents;
    private final AccessPolicy access;
    private final String me;
    private Project project;

    final TextField name = new TextField("Name");
    final Checkbox othersVisible = new Checkbox("Annotators may see each other's layers (read-only)");
    final Checkbox assignAll = new Checkbox("Every annotator annotates every document");
    final Grid<Map.Entry<String, ProjectRole>> members = new Grid<>();
    final ComboBox<User> newMember = new ComboBox<>("Add a member");
    final Select<ProjectRole> newRole = new Select<>();
    final Grid<Document> assignments = new Grid<>();

    public ProjectView(ProjectService projects, QueueService queue, UserService users, DocumentService documents,
                       AccessPolicy access, CurrentUser currentUser) {
        this.projects = projects;
        this.queue = queue;
        this.users = users;
        this.documents = documents;
        this.access = access;
        this.me = currentUser.name();
        addClassName("slant-page");
        setMaxWidth("72rem");
        // once: the same view instance shows one project after another, and build() runs for each
        othersVisible.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(() -> projects.as(me).setOthersVisible(project.id(), e.getValue()));
            }
        });
        assignAll.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(() -> projects.as(me).setAssignAll(project.id(), e.getValue()));
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        if (projects.find(id).isEmpty() || !access.canManageProject(me, id)) {
            Paragraph p = new Paragraph(projects.find(id).isEmpty() ? "No project \"" + id + "\"."
                    : "Only curators of this project (or an admin) can manage it.");
            p.addClassName("slant-error");
            add(p, new RouterLink("Back to the documents", DocumentListView.class));
            project = null;
            return;
        }
        project = projects.get(id);
        build();
    }

    @Override
    public String getPageTitle() {
        return project == null ? "Project · Slant" : project.name() + " · Slant";
    }

    private void build() {
        name.setValue(project.name());
        name.setWidth("24rem");
        Button rename = new Button("Rename", e -> act(() -> projects.as(me).rename(project.id(), name.getValue())));
        rename.setId("rename-project");
        HorizontalLayout nameRow = new HorizontalLayout(name, rename);
        nameRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        othersVisible.setValue(project.othersVisible());
        othersVisible.setId("others-visible");
        othersVisible.setHelperText("Off (the default): each annotator sees only their own work, so nobody is steered.");
        assignAll.setValue(project.assignAll());
        assignAll.setId("assign-all");
        assignAll.setHelperText("All documents to all members; or leave it off and tick who annotates what below.");
        RouterLink labels = new RouterLink("Edit this project's label set", LabelsView.class);
        labels.setQueryParameters(QueryParameters.of("project", project.id()));
        labels.setId("project-labels");
        RouterLink docs = new RouterLink("Its documents", DocumentListView.class);
        docs.setQueryParameters(QueryParameters.of("project", project.id()));

        members.removeAllColumns();
        members.addColumn(m -> users.displayName(m.getKey()) + " (" + m.getKey() + ")").setHeader("Member").setFlexGrow(3);
        members.addComponentColumn(m -> {
            Select<ProjectRole> role = roleSelect();
            role.setValue(m.getValue());
            role.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> projects.as(me).setMember(project.id(), m.getKey(), e.getValue()));
                }
            });
            return role;
        }).setHeader("Role").setFlexGrow(2);
        members.addComponentColumn(m -> {
            Button remove = new Button("Remove", e -> act(() -> projects.as(me).removeMember(project.id(), m.getKey())));
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setEnabled(!m.getKey().equals(me) || access.isAdmin(me)); // a curator cannot lock themselves out
            return remove;
        }).setFlexGrow(1);
        members.setItems(project.members().entrySet().stream().toList());
        members.setAllRowsVisible(true);
        members.setId("members");

        newMember.setItems(users.users().stream().filter(u -> !project.members().containsKey(u.name())).toList());
        newMember.setItemLabelGenerator(u -> u.displayName() + " (" + u.name() + ")");
        newMember.setId("new-member");
        newMember.setWidth("18rem");
        newRole.setItems(ProjectRole.values());
        newRole.setItemLabelGenerator(ProjectView::roleName);
        newRole.setValue(ProjectRole.ANNOTATOR);
        newRole.setLabel("Role");
        Button add = new Button("Add", e -> {
            if (newMember.getValue() != null) {
                act(() -> projects.as(me).setMember(project.id(), newMember.getValue().name(), newRole.getValue()));
            }
        });
        add.setId("add-member");
        HorizontalLayout addRow = new HorizontalLayout(newMember, newRole, add);
        addRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        buildAssignments();

        Button delete = new Button("Delete project", e -> act(() -> {
            projects.as(me).delete(project.id());
            getUI().ifPresent(ui -> ui.navigate(ProjectsView.class));
        }));
        delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        delete.setVisible(!project.isDefault());
        delete.setTooltipText("Only a project without documents can be deleted: move them first");

        add(new H2(project.name()), nameRow, new HorizontalLayout(labels, docs), othersVisible, assignAll,
                new H3("Members"), members, addRow, new H3("Assignments and progress"),
                new Paragraph("Tick who annotates each document. The status is the annotator's: not started, "
                        + "in progress (opened or has spans) or done (they marked it done)."), assignments, delete);
    }

    private void buildAssignments() {
        List<String> annotators = project.members().entrySet().stream().filter(m -> m.getValue() == ProjectRole.ANNOTATOR)
                .map(Map.Entry::getKey).toList();
        Map<String, Map<String, DocumentStatus>> progress = queue.progress(project.id());
        assignments.removeAllColumns();
        assignments.addColumn(Document::title).setHeader("Document").setFlexGrow(3).setResizable(true);
        for (String annotator : annotators) {
            assignments.addComponentColumn(doc -> {
                Checkbox assigned = new Checkbox(project.isAssigned(annotator, doc.id())
                        ? DocumentListView.statusText(progress.getOrDefault(doc.id(), Map.of())
                        .getOrDefault(annotator, DocumentStatus.NOT_STARTED)) : "");
                assigned.setValue(project.isAssigned(annotator, doc.id()));
                assigned.setEnabled(!project.assignAll());
                assigned.setAriaLabel("Assign " + doc.title() + " to " + annotator);
                assigned.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        act(() -> {
                            if (e.getValue()) {
                                projects.as(me).assign(project.id(), doc.id(), List.of(annotator));
                            } else {
                                projects.as(me).unassign(project.id(), doc.id(), annotator);
                            }
                        });
                    }
                });
                return assigned;
            }).setHeader(users.displayName(annotator)).setKey(annotator).setFlexGrow(2);
        }
        assignments.addComponentColumn(doc -> {
            Button all = new Button("All", e -> act(() -> projects.as(me).assign(project.id(), doc.id(), annotators)));
            all.addThemeVariants(ButtonVariant.TERTIARY);
            all.setTooltipText("Assign this document to every annotator of the project");
            all.setEnabled(!project.assignAll() && !annotators.isEmpty());
            return all;
        }).setFlexGrow(1);
        assignments.setItems(projects.documentsOf(project.id()).stream().map(id -> documents.read(id))
                .flatMap(java.util.Optional::stream).toList());
        assignments.setAllRowsVisible(true);
        assignments.setId("assignments");
        assignments.setEmptyStateText(annotators.isEmpty() ? "Add annotators above first." : "No documents in this project yet.");
    }

    private Select<ProjectRole> roleSelect() {
        Select<ProjectRole> role = new Select<>();
        role.setItems(ProjectRole.values());
        role.setItemLabelGenerator(ProjectView::roleName);
        return role;
    }

    static String roleName(ProjectRole role) {
        return role == ProjectRole.CURATOR ? "Curator" : "Annotator";
    }

    /** Runs a change through the service (projects.as(me) checks it), then redraws from the stored state. */
    private void act(Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException | AccessDenied | IllegalStateException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
        }
        if (projects.find(project.id()).isPresent()) {
            project = projects.get(project.id());
            removeAll();
            build();
        }
    }
}
