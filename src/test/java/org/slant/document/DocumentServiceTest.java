package org.slant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.DocumentImporter.Draft;
import org.slant.workspace.JsonWorkspace;

class DocumentServiceTest {

    private static final Instant NOW = Instant.parse("2025-08-16T09:30:00Z");

    @TempDir
    Path folder;

    private JsonWorkspace workspace;
    private DocumentService service;

    @BeforeEach
    void setUp() {
        workspace = new JsonWorkspace(folder);
        service = new DocumentService(workspace, Clock.fixed(NOW, ZoneOffset.UTC), 2 * 1024 * 1024);
    }

    @Test
    void addDerivesTheIdFromTheTitleAndStoresTheDocument() {
        Source source = new Source("Daily Planet", "https://example.org/a", null);

        Document added = service.add(new Draft("Trump HUMILIATED the nation!", "Trump 👍🏽 HUMILIATED the nation."), source);

        assertThat(added.id()).isEqualTo("trump-humiliated-the-nation");
        assertThat(added.title()).isEqualTo("Trump HUMILIATED the nation!");
        assertThat(added.created()).isEqualTo(NOW);
        assertThat(new JsonWorkspace(folder).find(added.id())).contains(added);
    }

    @Test
    void addDeduplicatesIdsOfTheSameTitle() {
        Draft draft = new Draft("Peace talks", "Text.");

        assertThat(service.add(draft, Source.UNKNOWN).id()).isEqualTo("peace-talks");
        assertThat(service.add(draft, Source.UNKNOWN).id()).isEqualTo("peace-talks-2");
        assertThat(service.add(draft, Source.UNKNOWN).id()).isEqualTo("peace-talks-3");
        assertThat(service.list().documents()).extracting(Document::id)
                .containsExactlyInAnyOrder("peace-talks", "peace-talks-2", "peace-talks-3");
    }

    @Test
    void addOfATitleWithoutLettersUsesDocument() {
        assertThat(service.add(new Draft("!!!", "Text."), Source.UNKNOWN).id()).isEqualTo("document");
    }

    @Test
    void renameChangesTheTitleButNotTheText() {
        Document added = service.add(new Draft("Peace talks", "The text 𝔘𝔫𝔦."), Source.UNKNOWN);

        Document renamed = service.rename(added.id(), "  Peace talks failed ");

        assertThat(renamed.title()).isEqualTo("Peace talks failed");
        assertThat(renamed.text()).isEqualTo(added.text());
        assertThat(renamed.id()).isEqualTo("peace-talks");
        assertThat(service.get("peace-talks").title()).isEqualTo("Peace talks failed");
        assertThat(new JsonWorkspace(folder).find("peace-talks")).contains(renamed);
    }

    @Test
    void renameToBlankIsRefused() {
        service.add(new Draft("Peace talks", "Text."), Source.UNKNOWN);

        assertThatThrownBy(() -> service.rename("peace-talks", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(service.get("peace-talks").title()).isEqualTo("Peace talks");
    }

    @Test
    void renameOfUnknownDocumentThrowsNotFound() {
        assertThatThrownBy(() -> service.rename("nope", "Title")).isInstanceOf(DocumentNotFoundException.class);
    }

    @Test
    void getOfUnknownIdThrowsNotFound() {
        assertThatThrownBy(() -> service.get("missing"))
                .isInstanceOf(DocumentNotFoundException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> service.get("../etc/passwd")).isInstanceOf(DocumentNotFoundException.class);
        assertThatThrownBy(() -> service.get(null)).isInstanceOf(DocumentNotFoundException.class);
    }

    @Test
    void openBuildsTheCodePointIndexOfTheText() {
        service.add(new Draft("Emoji", "👍🏽 great"), Source.UNKNOWN);

        DocumentService.OpenDocument open = service.open("emoji");

        assertThat(open.index().codePointLength()).isEqualTo(8);
        assertThat(open.index().slice(open.document().text(), 3, 8)).isEqualTo("great");
    }

    @Test
    void addSampleIfEmptyStoresThePeaceTalksSample() {
        assertThat(service.addSampleIfEmpty()).isTrue();

        Document sample = new JsonWorkspace(folder).find("peace-talks").orElseThrow();
        assertThat(sample.title()).isEqualTo("Russia and Ukraine Peace Talks Failed");
        assertThat(sample.text()).doesNotEndWith("Post a Comment").doesNotContain("\r");
        assertThat(sample.source().outlet()).isEqualTo("Sample");
        assertThat(sample.created()).isEqualTo(NOW);
    }

    @Test
    void addSampleIfEmptyIsANoOpOnceDocumentsExist() {
        service.add(new Draft("Mine", "My text."), Source.UNKNOWN);

        assertThat(service.addSampleIfEmpty()).isFalse();

        assertThat(service.list().documents()).extracting(Document::id).containsExactly("mine");
    }

    @Test
    void addSampleIfEmptyRunsOnlyOnce() {
        assertThat(service.addSampleIfEmpty()).isTrue();
        assertThat(service.addSampleIfEmpty()).isFalse();
        assertThat(service.list().documents()).hasSize(1);
    }
}
