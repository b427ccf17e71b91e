package org.slant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.slant.exchange.ExportFormat;

/**
 * Export the chosen documents (or all) in a dataset format. The download is the streaming API
 * endpoint, so the browser shows its progress and can cancel it, and a large project is never built
 * in memory.
 */
public class ExportDialog extends Dialog {

    static final String ALL_LAYERS = "Every annotator's layer";
    static final String MAJORITY = "Majority vote of annotators";

    final Select<ExportFormat> format = new Select<>();
    final RadioButtonGroup<String> layers = new RadioButtonGroup<>("Layers");
    final Anchor download = new Anchor();
    private final List<String> documentIds;

    private final String project;

    /** {@code documentIds} empty means every document of {@code project} the user may open. */
    public ExportDialog(String project, List<String> documentIds, List<String> annotators) {
        this.project = project;
        this.documentIds = documentIds;
        setHeaderTitle(documentIds.isEmpty() ? "Export all documents" : "Export " + documentIds.size() + " document"
                + (documentIds.size() == 1 ? "" : "s"));
        setWidth("min(34rem, 95vw)");
        format.setLabel("Format");
        format.setItems(ExportFormat.values());
        format.setItemLabelGenerator(ExportFormat::title);
        format.setValue(ExportFormat.JSONL);
        format.setWidthFull();
        layers.setItems(Stream.concat(Stream.of(ALL_LAYERS, MAJORITY), annotators.stream().map(a -> "Only " + a)).toList());
        layers.setValue(ALL_LAYERS);
        layers.addThemeName("vertical");
        Paragraph hint = new Paragraph("Offsets in every format are Unicode code points, end exclusive: in Python, "
                + "text[start:end] is the span. See docs/formats.md for each format's layout.");
        hint.addClassName("slant-hint");
        Button button = new Button("Download", VaadinIcon.DOWNLOAD.create());
        button.addThemeVariants(ButtonVariant.PRIMARY);
        download.add(button);
        download.setId("export-download");
        format.addValueChangeListener(e -> updateLink());
        layers.addValueChangeListener(e -> updateLink());
        updateLink();
        add(new VerticalLayout(format, layers, hint));
        getFooter().add(new Button("Close", e -> close()), download);
    }

    private void updateLink() {
        ExportFormat f = format.getValue();
        String choice = layers.getValue();
        String layerParam = ALL_LAYERS.equals(choice) ? "all" : MAJORITY.equals(choice) ? "majority"
                : "annotator:" + choice.substring("Only ".length());
        String href = "/api/export?format=" + f.id() + "&layers=" + URLEncoder.encode(layerParam, StandardCharsets.UTF_8)
                + (documentIds.isEmpty() ? "&project=" + project : "&documents=" + URLEncoder.encode(String.join(",", documentIds),
                StandardCharsets.UTF_8));
        download.setHref(href);
        download.getElement().setAttribute("download", f.fileName("slant-dataset"));
    }
}
