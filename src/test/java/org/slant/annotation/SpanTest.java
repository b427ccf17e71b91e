package org.slant.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SpanTest {

    private static final Instant T0 = Instant.parse("2025-08-16T09:30:00Z");

    private static Span span(String id, int start, int end, String label) {
        return new Span(id, start, end, label, "x".repeat(Math.max(0, end - start)), null, "ana", T0, T0);
    }

    @Test
    void emptySpanIsRefused() {
        assertThatThrownBy(() -> span("s1", 5, 5, "fact"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s1").hasMessageContaining("empty");
        assertThatThrownBy(() -> new Span("s1", 5, 4, "fact", "", null, "ana", T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void negativeStartIsRefused() {
        assertThatThrownBy(() -> span("s1", -1, 3, "fact"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start -1");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void missingLabelIsRefused(String label) {
        assertThatThrownBy(() -> span("s1", 0, 3, label))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no label");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingIdIsRefused(String id) {
        assertThatThrownBy(() -> span(id, 0, 3, "fact")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingAuthorIsRefused() {
        assertThatThrownBy(() -> new Span("s1", 0, 3, "fact", "abc", null, null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Span author");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ana", "../ana", "ana smith", "ana/b", ""})
    void authorMustBeASlug(String author) {
        assertThatThrownBy(() -> new Span("s1", 0, 3, "fact", "abc", null, author, T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Span author");
    }

    @Test
    void missingTextOrCreationTimeIsRefused() {
        assertThatThrownBy(() -> new Span("s1", 0, 3, "fact", null, null, "ana", T0, T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Span("s1", 0, 3, "fact", "abc", null, "ana", null, T0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void blankNoteIsNoNoteAndNoteIsStripped() {
        assertThat(new Span("s1", 0, 3, "fact", "abc", "  \n", "ana", T0, T0).note()).isNull();
        assertThat(new Span("s1", 0, 3, "fact", "abc", " check this ", "ana", T0, T0).note()).isEqualTo("check this");
    }

    @Test
    void missingUpdateTimeIsTheCreationTime() {
        assertThat(new Span("s1", 0, 3, "fact", "abc", null, "ana", T0, null).updated()).isEqualTo(T0);
    }

    @Test
    void withLabelAndWithNoteKeepIdRangeAndTextAndSetUpdated() {
        Span span = new Span("s1", 2, 5, "fact", "abc", "n", "ana", T0, T0);
        Instant later = T0.plusSeconds(60);

        Span relabelled = span.withLabel("opinion", later);
        Span noted = span.withNote("new", later);

        assertThat(relabelled).isEqualTo(new Span("s1", 2, 5, "opinion", "abc", "n", "ana", T0, later));
        assertThat(noted).isEqualTo(new Span("s1", 2, 5, "fact", "abc", "new", "ana", T0, later));
        assertThat(span.length()).isEqualTo(3);
    }

    @Test
    void sameRangeAndLabelComparesRangeAndLabelOnly() {
        Span a = span("s1", 2, 5, "fact");

        assertThat(a.sameRangeAndLabel(span("s2", 2, 5, "fact"))).isTrue();
        assertThat(a.sameRangeAndLabel(span("s2", 2, 5, "opinion"))).isFalse();
        assertThat(a.sameRangeAndLabel(span("s2", 2, 6, "fact"))).isFalse();
        assertThat(a.sameRangeAndLabel(span("s2", 1, 5, "fact"))).isFalse();
    }

    @Test
    void layerKeepsSpansInReadingOrder() {
        Span late = span("s1", 10, 12, "fact");
        Span outer = span("s2", 0, 8, "opinion");
        Span inner = span("s3", 0, 3, "fact");
        Span sameRangeOtherLabel = span("s4", 0, 3, "attribution");

        Layer layer = new Layer("talks", "ana", 3, List.of(late, inner, sameRangeOtherLabel, outer));

        assertThat(layer.spans()).containsExactly(outer, sameRangeOtherLabel, inner, late);
        assertThat(layer.find("s3")).contains(inner);
        assertThat(layer.find("nope")).isEmpty();
    }

    @Test
    void layerRefusesBadIdsAndNegativeRevision() {
        assertThatThrownBy(() -> new Layer("talks", "Ana", 0, List.of())).hasMessageContaining("Annotator");
        assertThatThrownBy(() -> new Layer("../talks", "ana", 0, List.of())).hasMessageContaining("Document id");
        assertThatThrownBy(() -> new Layer("talks", "ana", -1, List.of())).hasMessageContaining("revision");
        assertThat(Layer.empty("talks", "ana").revision()).isZero();
    }

    @Test
    void spanChangeNeedsASpanAndNamesIt() {
        Span span = span("s1", 0, 3, "fact");

        assertThatThrownBy(() -> new SpanChange(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SpanChange(null, null, span).spanId()).isEqualTo("s1");
        assertThat(new SpanChange(null, span, null).spanId()).isEqualTo("s1");
    }
}
