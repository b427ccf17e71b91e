package org.slant.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slant.access.Audit;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Reads the audit trail back for admins: the newest lines of the file the audit logger writes
 * ({@code <workspace>/audit.log}, see logback-spring.xml).
 */
@Service
public class AuditTrail {

    /** Read from the end of the file only: a trail of many megabytes is not loaded to show its tail. */
    private static final int TAIL_BYTES = 512 * 1024;

    private final UserService users;
    private final Path fallback;

    public AuditTrail(UserService users, @Value("${slant.workspace:annotations}") Path workspace) {
        this.users = users;
        this.fallback = workspace.resolve("audit.log");
    }

    /** The newest {@code max} lines, oldest first; only for admins. */
    public List<String> newest(String actor, int max) {
        if (!users.isAdmin(actor)) {
            throw new AccessDenied("Only an admin may read the audit trail.");
        }
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] tail = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(tail);
            List<String> lines = new ArrayList<>(new String(tail, StandardCharsets.UTF_8).lines().toList());
            if (start > 0 && !lines.isEmpty()) {
                lines.removeFirst(); // cut in the middle
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - max), lines.size()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("The audit trail " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Where the audit logger writes now; the workspace's audit.log when logging is set up otherwise. */
    Path file() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger audit = context.getLogger(Audit.LOGGER);
            for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = audit.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof FileAppender<?> f && f.getFile() != null) {
                    return Path.of(f.getFile());
                }
            }
        }
        return fallback;
    }
}
