package org.slant.workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process for the lock tests: takes a workspace folder's lock as "server", prints "locked PID"
 * and holds it until killed (or until its standard input closes, so it never outlives the test JVM).
 */
public final class WorkspaceLockHolder {

    public static void main(String[] args) throws IOException {
        WorkspaceLock lock;
        try {
            lock = WorkspaceLock.acquire(Path.of(args[0]), "server");
        } catch (WorkspaceInUseException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
            return;
        }
        System.out.println("locked " + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() != -1) {
            // hold the lock
        }
        lock.close();
    }

    /** Starts a holder on {@code folder} and returns once it holds the lock. */
    public static Process start(Path folder) throws IOException {
        Process child = launch(folder);
        String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.equals("locked " + child.pid())) {
            child.destroyForcibly();
            throw new IllegalStateException("the lock holder did not start: " + line);
        }
        return child;
    }

    /** What a process that tries to take the lock on {@code folder} is told (it must be refused). */
    public static String refusal(Path folder) throws IOException, InterruptedException {
        Process child = launch(folder);
        child.getOutputStream().close();
        String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || child.exitValue() != 3) {
            child.destroyForcibly();
            throw new IllegalStateException("the process was not refused: " + said);
        }
        return said;
    }

    private static Process launch(Path folder) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WorkspaceLockHolder.class.getName(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** kill -9: the process gets no chance to release anything. */
    public static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        if (!child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the lock holder " + child.pid() + " did not die");
        }
    }
}
