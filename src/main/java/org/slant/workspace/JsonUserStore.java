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
    /** The files that could not be read when the users were loaded: user name to message. */
    private final Map<String, String> unreadable = new java.util.concurrent.ConcurrentSkipListMap<>();

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
        User user = users().get(name);
        if (user == null && name != null && unreadable.containsKey(name)) {
            user = readAgain(name); // fixed by hand since: the user can sign in again without a restart
        }
        return Optional.ofNullable(user);
    }

    private synchronized User readAgain(String name) {
        try {
            Optional<User> fixed = read(fileOf(name));
            unreadable.remove(name);
            fixed.ifPresent(u -> cache.put(u.name(), u));
            return fixed.orElse(null);
        } catch (WorkspaceException e) {
            unreadable.put(name, e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            return null; // a file name that is no user name: nobody can sign in as it
        }
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
        unreadable.remove(user.name());
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
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : stream) {
                if (AtomicFile.isTemp(file)) {
                    continue;
                }
                try {
                    read(file).ifPresent(u -> users.put(u.name(), u));
                } catch (WorkspaceException e) {
                    log.error("{} (this account cannot sign in until the file is fixed; it is never overwritten)", e.getMessage());
                    String name = file.getFileName().toString();
                    unreadable.put(name.substring(0, name.length() - ".json".length()), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException(files.relative(folder) + ": cannot list the folder: " + e.getMessage(), e);
        }
        return users;
    }

    @Override
    public List<String> problems() {
        users();
        return List.copyOf(unreadable.values());
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
