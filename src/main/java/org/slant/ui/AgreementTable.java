package org.slant.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.slant.agreement.AgreementReport;
import org.slant.agreement.AgreementReport.Row;
import org.slant.label.Scheme;

/** An agreement report as a table (one row per label and one for all) with its plain-language reading. */
public class AgreementTable extends Div {

    final Grid<Row> grid = new Grid<>();

    public AgreementTable(AgreementReport report, Scheme labels) {
        addClassName("slant-agreement");
        Paragraph who = new Paragraph(report.annotators().isEmpty() ? "No annotator has marked anything yet."
                : "Annotators compared: " + String.join(", ", report.annotators())
                + (report.documents() > 1 ? " · " + report.documents() + " documents" : ""));
        who.addClassName("slant-meta");
        add(who);
        if (!report.problems().isEmpty()) {
            add(problems("Left out, because these layer files cannot be read (fix them, then reload):", report.problems()));
        }
        if (!report.isDefined()) {
            Paragraph p = new Paragraph(String.join(" ", report.reading()));
            p.addClassName("slant-hint");
            add(p);
            return;
        }
        grid.addColumn(r -> r.isOverall() ? "All labels" : labels.find(r.label()).map(l -> l.name()).orElse(r.label()))
                .setHeader("Label").setFlexGrow(2);
        grid.addColumn(Row::spans).setHeader("Spans").setTextAlign(ColumnTextAlign.END);
        number("α_u", Row::alphaU, "Krippendorff's unitizing alpha over character positions");
        number("Kappa", Row::meanKappa, "Cohen's kappa per character, mean over annotator pairs");
        number("Exact F1", Row::exactF1, "Spans with the same start, end and label");
        number("Overlap F1", Row::overlapF1, "Spans with the same label that overlap");
        number("Partial F1", Row::partialF1, "SemEval-2020 Task 11: credit in proportion to the overlap");
        java.util.List<Row> rows = new java.util.ArrayList<>(report.labels());
        rows.add(report.overall());
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setPartNameGenerator(r -> r.isOverall() ? "overall" : null);
        add(grid);

        H3 heading = new H3("What it means");
        UnorderedList reading = new UnorderedList();
        for (String line : report.overall().reading()) {
            reading.add(new ListItem(line));
        }
        add(heading, reading);
        Paragraph scale = new Paragraph("α_u of 0.8 or more is reliable; 0.667 to 0.8 allows tentative conclusions "
                + "only (Krippendorff). Low agreement on one label usually means its definition needs sharpening.");
        scale.addClassName("slant-hint");
        add(scale);
        StructureAgreementTables.of(report.structure(), labels, report.documents()).forEach(this::add);
    }

    private void number(String header, Function<Row, OptionalDouble> value, String tooltip) {
        grid.addColumn(r -> format(value.apply(r))).setHeader(header).setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(r -> tooltip);
    }

    static String format(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f", v.getAsDouble()) : "—";
    }

    /**
     * Each annotator against the curated gold (documents with gold only): how far each one's reading
     * is from the agreed one, for feedback to annotators. Says so when nothing is curated yet.
     */
    /** Files a page had to leave out, named so whoever can fix them finds them. */
    static Div problems(String heading, java.util.List<String> problems) {
        Div box = new Div(new Paragraph(heading));
        box.addClassName("slant-problems");
        problems.forEach(p -> box.add(new Paragraph(p)));
        return box;
    }

    static Div againstGold(List<AgreementReport.Pair> rows) {
        Div box = new Div(new H3("Each annotator against gold"));
        box.setId("against-gold");
        if (rows.isEmpty()) {
            Paragraph none = new Paragraph("No gold spans yet: curate a document first.");
            none.addClassName("slant-hint");
            box.add(none);
            return box;
        }
        Grid<AgreementReport.Pair> grid = new Grid<>();
        grid.addColumn(AgreementReport.Pair::prediction).setHeader("Annotator").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(p -> p.exact().matched() + " of " + p.exact().predicted()).setHeader("Exactly as gold")
                .setAutoWidth(true);
        grid.addColumn(p -> format(p.exact().f1())).setHeader("Exact F1").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> format(p.overlap().f1())).setHeader("Overlap F1").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> format(p.partial().f1())).setHeader("Partial F1").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> format(p.kappa())).setHeader("Kappa").setTextAlign(ColumnTextAlign.END);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        Paragraph how = new Paragraph("Gold is the reference: recall is how much of gold the annotator found, precision "
                + "how much of what they marked is in gold. Only documents with gold spans count.");
        how.addClassName("slant-hint");
        box.add(grid, how);
        return box;
    }

    /**
     * Links to the same numbers as a file (the agreement API, which the signed-in session may call):
     * CSV for a paper's table or a spreadsheet, JSON for a script. {@code query} picks the documents.
     */
    static Div downloads(String path, String query) {
        Div links = new Div();
        links.addClassName("slant-downloads");
        for (String format : new String[] {"csv", "json"}) {
            com.vaadin.flow.component.html.Anchor a = new com.vaadin.flow.component.html.Anchor(
                    path + "?" + (query.isEmpty() ? "" : query + "&") + "format=" + format,
                    "Download " + format.toUpperCase(Locale.ROOT));
            a.getElement().setAttribute("download", true);
            a.setId("agreement-" + format);
            links.add(a);
        }
        return links;
    }
}
