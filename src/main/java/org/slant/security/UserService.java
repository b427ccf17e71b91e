package org.slant.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slant.access.Audit;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Accounts: creating users, passwords, the first admin, and personal API tokens. Users are few (a team, a
 * class), so all of them are cached in memory and every change is written straight through.
 */
@Service
public class UserService {

    private final java.util.List<java.util.function.Consumer<String>> accessEnded = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<java.util.function.Consumer<String>> passwordChanged = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UserService.class);

    public static final String ADMIN = "admin";
    public static final int MIN_PASSWORD = PasswordRules.MIN_LENGTH;
    private static final String TOKEN_PREFIX = "slant_";
    /** No 0/O, 1/l/I: generated passwords are read aloud in class and copied from a log. */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final UserStore store;
    private final Clock clock;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final SecureRandom random = new SecureRandom();

    public UserService(UserStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new token: the stored part, and the secret to show once. */
    public record NewToken(ApiToken token, String secret) {
    }

    public List<User> users() {
        return store.findAll().stream().sorted(Comparator.comparing(User::name)).toList();
    }

    public Optional<User> find(String name) {
        return name == null ? Optional.empty() : store.find(name);
    }

    public User get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No user named \"" + name + "\""));
    }

    public boolean isAdmin(String name) {
        return find(name).map(u -> u.admin() && !u.disabled()).orElse(false);
    }

    /** Signed-in users who may act: the account exists and is not disabled. */
    public boolean isActive(String name) {
        return find(name).map(u -> !u.disabled()).orElse(false);
    }

    /** For admins: someone who left keeps their layers but can no longer sign in or use a token. */
    public synchronized void setDisabled(String name, boolean disabled) {
        User user = get(name);
        if (disabled && user.admin() && users().stream().filter(u -> u.admin() && !u.disabled()).count() == 1) {
            throw new IllegalArgumentException("\"" + name + "\" is the last admin; make someone else admin first");
        }
        store.save(user.withDisabled(disabled));
        Audit.record(disabled ? "user-disabled" : "user-enabled", name);
        if (disabled) {
            accessEnded.forEach(l -> l.accept(name));
        }
    }

    /**
     * Hears about accounts that were just disabled, so pages still open for them can leave at once
     * rather than at their next action. Returns what stops the listening.
     */
    public Runnable onAccessEnded(java.util.function.Consumer<String> listener) {
        accessEnded.add(listener);
        return () -> accessEnded.remove(listener);
    }

    /**
     * Hears about users whose password was just changed or reset, so their other sessions can end (someone
     * who learned the old password is signed out with it). Listeners run in the thread that changed the
     * password, in the order they were added. Returns what stops the listening.
     */
    public Runnable onPasswordChanged(java.util.function.Consumer<String> listener) {
        passwordChanged.add(listener);
        return () -> passwordChanged.remove(listener);
    }

    /** Refuses a password that may not be set for this account (too short, too common, the own name), saying why. */
    public void checkNewPassword(String name, String displayName, String password) {
        PasswordRules.problem(password, name, displayName).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    public synchronized User create(String name, String displayName, String password, boolean admin) {
        if (org.slant.annotation.Layer.isModelLayer(name)) {
            throw new IllegalArgumentException("The name \"" + name + "\" is reserved for layers of machine "
                    + "pre-annotations (model, model-…); choose another");
        }
        if (store.find(name).isPresent()) {
            throw new IllegalArgumentException("A user named \"" + name + "\" already exists");
        }
        checkNewPassword(name, displayName, password);
        User user = new User(name, displayName, hash(password), admin, clock.instant(), List.of(), false);
        store.save(user);
        Audit.record("user-created", name + (admin ? " as admin" : ""));
        return user;
    }

    /**
     * On a first start with no users, makes the admin: with the configured password if there is one,
     * otherwise with a random one that is returned so it can be printed once. There is no default password.
     * A configured password that the password rules refuse stops here, saying why, rather than making an
     * admin anyone could guess.
     */
    public synchronized Optional<String> createFirstAdmin(String configuredPassword) {
        if (!store.findAll().isEmpty()) {
            return Optional.empty();
        }
        if (!store.problems().isEmpty()) {
            // accounts exist but cannot be read: a fresh admin could take the name of one, so fix the files instead
            log.error("No first admin created: there are accounts whose files cannot be read. Fix them and restart: {}",
                    store.problems());
            return Optional.empty();
        }
        boolean generate = configuredPassword == null || configuredPassword.isBlank();
        String password = generate ? generatedPassword(ADMIN, 16) : configuredPassword;
        PasswordRules.problem(password, ADMIN, "Administrator").ifPresent(problem -> {
            throw new IllegalArgumentException("SLANT_ADMIN_PASSWORD (slant.admin.password) is refused for the first admin: "
                    + problem + ". Set a stronger one, or leave it unset to get a random password printed once.");
        });
        create(ADMIN, "Administrator", password, true);
        return generate ? Optional.of(password) : Optional.empty();
    }

    public boolean passwordMatches(String name, String password) {
        return find(name).map(u -> bcrypt.matches(password, stripPrefix(u.passwordHash()))).orElse(false);
    }

    public synchronized void changePassword(String name, String oldPassword, String newPassword) {
        if (!passwordMatches(name, oldPassword)) {
            throw new IllegalArgumentException("The current password is not right");
        }
        User user = get(name);
        checkNewPassword(name, user.displayName(), newPassword);
        store.save(user.withPasswordHash(hash(newPassword)));
        Audit.record("password-changed", name);
        passwordChanged.forEach(l -> l.accept(name));
    }

    /** A password to hand out: 12 characters without look-alikes (about 70 bits), one the password rules accept. */
    public String randomPassword() {
        return generatedPassword(null, 12);
    }

    /**
     * For an admin or teacher: a new random password, to hand to the user. Their other sessions end
     * (see {@link #onPasswordChanged}).
     */
    public synchronized String resetPassword(String name) {
        User user = get(name);
        String password = generatedPassword(name, 12);
        store.save(user.withPasswordHash(hash(password)));
        Audit.record("password-reset", name);
        passwordChanged.forEach(l -> l.accept(name));
        return password;
    }

    public synchronized void setAdmin(String name, boolean admin) {
        if (!admin && get(name).admin() && users().stream().filter(User::admin).count() == 1) {
            throw new IllegalArgumentException("\"" + name + "\" is the last admin; make someone else admin first");
        }
        store.save(get(name).withAdmin(admin));
        Audit.record("role-changed", name + (admin ? " is now admin" : " is no longer admin"));
    }

    // ---- the same as admin actions of a signed-in user ({@code actor}), from the Users page ----

    private void requireAdmin(String actor) {
        if (!isAdmin(actor) || !isActive(actor)) {
            Audit.refused(actor, "admin-action-refused", "not an admin");
            throw new AccessDenied("Only an admin may do this.");
        }
    }

    public User create(String actor, String name, String displayName, String password, boolean admin) {
        requireAdmin(actor);
        return create(name, displayName, password, admin);
    }

    public String resetPassword(String actor, String name) {
        requireAdmin(actor);
        return resetPassword(name);
    }

    /** No admin takes their own admin role away by accident: another admin does it. */
    public void setAdmin(String actor, String name, boolean admin) {
        requireAdmin(actor);
        if (!admin && actor.equals(name)) {
            throw new IllegalArgumentException("You cannot remove your own admin role; another admin can.");
        }
        setAdmin(name, admin);
    }

    /** No admin disables their own account: another admin does it. */
    public void setDisabled(String actor, String name, boolean disabled) {
        requireAdmin(actor);
        if (disabled && actor.equals(name)) {
            throw new IllegalArgumentException("You cannot disable your own account; another admin can.");
        }
        setDisabled(name, disabled);
    }

    public synchronized void setDisplayName(String name, String displayName) {
        store.save(get(name).withDisplayName(displayName));
    }

    public String displayName(String name) {
        return find(name).map(User::displayName).orElse(name);
    }

    // ---- API tokens ----

    public synchronized NewToken createToken(String name, String label) {
        User user = get(name);
        if (user.tokens().size() >= 20) {
            throw new IllegalArgumentException("You already have 20 API tokens; revoke one first");
        }
        String id = randomSecret(12).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        String secret = TOKEN_PREFIX + id + "_" + randomSecret(32);
        ApiToken token = new ApiToken(id, label, sha256(secret), clock.instant());
        List<ApiToken> tokens = new ArrayList<>(user.tokens());
        tokens.add(token);
        store.save(user.withTokens(tokens));
        Audit.record("token-created", name + " token " + id + " \"" + label + "\"");
        return new NewToken(token, secret);
    }

    public synchronized void revokeToken(String name, String tokenId) {
        User user = get(name);
        List<ApiToken> kept = user.tokens().stream().filter(t -> !t.id().equals(tokenId)).toList();
        if (kept.size() == user.tokens().size()) {
            throw new IllegalArgumentException("No API token " + tokenId + " for " + name);
        }
        store.save(user.withTokens(kept));
        Audit.record("token-revoked", name + " token " + tokenId);
    }

    /** The user a token secret belongs to, if the token exists and has not been revoked. */
    public Optional<User> authenticateToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        int separator = secret.indexOf('_', TOKEN_PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        String id = secret.substring(TOKEN_PREFIX.length(), separator);
        byte[] presented = HexFormat.of().parseHex(sha256(secret));
        for (User user : store.findAll()) {
            for (ApiToken token : user.tokens()) {
                // constant-time compare of the hashes, so timing does not leak how much of a guess was right
                if (token.id().equals(id) && MessageDigest.isEqual(presented, HexFormat.of().parseHex(token.sha256()))) {
                    return user.disabled() ? Optional.empty() : Optional.of(user);
                }
            }
        }
        return Optional.empty();
    }

    // ---- helpers ----

    /** Callers check the password rules first (checkNewPassword); the length check stays as a last guard. */
    private String hash(String password) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > PasswordRules.MAX_BYTES) {
            throw new IllegalArgumentException("A password may have at most " + PasswordRules.MAX_BYTES + " bytes (a bcrypt limit)");
        }
        return "{bcrypt}" + bcrypt.encode(password);
    }

    /** Random until the password rules accept it: a draw that happens to be common or the name is drawn again. */
    private String generatedPassword(String name, int length) {
        while (true) {
            String password = randomSecret(length);
            if (PasswordRules.problem(password, name, name).isEmpty()) {
                return password;
            }
        }
    }

    private static String stripPrefix(String hash) {
        return hash.substring("{bcrypt}".length());
    }

    String randomSecret(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
