package org.slant;

import java.nio.file.Path;
import org.slant.cli.WorkspaceFolders;
import org.slant.cli.WorkspaceStores;
import org.slant.workspace.JsonExerciseStore;
import org.slant.workspace.JsonUserStore;
import org.slant.workspace.JsonWorkspace;
import org.slant.workspace.WorkspaceInUseException;
import org.slant.workspace.WorkspaceLock;

/** The command line's workspace folders: the JSON files the server keeps there, under the same folder lock. */
public final class CommandLineWorkspaces implements WorkspaceFolders {

    @Override
    public AutoCloseable hold(Path folder, String command) {
        try {
            return WorkspaceLock.acquire(folder, command);
        } catch (WorkspaceInUseException e) {
            throw new FolderInUseException(e.getMessage(), e);
        }
    }

    @Override
    public WorkspaceStores open(Path folder) {
        return stores(new JsonWorkspace(folder));
    }

    @Override
    public WorkspaceStores openForReading(Path folder) {
        return stores(JsonWorkspace.forReading(folder));
    }

    private static WorkspaceStores stores(JsonWorkspace workspace) {
        return new WorkspaceStores(workspace, workspace, workspace, workspace, new JsonExerciseStore(workspace),
                new JsonUserStore(workspace));
    }
}
