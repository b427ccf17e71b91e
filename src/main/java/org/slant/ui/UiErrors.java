package org.slant.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.slant.annotation.SpanRejectedException;
import org.slant.annotation.StaleLayerException;
import org.slant.security.AccessDenied;
import org.slant.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the UI reports a failure, in one place: an expected refusal (a span rejected, a stale layer,
 * access denied, invalid input, a storage problem that names its file) is shown as its own message and
 * logged at INFO or WARN; anything else is a bug or an outage, logged at ERROR with a short reference id
 * that the generic message shows, so an admin can find it in the log.
 */
public final class UiErrors {

    private static final Logger log = LoggerFactory.getLogger(UiErrors.class);

    private UiErrors() {
    }

    /** What the user reads; logs the failure once. */
    public static String describe(Throwable failure) {
        Throwable e = unwrap(failure);
        if (isExpected(e)) {
            if (e instanceof StorageException) {
                log.warn("Refused: {}", e.getMessage());
            } else {
                log.info("Refused: {}", e.getMessage());
            }
            return e.getMessage();
        }
        String reference = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase(Locale.ROOT);
        log.error("Unexpected error, reference {}", reference, e);
        return "Something went wrong; nothing more was changed. If it happens again, tell an admin the reference "
                + reference + ".";
    }

    /** Logs the failure and shows it as the one notification of it. */
    public static Notification show(Throwable failure) {
        Throwable e = unwrap(failure);
        Notification n = Notification.show(describe(e), 8000, Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(isExpected(e) ? NotificationVariant.WARNING : NotificationVariant.ERROR);
        return n;
    }

    /** Refusals the services make on purpose, with a message meant for the user. */
    public static boolean isExpected(Throwable e) {
        return e instanceof SpanRejectedException || e instanceof StaleLayerException || e instanceof AccessDenied
                || e instanceof IllegalArgumentException || e instanceof StorageException
                || e instanceof org.slant.teaching.TeachingException || e instanceof org.slant.storage.LimitExceededException;
    }

    /**
     * Vaadin wraps what a listener threw (event dispatch, UI.access's future): a refusal anywhere in the
     * chain of causes is what the user needs to read; anything else is logged whole.
     */
    static Throwable unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isExpected(t)) {
                return t;
            }
        }
        return e;
    }
}
