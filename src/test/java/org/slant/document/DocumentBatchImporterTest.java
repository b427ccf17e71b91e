package org.slant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.slant.document.DocumentBatchImporter.Batch;
import org.slant.document.DocumentBatchImporter.Item;
import org.slant.storage.LimitExceededException;
import org.slant.storage.Limits;
import org.springframework.util.unit.DataSize;

class DocumentBatchImporterTest {

    private final DocumentBatchImporter batches = new DocumentBatchImporter(new DocumentImporter(64 * 1024));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip of the given entries, in order; a name ending in "/" becomes a folder entry. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- zip ----

    @Test
    void zipFilesAtAnyDepthBecomeDocumentsAndBadOnesAreReportedByPath() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.txt", utf8("Talks fail\nNo deal was reached."));
        files.put("news/", new byte[0]);
        files.put("news/2025/b.html", utf8("<html><head><title>Summit ends</title></head><body><p>Leaders met.</p></body></html>"));
        files.put("news/c.md", utf8("# Markets **slump**\nShares fell."));
        files.put("news/latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9});
        files.put("news/photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
        files.put("__MACOSX/news/._c.md", new byte[] {0, 5, 22, 7});
        files.put(".hidden/d.txt", utf8("Secret\nNot an article."));
        files.put("news/.e.txt", utf8("Also hidden"));

        Batch batch = batches.read("news.zip", zip(files));

        assertThat(batch.items()).extracting(Item::origin)
                .containsExactly("news.zip/a.txt", "news.zip/news/2025/b.html", "news.zip/news/c.md");
        assertThat(batch.items()).extracting(i -> i.draft().title()).containsExactly("Talks fail", "Summit ends", "Markets slump");
        assertThat(batch.items().get(1).draft().text()).isEqualTo("Leaders met.");
        assertThat(batch.items()).allSatisfy(i -> assertThat(i.source()).isEqualTo(Source.UNKNOWN));
        assertThat(batch.problems()).hasSize(2);
        assertThat(batch.problems().get(0)).startsWith("news.zip/news/latin1.txt").contains("not valid UTF-8").contains("byte 3");
        assertThat(batch.problems().get(1)).isEqualTo("news.zip: skipped, not .txt, .md or .html: news/photo.png");
    }

    @Test
    void anEmptyZipIsRefusedWithAMessage() {
        assertThatThrownBy(() -> batches.read("empty.zip", zip(Map.of())))
                .isInstanceOf(ImportException.class)
                .hasMessage("empty.zip holds no files to add (.txt, .md or .html)");
    }

    @Test
    void aZipWithOnlyMacMetadataIsRefusedLikeAnEmptyOne() {
        assertThatThrownBy(() -> batches.read("mac.zip", zip(Map.of("__MACOSX/._a.txt", new byte[] {1, 2}))))
                .hasMessageContaining("mac.zip holds no files to add");
    }

    @Test
    void bytesThatAreNotAZipAreRefusedAsNotAZip() {
        assertThatThrownBy(() -> batches.read("articles.zip", utf8("just some text")))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("articles.zip is not a zip file");
    }

    /** 3 entries of at most 200 KB each and 300 KB in all, uploads of 1 MB; documents of 64 KB (the importer's). */
    private static final Limits SMALL = new Limits(DataSize.ofMegabytes(16), DataSize.ofMegabytes(1), 50_000, 10_000, 3,
            DataSize.ofKilobytes(200), DataSize.ofKilobytes(300), 200);
    private final DocumentBatchImporter small = new DocumentBatchImporter(new DocumentImporter(64 * 1024), SMALL);

    private static void isOverLimit(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String limit, long value,
                                    String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limitName()).isEqualTo(limit);
            assertThat(e.limit()).isEqualTo(value);
        }).hasMessage(message);
    }

    @Test
    void aZipWithMoreThanTheEntryLimitIsRefused() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i <= 3; i++) {
            files.put("f" + i + ".png", new byte[] {1});
        }
        isOverLimit(() -> small.read("many.zip", zip(files)), Limits.ZIP_ENTRIES, 3,
                "many.zip holds more than 3 entries (slant.limits.zip-entries); split it into smaller zips");
    }

    @Test
    void anUploadOverTheLimitIsRefusedBeforeItIsUnpacked() {
        isOverLimit(() -> small.read("big.zip", new byte[1024 * 1024 + 1]), Limits.UPLOAD_BYTES, 1024 * 1024,
                "big.zip is 1048577 bytes; the limit is 1048576 bytes per file (slant.limits.upload-bytes). Split it into smaller files.");
    }

    @Test
    void anEntryOverTheDocumentLimitIsAProblemAndTheOthersAreStillRead() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("big.txt", utf8("word ".repeat(20_000))); // 100 KB: over the document limit, under the entry limit
        files.put("ok.txt", utf8("Fine\nText."));
        Batch batch = small.read("two.zip", zip(files));
        assertThat(batch.items()).extracting(Item::origin).containsExactly("two.zip/ok.txt");
        assertThat(batch.problems()).singleElement().asString().startsWith("two.zip/big.txt is 97 KB; the limit is 64 KB");
    }

    @Test
    void anEntryThatUnpacksBeyondTheEntryLimitStopsTheUpload() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("huge.txt", new byte[200 * 1024 + 1]);
        isOverLimit(() -> small.read("one.zip", zip(files)), Limits.ZIP_ENTRY_BYTES, 200 * 1024,
                "one.zip: huge.txt unpacks to more than 200 KB (slant.limits.zip-entry-bytes); split it into smaller files");
    }

    @Test
    void aZipThatUnpacksBeyondTheLimitIsRefused() {
        // 2 x 160 KB of zeros compresses to a few hundred bytes: the total, not the upload size, is what counts
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("big0.txt", new byte[160 * 1024]);
        files.put("big1.txt", new byte[160 * 1024]);
        isOverLimit(() -> small.read("bomb.zip", zip(files)), Limits.ZIP_TOTAL_BYTES, 300 * 1024,
                "bomb.zip unpacks to more than 300 KB (slant.limits.zip-total-bytes); split it into smaller zips");
    }

    // ---- JSON Lines ----

    @Test
    void aJsonlLineWithALoneSurrogateIsAProblemNamingItsLine() {
        Batch batch = batches.read("docs.jsonl", utf8("{\"text\": \"Good text.\"}\n{\"text\": \"Bad \\ud800 text.\"}\n"));
        assertThat(batch.items()).extracting(Item::origin).containsExactly("docs.jsonl line 1");
        assertThat(batch.problems()).singleElement().asString()
                .startsWith("docs.jsonl line 2 holds a lone surrogate (U+D800").contains("offset 4");
    }

    @Test
    void jsonlLinesBecomeDocumentsWithSourceAndOtherFieldsAreNamed() {
        String jsonl = """
                {"id": "x1", "title": "Talks fail", "text": "No deal\\r\\nwas reached.", "outlet": "Daily Planet", "url": "https://example.org/a", "published": "2025-08-16", "label": [[0, 2, "Opinion"]]}

                {"text": "Markets slump\\nShares fell.", "source": {"outlet": "Wire", "url": "ftp://bad", "published": "yesterday"}, "lang": "en"}
                not json at all
                {"title": "No text here"}
                {"text": 42}
                {"text": "Plain", "source": "Gazette"}
                """;

        Batch batch = batches.read("data.jsonl", utf8(jsonl));

        assertThat(batch.items()).extracting(Item::origin)
                .containsExactly("data.jsonl line 1", "data.jsonl line 3", "data.jsonl line 7");
        Item first = batch.items().get(0);
        assertThat(first.draft().title()).isEqualTo("Talks fail");
        assertThat(first.draft().text()).isEqualTo("No deal\nwas reached.");
        assertThat(first.source()).isEqualTo(new Source("Daily Planet", "https://example.org/a", LocalDate.of(2025, 8, 16)));
        Item second = batch.items().get(1);
        assertThat(second.draft().title()).isEqualTo("Markets slump");
        assertThat(second.source()).isEqualTo(new Source("Wire", null, null));
        assertThat(batch.items().get(2).source()).isEqualTo(new Source("Gazette", null, null));
        assertThat(batch.problems()).containsExactly(
                "data.jsonl line 3: the url \"ftp://bad\" does not start with http:// or https:// and was dropped",
                "data.jsonl line 3: the published date \"yesterday\" is not a date like 2025-08-16 and was dropped",
                batch.problems().get(2),
                "data.jsonl line 5 has no \"text\" field",
                "data.jsonl line 6: \"text\" must be a string, not number",
                "data.jsonl: the fields id, label, lang are kept only in the file; a document stores its title, text and source (outlet, url, published)");
        assertThat(batch.problems().get(2)).startsWith("data.jsonl line 4 is not valid JSON");
    }

    @Test
    void aJsonlLineWithABadByteIsReportedWithItsLineNumber() {
        byte[] good = utf8("{\"text\": \"Fine\"}\n{\"text\": \"caf");
        byte[] bytes = new byte[good.length + 3];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xE9;
        bytes[good.length + 1] = '"';
        bytes[good.length + 2] = '}';

        Batch batch = batches.read("bad.jsonl", bytes);

        assertThat(batch.items()).hasSize(1);
        assertThat(batch.problems()).singleElement().asString()
                .startsWith("bad.jsonl line 2 is not valid UTF-8");
    }

    @Test
    void aJsonlFileOfBlankLinesIsRefused() {
        assertThatThrownBy(() -> batches.read("blank.jsonl", utf8("\n  \n")))
                .hasMessage("blank.jsonl holds no documents: every line is blank");
    }

    // ---- single files ----

    @Test
    void aSingleFileIsOneDocumentAndARefusalThrowsAsBefore() {
        Batch batch = batches.read("talks.md", utf8("# Talks fail\nNo deal."));
        assertThat(batch.items()).singleElement().satisfies(i -> {
            assertThat(i.origin()).isEqualTo("talks.md");
            assertThat(i.draft().text()).isEqualTo("Talks fail\nNo deal.");
        });
        assertThat(batch.problems()).isEmpty();

        assertThatThrownBy(() -> batches.read("report.pdf", utf8("%PDF-1.7")))
                .hasMessageContaining("report.pdf: only .txt, .md and .html files can be added");
    }

    @Test
    void batchFilesAreRecognisedByExtension() {
        assertThat(DocumentBatchImporter.isBatchFile("A.ZIP")).isTrue();
        assertThat(DocumentBatchImporter.isBatchFile("data.jsonl")).isTrue();
        assertThat(DocumentBatchImporter.isBatchFile("a.txt")).isFalse();
        assertThat(DocumentBatchImporter.isBatchFile(null)).isFalse();
    }
}
