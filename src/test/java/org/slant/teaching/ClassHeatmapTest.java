package org.slant.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.teaching.TeachingFixture.T0;
import static org.slant.teaching.TeachingFixture.TEXT;
import static org.slant.teaching.TeachingFixture.at;
import static org.slant.teaching.TeachingFixture.exerciseWith;
import static org.slant.teaching.TeachingFixture.span;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.annotation.Span;

class ClassHeatmapTest {

    private static final Exercise EXERCISE = exerciseWith(List.of(span("a", "HUMILIATED", "sensational", "t"),
                    span("b", "seem doomed", "opinion", "t")),
            new LinkedHashSet<>(List.of("sensational", "opinion")));

    private static Submission submission(String student, Span... spans) {
        return new Submission("ex", student, T0, false, 1, List.of(spans));
    }

    private static final List<Submission> CLASS = List.of(
            // ana's two overlapping sensational spans count once
            submission("ana", span("1", "Trump HUMILIATED", "sensational", "ana"), span("2", "HUMILIATED the", "sensational", "ana"),
                    span("3", "HUMILIATED", "opinion", "ana")),
            submission("bo", span("1", "HUMILIATED", "sensational", "bo"), span("2", "officials", "opinion", "bo")),
            submission("cy", span("1", "officials said", "opinion", "cy")),
            submission("dee", span("1", "officials", "opinion", "dee")));

    @Test
    void countsStudentsPerCodePointAndLabelEachStudentOnce() {
        ClassHeatmap map = ClassHeatmap.of(EXERCISE, TEXT, CLASS);
        int h = at(TEXT, "HUMILIATED")[0];
        int trump = at(TEXT, "Trump")[0];
        int officials = at(TEXT, "officials")[0];
        int said = at(TEXT, "said")[0];

        assertThat(map.length()).isEqualTo(TEXT.codePointCount(0, TEXT.length()));
        assertThat(map.students()).isEqualTo(4);
        assertThat(map.count("sensational", h)).isEqualTo(2);
        assertThat(map.count("opinion", h)).isEqualTo(1);
        assertThat(map.total(h)).isEqualTo(2); // ana marked it with two labels, counted once
        assertThat(map.count("sensational", trump)).isEqualTo(1);
        assertThat(map.count("opinion", officials)).isEqualTo(3);
        assertThat(map.count("opinion", said)).isEqualTo(1);
        assertThat(map.total(0)).isZero();

        assertThat(map.inReference(map.labelIndex("sensational"), h)).isTrue();
        assertThat(map.inReference(map.labelIndex("opinion"), h)).isFalse();
        assertThat(map.referenceLabels(h)).containsExactly("sensational");
        assertThat(map.inReference(trump)).isFalse();
    }

    @Test
    void hotspotsAreRunsWhereAtLeastHalfTheClassSidedAgainstTheReference() {
        ClassHeatmap map = ClassHeatmap.of(EXERCISE, TEXT, CLASS);

        List<ClassHeatmap.Hotspot> hotspots = map.hotspots(10);

        // "seem doomed": reference opinion, nobody marked it (disagreement 1.0)
        // "officials": 3 of 4 marked opinion, reference does not (0.75)
        // "HUMILIATED": 2 of 4 marked sensational as the reference does (0.5, a tie, counts)
        assertThat(hotspots).extracting(ClassHeatmap.Hotspot::text).containsExactly("seem doomed", "officials", "HUMILIATED");
        ClassHeatmap.Hotspot first = hotspots.getFirst();
        assertThat(first.missed()).isTrue();
        assertThat(first.disagreement()).isEqualTo(1.0);
        assertThat(first.label()).isEqualTo("opinion");
        assertThat(first.sentence("opinion")).isEqualTo("The reference marks this as opinion; only 0 of 4 students did.");
        ClassHeatmap.Hotspot second = hotspots.get(1);
        assertThat(second.missed()).isFalse();
        assertThat(second.disagreement()).isEqualTo(0.75);
        assertThat(second.sentence("opinion")).isEqualTo("3 of 4 students marked this as opinion; the reference does not.");
        assertThat(map.hotspots(1)).containsExactly(first);
        assertThat(ClassHeatmap.of(EXERCISE, TEXT, List.of()).hotspots(5)).isEmpty();
    }
}
