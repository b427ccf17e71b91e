package org.slant.security;

import java.time.Instant;
import java.util.Objects;

/**
 * A personal API token as stored: its public id, the owner's label for it, and the SHA-256 of the secret.
 * The secret itself is shown once when the token is made and never stored, like a password.
 */
public record ApiToken(String id, String label, String sha256, Instant created) {

    public ApiToken {
        if (id == null || !id.matches("[a-z0-9]{8,32}")) {
            throw new IllegalArgumentException("API token id must be 8-32 lower-case letters or digits, got: " + id);
        }
        label = label == null || label.isBlank() ? "token" : label.strip();
        if (label.length() > 100) {
            throw new IllegalArgumentException("API token label is longer than 100 characters");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("API token " + id + " has no SHA-256 hash");
        }
        Objects.requireNonNull(created, "created");
    }
}
