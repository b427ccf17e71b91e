package org.slant.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.slant.agreement.AgreementService;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;

/** How far the annotators of one document agree, per label and overall. */
@jakarta.annotation.security.PermitAll
@Route(value = "documents/:id/agreement", layout = MainLayout.class)
public class AgreementView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DocumentService documents;
    private final AgreementService agreement;
    private final LabelService labels;
    private String title = "Agreement · Slant";

    private final org.slant.security.AccessPolicy access;
    private final String user;

    public AgreementView(DocumentService documents, AgreementService agreement, LabelService labels,
                         org.slant.security.AccessPolicy access, org.slant.security.CurrentUser currentUser) {
        this.access = access;
        this.user = currentUser.name();
        this.documents = documents;
        this.agreement = agreement;
        this.labels = labels;
        addClassName("slant-page");
        setMaxWidth("72rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            Document doc = documents.get(id);
            access.requireCurate(user, id);
            title = "Agreement on " + doc.title() + " · Slant";
            add(new RouterLink("← " + doc.title(), AnnotationView.class, new RouteParameters("id", id)),
                    new H2("Agreement"), new AgreementTable(agreement.forDocument(id), labels.labelsFor(id)),
                    AgreementTable.downloads("/api/documents/" + id + "/agreement", ""),
                    AgreementTable.againstGold(agreement.againstGold(List.of(id))));
        } catch (RuntimeException e) {
            Paragraph p = new Paragraph(UiErrors.describe(e)); // a problem page instead of the table, logged
            p.addClassName("slant-error");
            add(p, new RouterLink("Back to the documents", DocumentListView.class));
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
