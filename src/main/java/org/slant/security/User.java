package org.slant.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slant.annotation.Layer;
import org.slant.document.DocumentId;

/**
 * A person who signs in. {@code name} is the sign-in name and also the name of their layers, so it is a
 * slug and never one of the derived layer names. Only a bcrypt hash of the password is kept. A disabled
 * user (someone who left) cannot sign in or use a token, and their layers stay as they were.
 */
public record User(String name, String displayName, String passwordHash, boolean admin, Instant created,
                   List<ApiToken> tokens, boolean disabled) {

    public static final int MAX_DISPLAY_NAME = 100;

    public User {
        DocumentId.require(name, "User name");
        if (Layer.DERIVED.contains(name)) {
            throw new IllegalArgumentException("User name \"" + name + "\" is reserved for a derived layer; choose another");
        }
        displayName = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (displayName.length() > MAX_DISPLAY_NAME) {
            throw new IllegalArgumentException("Display name of " + name + " is longer than " + MAX_DISPLAY_NAME + " characters");
        }
        if (passwordHash == null || !passwordHash.startsWith("{bcrypt}")) {
            throw new IllegalArgumentException("User " + name + " has no bcrypt password hash");
        }
        Objects.requireNonNull(created, "created");
        tokens = List.copyOf(tokens);
    }

    public User withPasswordHash(String hash) {
        return new User(name, displayName, hash, admin, created, tokens, disabled);
    }

    public User withAdmin(boolean isAdmin) {
        return new User(name, displayName, passwordHash, isAdmin, created, tokens, disabled);
    }

    public User withDisplayName(String display) {
        return new User(name, display, passwordHash, admin, created, tokens, disabled);
    }

    public User withDisabled(boolean isDisabled) {
        return new User(name, displayName, passwordHash, admin, created, tokens, isDisabled);
    }

    public User withTokens(List<ApiToken> newTokens) {
        return new User(name, displayName, passwordHash, admin, created, newTokens, disabled);
    }
}
