package org.slant.workspace;

import java.nio.file.Path;

/** Another process (or another part of this one) holds the workspace folder: see {@link WorkspaceLock}. */
public class WorkspaceInUseException extends WorkspaceException {

    private final String holder;

    WorkspaceInUseException(Path folder, String holder) {
        super("the workspace " + folder + " is in use by " + holder + " (see " + folder.resolve(WorkspaceLock.FILE_NAME) + ")");
        this.holder = holder;
    }

    /** Who holds it, as the holder wrote it: "server, PID 4242 on host lab-1, started ...". */
    public String holder() {
        return holder;
    }
}
