package org.slant.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process holds a workspace folder; a second is told who, and a killed holder never blocks. */
class WorkspaceLockTest {

    @TempDir
    Path folder;

    @Test
    void aSecondProcessIsRefusedWithTheHoldersPidAndAKilledHolderNeverBlocks() throws Exception {
        Process holder = WorkspaceLockHolder.start(folder);
        try {
            assertThatThrownBy(() -> WorkspaceLock.acquire(folder, "server"))
                    .isInstanceOf(WorkspaceInUseException.class)
                    .hasMessageContaining("server, PID " + holder.pid() + " on host ")
                    .hasMessageContaining(", started 20")
                    .hasMessageContaining(folder.resolve(".lock").toString());
        } finally {
            WorkspaceLockHolder.kill(holder); // kill -9: the lock file stays, with the dead holder's details
        }
        assertThat(Files.readString(folder.resolve(".lock"))).contains("pid=" + holder.pid());

        try (WorkspaceLock lock = WorkspaceLock.acquire(folder, "server")) {
            assertThat(lock.folder()).isEqualTo(folder.toRealPath());
        }
        // not read while held: on POSIX, closing any channel on the file in this JVM would drop the lock
        assertThat(Files.readString(folder.resolve(".lock"))).as("emptied on release").isEmpty();
    }

    @Test
    void aStaleLockFileIsTakenAndRewritten() throws Exception {
        Files.writeString(folder.resolve(".lock"), "holder=server\npid=999999\nhost=elsewhere\nstarted=2020-01-01T00:00:00Z\n");
        try (WorkspaceLock lock = WorkspaceLock.acquire(folder, "import")) {
            assertThat(WorkspaceLockHolder.refusal(folder))
                    .contains("import, PID " + ProcessHandle.current().pid()).doesNotContain("999999");
        }
    }

    @Test
    void inThisProcessASecondTakerIsRefusedAsThisProcessAndTheFirstKeepsTheLock() throws Exception {
        Path missing = folder.resolve("new-workspace");
        try (WorkspaceLock first = WorkspaceLock.acquire(missing, "server")) {
            assertThat(Files.isDirectory(missing)).as("created").isTrue();
            assertThatThrownBy(() -> WorkspaceLock.acquire(missing.resolve("..").resolve("new-workspace"), "import"))
                    .isInstanceOf(WorkspaceInUseException.class)
                    .hasMessageContaining("this process (server, PID " + ProcessHandle.current().pid());
            Path link = Files.createSymbolicLink(folder.resolve("link"), missing);
            assertThatThrownBy(() -> WorkspaceLock.acquire(link, "import"))
                    .isInstanceOf(WorkspaceInUseException.class).hasMessageContaining("this process (server, PID ");
            // the refusals did not drop the OS lock: another process is still refused
            assertThat(WorkspaceLockHolder.refusal(missing)).contains("in use by server, PID " + ProcessHandle.current().pid());
        }
        WorkspaceLock.acquire(missing, "import").close();
    }
}
