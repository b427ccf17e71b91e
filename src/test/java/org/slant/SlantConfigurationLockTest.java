package org.slant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.DocumentService;
import org.slant.workspace.WorkspaceInUseException;
import org.slant.workspace.WorkspaceLock;
import org.slant.workspace.WorkspaceLockHolder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The server holds its workspace folder while it runs; a second server on the folder does not start. */
@ExtendWith(OutputCaptureExtension.class)
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
    void theStartUpFailureSaysWhoHoldsTheFolderAndWhatToDo(CapturedOutput output) {
        try (WorkspaceLock held = WorkspaceLock.acquire(folder, "import")) {
            var start = new SpringApplicationBuilder(SlantConfiguration.class, DocumentService.class)
                    .web(WebApplicationType.NONE).bannerMode(org.springframework.boot.Banner.Mode.OFF);
            assertThatThrownBy(() -> start.run("--slant.workspace=" + folder))
                    .hasRootCauseInstanceOf(WorkspaceInUseException.class);
            assertThat(output).contains("APPLICATION FAILED TO START")
                    .contains("in use by this process (import, PID " + ProcessHandle.current().pid())
                    .contains("Stop the other one first");
        }
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
