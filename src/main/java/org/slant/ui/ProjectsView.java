package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
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
    final TextField name = new TextField();

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
            name.setPlaceholder("New project's name");
            name.setWidth("20rem");
            Button create = new Button("New project", e -> {
                try {
                    Project p = projects.create(name.getValue(), user);
                    getUI().ifPresent(ui -> ui.navigate(ProjectView.class, new RouteParameters("id", p.id())));
                } catch (IllegalArgumentException ex) {
                    Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.ERROR);
                }
            });
            create.setId("create-project");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            HorizontalLayout row = new HorizontalLayout(name, create);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(row);
        }
        add(grid);
    }
}
