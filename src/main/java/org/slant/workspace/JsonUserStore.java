package org.slant.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slant.document.DocumentId;
import org.slant.exchange.SlantJson;
import org.slant.security.ApiToken;
import org.slant.security.User;
import org.slant.security.UserStore;
import tools.jackson.databind.JsonNode;

/**
 * Accounts as {@code users/{name}.json} (format slant-user/1): one file per user, holding the bcrypt hash
 * of the password and the SHA-256 of each API token, never a secret. Cached, since every request that
 * carries a token looks users up.
 *
 * <p>A file that cannot be read (a typo by hand) leaves out that user only: they cannot sign in, the
 * problem is logged and listed for admins, everyone else works as usual, and a save to that user is
 * refused rather than overwriting the file.
 */
public final class JsonUserStore implements UserStore {

    public static final String FORMAT = "slant-user/1";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JsonUserStore.class);

    private final WorkspaceFiles files;
    private final Path folder;
    private volatile Map<String, User> cache;
    /** The files that could not be read when the users were loaded, one message each. */
    private volatile List<String> unreadable = List.of();

    public JsonUserStore(JsonWorkspace workspace) {
        this.files = workspace.files();
        this.folder = files.root().resolve("users");
    }

    @Override
    public List<User> findAll() {
        return List.copyOf(users().values());
    }

    @Override
    public Optional<User> find(String name) {
        return Optional.ofNullable(users().get(name));
    }

    @Override
    public synchronized void save(User user) {
        Path file = fileOf(user.name());
        users(); // loaded before the first write, so the cache below is there to update
        files.write(file, () -> read(file), g -> {
            g.writeStartObject();
            g.writeStringProperty("format", FORMAT);
            g.writeStringProperty("name", user.name());
            g.writeStringProperty("displayName", user.displayName());
            g.writeStringProperty("passwordHash", user.passwordHash());
            g.writeBooleanProperty("admin", user.admin());
            if (user.disabled()) {
                g.writeBooleanProperty("disabled", true);
            }
            g.writeStringProperty("created", user.created().toString());
            g.writeArrayPropertyStart("tokens");
            for (ApiToken t : user.tokens()) {
                g.writeStartObject();
                g.writeStringProperty("id", t.id());
                g.writeStringProperty("label", t.label());
                g.writeStringProperty("sha256", t.sha256());
                g.writeStringProperty("created", t.created().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        cache.put(user.name(), user);
    }

    private Map<String, User> users() {
        Map<String, User> current = cache;
        if (current == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = load();
                }
                current = cache;
            }
        }
        return current;
    }

    private Map<String, User> load() {
        Map<String, User> users = new ConcurrentHashMap<>();
        if (!Files.isDirectory(folder)) {
            return users;
        }
        List<String> problems = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : stream) {
                if (AtomicFile.isTemp(file)) {
                    continue;
                }
                try {
                    read(file).ifPresent(u -> users.put(u.name(), u));
                } catch (WorkspaceException e) {
                    log.error("{} (this account cannot sign in until the file is fixed; it is never overwritten)", e.getMessage());
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException(files.relative(folder) + ": cannot list the folder: " + e.getMessage(), e);
        }
        problems.sort(null);
        unreadable = List.copyOf(problems);
        return users;
    }

    @Override
    public List<String> problems() {
        users();
        return unreadable;
    }

    private Optional<User> read(Path file) {
        return files.read(file, node -> {
            SlantJson.requireFormat(node, FORMAT);
            String name = SlantJson.string(node, "name", "", true);
            if (!file.getFileName().toString().equals(name + ".json")) {
                throw new IllegalArgumentException("holds user \"" + name + "\" but the file name says otherwise");
            }
            List<ApiToken> tokens = new ArrayList<>();
            for (JsonNode t : node.path("tokens")) {
                tokens.add(new ApiToken(SlantJson.string(t, "id", "token", true), SlantJson.string(t, "label", "token", false),
                        SlantJson.string(t, "sha256", "token", true), instant(t, "token")));
            }
            return new User(name, SlantJson.string(node, "displayName", "", false),
                    SlantJson.string(node, "passwordHash", "", true), node.path("admin").asBoolean(false),
                    instant(node, ""), tokens, node.path("disabled").asBoolean(false));
        });
    }

    private static Instant instant(JsonNode node, String where) {
        String value = SlantJson.string(node, "created", where, true);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException((where.isEmpty() ? "" : where + ": ") + "\"created\" must be an ISO-8601 instant, got: " + value);
        }
    }

    private Path fileOf(String name) {
        return files.inside(folder.resolve(DocumentId.require(name, "User name") + ".json"));
    }
}
