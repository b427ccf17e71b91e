package org.slant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slant.document.DocumentImporter.Draft;

class DocumentImporterTest {

    private final DocumentImporter importer = new DocumentImporter(64 * 1024);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- plain text ----

    @Test
    void textWithCrlfBecomesLfLinesWithTheFirstLineAsTitle() {
        Draft draft = importer.importFile("talks.txt", utf8("Peace Talks Failed\r\nFirst line.  \r\n\r\nSecond line.\rThird.\r\n"));

        assertThat(draft.title()).isEqualTo("Peace Talks Failed");
        assertThat(draft.text()).isEqualTo("Peace Talks Failed\nFirst line.\nSecond line.\nThird.");
    }

    @Test
    void byteOrderMarkIsStripped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = utf8("Title\nBody");
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);

        Draft draft = importer.importFile("bom.txt", bytes);

        assertThat(draft.title()).isEqualTo("Title");
        assertThat(draft.text()).isEqualTo("Title\nBody").doesNotContain("\uFEFF");
    }

    @Test
    void trailingCommentWidgetBoilerplateIsRemoved() {
        Draft draft = importer.importFile("a.txt", utf8("Title\nThe article ends here.\nPost a Comment\n3 Comments\nShare this article\n"));

        assertThat(draft.text()).isEqualTo("Title\nThe article ends here.");
    }

    @Test
    void boilerplateWordsInsideTheArticleAreKept() {
        Draft draft = importer.importFile("a.txt", utf8("Title\nShare\nThe article ends here."));

        assertThat(draft.text()).isEqualTo("Title\nShare\nThe article ends here.");
    }

    @Test
    void textKeepsNonBmpCharactersAndDropsControlCharacters() {
        Draft draft = importer.fromText("pasted text", "Breaking 🔥\u0007 news 𝔘𝔫𝔦\n");

        assertThat(draft.text()).isEqualTo("Breaking 🔥 news 𝔘𝔫𝔦");
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> importer.importFile("empty.txt", new byte[0]))
                .isInstanceOf(ImportException.class).hasMessageContaining("empty.txt").hasMessageContaining("empty");
    }

    @Test
    void fileWithOnlyBlankLinesOrBoilerplateIsRefused() {
        assertThatThrownBy(() -> importer.importFile("blank.txt", utf8(" \r\n\t\n")))
                .isInstanceOf(ImportException.class).hasMessageContaining("blank.txt").hasMessageContaining("no text");
        assertThatThrownBy(() -> importer.importFile("widget.txt", utf8("Post a Comment\n")))
                .isInstanceOf(ImportException.class).hasMessageContaining("no text");
    }

    @Test
    void binaryFileIsRefused() {
        byte[] bytes = {'a', 'b', 0, 1, 2, 'c'};

        assertThatThrownBy(() -> importer.importFile("photo.txt", bytes))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("photo.txt").hasMessageContaining("binary").hasMessageContaining("position 2");
    }

    @Test
    void invalidUtf8IsRefusedWithTheBytePosition() {
        byte[] bytes = {'o', 'k', '\n', (byte) 0xC3, 0x28};

        assertThatThrownBy(() -> importer.importFile("bad.txt", bytes))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("bad.txt").hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("0xC3").hasMessageContaining("byte 3").hasMessageContaining("line 2");
    }

    @Test
    void latin1TextIsRefusedAsNotUtf8() {
        byte[] bytes = {'c', 'a', 'f', (byte) 0xE9};

        assertThatThrownBy(() -> importer.importFile("cafe.txt", bytes))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("0xE9").hasMessageContaining("byte 3");
    }

    @Test
    void fileOverTheSizeLimitIsRefusedNamingTheLimit() {
        DocumentImporter small = new DocumentImporter(4096);
        byte[] bytes = utf8("x".repeat(5000));

        assertThatThrownBy(() -> small.importFile("big.txt", bytes))
                .isInstanceOf(ImportException.class).hasMessageContaining("big.txt").hasMessageContaining("limit is 4 KB");
        assertThatThrownBy(() -> small.fromText("pasted text", "é".repeat(2100)))
                .isInstanceOf(ImportException.class).hasMessageContaining("limit is 4 KB");
        assertThat(small.importFile("fits.txt", utf8("x".repeat(4096))).text()).hasSize(4096);
    }

    @Test
    void unsupportedExtensionIsRefusedNamingIt() {
        assertThatThrownBy(() -> importer.importFile("report.pdf", utf8("just text")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("report.pdf").hasMessageContaining(".txt, .md and .html").hasMessageContaining(".pdf");
        assertThatThrownBy(() -> importer.importFile("README", utf8("just text")))
                .isInstanceOf(ImportException.class).hasMessageContaining("without an extension");
    }

    @Test
    void realPdfIsRefusedForItsTypeNotForItsBytes() {
        // a real PDF starts with a comment of high bytes, which is not valid UTF-8
        byte[] header = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', '%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'};

        assertThatThrownBy(() -> importer.importFile("report.PDF", header))
                .isInstanceOf(ImportException.class).hasMessageContaining(".pdf").hasMessageNotContaining("UTF-8");
    }

    @Test
    void extensionIsMatchedIgnoringCase() {
        assertThat(importer.importFile("NOTES.TXT", utf8("Title\nBody")).text()).isEqualTo("Title\nBody");
    }

    // ---- HTML ----

    @Test
    void htmlIsReducedToParagraphLines() {
        String html = """
                <!doctype html><html><head><title>Peace &amp; War | Daily Planet</title>
                <style>p { color: red }</style><script>var tracking = "<p>evil</p>";</script></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Talks fail</h1>
                <p>First &ldquo;paragraph&rdquo; &amp;   more.</p>
                <p>Second<br>line with&nbsp;<b>bold</b> and <a href="/x">a link</a>.</p>
                <ul><li>one</li><li>two</li></ul>
                </article>
                <footer>Copyright 2025 Daily Planet</footer></body></html>
                """;

        Draft draft = importer.importFile("page.html", utf8(html));

        assertThat(draft.title()).isEqualTo("Peace & War | Daily Planet");
        assertThat(draft.text()).isEqualTo("""
                Talks fail
                First “paragraph” & more.
                Second
                line with bold and a link.
                one
                two""");
    }

    @Test
    void htmlNavigationFooterScriptsAndStylesAreRemovedWithoutAnArticle() {
        String html = "<html><head><title>T</title><style>.x{}</style></head><body>"
                + "<nav>Menu</nav><header>Site name</header><div>Body text.</div><aside>Related</aside>"
                + "<script>document.write('hi')</script><noscript>Enable JS</noscript><footer>Imprint</footer></body></html>";

        Draft draft = importer.importFile("page.htm", utf8(html));

        assertThat(draft.text()).isEqualTo("Body text.");
    }

    @Test
    void xssPayloadsNeverReachTheTextAsMarkup() {
        String html = "<html><body><p>Before <img src=x onerror=alert(1)> after.</p>"
                + "<script>alert(1)</script><p onclick=\"alert(2)\">Click <svg onload=alert(3)></svg>me</p>"
                + "<iframe src=\"javascript:alert(4)\"></iframe></body></html>";

        Draft draft = importer.importFile("xss.html", utf8(html));

        assertThat(draft.text()).isEqualTo("Before after.\nClick me");
        assertThat(draft.text()).doesNotContain("<", "alert", "onerror", "script");
        assertThat(draft.title()).doesNotContain("<");
    }

    @Test
    void htmlWithoutTitleUsesTheFirstHeading() {
        String html = "<html><body><p>Kicker</p><h1>The  real headline</h1><p>Body.</p></body></html>";

        Draft draft = importer.importFile("page.html", utf8(html));

        assertThat(draft.title()).isEqualTo("The real headline");
        assertThat(draft.text()).isEqualTo("Kicker\nThe real headline\nBody.");
    }

    @Test
    void headlineInTheArticleHeaderIsKept() {
        String html = "<html><body><header>Site</header><article><header><h1>Headline</h1></header>"
                + "<p>Body.</p></article></body></html>";

        Draft draft = importer.importFile("page.html", utf8(html));

        assertThat(draft.title()).isEqualTo("Headline");
        assertThat(draft.text()).isEqualTo("Headline\nBody.");
    }

    @Test
    void htmlWithoutTitleOrHeadingUsesTheFirstLine() {
        Draft draft = importer.importFile("page.html", utf8("<p>First paragraph.</p><p>Second.</p>"));

        assertThat(draft.title()).isEqualTo("First paragraph.");
    }

    @Test
    void htmlEntitiesAreDecoded() {
        Draft draft = importer.fromHtml("page.html", "<p>caf&eacute; &lt;3 &#x1F44D; &quot;q&quot; &#8217;s</p>");

        assertThat(draft.text()).isEqualTo("café <3 👍 \"q\" ’s");
    }

    // ---- Markdown ----

    @Test
    void markdownHeadingsLinksAndEmphasisAreStripped() {
        String md = "# Peace talks fail\n\n## What **happened**\n\nTrump was __HUMILIATED__, says [the paper](https://example.org/a).\n"
                + "An *italic* and _underscored_ word, but snake_case_name and 2 * 3 * 4 stay.\n";

        Draft draft = importer.importFile("talks.md", utf8(md));

        assertThat(draft.title()).isEqualTo("Peace talks fail");
        assertThat(draft.text()).isEqualTo("Peace talks fail\nWhat happened\nTrump was HUMILIATED, says the paper.\n"
                + "An italic and underscored word, but snake_case_name and 2 * 3 * 4 stay.");
    }

    @Test
    void markdownExtensionVariantIsAccepted() {
        assertThat(importer.importFile("a.markdown", utf8("### Title\r\nText")).text()).isEqualTo("Title\nText");
    }

    // ---- the bundled sample ----

    @Test
    void bundledSampleImportsWithoutItsCommentWidget() throws IOException {
        byte[] bytes;
        try (InputStream in = DocumentImporter.class.getResourceAsStream(DocumentService.SAMPLE_RESOURCE)) {
            bytes = in.readAllBytes();
        }

        Draft draft = importer.importFile("peace-talks-article.txt", bytes);

        assertThat(draft.title()).isEqualTo("Russia and Ukraine Peace Talks Failed");
        assertThat(draft.text()).doesNotEndWith("Post a Comment").endsWith("defense of national identity.")
                .doesNotContain("\r").doesNotContain("\n\n");
    }
}
