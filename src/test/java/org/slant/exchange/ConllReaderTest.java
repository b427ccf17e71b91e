package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConllReaderTest {

    /** 🔥 is one code point but two UTF-16 units: every offset after it tells which one was counted. */
    static final String TEXT = "🔥 Trump HUMILIATED the nation, officials said.";
    private static final Map<String, String> WORKSPACE = Map.of("talks", TEXT);

    private static ImportedFile read(String fileName, String content) {
        return read(fileName, content.getBytes(StandardCharsets.UTF_8), "ana");
    }

    private static ImportedFile read(String fileName, byte[] content, String layer) {
        return new ConllReader().read(fileName, content, layer, WORKSPACE::get);
    }

    /** The tokens of TEXT, one a line with its tag (in order); null tags are O. */
    private static String generic(String... tags) {
        String[] tokens = {"🔥", "Trump", "HUMILIATED", "the", "nation", ",", "officials", "said", "."};
        StringBuilder sb = new StringBuilder("# document: talks\n");
        for (int i = 0; i < tokens.length; i++) {
            sb.append(tokens[i]).append('\t').append(i < tags.length && tags[i] != null ? tags[i] : "O").append('\n');
        }
        return sb.toString();
    }

    @Test
    void iob2TagsBecomeSpansAtCodePointOffsetsAfterAnEmoji() {
        ImportedFile file = read("model.conll", generic("O", "B-attribution", "I-attribution", "O", "B-opinion"));

        assertThat(file.problems()).isEmpty();
        assertThat(file.documents()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("talks");
            assertThat(d.text()).as("the text comes from the workspace").isNull();
            assertThat(d.spans()).containsExactly(
                    new ImportedSpan(2, 18, "attribution", null, null, "model.conll", 3),
                    new ImportedSpan(23, 29, "opinion", null, null, "model.conll", 6));
        });
    }

    @Test
    void iob1StartsASpanAtAnInsideTagThatContinuesNothing() {
        ImportedFile file = read("iob1.txt", generic(null, "I-PER", "I-PER", null, "I-LOC", "I-ORG", "I-ORG", "B-ORG"));

        assertThat(file.problems()).isEmpty();
        assertThat(file.documents().get(0).spans()).extracting(ImportedSpan::start, ImportedSpan::end, ImportedSpan::label)
                .containsExactly(tuple(2, 18, "PER"), tuple(23, 29, "LOC"), tuple(29, 40, "ORG"), tuple(41, 45, "ORG"));
    }

    @Test
    void bioesAndBilouEndAndSingleTags() {
        ImportedFile file = read("bioes.tsv", generic(null, "S-PER", "B-X", "I-X", "E-X", "I-X", "U-ORG", "L-ORG", "S-ORG"));

        assertThat(file.problems()).isEmpty();
        assertThat(file.documents().get(0).spans()).extracting(ImportedSpan::start, ImportedSpan::end, ImportedSpan::label)
                .containsExactly(tuple(2, 7, "PER"), tuple(8, 29, "X"), tuple(29, 30, "X"), tuple(31, 40, "ORG"),
                        tuple(41, 45, "ORG"), tuple(45, 46, "ORG"));
    }

    @Test
    void conll2003ColumnsSeparatedBySpacesKeepTheFirstAndLastOnlyAndSkipDocstart() {
        String file = "-DOCSTART- -X- -X- O\n\n# document: talks\n🔥 SYM O O\nTrump NNP B-NP B-PER\nHUMILIATED VBD B-VP O\n"
                + "\n# a comment between sentences\nthe DT B-NP O\n#  SYM O O\n";

        ImportedFile read = new ConllReader().read("c.conll", file.getBytes(StandardCharsets.UTF_8), "ana",
                Map.of("talks", "🔥 Trump HUMILIATED\nthe #")::get);

        assertThat(read.problems()).isEmpty();
        assertThat(read.documents().get(0).spans()).extracting(ImportedSpan::start, ImportedSpan::end, ImportedSpan::label)
                .containsExactly(tuple(2, 7, "PER"));
    }

    @Test
    void aBlankLineEndsAGenericSpanButNotOneOfSlantsExport() {
        String generic = "# document: talks\n🔥 O\nTrump B-x\n\nHUMILIATED I-x\n";
        assertThat(read("g.conll", generic).documents().get(0).spans()).extracting(ImportedSpan::start, ImportedSpan::end)
                .containsExactly(tuple(2, 7), tuple(8, 18));

        String slant = "# columns: token start end x\n\n# document: talks\nTrump\t2\t7\tB-x\n\nHUMILIATED\t8\t18\tI-x\n";
        assertThat(read("s.conll", slant).documents().get(0).spans()).extracting(ImportedSpan::start, ImportedSpan::end)
                .containsExactly(tuple(2, 18));
    }

    @Test
    void slantsExportReadsEachLabelColumnOnItsOwnSoOverlapsSurvive() {
        String conll = """
                # columns: token start end sensational attribution

                # document: talks
                # annotator: ana
                🔥\t0\t1\tO\tO
                Trump\t2\t7\tO\tB-attribution
                HUMILIATED\t8\t18\tB-sensational\tI-attribution
                the\t19\t22\tI-sensational\tO
                nation\t23\t29\tI-sensational\tB-attribution
                """;

        ImportedFile file = read("export.conll", conll);

        assertThat(file.problems()).isEmpty();
        assertThat(file.warnings()).isEmpty();
        assertThat(file.documents().get(0).spans()).containsExactly(
                new ImportedSpan(8, 29, "sensational", null, null, "export.conll", 7),
                new ImportedSpan(2, 18, "attribution", null, null, "export.conll", 6),
                new ImportedSpan(23, 29, "attribution", null, null, "export.conll", 9));
    }

    @Test
    void ofSeveralAnnotatorBlocksOnlyTheTargetLayersIsReadAndWithoutOneTheFileIsRefused() {
        String conll = "# columns: token start end x\n\n# document: talks\n# annotator: ana\nTrump\t2\t7\tB-x\n"
                + "\n# document: talks\n# annotator: bob\nHUMILIATED\t8\t18\tB-x\n";

        ImportedFile bob = read("two.conll", conll.getBytes(StandardCharsets.UTF_8), "bob");
        assertThat(bob.problems()).isEmpty();
        assertThat(bob.documents().get(0).spans()).extracting(ImportedSpan::start).containsExactly(8);
        assertThat(bob.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(7);
            assertThat(w.reason()).contains("only the block of bob is read").contains("[ana]");
        });

        ImportedFile model = read("two.conll", conll.getBytes(StandardCharsets.UTF_8), "model");
        assertThat(model.documents()).isEmpty();
        assertThat(model.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("two.conll");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("document talks has the layers of several annotators")
                    .contains("ana at two.conll, line 3").contains("bob at two.conll, line 7").contains("none is named model");
        });
    }

    @Test
    void theSameDocumentTwiceWithoutAnnotatorsIsAProblem() {
        ImportedFile file = read("twice.conll", "# document: talks\n🔥 O\n\n# document: talks\n🔥 O\n");

        assertThat(file.documents()).isEmpty();
        assertThat(file.problems()).extracting(ImportProblem::line).containsExactly(1);
        assertThat(file.problems().get(0).reason()).contains("has 2 blocks (twice.conll, line 1; twice.conll, line 4)");
    }

    @Test
    void aMisalignedTokenNamesItsLineAndWhatTheTextHasThere() {
        ImportedFile file = read("model.conll", "# document: talks\n🔥 O\nTrump B-x\nHUMILATED I-x\nthe O\n");

        assertThat(file.documents()).isEmpty();
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("model.conll");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.reason()).isEqualTo("token \"HUMILATED\" does not match the document text at code point 8,"
                    + " which has \"HUMILIATE\"");
        });
    }

    @Test
    void tokensPastTheEndOrOffsetsThatMissTheTokenAreProblems() {
        ImportedFile past = read("long.conll", generic() + "more O\n");
        assertThat(past.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.reason()).contains("\"more\"").contains("after the end of document talks").contains("46");
        });

        ImportedFile shifted = read("s.conll", "# columns: token start end x\n# document: talks\nTrump\t3\t8\tB-x\n");
        assertThat(shifted.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("at code point 3, which has \"rump \"");
        });
    }

    @Test
    void aBareFileNeedsADocumentLineButAZipEntryIsNamedAfterItsFile() {
        ImportedFile bare = read("model.conll", "\n🔥 O\nTrump B-x\n");
        assertThat(bare.documents()).isEmpty();
        assertThat(bare.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("add a line \"# document: <id>\"");
        });

        ImportedFile zip = read("model.zip", BratReaderTest.zip("out/talks.conll", "🔥 O\nTrump B-x\n",
                "notes.md", "hello"), "ana");
        assertThat(zip.problems()).isEmpty();
        assertThat(zip.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("ignored notes.md"));
        assertThat(zip.documents()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("talks");
            assertThat(d.file()).isEqualTo("out/talks.conll");
            assertThat(d.spans()).extracting(ImportedSpan::start, ImportedSpan::end).containsExactly(tuple(2, 7));
        });
    }

    @Test
    void crlfLineEndsAndAByteOrderMarkAreRead() {
        ImportedFile file = read("win.conll", "\uFEFF# document: talks\r\n🔥\tO\r\nTrump\tB-x\r\nHUMILIATED\tI-x\r\n\r\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.documents().get(0).spans()).extracting(ImportedSpan::start, ImportedSpan::end, ImportedSpan::line)
                .containsExactly(tuple(2, 18, 3));
    }

    @Test
    void invalidUtf8AndBadTagsAreProblemsWithTheirLine() {
        byte[] latin1 = "# document: talks\n🔥 O\nZo\u00eb B-x\n".getBytes(StandardCharsets.ISO_8859_1);
        ImportedFile bad = read("latin1.conll", latin1, "ana");
        assertThat(bad.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("latin1.conll");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).startsWith("not valid UTF-8");
        });

        ImportedFile tags = read("t.conll", "# document: talks\n🔥 O\nTrump B_PER\nHUMILIATED\n");
        assertThat(tags.problems()).extracting(ImportProblem::line).containsExactly(3, 4);
        assertThat(tags.problems().get(0).reason()).startsWith("\"B_PER\" is not a tag");
        assertThat(tags.problems().get(1).reason()).contains("expected a token and a tag");
    }

    @Test
    void aDocumentTheWorkspaceLacksIsPassedOnWithoutSpans() {
        ImportedFile file = read("m.conll", "# document: elsewhere\nWhatever B-x\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.documents()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("elsewhere");
            assertThat(d.text()).isNull();
            assertThat(d.spans()).isEmpty();
        });
    }
}
