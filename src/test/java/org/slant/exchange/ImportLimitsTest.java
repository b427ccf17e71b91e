package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.LayerEvents;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.storage.LimitExceededException;
import org.slant.storage.Limits;
import org.slant.workspace.JsonWorkspace;
import org.springframework.util.unit.DataSize;

/** The import's limits: file size, a zip's entries and unpacked sizes, spans per layer, note length, problems listed. */
class ImportLimitsTest {

    private static final Instant NOW = Instant.parse("2025-08-17T12:00:00Z");
    private static final String TEXT = "Trump HUMILIATED the nation, officials said.";

    @TempDir
    Path folder;

    /** 4 KB files, 4 zip entries of at most 100 bytes and 250 in all, 2 spans per layer, notes of 10, 5 problems listed. */
    private static final Limits SMALL = new Limits(DataSize.ofMegabytes(1), DataSize.ofKilobytes(4), 2, 10, 4,
            DataSize.ofBytes(100), DataSize.ofBytes(250), 5);

    private ImportService service(Limits limits) {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Talks", TEXT, null, NOW));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DocumentService documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        LabelService labels = new LabelService(new org.slant.project.ProjectRegistry(workspace));
        AnnotationService annotations = new AnnotationService(documents, labels, workspace, clock, new LayerEvents(), limits);
        return new ImportService(documents, annotations, labels, workspace, clock, limits);
    }

    private static ImportOptions options() {
        return new ImportOptions("ana", Map.of(), false, true);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void isOverLimit(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String limit, long value) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limitName()).isEqualTo(limit);
            assertThat(e.limit()).isEqualTo(value);
        });
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedBeforeItIsRead() {
        byte[] big = new byte[4097];
        isOverLimit(() -> service(SMALL).check(AnnotationFormat.JSONL, "big.jsonl", big, options()), Limits.UPLOAD_BYTES, 4096);
    }

    @Test
    void aZipWithTooManyEntriesIsRefused() {
        byte[] zip = BratReaderTest.zip("a.txt", "x", "a.ann", "", "b.txt", "x", "b.ann", "", "c.txt", "x");
        isOverLimit(() -> service(SMALL).check(AnnotationFormat.BRAT, "many.zip", zip, options()), Limits.ZIP_ENTRIES, 4);
    }

    @Test
    void aZipEntryOverTheLimitIsRefusedWhileUnpacking() {
        byte[] zip = BratReaderTest.zip("talks.txt", "x".repeat(101), "talks.ann", "");
        isOverLimit(() -> service(SMALL).check(AnnotationFormat.BRAT, "big.zip", zip, options()), Limits.ZIP_ENTRY_BYTES, 100);
    }

    @Test
    void aZipBombStopsAtTheTotalLimit() {
        byte[] zip = BratReaderTest.zip("a.txt", "x".repeat(90), "b.txt", "x".repeat(90), "c.txt", "x".repeat(90));
        isOverLimit(() -> service(SMALL).check(AnnotationFormat.BRAT, "bomb.zip", zip, options()), Limits.ZIP_TOTAL_BYTES, 250);
    }

    @Test
    void aHugeZipBombIsRefusedWithTheDefaultLimitsWithoutUnpackingIt() {
        // 1 GB of zeros in one entry packs to about a megabyte; reading stops at the 64 MB entry limit
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("talks.txt"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        isOverLimit(() -> service(Limits.DEFAULTS).check(AnnotationFormat.BRAT, "bomb.zip", out.toByteArray(), options()),
                Limits.ZIP_ENTRY_BYTES, 64L * 1024 * 1024);
    }

    @Test
    void aReportListsTheFirstProblemsAndCountsTheRest() {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            jsonl.append("{\"text\": \"").append(TEXT).append("\", \"label\": [[40, 99, \"fact\"]]}\n");
        }
        ImportReport report = service(SMALL).check(AnnotationFormat.JSONL, "bad.jsonl", utf8(jsonl.toString()), options());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).hasSize(5);
        assertThat(report.problemsNotListed()).isEqualTo(7);
        assertThat(report.problemCount()).isEqualTo(12);
        assertThat(report.notListedLine()).isEqualTo("… and 7 more problems");
    }

    @Test
    void aLayerThatWouldHoldTooManySpansIsAProblemAndNothingIsWritten() {
        String jsonl = "{\"text\": \"" + TEXT + "\", \"label\": [[0, 5, \"fact\"], [6, 16, \"fact\"], [17, 20, \"fact\"]]}\n";
        ImportService service = service(SMALL);
        ImportReport report = service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl), options());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().extracting(ImportProblem::reason).asString()
                .contains("would hold 3 spans").contains(Limits.SPANS_PER_LAYER).contains("limit is 2");
        assertThat(new JsonWorkspace(folder).find("talks", "ana")).isEmpty();
    }

    @Test
    void aNoteOverTheLimitIsAProblemNamingTheLine() {
        byte[] zip = BratReaderTest.zip("talks.txt", TEXT,
                "talks.ann", "T1\tfact 0 5\tTrump\n#1\tAnnotatorNotes T1\tthis note is long\n");
        ImportReport report = service(SMALL).check(AnnotationFormat.BRAT, "notes.zip", zip, options());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().extracting(ImportProblem::reason).asString()
                .contains("has 17 characters").contains(Limits.NOTE_CHARS);
    }

    @Test
    void aDocumentTextWithALoneSurrogateIsAProblemAndNothingIsWritten() {
        String jsonl = "{\"text\": \"Line one\\nBad \\ud800 text\", \"label\": [[0, 4, \"fact\"]]}\n";
        ImportService service = service(Limits.DEFAULTS);
        ImportReport report = service.apply(AnnotationFormat.JSONL, "d.jsonl", utf8(jsonl), options());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).contains("lone surrogate (U+D800").contains("line 2, column 5");
        });
        assertThat(new JsonWorkspace(folder).list().documents()).extracting(Document::id).containsExactly("talks");
    }
}
