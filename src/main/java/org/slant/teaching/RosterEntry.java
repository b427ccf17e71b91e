package org.slant.teaching;

import java.time.Instant;
import java.util.Objects;
import org.slant.document.DocumentId;

/** One student of an exercise: their user name (a slug, also their layer's name) and the name the teacher sees. */
public record RosterEntry(String user, String displayName, Instant joined) {

    public static final int MAX_NAME = 80;

    public RosterEntry {
        DocumentId.require(user, "Student user name");
        displayName = checkDisplayName(displayName);
        Objects.requireNonNull(joined, "joined");
    }

    /** Stripped, 1 to {@value #MAX_NAME} characters, no control characters; throws with a message otherwise. */
    public static String checkDisplayName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("A student needs a name");
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME) {
            throw new IllegalArgumentException("The name \"" + stripped.substring(0, 20) + "...\" is longer than "
                    + MAX_NAME + " characters");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The name \"" + stripped.replaceAll("\\p{Cntrl}", " ")
                    + "\" contains a line break or control character");
        }
        return stripped;
    }
}
