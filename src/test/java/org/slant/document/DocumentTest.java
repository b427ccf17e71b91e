package org.slant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DocumentTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");

    @Test
    void blankTextIsRefused() {
        assertThatThrownBy(() -> new Document("talks", "Talks", " \n\t ", Source.UNKNOWN, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("talks").hasMessageContaining("no text");
        assertThatThrownBy(() -> new Document("talks", "Talks", "", Source.UNKNOWN, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Document("talks", "Talks", null, Source.UNKNOWN, T0))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void invalidIdIsRefused() {
        assertThatThrownBy(() -> new Document("../talks", "Talks", "text", Source.UNKNOWN, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Document id");
        assertThatThrownBy(() -> new Document("Talks", "Talks", "text", Source.UNKNOWN, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Document(null, "Talks", "text", Source.UNKNOWN, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingCreationTimeIsRefused() {
        assertThatThrownBy(() -> new Document("talks", "Talks", "text", Source.UNKNOWN, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void blankTitleFallsBackToTheIdAndTitleIsStripped() {
        assertThat(new Document("talks", "  ", "text", null, T0).title()).isEqualTo("talks");
        assertThat(new Document("talks", null, "text", null, T0).title()).isEqualTo("talks");
        assertThat(new Document("talks", "  Peace talks \n", "text", null, T0).title()).isEqualTo("Peace talks");
    }

    @Test
    void missingSourceBecomesUnknown() {
        assertThat(new Document("talks", "Talks", "text", null, T0).source()).isEqualTo(Source.UNKNOWN);
    }

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        Document document = new Document("talks", "Talks", "👍🏽 ok 𓀀", null, T0);

        assertThat(document.text().length()).isEqualTo(10);
        assertThat(document.length()).isEqualTo(7);
    }

    @Test
    void withTitleKeepsEverythingElse() {
        Source source = new Source("Daily Planet", "https://example.org/a", LocalDate.of(2025, 8, 16));
        Document document = new Document("talks", "Talks", "The text.", source, T0);

        Document renamed = document.withTitle("Peace talks");

        assertThat(renamed).isEqualTo(new Document("talks", "Peace talks", "The text.", source, T0));
    }

    @Test
    void sourceUrlMustBeHttpAndBlankFieldsBecomeNull() {
        assertThatThrownBy(() -> new Source("x", "javascript:alert(1)", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("javascript:alert(1)");
        assertThatThrownBy(() -> new Source("x", "file:///etc/passwd", null)).isInstanceOf(IllegalArgumentException.class);

        Source source = new Source("  ", " ", null);
        assertThat(source.outlet()).isNull();
        assertThat(source.url()).isNull();
        assertThat(new Source(" Planet ", " http://example.org ", null).url()).isEqualTo("http://example.org");
    }
}
