package org.slant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.DocumentService;
import org.slant.workspace.WorkspaceInUseException;
import org.slant.workspace.WorkspaceLock;
import org.slant.workspace.WorkspaceLockHolder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The server holds its workspace folder while it runs; a second server on the folder does not start. */
class SlantConfigurationLockTest {

    @TempDir
    Path folder;

    /** The storage wiring of the app, without the web server. */
    private ApplicationContextRunner server() {
        return new ApplicationContextRunner().withUserConfiguration(SlantConfiguration.class, DocumentService.class)
                .withPropertyValues("slant.workspace=" + folder);
    }

    @Test
    void aSecondServerOnAHeldFolderRefusesToStartAndNamesTheHolder() throws Exception {
        Process first = WorkspaceLockHolder.start(folder);
        try {
            server().run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(WorkspaceInUseException.class)
                        .rootCause().hasMessageContaining("in use by server, PID " + first.pid() + " on host ")
                        .hasMessageContaining("started ");
            });
        } finally {
            WorkspaceLockHolder.kill(first);
        }
        server().run(context -> assertThat(context).as("the killed server's lock does not block").hasNotFailed());
    }

    @Test
    void theServerHoldsTheFolderUntilItsContextCloses() throws Exception {
        server().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(WorkspaceLockHolder.refusal(folder)).contains("in use by server, PID " + ProcessHandle.current().pid());
        });
        WorkspaceLock.acquire(folder, "import").close(); // released on close
    }
}
