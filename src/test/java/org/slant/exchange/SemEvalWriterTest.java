package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.exchange.ExportFixtures.DOC;
import static org.slant.exchange.ExportFixtures.TEXT;
import static org.slant.exchange.ExportFixtures.alice;
import static org.slant.exchange.ExportFixtures.aliceTexts;
import static org.slant.exchange.ExportFixtures.bob;
import static org.slant.exchange.ExportFixtures.export;
import static org.slant.exchange.ExportFixtures.lines;
import static org.slant.exchange.ExportFixtures.slice;
import static org.slant.exchange.ExportFixtures.unzip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slant.document.Document;

/** SemEval-2020 Task 11: read back with its own offsets, every span must give exactly its text. */
class SemEvalWriterTest {

    private static final Document OTHER = new Document("other", "Other", "Second text 🙂 here.", null,
            ExportFixtures.T0);


    @Test
    void articlesAndOneLabelFilePerAnnotator() {
        Map<String, String> zip = unzip(export(new SemEvalWriter(), new ExportItem(DOC, List.of(alice(), bob())),
                new ExportItem(OTHER, List.of())));

        assertThat(zip.keySet()).containsExactly("articles/articlepeace.txt", "articles/articleother.txt",
                "alice.labels.tsv", "bob.labels.tsv");
        String article = zip.get("articles/articlepeace.txt");
        assertThat(article).isEqualTo(TEXT);
        List<String> covered = new ArrayList<>();
        for (String line : lines(zip.get("alice.labels.tsv"))) {
            String[] f = line.split("\t", -1);
            assertThat(f).hasSize(4);
            assertThat(f[0]).isEqualTo("peace");
            assertThat(f[1]).isIn("Sensational_framing", "Attribution", "Opinion", "Reported_fact");
            covered.add(slice(article, Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
        assertThat(covered).containsExactlyElementsOf(aliceTexts());
        int[] putin = ExportFixtures.at(TEXT, "Путин");
        assertThat(zip.get("bob.labels.tsv")).isEqualTo("peace\tAttribution\t" + putin[0] + "\t" + putin[1] + "\n");
    }

    @Test
    void oneLayerWritesLabelsTsv() {
        Map<String, String> zip = unzip(export(new SemEvalWriter(), new ExportItem(DOC, List.of(bob()))));

        assertThat(zip.keySet()).containsExactly("articles/articlepeace.txt", "labels.tsv");
    }
}
