package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.groups.Tuple.tuple;

class BratReaderTest {

    /** A zip of path/content pairs: zip("a.txt", "text", "a.ann", "T1..."). */
    static byte[] zip(String... pathsAndContents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(pathsAndContents[i]));
                out.write(pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ImportedFile read(byte[] zip) {
        return new BratReader().read("corpus.zip", zip);
    }

    private static final String TEXT = "🔥 Trump HUMILIATED the nation,\nofficials said.";

    @Test
    void readsTextBoundAnnotationsAndNotesFromNestedFolders() {
        ImportedFile file = read(zip(
                "corpus/news/Peace Talks.txt", TEXT,
                "corpus/news/Peace Talks.ann", "T1\tSensational_framing 8 18\tHUMILIATED\n"
                        + "T2\tAttribution 31 45\tofficials said\n"
                        + "#1\tAnnotatorNotes T1\tloaded verb\n",
                "corpus/annotation.conf", "[entities]\n"));

        assertThat(file.problems()).isEmpty();
        assertThat(file.warnings()).isEmpty();
        ImportedDocument doc = file.documents().get(0);
        assertThat(doc.id()).isEqualTo("peace-talks");
        assertThat(doc.text()).isEqualTo(TEXT);
        assertThat(doc.title()).isEqualTo("🔥 Trump HUMILIATED the nation,");
        assertThat(doc.source()).isEqualTo(org.slant.document.Source.inDataset("corpus/news/Peace Talks", false,
                "corpus/news/Peace Talks.txt"));
        assertThat(doc.spans()).containsExactly(
                new ImportedSpan("T1", 8, 18, "Sensational_framing", "HUMILIATED", "loaded verb", "corpus/news/Peace Talks.ann", 1),
                new ImportedSpan("T2", 31, 45, "Attribution", "officials said", null, "corpus/news/Peace Talks.ann", 2));
    }

    @Test
    void joinsFragmentsSeparatedOnlyByWhiteSpaceAndRefusesOthers() {
        ImportedFile file = read(zip(
                "a.txt", TEXT,
                "a.ann", "T1\tOpinion 19 30;31 40\tthe nation, officials\n"   // gap is the line break
                        + "T2\tOpinion 2 7;19 22\tTrump the\n"                 // gap holds words
                        + "T3\tOpinion 19 30;31 40\tthe nation officials\n"));  // stated text differs

        assertThat(file.documents().get(0).spans()).containsExactly(
                new ImportedSpan("T1", 19, 40, "Opinion", "the nation,\nofficials", null, "a.ann", 1));
        assertThat(file.problems()).extracting(ImportProblem::file, ImportProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.ann", 2), org.assertj.core.groups.Tuple.tuple("a.ann", 3));
        assertThat(file.problems().get(0).reason()).contains("T2 is discontinuous with \" HUMILIATED \" between fragments (7-19)");
        assertThat(file.problems().get(1).reason()).contains("says it covers \"the nation officials\"")
                .contains("\"the nation, officials\"");
    }

    /** Relations, events and attributes are read since the scheme has links and attributes; N and * still are not. */
    @Test
    void relationsEventsAndAttributesAreReadNormalizationsGiveOneWarningPerFile() {
        ImportedFile file = read(zip(
                "a.txt", TEXT,
                "a.ann", "T1\tOpinion 2 7\tTrump\nT2\tOpinion 8 18\tHUMILIATED\nR1\tCause Arg1:T1 Arg2:T2\n"
                        + "E1\tOpinion:T1 Theme:T2 Theme2:E1\nA1\tNegated E1\nA2\tPolarity T2 negative\n"
                        + "#2\tAnnotatorNotes R1\ton a relation\n#3\ttarget T2\tPutin\nN1\tReference T1 Wikidata:Q22686\tTrump\n",
                "b.txt", "other text",
                "b.ann", "*\tEquiv T1 T2\n"));

        assertThat(file.problems()).isEmpty();
        assertThat(file.warnings()).extracting(ImportProblem::file).containsExactly("a.ann", "b.ann");
        assertThat(file.warnings()).allSatisfy(w -> assertThat(w.reason())
                .isEqualTo("not imported: normalizations (N) and equivalences (*) have no place in Slant"));
        ImportedDocument a = file.documents().get(0);
        assertThat(a.spans()).extracting(ImportedSpan::id, ImportedSpan::attributes).containsExactly(
                tuple("T1", java.util.Map.of("Negated", new org.slant.label.AttributeValue.Flag(true))),
                tuple("T2", java.util.Map.of("Polarity", new org.slant.label.AttributeValue.Text("negative"),
                        "target", new org.slant.label.AttributeValue.Text("Putin"))));
        assertThat(a.links()).extracting(ImportedLink::id, ImportedLink::type, ImportedLink::from, ImportedLink::to,
                ImportedLink::line).containsExactly(tuple(null, "Theme", "T1", "T2", 4), tuple(null, "Theme", "T1", "T1", 4),
                tuple("R1", "Cause", "T1", "T2", 3));
        assertThat(file.documents().get(1).spans()).isEmpty();
        assertThat(file.scheme()).isNull();
    }

    @Test
    void reportsMalformedLinesMissingTextsAndNotesOnNothing() {
        ImportedFile file = read(zip(
                "a.txt", TEXT,
                "a.ann", "T1\tOpinion 2 x\tTrump\nT2 Opinion 2 7 Trump\nX1\tfoo\n#1\tAnnotatorNotes T9\tlost\n",
                "orphan.ann", "T1\tOpinion 0 1\tx\n"));

        assertThat(file.problems()).extracting(ImportProblem::toString).containsExactly(
                "orphan.ann: there is no orphan.txt next to it in the zip",
                "a.ann, line 1: T1: \"2 x\" is not a \"start end\" pair of numbers",
                "a.ann, line 2: a T line needs three tab-separated fields: T1<TAB>Type start end<TAB>text",
                "a.ann, line 3: not a brat annotation line (it should start with T, #, R, E, A, M, N or *): X1\tfoo",
                "a.ann, line 4: the note refers to T9, which is not a text annotation in this file");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() {
        ImportedFile file = new BratReader().read("a.ann", "T1\tOpinion 0 1\tx\n".getBytes(StandardCharsets.UTF_8));

        assertThat(file.documents()).isEmpty();
        assertThat(file.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("takes a .zip"));
    }

    @Test
    void labelKeyFoldsCaseSpacesAndUnderscores() {
        assertThat(BratReader.labelKey("Sensational_framing")).isEqualTo(BratReader.labelKey("sensational framing"))
                .isEqualTo("sensational_framing");
        assertThat(BratReader.labelKey("Reported fact")).isNotEqualTo(BratReader.labelKey("Reported"));
    }
}
