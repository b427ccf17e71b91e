package org.slant.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;

/** The frame around every view: the product name and whose layer is being edited. */
public class MainLayout extends Div implements RouterLayout {

    private final Div content = new Div();

    public MainLayout(CurrentAnnotator annotator) {
        addClassName("slant-shell");
        RouterLink brand = new RouterLink("", DocumentListView.class);
        Span mark = new Span();
        mark.addClassName("slant-logo");
        brand.add(mark, new Span("Slant"));
        brand.addClassName("slant-brand");
        Span tagline = new Span("framing & bias annotation");
        tagline.addClassName("slant-tagline");
        Div spacer = new Div();
        spacer.addClassName("slant-spacer");
        Span who = new Span("Annotating as " + annotator.name());
        who.addClassName("slant-who");
        who.setId("annotator-name");
        RouterLink labelsLink = new RouterLink("Labels", LabelsView.class);
        labelsLink.addClassName("slant-muted-link");
        labelsLink.setId("nav-labels");
        Anchor api = new Anchor("/api/documents", "API");
        api.setTarget("_blank");
        api.addClassName("slant-muted-link");
        Header bar = new Header(brand, tagline, spacer, who, labelsLink, api);
        bar.addClassName("slant-navbar");
        content.addClassName("slant-content");
        add(bar, content);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }
}
