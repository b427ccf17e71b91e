package org.slant;

import java.nio.file.Path;
import java.time.Clock;
import org.slant.document.DocumentService;
import org.slant.security.LoginPage;
import org.slant.ui.LoginView;
import org.slant.workspace.JsonExerciseStore;
import org.slant.workspace.JsonQueueStore;
import org.slant.workspace.JsonUserStore;
import org.slant.workspace.JsonWorkspace;
import org.slant.workspace.WorkspaceLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the storage the services use: the JSON workspace folder (setting slant.workspace), and the limits
 * (settings slant.limits.*); and names the login view for the security configuration, which does not depend on
 * the views.
 */
@Configuration
@EnableConfigurationProperties(org.slant.storage.Limits.class)
public class SlantConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The server holds its workspace folder for as long as it runs (released when the context closes):
     * a second server, or a writing command line command, on the same folder refuses and names this one.
     */
    @Bean(destroyMethod = "close")
    WorkspaceLock workspaceLock(@Value("${slant.workspace:annotations}") Path folder) {
        return WorkspaceLock.acquire(folder, "server");
    }

    /** Opened only once the folder is held: opening deletes leftover temp files, which must be no one else's. */
    @Bean
    JsonWorkspace jsonWorkspace(@Value("${slant.workspace:annotations}") Path folder, WorkspaceLock held) {
        return new JsonWorkspace(folder);
    }

    @Bean
    JsonUserStore jsonUserStore(JsonWorkspace workspace) {
        return new JsonUserStore(workspace);
    }

    @Bean
    JsonQueueStore jsonQueueStore(JsonWorkspace workspace) {
        return new JsonQueueStore(workspace);
    }

    @Bean
    JsonExerciseStore jsonExerciseStore(JsonWorkspace workspace) {
        return new JsonExerciseStore(workspace);
    }

    /** The scheme templates, read once through the one JSON mapping of schemes. */
    @Bean
    org.slant.label.SchemeTemplates schemeTemplates() {
        return new org.slant.label.SchemeTemplates(org.slant.exchange.SlantJson::readScheme);
    }

    @Bean
    LoginPage loginPage() {
        return new LoginPage(LoginView.class);
    }

    @Bean
    ApplicationRunner addSampleDocument(DocumentService documents) {
        return args -> documents.addSampleIfEmpty();
    }
}
