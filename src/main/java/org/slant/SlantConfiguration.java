package org.slant;

import java.nio.file.Path;
import java.time.Clock;
import org.slant.document.DocumentService;
import org.slant.workspace.JsonExerciseStore;
import org.slant.workspace.JsonQueueStore;
import org.slant.workspace.JsonUserStore;
import org.slant.workspace.JsonWorkspace;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the storage the services use: the JSON workspace folder (setting slant.workspace), and the limits (settings slant.limits.*). */
@Configuration
@EnableConfigurationProperties(org.slant.storage.Limits.class)
public class SlantConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JsonWorkspace jsonWorkspace(@Value("${slant.workspace:annotations}") Path folder) {
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

    @Bean
    ApplicationRunner addSampleDocument(DocumentService documents) {
        return args -> documents.addSampleIfEmpty();
    }
}
