package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.exchange.ExportFixtures.DOC;
import static org.slant.exchange.ExportFixtures.span;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;

class MajorityVoteTest {

    private static Layer layer(String annotator, Span... spans) {
        return new Layer("peace", annotator, 1, List.of(spans));
    }

    @Test
    void twoOfThreeIsAMajorityAndOneOfThreeIsNot() {
        Layer ana = layer("ana", span("x1", "HUMILIATED", "sensational", "ana", "mine"), span("x2", "Путин", "fact", "ana", null));
        Layer ben = layer("ben", span("y1", "HUMILIATED", "sensational", "ben", null));
        Layer cy = layer("cy", span("z1", "HUMILIATED", "opinion", "cy", null), span("z2", "שָׁלוֹם", "fact", "cy", null));

        Layer majority = MajorityVote.of(DOC, List.of(ana, ben, cy));

        assertThat(majority.annotator()).isEqualTo("majority");
        assertThat(majority.documentId()).isEqualTo("peace");
        assertThat(majority.spans()).hasSize(1);
        Span kept = majority.spans().getFirst();
        int[] r = ExportFixtures.at(ExportFixtures.TEXT, "HUMILIATED");
        assertThat(kept.start()).isEqualTo(r[0]);
        assertThat(kept.end()).isEqualTo(r[1]);
        assertThat(kept.label()).isEqualTo("sensational");
        assertThat(kept.text()).isEqualTo("HUMILIATED");
        assertThat(kept.author()).isEqualTo("majority");
        assertThat(kept.note()).as("notes are personal").isNull();
        assertThat(kept.id()).isEqualTo("m" + r[0] + "-" + r[1] + "-sensational");
    }

    @Test
    void oneOfTwoIsNotAMajority() {
        Layer ana = layer("ana", span("x1", "HUMILIATED", "sensational", "ana", null));
        Layer ben = layer("ben");

        assertThat(MajorityVote.of(DOC, List.of(ana, ben)).spans()).isEmpty();
        assertThat(MajorityVote.of(DOC, List.of(ana, layer("cy", span("z", "HUMILIATED", "sensational", "cy", null))))
                .spans()).hasSize(1);
    }

    @Test
    void boundariesMustMatchExactly() {
        Layer ana = layer("ana", span("x1", "HUMILIATED", "sensational", "ana", null));
        Layer ben = layer("ben", span("y1", "HUMILIATED the", "sensational", "ben", null));
        Layer cy = layer("cy", span("z1", "Trump HUMILIATED", "sensational", "cy", null));

        assertThat(MajorityVote.of(DOC, List.of(ana, ben, cy)).spans()).isEmpty();
    }

    @Test
    void theSameVotesGiveTheSameLayer() {
        Layer ana = layer("ana", span("x1", "Путин", "attribution", "ana", null));
        Layer ben = layer("ben", span("y1", "Путин", "attribution", "ben", null));

        assertThat(MajorityVote.of(DOC, List.of(ana, ben))).isEqualTo(MajorityVote.of(DOC, List.of(ben, ana)));
        assertThat(MajorityVote.of(DOC, List.of())).isEqualTo(Layer.empty("peace", "majority"));
    }
}
