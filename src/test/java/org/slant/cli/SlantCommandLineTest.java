package org.slant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.SlantApplication;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonWorkspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SlantCommandLineTest {

    @TempDir
    Path dir;
    Path workspace;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    String text = "Crowds 😀 cheered.\nThe minister SLAMMED critics, officials said.";

    @BeforeEach
    void workspaceWithOneAnnotatedDocument() {
        workspace = dir.resolve("ws");
        JsonWorkspace store = new JsonWorkspace(workspace);
        DocumentService documents = new DocumentService(store, Clock.systemUTC(), 1 << 20);
        LabelService labels = new LabelService(new ProjectRegistry(store));
        AnnotationService annotations = new AnnotationService(documents, labels, store, Clock.systemUTC());
        documents.add(new Draft("Minister", text), Source.UNKNOWN);
        int cp = text.codePointCount(0, text.indexOf("SLAMMED"));
        annotations.create("minister", "alice", cp, cp + 7, "sensational", false);
    }

    private int run(String... args) {
        return new SlantCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new org.slant.CommandLineWorkspaces()).run(args);
    }

    @Test
    void exportsJsonlWithCodePointOffsetsToAFile() throws Exception {
        Path target = dir.resolve("data.jsonl");
        int status = run("export", "--workspace", workspace.toString(), "--format", "jsonl", "--out", target.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(target);
        assertThat(lines).hasSize(1);
        JsonNode line = JsonMapper.shared().readTree(lines.getFirst());
        JsonNode label = line.path("label").get(0);
        int start = label.get(0).asInt();
        int end = label.get(1).asInt();
        String exportedText = line.path("text").asString();
        assertThat(new String(exportedText.codePoints().skip(start).limit(end - start).toArray(), 0, end - start))
                .isEqualTo("SLAMMED");
        assertThat(dir.toFile().list()).containsExactly("data.jsonl", "ws"); // no partial file left behind
    }

    @Test
    void exportsToStandardOutput() {
        int status = run("export", "--workspace", workspace.toString(), "--format", "csv", "--out", "-");
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("SLAMMED").contains("alice");
    }

    @Test
    void importsCheckedJsonlIntoALayerAndRefusesABadOne() throws Exception {
        Path good = dir.resolve("pre.jsonl");
        int cp = text.codePointCount(0, text.indexOf("officials said"));
        Files.writeString(good, JsonMapper.shared().writeValueAsString(java.util.Map.of("id", "minister", "text", text,
                "label", List.of(List.of(cp, cp + 14, "Attribution")))) + "\n");
        assertThat(run("import", "--workspace", workspace.toString(), "--format", "jsonl", "--file", good.toString(),
                "--annotator", "model")).as(err.toString()).isZero();
        assertThat(Files.exists(workspace.resolve("layers/minister/model.json"))).isTrue();

        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, JsonMapper.shared().writeValueAsString(java.util.Map.of("id", "minister", "text", text,
                "label", List.of(List.of(0, 6, "Propaganda")))) + "\n");
        err.reset();
        assertThat(run("import", "--workspace", workspace.toString(), "--format", "jsonl", "--file", bad.toString(),
                "--annotator", "other")).isEqualTo(1);
        assertThat(err.toString()).contains("Propaganda");
        assertThat(Files.exists(workspace.resolve("layers/minister/other.json"))).isFalse();
    }

    @Test
    void anExportOfEveryLayerLeavesOutStudentsExerciseLayersAsTheAppDoes() {
        JsonWorkspace store = new JsonWorkspace(workspace);
        DocumentService documents = new DocumentService(store, Clock.systemUTC(), 1 << 20);
        AnnotationService annotations = new AnnotationService(documents, new LabelService(new ProjectRegistry(store)), store, Clock.systemUTC());
        annotations.create("minister", "zoe-student", 0, 6, "opinion", false);
        var exercises = new org.slant.workspace.JsonExerciseStore(store);
        exercises.save(new org.slant.teaching.Exercise("framing", "Framing", "minister", "alice", "alice",
                annotations.layer("minister", "alice").spans(), Map.of(), "", java.util.Set.of("sensational"), false, null,
                null, false, java.time.Instant.now()));
        exercises.save(new org.slant.teaching.Roster("framing",
                List.of(new org.slant.teaching.RosterEntry("zoe-student", "Zoë", java.time.Instant.now()))));

        assertThat(run("export", "--workspace", workspace.toString(), "--format", "csv", "--out", "-")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("alice").doesNotContain("zoe-student");
        out.reset();
        assertThat(run("export", "--workspace", workspace.toString(), "--format", "csv", "--layers", "annotator:zoe-student",
                "--out", "-")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("zoe-student");
    }

    @Test
    void wrongUsageExitsWithTwoAndPrintsUsage() {
        assertThat(run("export", "--workspace", workspace.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out is required").contains("Usage:");
        err.reset();
        assertThat(run("export", "--bogus", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option --bogus");
    }

    @Test
    void unknownFormatOrDocumentIsRefusedClearly() {
        assertThat(run("export", "--workspace", workspace.toString(), "--format", "xml", "--out", "-")).isEqualTo(1);
        assertThat(err.toString()).contains("xml").contains("jsonl");
        err.reset();
        assertThat(run("export", "--workspace", workspace.toString(), "--documents", "nope", "--out", "-")).isEqualTo(1);
        assertThat(err.toString()).contains("nope");
        assertThat(out.size()).isZero();
    }

    @Test
    void missingWorkspaceIsNamed() {
        assertThat(run("export", "--workspace", dir.resolve("missing").toString(), "--out", "-")).isEqualTo(1);
        assertThat(err.toString()).contains("no workspace folder").contains("missing");
    }

    @Test
    void resetPasswordPrintsANewPasswordThatWorksAndNamesTheUsersWhenOneIsUnknown() {
        org.slant.security.UserService users = new org.slant.security.UserService(
                new org.slant.workspace.JsonUserStore(new JsonWorkspace(workspace)), Clock.systemUTC());
        users.createFirstAdmin("forgotten-password");
        assertThat(run("reset-password", "--workspace", workspace.toString(), "--user", "admin")).isZero();
        String password = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(password).hasSize(12);
        org.slant.security.UserService fresh = new org.slant.security.UserService(
                new org.slant.workspace.JsonUserStore(new JsonWorkspace(workspace)), Clock.systemUTC());
        assertThat(fresh.passwordMatches("admin", password)).isTrue();
        assertThat(fresh.passwordMatches("admin", "forgotten-password")).isFalse();

        assertThat(run("reset-password", "--workspace", workspace.toString(), "--user", "nobody")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no user \"nobody\"").contains("admin");
        assertThat(run("reset-password", "--workspace", workspace.toString())).isEqualTo(2); // --user missing
    }

    // ---- one process holds the workspace ----

    @Test
    void writingCommandsAreRefusedWhileAServerHoldsTheWorkspaceAndReadingOnesWork() throws Exception {
        Path spans = dir.resolve("pre.jsonl");
        int cp = text.codePointCount(0, text.indexOf("officials said"));
        Files.writeString(spans, JsonMapper.shared().writeValueAsString(Map.of("id", "minister", "text", text,
                "label", List.of(List.of(cp, cp + 14, "Attribution")))) + "\n");
        String[] importModel = {"import", "--workspace", workspace.toString(), "--format", "jsonl", "--file", spans.toString(),
                "--annotator", "model"};
        Process server = org.slant.workspace.WorkspaceLockHolder.start(workspace);
        try {
            assertThat(run(importModel)).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("in use by server, PID " + server.pid() + " on host ")
                    .contains("POST /api/import");
            assertThat(Files.exists(workspace.resolve("layers/minister/model.json"))).isFalse();

            err.reset();
            assertThat(run("reset-password", "--workspace", workspace.toString(), "--user", "admin")).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("PID " + server.pid()).contains("stop the server first");

            err.reset();
            Path inFlight = Files.writeString(workspace.resolve("layers/minister/.alice.json.0b1c.tmp"), "{\"format\"");
            assertThat(run("export", "--workspace", workspace.toString(), "--format", "csv", "--out", "-"))
                    .as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("SLAMMED");
            assertThat(inFlight).as("the server's write in progress is left alone").exists();
            List<String> check = new java.util.ArrayList<>(List.of(importModel));
            check.add("--check");
            assertThat(run(check.toArray(String[]::new))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            org.slant.workspace.WorkspaceLockHolder.kill(server); // kill -9: its lock file stays behind
        }

        err.reset();
        assertThat(run(importModel)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.exists(workspace.resolve("layers/minister/model.json"))).isTrue();
        // the import let the folder go when it ended: a server can take it
        org.slant.workspace.WorkspaceLockHolder.kill(org.slant.workspace.WorkspaceLockHolder.start(workspace));
    }

    @Test
    void aWritingCommandIsRefusedWhileAnotherPartOfThisProcessHoldsTheWorkspace() {
        org.slant.workspace.WorkspaceLock running = org.slant.workspace.WorkspaceLock.acquire(workspace, "import");
        try {
            assertThat(run("reset-password", "--workspace", workspace.toString(), "--user", "admin")).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("in use by this process (import, PID ");
        } finally {
            running.close();
        }
    }
}
