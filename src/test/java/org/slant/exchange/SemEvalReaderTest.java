package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SemEvalReaderTest {

    @Test
    void readsArticlesAndLabelFilesFromAZip() {
        ImportedFile file = new SemEvalReader().read("task11.zip", BratReaderTest.zip(
                "train-articles/article111.txt", "Title here\n\nThey SLAM the deal 😡.",
                "train-articles/article222.txt", "No labels here.",
                "train-labels/article111.task-flc-tc.labels", "111\tLoaded_Language\t17\t21\n111\tExaggeration\t12\t16\n",
                "README.md", "hello"));

        assertThat(file.problems()).isEmpty();
        assertThat(file.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("ignored README.md"));
        assertThat(file.documents()).extracting(ImportedDocument::id, ImportedDocument::title)
                .containsExactly(tuple("article111", "Title here"), tuple("article222", "No labels here."));
        ImportedDocument doc = file.documents().get(0);
        assertThat(doc.text()).isEqualTo("Title here\n\nThey SLAM the deal 😡.");
        assertThat(doc.metadata()).containsEntry("semeval.article_id", "111");
        assertThat(doc.spans()).containsExactly(
                new ImportedSpan(17, 21, "Loaded_Language", null, null, "train-labels/article111.task-flc-tc.labels", 1),
                new ImportedSpan(12, 16, "Exaggeration", null, null, "train-labels/article111.task-flc-tc.labels", 2));
        assertThat(file.documents().get(1).spans()).isEmpty();
    }

    @Test
    void aBareTsvHasNoTextsAndReportsBadLines() {
        String tsv = "article_id\tlabel\tstart\tend\n"
                + "123\tDoubt\t0\t5\n"
                + "123\tDoubt\t7\n"            // 3 fields: span identification
                + "\n"
                + "124\tFlag-Waving\tx\t9\n"
                + "124\tFlag-Waving\t1\t9\n";

        ImportedFile file = new SemEvalReader().read("gold.tsv", tsv.getBytes(StandardCharsets.UTF_8));

        assertThat(file.warnings()).extracting(ImportProblem::line, ImportProblem::reason)
                .containsExactly(tuple(1, "skipped the header line"));
        assertThat(file.problems()).extracting(ImportProblem::file, ImportProblem::line)
                .containsExactly(tuple("gold.tsv", 3), tuple("gold.tsv", 5));
        assertThat(file.problems().get(0).reason()).contains("got 3").contains("without labels");
        assertThat(file.problems().get(1).reason()).contains("whole numbers").contains("\"x\"");
        assertThat(file.documents()).extracting(ImportedDocument::id, ImportedDocument::text, ImportedDocument::line)
                .containsExactly(tuple("article123", null, 2), tuple("article124", null, 6));
    }

    @Test
    void aZipWithoutLabelFilesIsAProblem() {
        ImportedFile file = new SemEvalReader().read("t.zip", BratReaderTest.zip("article1.txt", "text"));

        assertThat(file.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("no .tsv or .labels"));
    }
}
