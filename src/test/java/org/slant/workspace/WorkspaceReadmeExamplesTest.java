package org.slant.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.label.AttributeValue;

/** The examples annotations/README.md shows are files Slant reads as they are, offsets and all. */
class WorkspaceReadmeExamplesTest {

    @TempDir
    Path folder;

    private static String example(String readme, String heading) {
        int at = readme.indexOf("## " + heading);
        int start = readme.indexOf("```json\n", at) + "```json\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theDocumentAndTheStructuredLayerExampleAreReadAsDocumented() throws Exception {
        String readme = Files.readString(Path.of("annotations/README.md"));
        Files.createDirectories(folder.resolve("documents"));
        Files.createDirectories(folder.resolve("layers/peace-talks"));
        Files.writeString(folder.resolve("documents/peace-talks.json"), example(readme, "documents/peace-talks.json"));
        Files.writeString(folder.resolve("layers/peace-talks/alice.json"), example(readme, "layers/peace-talks/alice.json"));

        JsonWorkspace workspace = new JsonWorkspace(folder);
        Document document = workspace.find("peace-talks").orElseThrow();
        Layer layer = workspace.find("peace-talks", "alice").orElseThrow();

        assertThat(layer.spans()).hasSize(4);
        assertThat(layer.find("s1").orElseThrow().attributes())
                .containsEntry("intensity", new AttributeValue.Number(4)).containsEntry("target", new AttributeValue.Text("Trump"));
        assertThat(layer.links()).extracting(Link::type).containsExactly("source", "cue");
        assertThat(layer.sentences()).singleElement().satisfies(s -> {
            assertThat(new CodePointIndex(document.text()).slice(document.text(), s.start(), s.end())).isEqualTo(s.text());
            assertThat(s.values()).containsEntry("bias", new AttributeValue.Text("biased"));
        });
        assertThat(layer.answers()).containsEntry("tone", new AttributeValue.Text("anti"));
        // the sentence sits exactly where Slant's sentence splitter puts it
        assertThat(org.slant.document.Sentences.of(document.text())).extracting(s -> List.of(s.start(), s.end()))
                .containsExactly(List.of(0, 46));
    }
}
