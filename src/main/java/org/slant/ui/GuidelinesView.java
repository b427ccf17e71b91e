package org.slant.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Locale;
import org.slant.label.Attribute;
import org.slant.label.AttributeKind;
import org.slant.label.Choice;
import org.slant.label.LinkType;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.project.Project;
import org.slant.security.AccessPolicy;
import org.slant.security.CurrentUser;

/**
 * How to choose a label: each label of a project (the default one, or {@code ?project=ID}) with its key,
 * its underline, its definition and, for the default labels, examples from the sample article.
 */
@jakarta.annotation.security.PermitAll
@PageTitle("Label guidelines · Slant")
@Route(value = "guidelines", layout = MainLayout.class)
public class GuidelinesView extends Div implements BeforeEnterObserver {

    /** The keyboard help, also shown in the annotation view's side panel. */
    static final String KEYBOARD = "Keyboard: Tab to the article, then ←/→ move by word, ↑/↓ by sentence, Home/End to "
            + "the ends of the paragraph. Shift with these selects; S selects the whole sentence; a label's key (1–6) "
            + "labels the selection. Enter selects the highlight at the caret, Esc clears, Tab leaves the article. "
            + "With a span selected, a value's key (shown on its button) sets it and L links the span to another.";

    private static GuidelineExamples examples;

    private final LabelService labels;
    private final AccessPolicy access;
    private final CurrentUser user;

    public GuidelinesView(LabelService labels, AccessPolicy access, CurrentUser user) {
        this.labels = labels;
        this.access = access;
        this.user = user;
        addClassNames("slant-page", "slant-guidelines");
    }

    /** The link and keyboard help for the annotation view's side panel. */
    static Div sidePanelHelp() {
        RouterLink link = new RouterLink("Label guidelines", GuidelinesView.class);
        link.setId("guidelines-link");
        Paragraph keys = new Paragraph(KEYBOARD);
        keys.addClassName("slant-hint");
        keys.setId("keyboard-help");
        Div help = new Div(link, keys);
        help.addClassName("slant-side-help");
        return help;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String projectId = event.getLocation().getQueryParameters().getSingleParameter("project").orElse(Project.DEFAULT_ID);
        Scheme set;
        try {
            if (!projectId.equals(Project.DEFAULT_ID) && access.role(user.name(), projectId).isEmpty()) {
                throw new IllegalArgumentException("There is no project \"" + projectId + "\" you belong to");
            }
            set = labels.labels(projectId);
        } catch (IllegalArgumentException e) {
            Paragraph problem = new Paragraph(e.getMessage());
            problem.addClassName("slant-error");
            add(new H2("Label guidelines"), problem, new RouterLink("Back to the documents", DocumentListView.class));
            return;
        }
        GuidelineExamples ex = examples();
        Paragraph intro = new Paragraph("Select the shortest phrase that carries the label, then press the label's key. "
                + "Spans may overlap: a quote can be an attribution and sensational at once. The examples come from "
                + "the sample article “Russia and Ukraine Peace Talks Failed”.");
        Paragraph keys = new Paragraph(KEYBOARD);
        keys.addClassName("slant-hint");
        add(new RouterLink("← Documents", DocumentListView.class), new H2("Label guidelines"), intro, keys);
        for (Label label : set.labels()) {
            add(card(set, label, ex));
        }
        List<LinkType> relations = set.linkTypes().stream().filter(t -> !t.role()).toList();
        if (!relations.isEmpty()) {
            Div section = section("Links between spans", "Select a span, press L (or Link) and pick the other span.");
            for (LinkType t : relations) {
                Div item = item(t.name(), "from " + LabelsView.ends(set, t.from()) + " to " + LabelsView.ends(set, t.to()),
                        t.definition());
                item.setId("guide-link-" + t.id());
                section.add(item);
            }
            add(section);
        }
        if (!set.sentenceLabels().isEmpty()) {
            Div section = section("Sentence labels", "Every sentence can carry these, set from the gutter beside it.");
            set.sentenceLabels().forEach(a -> section.add(attribute(a, "guide-sentence-" + a.id())));
            add(section);
        }
        if (!set.documentQuestions().isEmpty()) {
            Div section = section("Document questions", "Answered once per document, in the side panel.");
            set.documentQuestions().forEach(a -> section.add(attribute(a, "guide-question-" + a.id())));
            add(section);
        }
    }

    private static Div section(String title, String how) {
        Div section = new Div(new H3(title));
        section.addClassName("slant-guide");
        Paragraph p = new Paragraph(how);
        p.addClassName("slant-hint");
        section.add(p);
        return section;
    }

    private static Div item(String name, String meta, String definition) {
        Span title = new Span(name);
        title.addClassName("slant-scheme-name");
        Span kind = new Span(" · " + meta);
        kind.addClassName("slant-hint");
        Div item = new Div(new Paragraph(title, kind));
        if (!definition.isEmpty()) {
            item.add(new Paragraph(definition));
        }
        item.addClassName("slant-guide-item");
        return item;
    }

    /** An attribute, sentence label or question with its type and each value's key and definition. */
    private static Div attribute(Attribute a, String id) {
        Div item = item(a.name(), AttributeDialog.kindName(a.kind()).toLowerCase(Locale.ROOT)
                + (a.kind() == AttributeKind.SCALE ? " from " + a.min() + " to " + a.max() : "")
                + (a.multiple() ? ", several may be picked" : "") + (a.required() ? ", required" : ", optional"),
                a.definition());
        if (!a.choices().isEmpty()) {
            UnorderedList values = new UnorderedList();
            for (Choice c : a.choices()) {
                Span name = new Span(c.name());
                name.addClassName("slant-legend-name");
                ListItem li = new ListItem(name);
                if (c.hotkey() != null) {
                    Span key = new Span(c.hotkey());
                    key.addClassName("slant-key");
                    li.add(new Span(" "), key);
                }
                if (!c.definition().isEmpty()) {
                    li.add(new Span(" — " + c.definition()));
                }
                values.add(li);
            }
            item.add(values);
        }
        item.setId(id);
        return item;
    }

    private static Div card(Scheme scheme, Label label, GuidelineExamples ex) {
        Div card = new Div();
        card.addClassName("slant-guide");
        card.setId("guide-" + label.id());
        card.getStyle().set("--swatch", label.color()).set("--mark", label.mark());
        Div swatch = new Div();
        swatch.addClassName("slant-swatch");
        H3 name = new H3(swatch, new Span(label.name()));
        if (label.hotkey() != null) {
            Span key = new Span(label.hotkey());
            key.addClassName("slant-key");
            key.getElement().setAttribute("title", "Press " + label.hotkey() + " to give a selection this label");
            name.add(key);
        }
        Span tag = new Span(tag(label));
        tag.addClassName("slant-guide-tag");
        tag.getElement().setAttribute("aria-hidden", "true");
        Span sample = new Span("a span with this label");
        sample.addClassName("slant-guide-mark");
        Paragraph look = new Paragraph(new Span("Looks like: "), tag, sample, new Span(" (" + label.mark() + " underline)"));
        look.addClassName("slant-guide-sample");
        card.add(name, look, new Paragraph(label.definition()));
        if (!label.attributes().isEmpty()) {
            card.add(new H4("Attributes"));
            label.attributes().forEach(a -> card.add(attribute(a, "guide-attr-" + label.id() + "-" + a.id())));
        }
        List<LinkType> roles = scheme.rolesOf(label.id()).stream().filter(r -> !r.from().isEmpty()).toList();
        if (!roles.isEmpty()) {
            card.add(new H4("Roles"));
            for (LinkType r : roles) {
                Div item = item("Link " + article(label.name()) + " " + label.name() + " to its " + LabelsView.ends(scheme, r.to())
                        + " (L)", "role \u201c" + r.name() + "\u201d, " + (r.required() ? "required" : "optional")
                        + (r.multiple() ? ", may be several" : ", one each"), r.definition());
                item.setId("guide-role-" + label.id() + "-" + r.id());
                card.add(item);
            }
        }
        if (!ex.of(label.id()).isEmpty()) {
            UnorderedList list = new UnorderedList();
            for (GuidelineExamples.Example e : ex.of(label.id())) {
                Span phrase = new Span(e.phrase());
                phrase.addClassName("slant-guide-mark");
                Paragraph quote = new Paragraph(new Span(e.before()), phrase,
                        new Span(e.after()));
                quote.addClassName("slant-guide-quote");
                Paragraph why = new Paragraph(e.why());
                why.addClassName("slant-hint");
                ListItem item = new ListItem(quote, why);
                item.addClassName("slant-guide-example");
                list.add(item);
            }
            card.add(new H4("Examples"), list);
        }
        return card;
    }

    /** The annotator's tag for a label ("1 SENS"), as drawn before each span. */
    private static String tag(Label l) {
        return (l.hotkey() == null ? "" : l.hotkey() + " ") + l.id().substring(0, Math.min(4, l.id().length())).toUpperCase(Locale.ROOT);
    }

    private static synchronized GuidelineExamples examples() {
        if (examples == null) {
            examples = GuidelineExamples.load();
        }
        return examples;
    }

    /** "a" or "an", for "link an Attribution to its Source". */
    private static String article(String noun) {
        return !noun.isEmpty() && "AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }
}
