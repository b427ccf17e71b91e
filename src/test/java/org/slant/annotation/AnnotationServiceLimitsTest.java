package org.slant.annotation;

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
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.storage.LimitExceededException;
import org.slant.storage.Limits;
import org.slant.workspace.JsonWorkspace;
import org.springframework.util.unit.DataSize;

/** Spans per layer and note length, enforced by the service every path (UI, API, import) goes through. */
class AnnotationServiceLimitsTest {

    private static final Instant NOW = Instant.parse("2025-08-17T12:00:00Z");
    private static final String TEXT = "One two three four five six seven eight.";

    @TempDir
    Path folder;

    private AnnotationService service;

    /** Three spans per layer, notes of at most 12 characters. */
    static Limits small() {
        Limits d = Limits.DEFAULTS;
        return new Limits(d.apiBodyBytes(), d.uploadBytes(), 3, 12, d.zipEntries(), d.zipEntryBytes(), d.zipTotalBytes(),
                d.reportProblems());
    }

    @BeforeEach
    void setUp() {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("doc", "Doc", TEXT, null, NOW));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service = new AnnotationService(new DocumentService(workspace, clock, 2 * 1024 * 1024),
                new LabelService(new org.slant.project.ProjectRegistry(workspace)), workspace, clock, new LayerEvents(), small());
    }

    private Span span(String id, int start, int end, String note) {
        return new Span(id, start, end, "fact", TEXT.substring(start, end), note, "ana", NOW, NOW);
    }

    private static void isOverLimit(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String limit, long value) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limitName()).isEqualTo(limit);
            assertThat(e.limit()).isEqualTo(value);
            assertThat(e.getMessage()).contains(limit).contains(String.valueOf(value));
        });
    }

    @Test
    void aLayerTakesNoMoreSpansThanTheLimitThroughCreateAddAddAllAndReplace() {
        service.create("doc", "ana", 0, 3, "fact", false);
        service.add("doc", "ana", span("b", 4, 7, null));
        service.addAll("doc", "ana", List.of(span("c", 8, 13, null)));
        assertThat(service.layer("doc", "ana").spans()).hasSize(3);

        isOverLimit(() -> service.create("doc", "ana", 14, 18, "fact", false), Limits.SPANS_PER_LAYER, 3);
        isOverLimit(() -> service.add("doc", "ana", span("d", 14, 18, null)), Limits.SPANS_PER_LAYER, 3);
        isOverLimit(() -> service.addAll("doc", "ana", List.of(span("d", 14, 18, null))), Limits.SPANS_PER_LAYER, 3);
        Layer full = service.layer("doc", "ana");
        isOverLimit(() -> service.replaceLayer("doc", "ana", full.revision(), List.of(span("a", 0, 3, null),
                span("b", 4, 7, null), span("c", 8, 13, null), span("d", 14, 18, null))), Limits.SPANS_PER_LAYER, 3);
        assertThat(service.layer("doc", "ana")).isEqualTo(full); // nothing saved
        // within the limit a replace still works
        assertThat(service.replaceLayer("doc", "ana", full.revision(), List.of(span("d", 14, 18, null))).spans()).hasSize(1);
    }

    @Test
    void aNoteOverTheLimitIsRefusedThroughSetNoteAddAddAllAndReplace() {
        String id = service.create("doc", "ana", 0, 3, "fact", false).after().id();
        service.setNote("doc", "ana", id, "twelve chars"); // exactly the limit
        service.setNote("doc", "ana", id, "  🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂  "); // 12 code points (24 UTF-16 units), stripped
        String thirteen = "thirteen char";

        isOverLimit(() -> service.setNote("doc", "ana", id, thirteen), Limits.NOTE_CHARS, 12);
        isOverLimit(() -> service.add("doc", "ana", span("b", 4, 7, thirteen)), Limits.NOTE_CHARS, 12);
        isOverLimit(() -> service.addAll("doc", "ana", List.of(span("b", 4, 7, thirteen))), Limits.NOTE_CHARS, 12);
        long revision = service.layer("doc", "ana").revision();
        isOverLimit(() -> service.replaceLayer("doc", "ana", revision, List.of(span("b", 4, 7, thirteen))),
                Limits.NOTE_CHARS, 12);
        assertThat(service.layer("doc", "ana").spans()).singleElement()
                .extracting(Span::note).isEqualTo("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂");
    }

    @Test
    void theDefaultsAreSane() {
        assertThat(Limits.DEFAULTS.spansPerLayer()).isEqualTo(50_000);
        assertThat(Limits.DEFAULTS.noteChars()).isEqualTo(10_000);
        assertThat(Limits.DEFAULTS.apiBodyBytes()).isEqualTo(DataSize.ofMegabytes(16));
        assertThat(Limits.DEFAULTS.reportProblems()).isEqualTo(200);
    }
}
