package org.slant;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import org.slant.cli.SlantCommandLine;
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
            System.setProperty("logback.configurationFile", "logback-cli.xml"); // logs to stderr, never into stdout's data
            System.exit(new SlantCommandLine(System.out, System.err, new CommandLineWorkspaces()).run(args));
        }
        SpringApplication.run(SlantApplication.class, args);
    }
}
