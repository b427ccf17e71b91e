package org.slant.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.DocumentBatchImporter.Batch;
import org.slant.document.DocumentBatchImporter.Item;
import org.slant.document.DocumentImporter.Draft;
import org.slant.workspace.JsonWorkspace;

class DocumentServiceBatchTest {

    private static final Instant NOW = Instant.parse("2025-08-16T09:30:00Z");

    @TempDir
    Path folder;

    private DocumentService service;

    @BeforeEach
    void setUp() {
        service = new DocumentService(new JsonWorkspace(folder), Clock.fixed(NOW, ZoneOffset.UTC), 2 * 1024 * 1024);
    }

    private static Item item(String origin, String title, String text) {
        return new Item(origin, new Draft(title, text), Source.UNKNOWN);
    }

    @Test
    void duplicatesOfStoredDocumentsAndOfEarlierItemsAreReportedAndNotAdded() {
        Document existing = service.add(new Draft("Existing title", "Same old text."), Source.UNKNOWN);
        Source wire = new Source("Wire", "https://example.org/n", null);
        Batch batch = new Batch(List.of(
                item("up.zip/a.txt", "Fresh news", "Brand new text."),
                item("up.zip/b.txt", "Copy", "Same old text."),
                new Item("up.zip/c.txt", new Draft("Fresh news", "Another new text."), wire),
                item("up.zip/d.txt", "Again", "Brand new text.")), List.of("up.zip: skipped 1 file"));

        List<String> preview = service.duplicatesIn(batch);
        BatchReport report = service.addAll(batch);

        assertThat(preview).containsExactly(
                "up.zip/b.txt: same text as \"Existing title\" (id existing-title), not added",
                "up.zip/d.txt: same text as \"Fresh news\" (up.zip/a.txt in this upload), not added");
        assertThat(report.added()).extracting(Document::id).containsExactly("fresh-news", "fresh-news-2");
        assertThat(report.added().get(1).source()).isEqualTo(wire);
        assertThat(report.duplicates()).containsExactly(
                "up.zip/b.txt: same text as \"Existing title\" (id existing-title), not added",
                "up.zip/d.txt: same text as \"Fresh news\" (id fresh-news), not added");
        assertThat(report.problems()).containsExactly("up.zip: skipped 1 file");
        assertThat(service.list().documents()).extracting(Document::id)
                .containsExactlyInAnyOrder(existing.id(), "fresh-news", "fresh-news-2");
        assertThat(service.get("fresh-news").text()).isEqualTo("Brand new text.");
    }

    @Test
    void addingTheSameBatchTwiceAddsNothingTheSecondTime() {
        Batch batch = new Batch(List.of(item("d.jsonl line 1", "One", "First text."),
                item("d.jsonl line 2", "Two", "Second text.")), List.of());

        assertThat(service.addAll(batch).added()).hasSize(2);
        BatchReport again = service.addAll(batch);

        assertThat(again.added()).isEmpty();
        assertThat(again.duplicates()).containsExactly(
                "d.jsonl line 1: same text as \"One\" (id one), not added",
                "d.jsonl line 2: same text as \"Two\" (id two), not added");
        assertThat(service.list().documents()).hasSize(2);
    }
}
