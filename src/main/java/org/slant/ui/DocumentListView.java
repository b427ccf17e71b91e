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

/** The start page: every document in the workspace, searchable, with a way to add more. */
@jakarta.annotation.security.PermitAll
@Route(value = "", layout = MainLayout.class)
@PageTitle("Documents · Slant")
public class DocumentListView extends VerticalLayout implements com.vaadin.flow.router.BeforeEnterObserver {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.UK).withZone(ZoneId.systemDefault());

    private final DocumentService documents;
    private final AnnotationService annotations;
    final TextField search = new TextField();
    final Grid<DocumentOverview> grid = new Grid<>();
    final Div problems = new Div();
    private List<DocumentOverview> rows = List.of();

    public DocumentListView(DocumentService documents, AnnotationService annotations,
                            org.slant.exchange.ImportService imports, org.slant.label.LabelService labels,
                            CurrentUser annotator, org.slant.agreement.AgreementService agreement) {
        this.documents = documents;
        this.annotations = annotations;
        addClassName("slant-page");
        setMaxWidth("72rem");

        // before any selection listener: changing the mode replaces the selection model and its listeners
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        H2 heading = new H2("Documents");
        search.setPlaceholder("Search titles and text");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());
        search.setWidth("20rem");
        Button add = new Button("Add document", VaadinIcon.PLUS.create(),
                e -> new AddDocumentDialog(documents, doc -> getUI().ifPresent(ui -> ui.navigate(AnnotationView.class,
                        new com.vaadin.flow.router.RouteParameters("id", doc.id()))), this::refresh).open());
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setId("add-document");
        Button export = new Button("Export…", VaadinIcon.DOWNLOAD.create(), e -> new ExportDialog(
                grid.getSelectedItems().stream().map(r -> r.document().id()).toList(),
                annotations.annotators(rows.stream().map(r -> r.document().id()).toList())).open());
        export.setId("export-documents");
        export.setTooltipText("Export the selected documents, or all when none is selected");
        Button importButton = new Button("Import…", VaadinIcon.UPLOAD.create(), e -> new ImportDialog(imports,
                labels.labels(org.slant.project.Project.DEFAULT_ID), annotator.name(), this::refresh).open());
        importButton.setId("import-annotations");
        Button agreementButton = new Button("Agreement", VaadinIcon.SCALE.create(), e -> {
            List<String> ids = grid.getSelectedItems().isEmpty() ? rows.stream().map(r -> r.document().id()).toList()
                    : grid.getSelectedItems().stream().map(r -> r.document().id()).toList();
            com.vaadin.flow.component.dialog.Dialog d = new com.vaadin.flow.component.dialog.Dialog();
            d.setHeaderTitle("Agreement over " + ids.size() + " document" + (ids.size() == 1 ? "" : "s"));
            d.setWidth("min(60rem, 95vw)");
            d.add(new AgreementTable(agreement.forDocuments(ids), labels.labelsForAll(ids)));
            d.getFooter().add(new Button("Close", x -> d.close()));
            d.open();
        });
        agreementButton.setId("project-agreement");
        agreementButton.setTooltipText("Agreement over the selected documents, or all when none is selected");
        Button delete = new Button("Delete…", VaadinIcon.TRASH.create(), e -> confirmDelete());
        delete.setId("delete-documents");
        delete.setEnabled(false);
        grid.addSelectionListener(e -> delete.setEnabled(!e.getAllSelectedItems().isEmpty()));
        HorizontalLayout bar = new HorizontalLayout(heading, search, delete, agreementButton, importButton, export, add);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
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
        grid.addColumn(r -> r.problem() == null ? String.valueOf(r.spanCount()) : "unreadable").setHeader("Spans").setComparator(DocumentOverview::spanCount)
                .setFlexGrow(1);
        grid.addColumn(DocumentOverview::annotators).setHeader("Annotators").setFlexGrow(1);
        grid.addColumn(r -> WHEN.format(r.lastChange())).setHeader("Last change")
                .setComparator(DocumentOverview::lastChange).setFlexGrow(2);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No documents match. Add one with \"Add document\".");

        problems.addClassName("slant-problems");
        add(bar, problems, grid);
    }

    /** Reload on every visit: counts change while the user is in a document. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
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
            chosen.forEach(r -> annotations.deleteDocument(r.document().id()));
            com.vaadin.flow.component.notification.Notification.show("Moved " + chosen.size() + " document"
                    + (chosen.size() == 1 ? "" : "s") + " to the trash folder", 4000,
                    com.vaadin.flow.component.notification.Notification.Position.BOTTOM_CENTER);
            grid.deselectAll();
            refresh();
        });
        confirm.open();
    }

    void refresh() {
        DocumentStore.Listing listing = documents.list();
        rows = annotations.overview(listing.documents());
        List<String> broken = new java.util.ArrayList<>(listing.problems());
        rows.stream().map(DocumentOverview::problem).filter(java.util.Objects::nonNull).forEach(broken::add);
        problems.removeAll();
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
