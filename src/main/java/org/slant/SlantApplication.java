package org.slant;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import java.nio.file.Path;
import org.slant.cli.SlantCommandLine;
import org.slant.cli.WorkspaceStores;
import org.slant.workspace.JsonExerciseStore;
import org.slant.workspace.JsonUserStore;
import org.slant.workspace.JsonWorkspace;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Slant: a workbench for annotating media bias and framing in news articles. */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("slant.css")
@Push // long imports report progress from a background thread
public class SlantApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        if (SlantCommandLine.handles(args)) {
            System.exit(new SlantCommandLine(System.out, System.err, SlantApplication::openWorkspace).run(args));
        }
        SpringApplication.run(SlantApplication.class, args);
    }

    /** The command line's stores of a workspace folder: the JSON files the server keeps there. */
    public static WorkspaceStores openWorkspace(Path folder) {
        JsonWorkspace workspace = new JsonWorkspace(folder);
        return new WorkspaceStores(workspace, workspace, workspace, workspace, new JsonExerciseStore(workspace),
                new JsonUserStore(workspace));
    }
}
