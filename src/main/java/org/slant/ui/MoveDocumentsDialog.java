package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slant.label.Label;
import org.slant.project.Project;
import org.slant.project.ProjectService;

/**
 * Moves documents to another project. Spans must stay valid there: a label the target lacks is shown
 * with how many spans carry it, and the curator chooses a target label for it or to delete those spans.
 */
class MoveDocumentsDialog extends Dialog {

    static final String DELETE = "";

    final Select<Project> target = new Select<>();
    final Div mappings = new Div();
    final Button move = new Button("Move");
    private final Map<String, Select<String>> choices = new LinkedHashMap<>();

    MoveDocumentsDialog(ProjectService projects, String actor, Project from, List<String> ids, List<Project> targets,
                        Runnable done) {
        setHeaderTitle("Move " + ids.size() + " document" + (ids.size() == 1 ? "" : "s") + " to another project");
        setWidth("min(36rem, 95vw)");
        target.setLabel("To project");
        target.setItemLabelGenerator(Project::name);
        target.setItems(targets.stream().filter(p -> !p.id().equals(from.id())).toList());
        target.setId("move-target");
        target.setWidthFull();
        target.addValueChangeListener(e -> showMappings(projects, ids));
        move.setId("move-confirm");
        move.addThemeVariants(ButtonVariant.PRIMARY);
        move.setEnabled(false);
        move.addClickListener(e -> {
            Map<String, String> mapping = new LinkedHashMap<>();
            for (var c : choices.entrySet()) {
                if (c.getValue().getValue() == null) {
                    Notification.show("Choose what happens to the spans labelled \"" + c.getKey() + "\"", 5000,
                            Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
                    return;
                }
                mapping.put(c.getKey(), c.getValue().getValue());
            }
            try {
                int changed = projects.as(actor).moveDocuments(ids, target.getValue().id(), mapping);
                Notification.show("Moved to \"" + target.getValue().name() + "\"" + (changed == 0 ? ""
                        : "; " + changed + " span" + (changed == 1 ? "" : "s") + " relabelled or deleted"));
                close();
                done.run();
            } catch (IllegalArgumentException ex) {
                Notification.show(ex.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.ERROR);
            }
        });
        add(new VerticalLayout(target, mappings));
        getFooter().add(new Button("Cancel", e -> close()), move);
    }

    private void showMappings(ProjectService projects, List<String> ids) {
        mappings.removeAll();
        choices.clear();
        Project to = target.getValue();
        move.setEnabled(to != null);
        if (to == null) {
            return;
        }
        Map<String, Integer> missing = projects.labelsMissingIn(ids, to.id());
        if (missing.isEmpty()) {
            mappings.add(new Paragraph("Every span's label exists in \"" + to.name() + "\": the spans move unchanged."));
            return;
        }
        mappings.add(new Paragraph("\"" + to.name() + "\" lacks some labels these documents' spans carry. "
                + "Choose for each what happens to its spans:"));
        for (var m : missing.entrySet()) {
            Select<String> choice = new Select<>();
            choice.setLabel("\"" + m.getKey() + "\" (" + m.getValue() + " span" + (m.getValue() == 1 ? "" : "s") + ")");
            choice.setItems(Stream.concat(to.labels().labels().stream().map(Label::id), Stream.of(DELETE)).toList());
            choice.setItemLabelGenerator(v -> v.equals(DELETE) ? "Delete those spans"
                    : "Relabel as " + to.labels().find(v).map(Label::name).orElse(v));
            choice.setWidthFull();
            choices.put(m.getKey(), choice);
            mappings.add(choice);
        }
    }
}
