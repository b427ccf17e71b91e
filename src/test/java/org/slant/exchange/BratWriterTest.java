package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.exchange.ExportFixtures.DOC;
import static org.slant.exchange.ExportFixtures.LABELS;
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
import org.slant.annotation.Layer;
import org.slant.document.Document;

/** brat standoff: read back with its own offsets, every span must give exactly its text. */
class BratWriterTest {

    private static final Document OTHER = new Document("other", "Other", "Second text 🙂 here.", null,
            ExportFixtures.T0);


    @Test
    void oneLayerIsFlatAndEverySpanMatchesItsFragments() {
        Map<String, String> zip = unzip(export(new BratWriter(), new ExportItem(DOC, List.of(alice()))));

        assertThat(zip.keySet()).containsExactly("annotation.conf", "visual.conf", "peace.txt", "peace.ann");
        assertThat(zip.get("annotation.conf")).contains("[entities]\nSensational_framing\nAttribution\nOpinion\nReported_fact\n");
        assertThat(zip.get("visual.conf")).contains("Sensational_framing\tbgColor:#d9480f");
        String txt = zip.get("peace.txt");
        assertThat(txt).isEqualTo(TEXT);

        List<String> covered = new ArrayList<>();
        for (String line : lines(zip.get("peace.ann"))) {
            String[] parts = line.split("\t", -1);
            if (!parts[0].startsWith("T")) {
                continue;
            }
            assertThat(parts).hasSize(3);
            String[] typeAndOffsets = parts[1].split(" ", 2);
            List<String> fragments = new ArrayList<>();
            for (String f : typeAndOffsets[1].split(";")) {
                String[] se = f.split(" ");
                fragments.add(slice(txt, Integer.parseInt(se[0]), Integer.parseInt(se[1])));
            }
            assertThat(parts[2]).isEqualTo(String.join(" ", fragments));
            covered.add(parts[2]);
        }
        assertThat(covered).containsExactlyElementsOf(
                aliceTexts().stream().map(t -> t.replace("\r\n", " ")).toList());
    }

    @Test
    void aSpanOverALineBreakBecomesTwoFragments() {
        String ann = BratWriter.ann(LABELS, DOC, alice());
        int said = ExportFixtures.at(TEXT, "said.")[0];
        int putin = ExportFixtures.at(TEXT, "Путин")[0];

        assertThat(ann).contains("\tAttribution " + said + " " + (said + 5) + ";" + putin + " " + (putin + 5)
                + "\tsaid. Путин\n");
        assertThat(putin - (said + 5)).as("CRLF counts two").isEqualTo(2);
    }

    @Test
    void notesFollowTheirSpanOnOneLine() {
        List<String> lines = lines(BratWriter.ann(LABELS, DOC, alice()));
        int t = lines.indexOf(lines.stream().filter(l -> l.endsWith("\tHUMILIATED")).findFirst().orElseThrow());
        String id = lines.get(t).split("\t")[0];

        assertThat(lines.get(t + 1)).matches("#\\d+\tAnnotatorNotes " + id + "\tloaded, \"very\" loaded verb");
        assertThat(lines).filteredOn(l -> l.startsWith("#")).hasSize(2);
    }

    @Test
    void severalLayersGoInAnnotatorFolders() {
        Map<String, String> zip = unzip(export(new BratWriter(), new ExportItem(DOC, List.of(alice(), bob())),
                new ExportItem(OTHER, List.of())));

        assertThat(zip.keySet()).containsExactly("annotation.conf", "visual.conf", "alice/peace.txt",
                "alice/peace.ann", "bob/peace.txt", "bob/peace.ann", "other.txt", "other.ann");
        assertThat(zip.get("bob/peace.ann")).matches("T1\tAttribution \\d+ \\d+\tПутин\n");
        assertThat(zip.get("other.ann")).isEmpty();
    }

    @Test
    void aSpanOfOnlyLineBreaksIsLeftOut() {
        String text = "a\r\nb";
        Document d = new Document("d", "d", text, null, ExportFixtures.T0);
        Layer layer = new Layer("d", "x", 1, List.of(
                new org.slant.annotation.Span("s", 1, 3, "fact", "\r\n", null, "x", ExportFixtures.T0, null)));

        assertThat(BratWriter.ann(LABELS, d, layer)).isEmpty();
    }
}
