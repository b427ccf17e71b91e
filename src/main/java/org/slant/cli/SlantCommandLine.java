package org.slant.cli;

import java.io.IOException;
import java.io.InputStream;
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
import org.slant.exchange.SlantJson;
import org.slant.label.LabelService;
import org.slant.label.SchemeTemplate;
import org.slant.label.SchemeTemplates;
import org.slant.project.Project;
import org.slant.project.ProjectRole;
import org.slant.project.ProjectService;
import org.slant.security.ApiToken;
import org.slant.security.User;
import org.slant.security.UserService;

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

    /** The commands, in the order the usage lists them; "--help" and "-h" ask for the usage too. */
    static final List<String> COMMANDS = List.of("export", "import", "templates", "project", "user", "token",
            "reset-password", "help");
    private static final Set<String> HELP = Set.of("help", "--help", "-h");

    static final String USAGE_TEXT = """
            Usage:
              java -jar slant.jar                 start the workbench (http://localhost:8080)
              java -jar slant.jar export [options]
              java -jar slant.jar import [options]
              java -jar slant.jar templates
              java -jar slant.jar project create --name NAME [--template ID] [--curator USER]
              java -jar slant.jar project list
              java -jar slant.jar user add NAME --role admin|curator|annotator [--project ID]
                                  [--display-name TEXT] [--password-stdin]
              java -jar slant.jar user list | user disable NAME | user enable NAME
              java -jar slant.jar token create --user NAME [--name LABEL]
              java -jar slant.jar token list --user NAME
              java -jar slant.jar token revoke --user NAME (--id ID | --name LABEL)
              java -jar slant.jar reset-password --user NAME [--workspace DIR]

            export: write documents and their layers as a dataset
              --workspace DIR      the workspace folder (default: annotations)
              --format F           json | jsonl | csv | csv-zip | brat | conll | webanno | semeval (default: json)
              --out FILE           where to write; - for standard output (required)
              --documents A,B      only these document ids (default: all)
              --layers L           all | majority | annotator:NAME (default: all)

            import: add annotations from a file to one annotator's layer
              --workspace DIR      the workspace folder (default: annotations)
              --format F           json | jsonl | brat | semeval | conll | webanno (required; conll
                                   and webanno need the documents in the workspace already)
              --file FILE          the file to read (required)
              --annotator NAME     the layer to add to (required)
              --map FILE=LABEL     map a label in the file to a label id (repeatable)
              --skip-unknown       skip spans whose label is unknown instead of refusing the file
              --no-create          do not create documents that are not in the workspace yet
              --project ID         import into this project: only its documents are matched, new
                                   ones land in it, and a brat annotation.conf (or a Slant export's
                                   scheme) adds what its scheme lacks (default: the default project)
              --check              check only; write nothing

            templates: the scheme templates a project can start from (id, name, labels,
              description; tab-separated)

            project: projects (every project command takes --workspace DIR too)
              create               a new project; prints its id. --template ID is one of
                                   "templates" (default: slant-default); --curator USER
                                   makes an existing user its curator (default: none, so
                                   only admins manage it until they add one)
              list                 id, name, documents, members (tab-separated)

            user: accounts (every user command takes --workspace DIR too)
              add NAME             a new user; prints a generated password once, or reads the
                                   password from the first line of standard input with
                                   --password-stdin (the same password rules as the app)
              --role R             admin, or curator or annotator of --project ID
                                   (default: the default project); an admin with --project
                                   is also curator of it
              --display-name TEXT  the name others see (default: the user name)
              list                 name, display name, roles, disabled (tab-separated)
              disable NAME         no sign-in and no token any more; their layers stay
              enable NAME          undo disable

            token: personal API tokens (--workspace DIR too)
              create --user NAME   prints the token once, as the last line of standard output
                                   (TOKEN=$(java -jar slant.jar token create --user bot | tail -1));
                                   --name LABEL names it (default: command line)
              list --user NAME     id, label and creation time of each token
              revoke --user NAME   --id ID, or --name LABEL when one token has that label

            reset-password: give a user (say, the admin who lost the printed password) a new
              random password and print it; works on the folder, so stop the server first

            The workspace folder must exist: create it, or start the server once. Nothing is
            imported unless the whole file checks clean, and --check writes nothing. Exit status:
            0 done, 1 refused or failed (the reason is printed), 2 wrong usage.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final WorkspaceFolders workspaces;
    /** The workspace folder this run holds, if its command writes (see {@link #openForWriting}). */
    private AutoCloseable held;

    public SlantCommandLine(PrintStream out, PrintStream err, WorkspaceFolders workspaces) {
        this(out, err, System.in, workspaces);
    }

    public SlantCommandLine(PrintStream out, PrintStream err, InputStream in, WorkspaceFolders workspaces) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.workspaces = workspaces;
    }

    /**
     * True when the arguments ask for a batch job rather than the server: any argument that is not a
     * {@code --option} (Spring Boot's settings, such as {@code --server.port=9090}, all are). So a typo
     * such as {@code exprot} is answered as an unknown command, never by starting a server in the
     * current folder.
     */
    public static boolean handles(String[] args) {
        return Arrays.stream(args).anyMatch(a -> !a.startsWith("--") || HELP.contains(a));
    }

    public int run(String[] args) {
        try {
            String command = args.length == 0 ? "help" : args[0];
            return switch (command) {
                case "export" -> export(options(args, Set.of("--skip-unknown", "--no-create", "--check")));
                case "import" -> importFile(options(args, Set.of("--skip-unknown", "--no-create", "--check")));
                case "reset-password" -> resetPassword(options(args, Set.of()));
                case "templates" -> templates(options(args, Set.of()));
                case "project" -> project(args);
                case "user" -> user(args);
                case "token" -> token(args);
                case "help", "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                default -> unknownCommand(args);
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
        try {
            held = workspaces.hold(folder, command);
        } catch (WorkspaceFolders.FolderInUseException e) {
            throw new IllegalStateException(e.getMessage() + ": " + advice, e);
        }
    }

    private static final String STOP_THE_SERVER = "stop the server first";
    private static final String USE_THE_APP = "do it in the app (Users, or Account for tokens), or stop the server first";

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
            List<String> leftOut = s.exports().export(format, ids, layers, out);
            out.flush();
            leftOut.forEach(p -> err.println("slant: left out, cannot be read: " + p));
            return OK;
        }
        // write next to the target and move into place: a failed export never leaves half a file behind
        Path file = Path.of(target).toAbsolutePath();
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".partial");
        List<String> leftOut;
        try (OutputStream stream = Files.newOutputStream(temp)) {
            leftOut = s.exports().export(format, ids, layers, stream);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        leftOut.forEach(p -> err.println("slant: left out, cannot be read: " + p));
        err.println("slant: wrote " + format.title() + " to " + file + " (" + Files.size(file) + " bytes)");
        return OK;
    }

    /** The way back in for a server whose only admin lost the password printed on the first start. */
    private int resetPassword(Map<String, List<String>> o) {
        allow(o, "--workspace", "--user");
        String user = required(o, "--user");
        Path folder = workspaceFolder(o);
        openForWriting(folder, "reset-password", STOP_THE_SERVER);
        UserService users = services(o).users();
        requireUser(users, user, o);
        out.println(users.resetPassword(user));
        err.println("slant: new password for " + user + " printed above; they can change it under Account");
        return OK;
    }

    private int importFile(Map<String, List<String>> o) throws IOException {
        allow(o, "--workspace", "--format", "--file", "--annotator", "--map", "--skip-unknown", "--no-create", "--check",
                "--project");
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
                !o.containsKey("--no-create")).inProject(single(o, "--project", null));
        if (!o.containsKey("--check")) {
            openForWriting(workspaceFolder(o), "import",
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
        String summary = report.spansImported() + " spans, " + (report.structureLine().isEmpty() ? ""
                : report.structureLine() + ", ") + report.documentsMatched() + " documents matched, "
                + report.documentsCreated() + " created, " + report.spansSkipped() + " spans skipped";
        report.schemeAdditions().forEach(a -> err.println("slant: " + (checkOnly ? "would add to" : "added to")
                + " the project's scheme: " + a));
        if (!report.ok()) {
            err.println("slant: nothing imported: " + report.problemCount() + " problem(s) in " + file);
            return FAILED;
        }
        err.println("slant: " + (checkOnly ? "check passed, would import " : "imported ") + summary);
        return OK;
    }

    private record Services(ExportService exports, ImportService imports, UserService users, ProjectService projects) {
    }

    /** The workspace folder of --workspace (default: annotations), which must exist: a typo makes no new workspace. */
    /** The services of a command that writes: it holds the folder first (see {@link #openForWriting}). */
    private Services writingServices(Map<String, List<String>> o, String command, String advice) {
        openForWriting(workspaceFolder(o), command, advice);
        return services(o);
    }

    private static Path workspaceFolder(Map<String, List<String>> o) {
        Path folder = Path.of(single(o, "--workspace", "annotations"));
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no workspace at " + folder.toAbsolutePath()
                    + ": create it, or start the server once");
        }
        return folder;
    }

    private Services services(Map<String, List<String>> o) {
        Path folder = workspaceFolder(o);
        WorkspaceStores stores = held != null ? workspaces.open(folder) : workspaces.openForReading(folder);
        Clock clock = Clock.systemUTC();
        DocumentService documents = new DocumentService(stores.documents(), clock, 2 * 1024 * 1024);
        org.slant.project.ProjectRegistry registry = new org.slant.project.ProjectRegistry(stores.projects(),
                stores.legacyLabels(), stores.documents());
        LabelService labels = new LabelService(registry);
        AnnotationService annotations = new AnnotationService(documents, labels, stores.layers(), clock);
        // as in the app: an export of every layer leaves out students' exercise layers
        ProjectService projects = new ProjectService(registry, documents, annotations,
                new SchemeTemplates(SlantJson::readScheme));
        org.slant.annotation.ClassWork students = new org.slant.teaching.StudentLayers(
                stores.exercises(), projects);
        return new Services(new ExportService(documents, annotations, labels, students),
                new ImportService(documents, annotations, labels, stores.layers(), projects),
                new UserService(stores.users(), clock), projects);
    }

    // ---- unknown commands ----

    /** A typo (exprot) or a stray word: say so, suggest the nearest command, list them all, exit 2. */
    private int unknownCommand(String[] args) {
        // "--workspace DIR export": the command is there, only not first; otherwise the first word is the typo
        String word = Arrays.stream(args).filter(COMMANDS::contains).findFirst()
                .orElseGet(() -> Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse(args[0]));
        if (COMMANDS.contains(word)) {
            err.println("slant: the command comes first: java -jar slant.jar " + word + " [options]");
        } else {
            err.println("slant: unknown command \"" + word + "\"" + nearest(word).map(c -> "; did you mean \"" + c + "\"?").orElse(""));
        }
        err.println("slant: the commands are " + String.join(", ", COMMANDS)
                + " (java -jar slant.jar help explains them; with no command, or only --options, the server starts)");
        return USAGE;
    }

    /** The command within two edits of the word, if there is one. */
    static java.util.Optional<String> nearest(String word) {
        return COMMANDS.stream().filter(c -> editDistance(word.toLowerCase(java.util.Locale.ROOT), c) <= 2)
                .min(java.util.Comparator.comparingInt(c -> editDistance(word.toLowerCase(java.util.Locale.ROOT), c)));
    }

    /** Levenshtein distance, with a swap of two neighbours (exprot for export) counting as one edit. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    // ---- templates and projects ----

    /** The scheme templates, one tab-separated line each under a header. */
    private int templates(Map<String, List<String>> o) {
        allow(o);
        out.println("id\tname\tlabels\tdescription");
        for (SchemeTemplate t : new SchemeTemplates(SlantJson::readScheme).all()) {
            out.println(t.id() + "\t" + t.name() + "\t" + t.scheme().labels().size() + "\t" + t.description());
        }
        return OK;
    }

    private int project(String[] args) {
        String action = subcommand(args, "project", "create or list");
        return switch (action) {
            case "create" -> projectCreate(options(args, 2, Set.of()));
            case "list" -> projectList(options(args, 2, Set.of()));
            default -> throw new UsageException("project takes create or list, not \"" + action + "\"");
        };
    }

    /** A new project from a template; its id on standard output (the notes on standard error). */
    private int projectCreate(Map<String, List<String>> o) {
        allow(o, "--workspace", "--name", "--template", "--curator");
        String name = required(o, "--name");
        String template = single(o, "--template", SchemeTemplates.DEFAULT_ID);
        String curator = single(o, "--curator", null);
        new SchemeTemplates(SlantJson::readScheme).get(template); // names the templates when there is no such one
        Services s = writingServices(o, "project create", "make it in the app (Projects → New project), or stop the server first");
        if (curator != null) {
            requireUser(s.users(), curator, o);
        }
        Project project = s.projects().create(name, curator, template);
        err.println("slant: made project " + project.id() + " (\"" + project.name() + "\") with the scheme template "
                + template + (curator == null ? "; no curator yet: admins manage it" : ", curator " + curator));
        out.println(project.id());
        return OK;
    }

    private int projectList(Map<String, List<String>> o) {
        allow(o, "--workspace");
        Services s = services(o);
        out.println("id\tname\tdocuments\tmembers");
        for (Project p : s.projects().projects()) {
            out.println(p.id() + "\t" + p.name() + "\t" + s.projects().documentsOf(p.id()).size() + "\t"
                    + p.members().size());
        }
        return OK;
    }

    // ---- user ----

    private int user(String[] args) throws IOException {
        String action = subcommand(args, "user", "add, list, disable or enable");
        return switch (action) {
            case "add" -> userAdd(name(args, "user add"), options(args, 3, Set.of("--password-stdin")));
            case "list" -> userList(options(args, 2, Set.of()));
            case "disable" -> userDisable(name(args, "user disable"), options(args, 3, Set.of()), true);
            case "enable" -> userDisable(name(args, "user enable"), options(args, 3, Set.of()), false);
            default -> throw new UsageException("user takes add, list, disable or enable, not \"" + action + "\"");
        };
    }

    /**
     * A new account: admin, or curator or annotator of a project. The project is checked before the
     * account is made, so a wrong id leaves nothing behind; the password rules are UserService's.
     */
    private int userAdd(String name, Map<String, List<String>> o) throws IOException {
        allow(o, "--workspace", "--role", "--project", "--display-name", "--password-stdin");
        String role = required(o, "--role").toLowerCase(java.util.Locale.ROOT);
        if (!Set.of("admin", "curator", "annotator").contains(role)) {
            throw new UsageException("--role takes admin, curator or annotator, not \"" + role + "\"");
        }
        boolean admin = role.equals("admin");
        String projectId = single(o, "--project", admin ? null : Project.DEFAULT_ID);
        Services s = writingServices(o, "user add", USE_THE_APP);
        if (projectId != null) {
            s.projects().get(projectId); // names the id when there is no such project
        }
        String password;
        if (o.containsKey("--password-stdin")) {
            password = firstLineOf(in);
        } else {
            password = s.users().randomPassword();
        }
        s.users().create(name, single(o, "--display-name", null), password, admin);
        if (projectId != null) {
            s.projects().setMember(projectId, name, role.equals("annotator") ? ProjectRole.ANNOTATOR : ProjectRole.CURATOR);
        }
        err.println("slant: made " + (admin ? "admin " : "") + name
                + (projectId == null ? "" : ", " + (role.equals("annotator") ? "annotator" : "curator") + " of " + projectId));
        if (!o.containsKey("--password-stdin")) {
            err.println("slant: the password, printed once below; they can change it under Account");
            out.println(password);
        }
        return OK;
    }

    /** Every account as tab-separated lines under a header: name, display name, roles, disabled. */
    private int userList(Map<String, List<String>> o) {
        allow(o, "--workspace");
        Services s = services(o);
        out.println("name\tdisplay name\troles\tdisabled");
        for (User user : s.users().users()) {
            List<String> roles = new ArrayList<>();
            if (user.admin()) {
                roles.add("admin");
            }
            for (Project project : s.projects().projects()) {
                ProjectRole role = project.members().get(user.name());
                if (role != null) {
                    roles.add(role.name().toLowerCase(java.util.Locale.ROOT) + " of " + project.id());
                }
            }
            out.println(user.name() + "\t" + user.displayName() + "\t" + (roles.isEmpty() ? "-" : String.join(", ", roles))
                    + "\t" + (user.disabled() ? "yes" : "no"));
        }
        return OK;
    }

    /** Disables (or enables again) an account; the last admin stays, as in the app. */
    private int userDisable(String name, Map<String, List<String>> o, boolean disabled) {
        allow(o, "--workspace");
        UserService users = writingServices(o, disabled ? "user disable" : "user enable", USE_THE_APP).users();
        requireUser(users, name, o);
        users.setDisabled(name, disabled);
        err.println("slant: " + name + (disabled ? " is disabled: no sign-in and no token work any more; their layers stay"
                : " is enabled again"));
        return OK;
    }

    // ---- token ----

    private int token(String[] args) {
        String action = subcommand(args, "token", "create, list or revoke");
        return switch (action) {
            case "create" -> tokenCreate(options(args, 2, Set.of()));
            case "list" -> tokenList(options(args, 2, Set.of()));
            case "revoke" -> tokenRevoke(options(args, 2, Set.of()));
            default -> throw new UsageException("token takes create, list or revoke, not \"" + action + "\"");
        };
    }

    /** A personal API token, printed once as the last line of standard output (the notes go to standard error). */
    private int tokenCreate(Map<String, List<String>> o) {
        allow(o, "--workspace", "--user", "--name");
        String user = required(o, "--user");
        UserService users = writingServices(o, "token create", USE_THE_APP).users();
        requireUser(users, user, o);
        UserService.NewToken token = users.createToken(user, single(o, "--name", "command line"));
        err.println("slant: API token " + token.token().id() + " (\"" + token.token().label() + "\") for " + user
                + ", printed once below: send it as \"Authorization: Bearer …\"");
        out.println(token.secret());
        return OK;
    }

    private int tokenList(Map<String, List<String>> o) {
        allow(o, "--workspace", "--user");
        String user = required(o, "--user");
        UserService users = services(o).users();
        requireUser(users, user, o);
        out.println("id\tlabel\tcreated");
        for (ApiToken token : users.get(user).tokens()) {
            out.println(token.id() + "\t" + token.label() + "\t" + token.created());
        }
        return OK;
    }

    /** Revokes by id, or by label when exactly one of the user's tokens has it. */
    private int tokenRevoke(Map<String, List<String>> o) {
        allow(o, "--workspace", "--user", "--id", "--name");
        String user = required(o, "--user");
        if (o.containsKey("--id") == o.containsKey("--name")) {
            throw new UsageException("token revoke takes --id ID or --name LABEL (one of them)");
        }
        UserService users = writingServices(o, "token revoke", USE_THE_APP).users();
        requireUser(users, user, o);
        String id = single(o, "--id", null);
        if (id == null) {
            String label = required(o, "--name");
            List<ApiToken> named = users.get(user).tokens().stream().filter(t -> t.label().equals(label)).toList();
            if (named.size() != 1) {
                throw new IllegalArgumentException((named.isEmpty() ? "no API token" : named.size() + " API tokens")
                        + " of " + user + " named \"" + label + "\"; revoke by --id (token list --user " + user + " shows them)");
            }
            id = named.getFirst().id();
        }
        users.revokeToken(user, id);
        err.println("slant: API token " + id + " of " + user + " revoked: scripts using it now get 401");
        return OK;
    }

    // ---- helpers ----

    private static void requireUser(UserService users, String user, Map<String, List<String>> o) {
        if (users.find(user).isEmpty()) {
            throw new IllegalArgumentException("no user \"" + user + "\" in " + workspaceFolder(o).toAbsolutePath()
                    + "; the users are: " + String.join(", ", users.users().stream().map(User::name).toList()));
        }
    }

    private static String subcommand(String[] args, String command, String choices) {
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new UsageException(command + " takes " + choices);
        }
        return args[1];
    }

    /** The NAME right after "user add" or "user disable". */
    private static String name(String[] args, String command) {
        if (args.length < 3 || args[2].startsWith("--")) {
            throw new UsageException(command + " needs a user name: " + command + " NAME");
        }
        return args[2];
    }

    /** The first line of standard input, for --password-stdin (echo "$PW" | java -jar slant.jar user add …). */
    private static String firstLineOf(InputStream in) throws IOException {
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))
                .readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("--password-stdin: standard input had no password (one line)");
        }
        return line;
    }

    /** "--name value" pairs and bare flags; repeated names keep every value. */
    private static Map<String, List<String>> options(String[] args, Set<String> flags) {
        return options(args, 1, flags);
    }

    /** The options from args[from] on (after the command, and its action and name where it has them). */
    private static Map<String, List<String>> options(String[] args, int from, Set<String> flags) {
        Map<String, List<String>> o = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
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
