package org.slant.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.function.Function;
import org.slant.agreement.CodedRow;
import org.slant.agreement.LinkRow;
import org.slant.agreement.StructureAgreement;
import org.slant.agreement.ValueDistance;
import org.slant.label.Attribute;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/**
 * The agreement page's sections on the scheme's structure: span attributes, links, sentence labels, document
 * questions. A section appears only when the report has rows for it (the scheme has that structure), each a
 * table and a reading per row in words.
 */
final class StructureAgreementTables {

    private StructureAgreementTables() {
    }

    /** {@code documents}: how many documents the report covers (on one, a question has one unit only). */
    static List<Div> of(StructureAgreement structure, Scheme scheme, int documents) {
        List<Div> sections = new java.util.ArrayList<>();
        if (!structure.attributes().isEmpty()) {
            sections.add(coded("agreement-attributes", "Attributes of matched spans", structure.attributes(),
                    r -> attributeName(scheme, r), "Matched pairs",
                    "Spans are paired as for the overlap F1 (same label, largest overlap first, each span once); "
                            + "each pair is compared on each attribute. A pair where only one span has the value is left out. "
                            + "Entity names are compared without regard to case or spaces; free text is not compared."));
        }
        if (!structure.links().isEmpty()) {
            sections.add(links(structure.links(), scheme));
        }
        if (!structure.sentenceLabels().isEmpty()) {
            sections.add(coded("agreement-sentences", "Sentence labels", structure.sentenceLabels(),
                    r -> scheme.sentenceLabel(r.id()).map(Attribute::name).orElse(r.id()), "Sentences",
                    "Every sentence is a unit; a sentence only one annotator labelled is left out."));
        }
        if (!structure.questions().isEmpty()) {
            sections.add(coded("agreement-questions", "Document questions", structure.questions(),
                    r -> scheme.question(r.id()).map(Attribute::name).orElse(r.id()), "Documents",
                    "Every document is a unit; a document only one annotator answered is left out."
                            + (documents == 1 ? " On one document each question is a single unit: for a value that "
                            + "means something, see Agreement on the start page over the project's documents." : "")));
        }
        return sections;
    }

    private static String attributeName(Scheme scheme, CodedRow r) {
        String label = scheme.find(r.label()).map(Label::name).orElse(r.label());
        String attribute = scheme.attribute(r.label(), r.id()).map(Attribute::name).orElse(r.id());
        return attribute + " (" + label + ")";
    }

    private static Div coded(String id, String title, List<CodedRow> rows, Function<CodedRow, String> name,
                             String unitsHeader, String how) {
        Grid<CodedRow> grid = new Grid<>();
        grid.addColumn(name::apply).setHeader(title.startsWith("Attributes") ? "Attribute" : title.replaceAll("s$", ""))
                .setFlexGrow(3);
        grid.addColumn(r -> measure(r.measure())).setHeader("Compared as").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(r -> measureTooltip(r.measure()));
        grid.addColumn(CodedRow::units).setHeader(unitsHeader).setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFlexGrow(0).setTooltipGenerator(r -> "α and κ rest on these");
        grid.addColumn(CodedRow::oneSided).setHeader("One-sided").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFlexGrow(0).setTooltipGenerator(r -> "A value from one annotator only: left out");
        grid.addColumn(r -> AgreementTable.format(r.kappa())).setHeader("κ").setTextAlign(ColumnTextAlign.END)
                .setWidth("6em").setFlexGrow(0).setTooltipGenerator(r -> "Cohen's kappa, mean over annotator pairs");
        grid.addColumn(r -> AgreementTable.format(r.alpha())).setHeader("α").setTextAlign(ColumnTextAlign.END)
                .setWidth("6em").setFlexGrow(0).setTooltipGenerator(r -> "Krippendorff's alpha, all annotators together");
        if (rows.stream().allMatch(r -> r.units() == 0 && r.oneSided() == 0)) {
            return nothingYet(id, title, "Nothing to compare yet: no annotator has given these values.");
        }
        return section(id, title, grid, rows, r -> name.apply(r), CodedRow::reading, how
                + " κ is Cohen's kappa (mean over annotator pairs), α Krippendorff's alpha; \"—\" means not defined.");
    }

    private static String measure(ValueDistance distance) {
        return switch (distance) {
            case NOMINAL -> "nominal";
            case ORDINAL -> "ordinal";
            case MASI -> "sets (MASI)";
        };
    }

    private static String measureTooltip(ValueDistance distance) {
        return switch (distance) {
            case NOMINAL -> "Any two different values disagree equally";
            case ORDINAL -> "Points of a scale: values further apart disagree more";
            case MASI -> "Choices of several values: sets that share values disagree less (Passonneau's MASI)";
        };
    }

    private static Div links(List<LinkRow> rows, Scheme scheme) {
        Function<LinkRow, String> name = r -> r.isOverall() ? "All link types"
                : scheme.linkType(r.type()).map(LinkType::name).orElse(r.type());
        Grid<LinkRow> grid = new Grid<>();
        grid.addColumn(name::apply).setHeader("Link type").setFlexGrow(3);
        grid.addColumn(LinkRow::links).setHeader("Links").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> AgreementTable.format(r.precision())).setHeader("Precision").setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(r -> "Of the later annotator's links, how many the earlier one has too (mean over pairs)");
        grid.addColumn(r -> AgreementTable.format(r.recall())).setHeader("Recall").setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(r -> "Of the earlier annotator's links, how many the later one has too (mean over pairs)");
        grid.addColumn(r -> AgreementTable.format(r.f1())).setHeader("F1").setTextAlign(ColumnTextAlign.END);
        grid.setPartNameGenerator(r -> r.isOverall() ? "overall" : null);
        if (rows.getLast().links() == 0) {
            return nothingYet("agreement-links", "Links", "Nothing to compare yet: nobody has drawn a link.");
        }
        return section("agreement-links", "Links", grid, rows, name, LinkRow::reading,
                "A link matches when its two ends match spans of the other annotator by overlap (as the overlap F1 pairs "
                        + "them), it points the same way and its type is the same. Precision, recall and F1 are each the "
                        + "mean over annotator pairs, the earlier annotator taken as the reference.");
    }

    /** A section the scheme has but nobody has annotated yet: one line rather than a table of dashes. */
    private static Div nothingYet(String id, String title, String why) {
        Paragraph p = new Paragraph(why);
        p.addClassName("slant-hint");
        Div box = new Div(new H3(title), p);
        box.setId(id);
        spaced(box);
        return box;
    }

    private static <T> Div section(String id, String title, Grid<T> grid, List<T> rows, Function<T, String> name,
                                   Function<T, String> reading, String how) {
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        UnorderedList readings = new UnorderedList();
        for (T row : rows) {
            Span what = new Span(name.apply(row) + ": ");
            what.getStyle().set("font-weight", "600");
            readings.add(new ListItem(what, new Span(reading.apply(row))));
        }
        Paragraph hint = new Paragraph(how);
        hint.addClassName("slant-hint");
        Div box = new Div(new H3(title), grid, readings, hint);
        box.setId(id);
        box.setWidthFull();
        spaced(box);
        return box;
    }

    /** Each part its own block: space above its heading, so it does not run into the part before. */
    private static void spaced(Div section) {
        section.getStyle().set("margin-top", "var(--lumo-space-xl)");
    }
}
