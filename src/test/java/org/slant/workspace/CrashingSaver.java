package org.slant.workspace;

import java.nio.file.Path;
import org.slant.annotation.Layer;

/**
 * Child process for {@link WorkspaceCrashTest}: saves an ever-growing layer in a loop and prints
 * "saved N" after each save returns, until it is killed. Continues from whatever the last run left.
 */
public final class CrashingSaver {

    static final String DOCUMENT = "crash";
    static final String ANNOTATOR = "alice";
    static final String TEXT = WorkspaceFixtures.longText(100);

    public static void main(String[] args) {
        JsonWorkspace workspace = new JsonWorkspace(Path.of(args[0]));
        if (workspace.find(DOCUMENT).isEmpty()) {
            workspace.save(WorkspaceFixtures.document(DOCUMENT, "Crash", TEXT));
        }
        int count = workspace.find(DOCUMENT, ANNOTATOR).map(l -> l.spans().size()).orElse(0);
        while (true) {
            count++;
            Layer layer = WorkspaceFixtures.layerWith(DOCUMENT, ANNOTATOR, TEXT, count, count);
            workspace.save(layer, count - 1);
            System.out.println("saved " + count);
            System.out.flush();
        }
    }
}
