package org.slant.workspace;

import java.nio.file.Path;
import java.util.Map;
import org.slant.document.DocumentId;
import org.slant.project.DocumentStatus;
import org.slant.project.QueueStore;

/**
 * {@code queues/{user}.json} (slant-queue/1): which documents a user has started or marked done.
 * One file per user, so annotators marking documents at the same time never write the same file.
 */
public final class JsonQueueStore implements QueueStore {

    private final WorkspaceFiles files;
    private final Path queues;

    public JsonQueueStore(JsonWorkspace workspace) {
        this.files = workspace.files();
        this.queues = workspace.root().resolve("queues");
    }

    @Override
    public Map<String, DocumentStatus> find(String user) {
        Path file = fileOf(user);
        return files.read(file, node -> ProjectsJson.readQueue(node, user)).orElseGet(Map::of);
    }

    @Override
    public void save(String user, Map<String, DocumentStatus> marks) {
        Path file = fileOf(user);
        files.write(file, () -> find(user), g -> ProjectsJson.writeQueue(g, user, marks));
    }

    private Path fileOf(String user) {
        return files.inside(queues.resolve(DocumentId.require(user, "User name") + ".json"));
    }
}
