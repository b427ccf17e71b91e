package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.project.ProjectRegistry;
import org.slant.project.ProjectService;
import org.slant.workspace.JsonWorkspace;

/** A workspace folder with the import and export services wired as the application wires them, at a fixed time. */
final class TestWorkspace {

    static final Instant NOW = Instant.parse("2025-08-17T12:00:00Z");

    final JsonWorkspace store;
    final DocumentService documents;
    final LabelService labels;
    final AnnotationService annotations;
    final ProjectService projects;
    final ImportService imports;
    final ExportService exports;

    TestWorkspace(Path folder) {
        store = new JsonWorkspace(folder);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        documents = new DocumentService(store, clock, 2 * 1024 * 1024);
        ProjectRegistry registry = new ProjectRegistry(store);
        labels = new LabelService(registry);
        annotations = new AnnotationService(documents, labels, store, clock);
        projects = new ProjectService(registry, documents, annotations);
        imports = new ImportService(documents, annotations, labels, store, clock).withProjects(projects);
        exports = new ExportService(documents, annotations, labels);
    }

    /** This workspace with the default project's scheme replaced. */
    TestWorkspace withScheme(Scheme scheme) {
        labels.replace(org.slant.project.Project.DEFAULT_ID, scheme);
        return this;
    }

    ImportReport importFile(AnnotationFormat format, String name, byte[] content, String annotator) {
        return importFile(format, name, content, new ImportOptions(annotator, Map.of(), false, true));
    }

    ImportReport importFile(AnnotationFormat format, String name, byte[] content, ImportOptions options) {
        ImportReport report = imports.apply(format, name, content, options);
        assertThat(report.problems()).as("import of %s", name).isEmpty();
        return report;
    }

    /** The documents of these texts, in this order. */
    byte[] export(ExportFormat format, String annotator, List<String> texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exports.export(format, texts.stream().map(t -> byText(t).id()).toList(), LayerSelection.of(annotator), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    Document byText(String text) {
        return store.list().documents().stream().filter(d -> d.text().equals(text)).findFirst().orElseThrow();
    }

    Layer layer(Document d, String annotator) {
        return store.find(d.id(), annotator).orElseGet(() -> Layer.empty(d.id(), annotator));
    }

    List<Span> spans(Document d, String annotator) {
        return layer(d, annotator).spans();
    }
}
