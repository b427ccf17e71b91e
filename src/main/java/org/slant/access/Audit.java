package org.slant.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The audit trail: one line per sign-in, refused save, import and admin action, to the logger
 * {@value #LOGGER}. logback-spring.xml also writes that logger to {@code <workspace>/audit.log}, which
 * admins read on the Audit page. A line says who (the signed-in user, or "system" when nobody is: the
 * command line, or the server itself, as when it makes the first admin), what, and on what.
 */
public final class Audit {

    public static final String LOGGER = "slant.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

    private Audit() {
    }

    /** {@code action} is a short fixed word such as "user-created"; {@code detail} names what it acted on. */
    public static void record(String action, String detail) {
        record(actor(), action, detail);
    }

    public static void record(String actor, String action, String detail) {
        AUDIT.info("{} {} {}", oneLine(actor), action, oneLine(detail));
    }

    /** A refusal: the same line at WARN, so a filter on the level finds them. */
    public static void refused(String action, String detail) {
        refused(actor(), action, detail);
    }

    public static void refused(String actor, String action, String detail) {
        AUDIT.warn("{} {} {}", oneLine(actor), action, oneLine(detail));
    }

    /** Who is signed in on this thread, or "system" (the command line, the server's own start-up work). */
    public static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return "system";
        }
        return auth.getName();
    }

    /** A user's text (a title, a message) must not start a forged line of its own. */
    private static String oneLine(String detail) {
        return detail == null ? "" : detail.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }
}
