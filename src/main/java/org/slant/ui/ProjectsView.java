package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.slant.label.SchemeTemplate;
import org.slant.project.Project;
import org.slant.project.ProjectService;
import org.slant.security.AccessPolicy;
import org.slant.security.CurrentUser;

/** The projects the user belongs to (all, for admins); admins make new ones. */
@PermitAll
@Route(value = "projects", layout = MainLayout.class)
@PageTitle("Projects · Slant")
public class ProjectsView extends VerticalLayout {

    final Grid<Project> grid = new Grid<>();
    /** The new-project dialog's fields (for browserless tests). */
    final TextField name = new TextField("Name");
    final Select<SchemeTemplate> template = new Select<>();
    final Paragraph templateDescription = new Paragraph();
    final Paragraph templateReference = new Paragraph();
    Dialog newProjectDialog;

    public ProjectsView(ProjectService projects, AccessPolicy access, CurrentUser currentUser) {
        String user = currentUser.name();
        addClassName("slant-page");
        setMaxWidth("60rem");
        grid.addComponentColumn(p -> access.canManageProject(user, p.id())
                ? new RouterLink(p.name(), ProjectView.class, new RouteParameters("id", p.id()))
                : new com.vaadin.flow.component.html.Span(p.name())).setHeader("Project").setFlexGrow(3);
        grid.addColumn(p -> projects.documentsOf(p.id()).size()).setHeader("Documents");
        grid.addColumn(p -> p.members().size()).setHeader("Members");
        grid.addColumn(p -> access.role(user, p.id()).map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                .orElse("–")).setHeader("Your role");
        grid.setAllRowsVisible(true);
        grid.setItems(access.visibleProjects(user));
        add(new H2("Projects"));
        if (access.isAdmin(user)) {
            Button open = new Button("New project", VaadinIcon.PLUS.create(), e -> newProject(projects, user));
            open.setId("new-project");
            open.addThemeVariants(ButtonVariant.PRIMARY);
            add(open);
        }
        add(grid);
    }

    /** The name and the scheme template (with what it is for and where it comes from); the admin becomes curator. */
    private void newProject(ProjectService projects, String user) {
        Dialog d = new Dialog();
        d.setHeaderTitle("New project");
        d.setWidth("40rem");
        name.setWidthFull();
        name.setPlaceholder("e.g. Election coverage 2026");
        template.setLabel("Scheme: start from a template");
        template.setItems(projects.templates().all());
        template.setItemLabelGenerator(SchemeTemplate::name);
        template.setWidthFull();
        template.addValueChangeListener(e -> describe(e.getValue()));
        template.setValue(projects.templates().all().getFirst());
        templateDescription.setId("template-description");
        templateReference.addClassName("slant-hint");
        templateReference.setId("template-reference");
        Paragraph after = new Paragraph("You become its curator. Its labels, attributes, links and questions can be "
                + "changed afterwards under Labels.");
        after.addClassName("slant-hint");
        Paragraph error = new Paragraph();
        error.addClassName("slant-error");
        Button create = new Button("Create project", e -> {
            try {
                Project p = projects.as(user).create(name.getValue(), template.getValue() == null ? null : template.getValue().id());
                d.close();
                getUI().ifPresent(ui -> ui.navigate(ProjectView.class, new RouteParameters("id", p.id())));
            } catch (RuntimeException ex) {
                error.setText(UiErrors.describe(ex));
            }
        });
        create.setId("create-project");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        VerticalLayout body = new VerticalLayout(name, template, templateDescription, templateReference, after, error);
        body.setPadding(false);
        d.add(body);
        d.getFooter().add(new Button("Cancel", e -> d.close()), create);
        d.open();
        newProjectDialog = d;
        name.focus();
    }

    private void describe(SchemeTemplate t) {
        if (t == null) {
            templateDescription.setText("");
            templateReference.setText("");
            return;
        }
        org.slant.label.Scheme s = t.scheme();
        List<String> parts = new java.util.ArrayList<>();
        parts.add(s.labels().size() + (s.labels().size() == 1 ? " span label" : " span labels"));
        long attributes = s.labels().stream().mapToLong(l -> l.attributes().size()).sum();
        if (attributes > 0) {
            parts.add(attributes + " attributes");
        }
        if (!s.linkTypes().isEmpty()) {
            parts.add(s.linkTypes().size() + (s.linkTypes().size() == 1 ? " link type" : " link types"));
        }
        if (!s.sentenceLabels().isEmpty()) {
            parts.add(s.sentenceLabels().size() + (s.sentenceLabels().size() == 1 ? " sentence label" : " sentence labels"));
        }
        if (!s.documentQuestions().isEmpty()) {
            parts.add(s.documentQuestions().size() + (s.documentQuestions().size() == 1 ? " document question" : " document questions"));
        }
        templateDescription.setText(t.description() + " (" + String.join(", ", parts) + ".)");
        templateReference.setText(t.reference().isEmpty() ? "" : "Source: " + t.reference());
    }
}
