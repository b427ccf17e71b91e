package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.exchange.ExportFixtures.DOC;
import static org.slant.exchange.ExportFixtures.TEXT;
import static org.slant.exchange.ExportFixtures.alice;
import static org.slant.exchange.ExportFixtures.aliceTexts;
import static org.slant.exchange.ExportFixtures.exportText;
import static org.slant.exchange.ExportFixtures.lines;
import static org.slant.exchange.ExportFixtures.slice;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.annotation.Layer;

/** CoNLL columns: read back with its own offsets, every span must give exactly its text. */
class ConllWriterTest {

    @Test
    void tokensCarryCodePointOffsetsAndOneBioColumnPerLabel() {
        List<String> lines = lines(exportText(new ConllWriter(), new ExportItem(DOC, List.of(alice()))));

        assertThat(lines.get(0)).isEqualTo("# columns: token start end sensational attribution opinion fact");
        assertThat(lines.get(1)).isEmpty();
        assertThat(lines.get(2)).isEqualTo("# document: peace");
        assertThat(lines.get(3)).isEqualTo("# annotator: alice");
        assertThat(lines).contains("HUMILIATED\t" + ExportFixtures.at(TEXT, "HUMILIATED")[0] + "\t"
                + ExportFixtures.at(TEXT, "HUMILIATED")[1] + "\tB-sensational\tO\tB-opinion\tO");

        // decode every column back into spans: they must be alice's spans, overlaps included
        List<String[]> rows = lines.subList(4, lines.size()).stream().filter(l -> !l.isEmpty())
                .map(l -> l.split("\t", -1)).toList();
        List<String> covered = new ArrayList<>();
        for (int column = 3; column < 7; column++) {
            int start = -1;
            int end = -1;
            for (String[] row : rows) {
                assertThat(row).hasSize(7);
                assertThat(slice(TEXT, Integer.parseInt(row[1]), Integer.parseInt(row[2]))).isEqualTo(row[0]);
                String tag = row[column];
                if (!tag.startsWith("I-") && start >= 0) {
                    covered.add(slice(TEXT, start, end));
                    start = -1;
                }
                if (tag.startsWith("B-")) {
                    start = Integer.parseInt(row[1]);
                }
                if (!tag.equals("O")) {
                    end = Integer.parseInt(row[2]);
                }
            }
            if (start >= 0) {
                covered.add(slice(TEXT, start, end));
            }
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(aliceTexts());
    }

    @Test
    void sentencesEndAtLineBreaksAndFinalPunctuation() {
        String written = exportText(new ConllWriter(), new ExportItem(DOC, List.of()));

        assertThat(written).doesNotContain("# annotator:")
                .contains("said\t")
                .containsPattern("\\.\t\\d+\t\\d+\tO\tO\tO\tO\n\nПутин\t")
                .containsPattern("!\t\\d+\t\\d+\tO\tO\tO\tO\n\nThe\t");
    }

    @Test
    void aTokenCutByASpanIsTaggedWhole() {
        int[] r = ExportFixtures.at(TEXT, "MILIAT");
        Layer layer = new Layer("peace", "x", 1, List.of(new org.slant.annotation.Span("s", r[0], r[1], "fact",
                "MILIAT", null, "x", ExportFixtures.T0, null)));

        String written = exportText(new ConllWriter(), new ExportItem(DOC, List.of(layer)));

        assertThat(written).containsPattern("\nHUMILIATED\t\\d+\t\\d+\tO\tO\tO\tB-fact\n");
    }

    @Test
    void overlappingSpansOfOneLabelMergeInTheirColumn() {
        int[] outer = ExportFixtures.at(TEXT, "Trump HUMILIATED the");
        int[] inner = ExportFixtures.at(TEXT, "HUMILIATED");
        Layer layer = new Layer("peace", "x", 1, List.of(
                new org.slant.annotation.Span("s1", outer[0], outer[1], "fact", "Trump HUMILIATED the", null, "x",
                        ExportFixtures.T0, null),
                new org.slant.annotation.Span("s2", inner[0], inner[1], "fact", "HUMILIATED", null, "x",
                        ExportFixtures.T0, null)));

        String written = exportText(new ConllWriter(), new ExportItem(DOC, List.of(layer)));

        assertThat(written).containsPattern("\nTrump\t\\d+\t\\d+\tO\tO\tO\tB-fact\nHUMILIATED\t\\d+\t\\d+\tO\tO\tO\tI-fact\n"
                + "the\t\\d+\t\\d+\tO\tO\tO\tI-fact\nnation\t\\d+\t\\d+\tO\tO\tO\tO\n");
    }
}
