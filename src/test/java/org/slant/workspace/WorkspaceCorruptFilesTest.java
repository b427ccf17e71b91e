package org.slant.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slant.workspace.WorkspaceFixtures.document;
import static org.slant.workspace.WorkspaceFixtures.span;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slant.annotation.Layer;
import org.slant.document.Document;
import org.slant.label.Scheme;

class WorkspaceCorruptFilesTest {

    private static final String TEXT = "Peace talks 🔥 stall again.";

    @TempDir
    Path root;

    private JsonWorkspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new JsonWorkspace(root);
        workspace.save(document("good", "Good one", TEXT));
        workspace.save(document("peace", "Peace", TEXT));
        workspace.save(layer(1), 0);
    }

    private static Layer layer(long revision) {
        return new Layer("peace", "alice", revision, List.of(span("s1", TEXT, 12, 13, "sensational", null, "alice")));
    }

    static Stream<Arguments> brokenContents() {
        byte[] garbage = new byte[256];
        new java.util.Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0xFF; // not a JSON start, not valid UTF-8
        return Stream.of(
                Arguments.of("invalid JSON", "{\"format\": \"x\",\n \"id\": \n".getBytes(StandardCharsets.UTF_8), "line 3"),
                Arguments.of("empty file", new byte[0], "empty"),
                Arguments.of("binary garbage", garbage, "not valid JSON"),
                Arguments.of("trailing junk", "{} {}".getBytes(StandardCharsets.UTF_8), "not valid JSON"),
                Arguments.of("array at top", "[]".getBytes(StandardCharsets.UTF_8), "object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenContents")
    void brokenDocumentIsReportedByNameWhileOthersKeepWorking(String what, byte[] content, String expected) throws Exception {
        Path file = root.resolve("documents/peace.json");
        Files.write(file, content);

        assertThatThrownBy(() -> workspace.find("peace")).isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("documents/peace.json: ").hasMessageContaining(expected);
        DocumentListing listing = DocumentListing.of(workspace);
        assertThat(listing.ids).containsExactly("good");
        assertThat(listing.problems).singleElement().asString().startsWith("documents/peace.json: ");
        assertThat(workspace.find("good")).isPresent();

        assertThatThrownBy(() -> workspace.save(document("peace", "Peace", TEXT)))
                .isInstanceOf(WorkspaceException.class).hasMessageStartingWith("documents/peace.json: not saved");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenContents")
    void brokenLayerIsNotOverwrittenEvenIfNeverReadThisRun(String what, byte[] content, String expected) throws Exception {
        Path file = root.resolve("layers/peace/alice.json");
        Files.write(file, content);
        JsonWorkspace fresh = new JsonWorkspace(root); // has not read the file yet

        assertThatThrownBy(() -> fresh.save(layer(2), 1)).isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("layers/peace/alice.json: not saved").hasMessageContaining(expected);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(fresh.readAll("peace").problems()).singleElement().asString()
                .startsWith("layers/peace/alice.json: ").contains(expected);
        assertThat(fresh.problems()).singleElement().asString().startsWith("layers/peace/alice.json: ");
    }

    @Test
    void fileBrokenByHandAfterItWasReadIsStillNotOverwritten() throws Exception {
        assertThat(workspace.find("peace", "alice")).isPresent();
        Path file = root.resolve("layers/peace/alice.json");
        String handEdited = Files.readString(file).replace("\"end\": 13", "\"end\": 13,"); // a typical typo
        Files.writeString(file, handEdited);

        assertThatThrownBy(() -> workspace.save(layer(2), 1)).isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("layers/peace/alice.json: not saved");
        assertThat(Files.readString(file)).isEqualTo(handEdited);
    }

    @Test
    void afterTheUserFixesTheFileSavingWorksAgain() throws Exception {
        Path file = root.resolve("layers/peace/alice.json");
        String good = Files.readString(file);
        Files.writeString(file, "{");
        assertThatThrownBy(() -> workspace.save(layer(2), 1)).isInstanceOf(WorkspaceException.class);
        Files.writeString(file, good);
        workspace.save(layer(2), 1);
        assertThat(workspace.find("peace", "alice").orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void wrongFormatVersionIsRefused() throws Exception {
        Path file = root.resolve("layers/peace/alice.json");
        Files.writeString(file, Files.readString(file).replace("slant-layer/2", "slant-layer/9"));
        assertThatThrownBy(() -> workspace.find("peace", "alice")).isInstanceOf(WorkspaceException.class)
                .hasMessage("layers/peace/alice.json: unknown format \"slant-layer/9\", expected \"slant-layer/2\"");
    }

    @Test
    void spanPastTheEndOfTheTextIsRefusedWithItsId() throws Exception {
        Path file = root.resolve("layers/peace/alice.json");
        Files.writeString(file, Files.readString(file).replace("\"end\": 13", "\"end\": 900"));
        assertThatThrownBy(() -> workspace.find("peace", "alice")).isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("layers/peace/alice.json: span s1: end 900 is past the end of the text");
    }

    @Test
    void recordConstructorProblemsAreWrappedWithTheFileName() throws Exception {
        Path file = root.resolve("layers/peace/alice.json");
        Files.writeString(file, Files.readString(file).replace("\"start\": 12", "\"start\": 13"));
        assertThatThrownBy(() -> workspace.find("peace", "alice")).isInstanceOf(WorkspaceException.class)
                .hasMessage("layers/peace/alice.json: Span s1 is empty: start 13, end 13");
    }

    @Test
    void missingOrMistypedFieldsAreNamed() throws Exception {
        Path doc = root.resolve("documents/peace.json");
        String original = Files.readString(doc);
        Files.writeString(doc, original.replace("\"text\"", "\"txet\""));
        assertThatThrownBy(() -> workspace.find("peace")).hasMessage("documents/peace.json: \"text\" is missing");
        Files.writeString(doc, original.replace("\"created\": \"2025-08-16T09:30:00Z\"", "\"created\": 5"));
        assertThatThrownBy(() -> workspace.find("peace")).hasMessage("documents/peace.json: \"created\" must be a string");

        Files.writeString(doc, original);
        Path layer = root.resolve("layers/peace/alice.json");
        Files.writeString(layer, Files.readString(layer).replace("\"start\": 12", "\"start\": 12.5"));
        assertThatThrownBy(() -> workspace.find("peace", "alice"))
                .hasMessage("layers/peace/alice.json: span s1: \"start\" must be a whole number, got: 12.5");
    }

    @Test
    void spanTextThatDoesNotMatchTheDocumentIsRefused() throws Exception {
        Path file = root.resolve("layers/peace/alice.json");
        Files.writeString(file, Files.readString(file).replace("\"text\": \"🔥\"", "\"text\": \"x\""));
        assertThatThrownBy(() -> workspace.find("peace", "alice")).isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("layers/peace/alice.json: span s1: its text \"x\" differs");
    }

    @Test
    void layerAndDocumentMustMatchTheirPaths() throws Exception {
        Path file = root.resolve("layers/peace/alice.json");
        Files.copy(file, root.resolve("layers/peace/bob.json"));
        assertThatThrownBy(() -> workspace.find("peace", "bob"))
                .hasMessage("layers/peace/bob.json: \"annotator\" is \"alice\" but the file name says \"bob\"");

        Files.createDirectories(root.resolve("layers/good"));
        Files.copy(file, root.resolve("layers/good/alice.json"));
        assertThatThrownBy(() -> workspace.find("good", "alice"))
                .hasMessage("layers/good/alice.json: \"document\" is \"peace\" but the file is in layers/good/");

        Files.copy(root.resolve("documents/good.json"), root.resolve("documents/copy.json"));
        assertThat(workspace.list().problems())
                .containsExactly("documents/copy.json: \"id\" is \"good\" but the file name says \"copy\"");
    }

    @Test
    void layerWithoutItsDocumentIsAnError() throws Exception {
        Files.delete(root.resolve("documents/peace.json"));
        assertThatThrownBy(() -> workspace.find("peace", "alice"))
                .hasMessage("layers/peace/alice.json: its document does not exist (no documents/peace.json)");
    }

    @Test
    void brokenLabelsFileIsNamedAndKept() throws Exception {
        Path file = root.resolve("labels.json");
        Files.writeString(file, "{\"format\": \"slant-labels/1\", \"labels\": [{\"id\": \"x\", \"name\": \"X\", \"color\": \"red\"}]}");
        assertThatThrownBy(() -> workspace.find()).isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("labels.json: Label x colour must look like #1a2b3c");
        assertThatThrownBy(() -> workspace.save(Scheme.defaults())).hasMessageStartingWith("labels.json: not saved");
    }

    static Stream<Arguments> brokenProjects() {
        String head = "{\"format\": \"slant-projects/1\", \"projects\": ";
        return Stream.of(
                Arguments.of(head + "[{\"id\": \"default\",,}]}", "line 1, column 62: not valid JSON"),
                Arguments.of(head + "{}}", "\"projects\" must be an array"),
                Arguments.of(head + "[5]}", "projects[0]: expected an object"),
                Arguments.of(head + "[{\"id\": 5}]}", "\"id\""),
                Arguments.of(head + "[{\"id\": \"default\", \"name\": \"D\", \"members\": {\"ann\": 5}}]}", "member ann"),
                Arguments.of(head + "[{\"id\": \"default\", \"name\": \"D\", \"labels\": [{\"id\": 5}]}]}", "project default"),
                Arguments.of(head + "[{\"id\": \"default\", \"name\": \"D\", \"labels\": 7}]}", "project default"),
                Arguments.of(head + "[{\"id\": \"default\", \"name\": {\"x\": 1}}]}", "project default"),
                Arguments.of(head + "[{\"id\": \"default\", \"name\": \"D\", \"labels\": [{\"id\": \"x\", \"name\": \"X\", \"color\": \"#112233\"}], \"documents\": [1]}]}", "\"documents\""),
                Arguments.of(head + "[{\"id\": \"default\", \"name\": \"D\", \"assignments\": {\"a\": 3}}]}", "assignments"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenProjects")
    void brokenProjectsFileIsNamedWithWhatIsWrongAndNeverOverwritten(String content, String expected) throws Exception {
        Path file = root.resolve("projects.json");
        Files.writeString(file, content);
        JsonWorkspace fresh = new JsonWorkspace(root);

        assertThatThrownBy(fresh::findAll).isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("projects.json: ").hasMessageContaining(expected);
        assertThatThrownBy(() -> fresh.saveAll(List.of())).isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("projects.json: not saved");
        assertThat(fresh.problems()).singleElement().asString().startsWith("projects.json: ");
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    /** list() split into what the assertions need. */
    private record DocumentListing(List<String> ids, List<String> problems) {
        static DocumentListing of(JsonWorkspace workspace) {
            var listing = workspace.list();
            return new DocumentListing(listing.documents().stream().map(Document::id).toList(), listing.problems());
        }
    }
}
