package org.slant.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * Thrown by {@link AccessPolicy} when a signed-in user asks for something that is not theirs. The API
 * answers 403 with the message; views show it. It is Spring's AccessDeniedException so the security
 * filter chain maps it the same way wherever it is thrown.
 */
public class AccessDenied extends AccessDeniedException {

    public AccessDenied(String message) {
        super(message);
    }
}
