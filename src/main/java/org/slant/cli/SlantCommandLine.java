package org.slant.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slant.annotation.AnnotationService;
import org.slant.document.DocumentService;
import org.slant.exchange.AnnotationFormat;
import org.slant.exchange.ExportFormat;
import org.slant.exchange.ExportService;
import org.slant.exchange.ImportOptions;
import org.slant.exchange.ImportReport;
import org.slant.exchange.ImportService;
import org.slant.exchange.LayerSelection;
import org.slant.label.LabelService;

/**
 * Batch jobs from the same jar, without starting the server:
 * {@code java -jar slant.jar export --format jsonl --out data.jsonl}. The services are built by hand
 * over the workspace folder's stores (opened by the function the composition root passes in), so a job starts
 * in a fraction of a second.
 */
public final class SlantCommandLine {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Set<String> COMMANDS = Set.of("export", "import", "reset-password", "help", "--help", "-h");

    static final String USAGE_TEXT = """
            Usage:
              java -jar slant.jar                 start the workbench (http://localhost:8080)
              java -jar slant.jar export [options]
              java -jar slant.jar import [options]
              java -jar slant.jar reset-password --user NAME [--workspace DIR]

            export: write documents and their layers as a dataset
              --workspace DIR      the workspace folder (default: annotations)
              --format F           json | jsonl | csv | brat | conll | webanno | semeval (default: json)
              --out FILE           where to write; - for standard output (required)
              --documents A,B      only these document ids (default: all)
              --layers L           all | majority | annotator:NAME (default: all)

            import: add annotations from a file to one annotator's layer
              --workspace DIR      the workspace folder (default: annotations)
              --format F           json | jsonl | brat | semeval | conll (required; conll
                                   needs the documents in the workspace already)
              --file FILE          the file to read (required)
              --annotator NAME     the layer to add to (required)
              --map FILE=LABEL     map a label in the file to a label id (repeatable)
              --skip-unknown       skip spans whose label is unknown instead of refusing the file
              --no-create          do not create documents that are not in the workspace yet
              --check              check only; write nothing

            reset-password: give a user (say, the admin who lost the printed password) a new
              random password and print it; works on the folder, so stop the server first

            Nothing is imported unless the whole file checks clean. Exit status: 0 done,
            1 refused or failed (the reason is printed), 2 wrong usage.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final WorkspaceFolders workspaces;
    /** The workspace folder this run holds, if its command writes (see {@link #openForWriting}). */
    private AutoCloseable held;

    public SlantCommandLine(PrintStream out, PrintStream err, WorkspaceFolders workspaces) {
        this.out = out;
        this.err = err;
        this.workspaces = workspaces;
    }

    /** True when the arguments ask for a batch job rather than the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public int run(String[] args) {
        try {
            return switch (args[0]) {
                case "export" -> export(options(args, Set.of("--skip-unknown", "--no-create", "--check")));
                case "import" -> importFile(options(args, Set.of("--skip-unknown", "--no-create", "--check")));
                case "reset-password" -> resetPassword(options(args, Set.of()));
                default -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
            };
        } catch (UsageException e) {
            err.println("slant: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (RuntimeException | IOException e) {
            err.println("slant: " + e.getMessage());
            return FAILED;
        } finally {
            release();
        }
    }

    private void release() {
        if (held == null) {
            return;
        }
        try {
            held.close();
        } catch (Exception e) {
            err.println("slant: could not release the workspace folder: " + e.getMessage());
        } finally {
            held = null;
        }
    }

    /**
     * Call first in every command that writes to the workspace: holds the folder until the command
     * ends, and refuses (exit status 1, naming the holder's PID, host and start time) while a server
     * or another command holds it. Commands that only read (export, import --check) need not: every
     * file is written atomically, so they read whole files while the server runs.
     *
     * @param advice what to do instead, e.g. "stop the server first"
     */
    private void openForWriting(Path folder, String command, String advice) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no workspace folder at " + folder.toAbsolutePath());
        }
        try {
            held = workspaces.hold(folder, command);
        } catch (WorkspaceFolders.FolderInUseException e) {
            throw new IllegalStateException(e.getMessage() + ": " + advice, e);
        }
    }

    private static final String STOP_THE_SERVER = "stop the server first";

    private int export(Map<String, List<String>> o) throws IOException {
        allow(o, "--workspace", "--format", "--out", "--documents", "--layers");
        String target = required(o, "--out");
        ExportFormat format = ExportFormat.parse(single(o, "--format", "json"));
        List<String> ids = Arrays.stream(single(o, "--documents", "").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        LayerSelection layers = LayerSelection.parse(single(o, "--layers", "all"));
        Services s = services(o);
        s.exports().checkDocumentsExist(ids);
        if (target.equals("-")) {
            s.exports().export(format, ids, layers, out);
            out.flush();
            return OK;
        }
        // write next to the target and move into place: a failed export never leaves half a file behind
        Path file = Path.of(target).toAbsolutePath();
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".partial");
        try (OutputStream stream = Files.newOutputStream(temp)) {
            s.exports().export(format, ids, layers, stream);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        err.println("slant: wrote " + format.title() + " to " + file + " (" + Files.size(file) + " bytes)");
        return OK;
    }

    /** The way back in for a server whose only admin lost the password printed on the first start. */
    private int resetPassword(Map<String, List<String>> o) {
        allow(o, "--workspace", "--user");
        String user = required(o, "--user");
        Path folder = Path.of(single(o, "--workspace", "annotations"));
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no workspace folder " + folder.toAbsolutePath());
        }
        openForWriting(folder, "reset-password", STOP_THE_SERVER);
        org.slant.security.UserService users = new org.slant.security.UserService(
                workspaces.open(folder).users(), Clock.systemUTC());
        if (users.find(user).isEmpty()) {
            throw new IllegalArgumentException("no user \"" + user + "\" in " + folder.toAbsolutePath() + "; the users are: "
                    + String.join(", ", users.users().stream().map(org.slant.security.User::name).toList()));
        }
        out.println(users.resetPassword(user));
        err.println("slant: new password for " + user + " printed above; they can change it under Account");
        return OK;
    }

    private int importFile(Map<String, List<String>> o) throws IOException {
        allow(o, "--workspace", "--format", "--file", "--annotator", "--map", "--skip-unknown", "--no-create", "--check");
        AnnotationFormat format = AnnotationFormat.parse(required(o, "--format"));
        Path file = Path.of(required(o, "--file"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String pair : o.getOrDefault("--map", List.of())) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new UsageException("--map takes FILE_LABEL=LABEL_ID, got: " + pair);
            }
            mapping.put(kv[0], kv[1]);
        }
        ImportOptions options = new ImportOptions(required(o, "--annotator"), mapping, o.containsKey("--skip-unknown"),
                !o.containsKey("--no-create"));
        if (!o.containsKey("--check")) {
            openForWriting(Path.of(single(o, "--workspace", "annotations")), "import",
                    "import through the running server instead (POST /api/import), or stop it first");
        }
        Services s = services(o);
        // refused by its size before it is read, as the server refuses an upload
        org.slant.storage.Limits.DEFAULTS.requireUpload(file.getFileName().toString(), Files.size(file));
        byte[] content = Files.readAllBytes(file);
        boolean checkOnly = o.containsKey("--check");
        ImportReport report = checkOnly ? s.imports().check(format, file.getFileName().toString(), content, options)
                : s.imports().apply(format, file.getFileName().toString(), content, options);
        report.problems().forEach(p -> err.println(p.file() + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.reason()));
        if (report.notListedLine() != null) {
            err.println(report.notListedLine());
        }
        if (!report.unknownLabels().isEmpty()) {
            err.println("slant: unknown labels: " + report.unknownLabels()
                    + " (map them with --map FILE_LABEL=LABEL_ID, or --skip-unknown)");
        }
        String summary = report.spansImported() + " spans, " + report.documentsMatched() + " documents matched, "
                + report.documentsCreated() + " created, " + report.spansSkipped() + " spans skipped";
        if (!report.ok()) {
            err.println("slant: nothing imported: " + report.problemCount() + " problem(s) in " + file);
            return FAILED;
        }
        err.println("slant: " + (checkOnly ? "check passed, would import " : "imported ") + summary);
        return OK;
    }

    private record Services(ExportService exports, ImportService imports) {
    }

    private Services services(Map<String, List<String>> o) {
        Path folder = Path.of(single(o, "--workspace", "annotations"));
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no workspace folder at " + folder.toAbsolutePath());
        }
        WorkspaceStores stores = held != null ? workspaces.open(folder) : workspaces.openForReading(folder);
        Clock clock = Clock.systemUTC();
        DocumentService documents = new DocumentService(stores.documents(), clock, 2 * 1024 * 1024);
        org.slant.project.ProjectRegistry registry = new org.slant.project.ProjectRegistry(stores.projects(),
                stores.legacyLabels(), stores.documents());
        LabelService labels = new LabelService(registry);
        AnnotationService annotations = new AnnotationService(documents, labels, stores.layers(), clock);
        // as in the app: an export of every layer leaves out students' exercise layers
        org.slant.annotation.ClassWork students = new org.slant.teaching.StudentLayers(stores.exercises(),
                new org.slant.project.ProjectService(registry, documents, annotations));
        return new Services(new ExportService(documents, annotations, labels, students),
                new ImportService(documents, annotations, labels, stores.layers()));
    }

    /** "--name value" pairs and bare flags; repeated names keep every value. */
    private static Map<String, List<String>> options(String[] args, Set<String> flags) {
        Map<String, List<String>> o = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new UsageException("unexpected argument: " + name);
            }
            if (flags.contains(name)) {
                o.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageException(name + " needs a value");
            }
            o.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
        }
        return o;
    }

    private static void allow(Map<String, List<String>> o, String... names) {
        Set<String> allowed = Set.of(names);
        for (String name : o.keySet()) {
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option " + name);
            }
        }
    }

    private static String required(Map<String, List<String>> o, String name) {
        List<String> values = o.get(name);
        if (values == null) {
            throw new UsageException(name + " is required");
        }
        return values.getLast();
    }

    private static String single(Map<String, List<String>> o, String name, String fallback) {
        List<String> values = o.get(name);
        return values == null ? fallback : values.getLast();
    }

    /** Wrong usage: print the usage text and exit with 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
