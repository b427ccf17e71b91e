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

    String stdin = "";

    private int run(String... args) {
        return new SlantCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new org.slant.CommandLineWorkspaces()).run(args);
    }

    private String ws() {
        return workspace.toString();
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void reset() {
        out.reset();
        err.reset();
    }

    /** What the folder holds: every file's path, size and content hash, to see that a command wrote nothing. */
    private static Map<String, String> snapshot(Path folder) throws java.io.IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.toList()) {
                files.put(folder.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + " " + java.util.Arrays.hashCode(Files.readAllBytes(p)) + " "
                                + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }

    private org.slant.security.UserService users() {
        return new org.slant.security.UserService(new org.slant.workspace.JsonUserStore(new JsonWorkspace(workspace)),
                Clock.systemUTC());
    }

    private org.slant.project.ProjectService projects() {
        JsonWorkspace store = new JsonWorkspace(workspace);
        DocumentService documents = new DocumentService(store, Clock.systemUTC(), 1 << 20);
        org.slant.project.ProjectRegistry registry = new org.slant.project.ProjectRegistry(store);
        return new org.slant.project.ProjectService(registry, documents,
                new AnnotationService(documents, new LabelService(registry), store, Clock.systemUTC()));
    }

    @Test
    void exportsJsonlWithCodePointOffsetsToAFile() throws Exception {
        Path target = dir.resolve("data.jsonl");
        int status = run("export", "--workspace", workspace.toString(), "--format", "jsonl", "--out", target.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(target);
        assertThat(lines).hasSize(1);
        JsonNode line = JsonMapper.shared().readTree(lines.getFirst());
        JsonNode entity = line.path("entities").get(0); // doccano's relation layout
        int start = entity.get("start_offset").asInt();
        int end = entity.get("end_offset").asInt();
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
    void aMissingWorkspaceIsNamedAndNotCreatedByAnyCommand() {
        Path missing = dir.resolve("missing");
        for (String[] args : new String[][] {{"export", "--out", "-"},
                {"import", "--format", "jsonl", "--file", dir.resolve("pre.jsonl").toString(), "--annotator", "x"},
                {"user", "add", "alice", "--role", "annotator"}, {"user", "list"}, {"token", "create", "--user", "admin"}}) {
            err.reset();
            String[] withWorkspace = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--workspace", missing.toString())).toArray(String[]::new);
            if (args[0].equals("import")) {
                try {
                    Files.writeString(dir.resolve("pre.jsonl"), "{}\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            assertThat(run(withWorkspace)).as(String.join(" ", args)).isEqualTo(1);
            assertThat(stderr()).as(String.join(" ", args)).contains("no workspace at " + missing.toAbsolutePath()
                    + ": create it, or start the server once");
            assertThat(missing).doesNotExist();
        }
    }

    @Test
    void importCheckWritesNothingAtAllNotEvenProjectsJson() throws Exception {
        Files.deleteIfExists(workspace.resolve("projects.json")); // a workspace from before projects
        Path good = dir.resolve("pre.jsonl");
        int cp = text.codePointCount(0, text.indexOf("officials said"));
        Files.writeString(good, JsonMapper.shared().writeValueAsString(java.util.Map.of("id", "minister", "text", text,
                "label", List.of(List.of(cp, cp + 14, "Attribution")))) + "\n");
        Map<String, String> before = snapshot(workspace);
        assertThat(run("import", "--workspace", ws(), "--format", "jsonl", "--file", good.toString(), "--annotator", "model",
                "--check")).as(stderr()).isZero();
        assertThat(stderr()).contains("check passed, would import 1 spans");
        assertThat(snapshot(workspace)).isEqualTo(before);
        assertThat(run("export", "--workspace", ws(), "--format", "jsonl", "--out", "-")).isZero();
        assertThat(snapshot(workspace)).as("an export writes nothing either").isEqualTo(before);
    }

    @Test
    void anUnknownCommandSaysSoSuggestsTheNearestAndExitsTwoInsteadOfStartingTheServer() {
        assertThat(SlantCommandLine.handles(new String[] {"exprot"})).isTrue(); // answered here, not by a server
        assertThat(SlantCommandLine.handles(new String[] {"--server.port=9090", "exprot"})).isTrue();
        assertThat(SlantCommandLine.handles(new String[] {})).isFalse(); // the server
        assertThat(SlantCommandLine.handles(new String[] {"--server.port=9090", "--slant.workspace=/tmp/x"})).isFalse();

        assertThat(run("exprot", "--format", "jsonl")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command \"exprot\"; did you mean \"export\"?")
                .contains("export, import, templates, project, user, token, reset-password, help");
        reset();
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command \"frobnicate\"").doesNotContain("did you mean")
                .contains("export, import, templates, project, user, token");
        reset();
        assertThat(run("--workspace", ws(), "export")).isEqualTo(2);
        assertThat(stderr()).contains("the command comes first");
        reset();
        assertThat(run("user", "ad", "bob")).isEqualTo(2);
        assertThat(stderr()).contains("user takes add, list, disable or enable");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void userAddMakesAnAnnotatorOfAProjectWithAGeneratedPasswordPrintedOnce() {
        assertThat(run("user", "add", "alice", "--role", "annotator", "--display-name", "Alice Martin", "--workspace", ws()))
                .as(stderr()).isZero();
        String password = stdout().strip();
        assertThat(password).hasSize(12).doesNotContain("\n");
        assertThat(users().passwordMatches("alice", password)).isTrue();
        assertThat(users().displayName("alice")).isEqualTo("Alice Martin");
        assertThat(users().isAdmin("alice")).isFalse();
        assertThat(projects().get(org.slant.project.Project.DEFAULT_ID).members())
                .containsEntry("alice", org.slant.project.ProjectRole.ANNOTATOR);

        reset();
        assertThat(run("user", "add", "alice", "--role", "curator", "--workspace", ws())).isEqualTo(1);
        assertThat(stderr()).contains("already exists");
        reset();
        assertThat(run("user", "add", "bob", "--role", "curator", "--project", "nope", "--workspace", ws())).isEqualTo(1);
        assertThat(stderr()).contains("nope");
        assertThat(users().find("bob")).as("nothing made for a wrong project").isEmpty();
        reset();
        assertThat(run("user", "add", "bob", "--role", "boss", "--workspace", ws())).isEqualTo(2);
        assertThat(stderr()).contains("--role takes admin, curator or annotator");
    }

    @Test
    void userAddReadsThePasswordFromStandardInputAndTheAppsRulesRefuseAWeakOne() {
        stdin = "qwertyuiop\n";
        assertThat(run("user", "add", "root", "--role", "admin", "--password-stdin", "--workspace", ws())).isEqualTo(1);
        assertThat(stderr()).contains("most common passwords");
        assertThat(users().find("root")).isEmpty();

        reset();
        stdin = "a long chosen one\n";
        assertThat(run("user", "add", "root", "--role", "admin", "--password-stdin", "--workspace", ws())).as(stderr()).isZero();
        assertThat(stdout()).isEmpty(); // the password was not made here, so it is not printed
        assertThat(users().passwordMatches("root", "a long chosen one")).isTrue();
        assertThat(users().isAdmin("root")).isTrue();
    }

    @Test
    void userListShowsRolesAndDisableStopsTheAccountButNotTheLastAdmin() {
        stdin = "a long chosen one\n";
        assertThat(run("user", "add", "root", "--role", "admin", "--password-stdin", "--workspace", ws())).isZero();
        assertThat(run("user", "add", "cora", "--role", "curator", "--display-name", "Cora Lee", "--workspace", ws())).isZero();
        reset();
        assertThat(run("user", "disable", "cora", "--workspace", ws())).as(stderr()).isZero();
        assertThat(users().isActive("cora")).isFalse();
        assertThat(run("user", "list", "--workspace", ws())).isZero();
        assertThat(stdout().lines().toList()).containsExactly("name\tdisplay name\troles\tdisabled",
                "cora\tCora Lee\tcurator of default\tyes", "root\troot\tadmin\tno");
        reset();
        assertThat(run("user", "disable", "root", "--workspace", ws())).isEqualTo(1);
        assertThat(stderr()).contains("last admin");
        assertThat(run("user", "disable", "nobody", "--workspace", ws())).isEqualTo(1);
        assertThat(stderr()).contains("no user \"nobody\"");
    }

    @Test
    void tokenCreatePrintsTheTokenAsItsLastLineAndRevokeByIdOrLabelStopsIt() {
        users().create("bot", null, "bot-password-long", false);
        assertThat(run("token", "create", "--user", "bot", "--name", "nightly", "--workspace", ws())).as(stderr()).isZero();
        String secret = stdout().lines().reduce((a, b) -> b).orElseThrow(); // what $(… | tail -1) gets
        assertThat(users().authenticateToken(secret)).map(org.slant.security.User::name).contains("bot");
        assertThat(run("token", "create", "--user", "bot", "--workspace", ws())).isZero();
        String second = stdout().lines().reduce((a, b) -> b).orElseThrow();

        reset();
        assertThat(run("token", "list", "--user", "bot", "--workspace", ws())).isZero();
        List<String> lines = stdout().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("\tnightly\t");
        assertThat(lines.get(2)).contains("\tcommand line\t");
        assertThat(stdout()).doesNotContain(secret);

        assertThat(run("token", "revoke", "--user", "bot", "--name", "nightly", "--workspace", ws())).as(stderr()).isZero();
        assertThat(users().authenticateToken(secret)).isEmpty();
        assertThat(users().authenticateToken(second)).isPresent();
        String id = lines.get(2).split("\t")[0];
        assertThat(run("token", "revoke", "--user", "bot", "--id", id, "--workspace", ws())).isZero();
        assertThat(users().authenticateToken(second)).isEmpty();

        reset();
        assertThat(run("token", "revoke", "--user", "bot", "--name", "nightly", "--workspace", ws())).isEqualTo(1);
        assertThat(stderr()).contains("no API token of bot named \"nightly\"");
        assertThat(run("token", "revoke", "--user", "bot", "--workspace", ws())).isEqualTo(2);
        assertThat(run("token", "create", "--user", "ghost", "--workspace", ws())).isEqualTo(1);
        assertThat(stderr()).contains("no user \"ghost\"");
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

    // ---- templates and projects ----

    @Test
    void templatesListsEveryTemplateWithItsDescription() {
        assertThat(run("templates")).as(stderr()).isZero();
        List<String> lines = stdout().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("id\tname\tlabels\tdescription");
        assertThat(lines.stream().skip(1).map(l -> l.split("\t")[0])).containsExactly("slant-default", "parc", "basil",
                "media-frames", "semeval-2020-task-11", "babe");
        assertThat(lines).anyMatch(l -> l.startsWith("media-frames\tMedia Frames\t15\t"));
        reset();
        assertThat(run("templates", "--json")).isEqualTo(2);
    }

    @Test
    void projectCreateMakesAProjectFromATemplateWithItsCuratorAndPrintsItsId() {
        users().create("cora", null, "cora-password-42", false);
        assertThat(run("project", "create", "--workspace", ws(), "--name", "Attribution study", "--template", "parc",
                "--curator", "cora")).as(stderr()).isZero();
        assertThat(stdout().strip()).isEqualTo("attribution-study");
        assertThat(stderr()).contains("parc").contains("curator cora");
        org.slant.project.Project made = projects().get("attribution-study");
        assertThat(made.labels()).isEqualTo(new org.slant.label.SchemeTemplates(org.slant.exchange.SlantJson::readScheme)
                .get("parc").scheme());
        assertThat(made.members()).containsEntry("cora", org.slant.project.ProjectRole.CURATOR);

        reset();
        assertThat(run("project", "create", "--workspace", ws(), "--name", "Plain")).as(stderr()).isZero();
        assertThat(projects().get(stdout().strip()).labels()).isEqualTo(org.slant.label.Scheme.defaults());
        assertThat(projects().get(stdout().strip()).members()).isEmpty();

        reset();
        assertThat(run("project", "list", "--workspace", ws())).isZero();
        assertThat(stdout()).contains("attribution-study\tAttribution study\t0\t1").contains("plain\tPlain\t0\t0");
    }

    @Test
    void projectCreateRefusesAnUnknownTemplateOrCuratorAndWritesNothing() throws Exception {
        Map<String, String> before = snapshot(workspace);
        assertThat(run("project", "create", "--workspace", ws(), "--name", "X", "--template", "prac")).isEqualTo(1);
        assertThat(stderr()).contains("no scheme template \"prac\"").contains("parc");
        reset();
        assertThat(run("project", "create", "--workspace", ws(), "--name", "X", "--curator", "nobody")).isEqualTo(1);
        assertThat(stderr()).contains("no user \"nobody\"");
        Map<String, String> after = snapshot(workspace);
        after.remove(".lock"); // the command held the folder while it looked the curator up
        before.remove(".lock");
        assertThat(after).isEqualTo(before);
        reset();
        assertThat(run("project", "create", "--workspace", ws())).isEqualTo(2);
        assertThat(stderr()).contains("--name is required");
        reset();
        assertThat(run("project", "remove", "--workspace", ws())).isEqualTo(2);
    }

    @Test
    void projectCreateIsRefusedWhileAServerHoldsTheWorkspace() throws Exception {
        Process server = org.slant.workspace.WorkspaceLockHolder.start(workspace);
        try {
            assertThat(run("project", "create", "--workspace", ws(), "--name", "Late")).isEqualTo(1);
            assertThat(stderr()).contains("PID " + server.pid()).contains("Projects → New project");
            reset();
            assertThat(run("project", "list", "--workspace", ws())).as("reading works meanwhile").isZero();
        } finally {
            org.slant.workspace.WorkspaceLockHolder.kill(server);
        }
        assertThat(projects().find("late")).isEmpty();
    }
}
