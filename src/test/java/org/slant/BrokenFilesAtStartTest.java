package org.slant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.project.ProjectRegistry;
import org.slant.project.ProjectService;
import org.slant.security.SlantUserDetailsService;
import org.slant.security.UserService;
import org.slant.security.WorkspaceProblems;
import org.slant.storage.StorageException;
import org.slant.workspace.JsonUserStore;
import org.slant.workspace.JsonWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application started on a workspace with a typo in one user's file and in projects.json:
 * it starts, the broken files are named with line and column to admins, only what depends on them is
 * refused, and neither file is ever overwritten.
 */
@SpringBootTest(properties = "vaadin.productionMode=true")
class BrokenFilesAtStartTest {

    private static final byte[] BROKEN_USER = "{\"format\": \"slant-user/1\",\n  \"name\": \"bob\"\n  \"displayName\": \"Bob\"}\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] BROKEN_PROJECTS = "{\"format\": \"slant-projects/1\", \"projects\": [\n  {\"id\": \"default\",,}\n]}\n"
            .getBytes(StandardCharsets.UTF_8);
    private static Path folder;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) throws IOException {
        folder = Files.createTempDirectory("slant-broken-start");
        JsonWorkspace workspace = new JsonWorkspace(folder);
        UserService users = new UserService(new JsonUserStore(workspace), Clock.systemUTC());
        users.create("admin", "Administrator", "admin-password-1", true);
        users.create("alice", "Alice", "alice-password-1", false);
        users.create("bob", "Bob", "bob-password-11", false);
        new ProjectRegistry(workspace).all(); // writes projects.json
        new DocumentService(workspace, Clock.systemUTC(), 1 << 20).add(new Draft("Peace talks", "Peace talks stall again."), Source.UNKNOWN);
        Files.write(folder.resolve("users/bob.json"), BROKEN_USER);
        Files.write(folder.resolve("projects.json"), BROKEN_PROJECTS);
        registry.add("slant.workspace", folder::toString);
    }

    @Autowired
    UserService users;
    @Autowired
    SlantUserDetailsService signIn;
    @Autowired
    ProjectService projects;
    @Autowired
    DocumentService documents;
    @Autowired
    WorkspaceProblems problems;

    @Test
    void brokenUserCannotSignInWhileEveryoneElseCan() throws Exception {
        assertThat(signIn.loadUserByUsername("alice").getUsername()).isEqualTo("alice");
        assertThat(signIn.loadUserByUsername("admin").getUsername()).isEqualTo("admin");
        assertThatThrownBy(() -> signIn.loadUserByUsername("bob")).isInstanceOf(UsernameNotFoundException.class);

        users.changePassword("alice", "alice-password-1", "alice-password-2"); // other users still save
        assertThatThrownBy(() -> users.create("bob", "Bob again", "bob-password-22", false))
                .isInstanceOf(StorageException.class).hasMessageStartingWith("users/bob.json: not saved")
                .hasMessageContaining("line 3, column 3");
        assertThat(Files.readAllBytes(folder.resolve("users/bob.json"))).isEqualTo(BROKEN_USER);
    }

    @Test
    void brokenProjectsFileIsNamedWithLineAndColumnAndNeverOverwritten() throws Exception {
        String peace = documents.ids().getFirst();
        assertThat(documents.get(peace).title()).isEqualTo("Peace talks"); // documents do not depend on projects
        assertThatThrownBy(() -> projects.projects()).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("projects.json: line 2, column 20: not valid JSON");
        assertThatThrownBy(() -> projects.create("Second", "admin")).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("projects.json: line 2, column 20");
        assertThat(Files.readAllBytes(folder.resolve("projects.json"))).isEqualTo(BROKEN_PROJECTS);
    }

    @Test
    void adminsAreToldWhichFilesAreBrokenAndOthersAreNot() {
        assertThat(problems.visibleTo("admin")).anySatisfy(p -> assertThat(p).startsWith("users/bob.json: line 3, column 3: "))
                .anySatisfy(p -> assertThat(p).startsWith("projects.json: line 2, column 20: "));
        assertThat(problems.visibleTo("alice")).isEmpty();
    }
}
