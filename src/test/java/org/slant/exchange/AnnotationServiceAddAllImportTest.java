package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.annotation.SpanRejectedException;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;

/** The bulk add the import relies on: all checked first, duplicates skipped, one save. */
class AnnotationServiceAddAllImportTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");
    private static final String TEXT = ImportServiceImportTest.TEXT;

    @TempDir
    Path folder;

    private AnnotationService annotations;

    @BeforeEach
    void setUp() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Peace talks", TEXT, null, T0));
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        annotations = new AnnotationService(documents, new LabelService(new ProjectRegistry(workspace)), workspace, clock);
    }

    private static Span span(String id, int start, int end, String label, String text) {
        return new Span(id, start, end, label, text, null, "ana", T0, T0);
    }

    @Test
    void addsInOneSaveAndSkipsDuplicates() {
        annotations.create("talks", "ana", 2, 7, "opinion", false);

        List<Span> added = annotations.addAll("talks", "ana", List.of(span("i1", 8, 18, "sensational", "HUMILIATED"),
                span("i2", 8, 18, "sensational", "HUMILIATED"), span("i3", 2, 7, "opinion", "Trump")));

        assertThat(added).extracting(Span::id).containsExactly("i1");
        Layer stored = new JsonWorkspace(folder).find("talks", "ana").orElseThrow();
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.spans()).extracting(Span::text).containsExactly("Trump", "HUMILIATED");
    }

    @Test
    void oneBadSpanRefusesThemAll() {
        assertThatThrownBy(() -> annotations.addAll("talks", "ana", List.of(span("i1", 8, 18, "sensational", "HUMILIATED"),
                span("i2", 8, 13, "opinion", "Trump"))))
                .isInstanceOf(SpanRejectedException.class)
                .hasMessageContaining("says it covers \"Trump\"");
        assertThat(new JsonWorkspace(folder).find("talks", "ana")).isEmpty();
    }
}
