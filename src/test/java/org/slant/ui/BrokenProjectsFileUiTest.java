package org.slant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages over a workspace whose projects.json has a typo from the start: they open and name the
 * file. Not a {@link UiTestBase}, whose workspace is fresh: this one is broken before the context starts.
 */
@org.springframework.boot.test.context.SpringBootTest
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class BrokenProjectsFileUiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    private UiTestBase signInHelper;

    @org.junit.jupiter.api.BeforeEach
    void setUpVaadin() {
        com.github.mvysny.kaributesting.v10.Routes routes = new com.github.mvysny.kaributesting.v10.Routes().autoDiscoverViews("org.slant.ui");
        kotlin.jvm.functions.Function0<UI> uiFactory = UI::new;
        com.github.mvysny.kaributesting.v10.MockVaadin.setup(uiFactory,
                new com.github.mvysny.kaributesting.v10.spring.MockSpringServlet(routes, context, uiFactory));
        signInHelper = new UiTestBase() { };
        signInHelper.context = context;
        signInHelper.signIn("admin", true);
    }

    @org.junit.jupiter.api.AfterEach
    void tearDownVaadin() {
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    private static final String BROKEN = "{\"format\": \"slant-projects/1\", \"projects\": [\n  {\"id\": \"default\",,}\n]}\n";
    private static Path folder;

    @DynamicPropertySource
    static void brokenWorkspace(DynamicPropertyRegistry registry) throws IOException {
        folder = Files.createTempDirectory("slant-ui-broken-projects");
        Files.writeString(folder.resolve("projects.json"), BROKEN, StandardCharsets.UTF_8);
        registry.add("slant.workspace", folder::toString);
    }

    @Test
    void theDocumentListSaysWhichFileIsBrokenAndTheAdminSeesItInTheBanner() throws Exception {
        UI.getCurrent().navigate(DocumentListView.class);
        assertThat(_get(StorageProblemView.class).getElement().getTextRecursively())
                .contains("projects.json: line 2, column 20: not valid JSON");
        assertThat(_get(Div.class, s -> s.withId("workspace-problems")).getElement().getTextRecursively())
                .contains("projects.json: line 2, column 20");
        assertThat(Files.readString(folder.resolve("projects.json"))).isEqualTo(BROKEN);
    }

    @Test
    void anAnnotatorIsToldThePageCannotOpenWithoutPathsAndTheAccountPageStillWorks() {
        signInHelper.signIn("plain-annotator", false);
        UI.getCurrent().navigate(DocumentListView.class);
        assertThat(_get(StorageProblemView.class).getElement().getTextRecursively())
                .contains("cannot be read").doesNotContain("projects.json");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Div.class, s -> s.withId("workspace-problems"))).isEmpty();
        UI.getCurrent().navigate(AccountView.class);
        assertThat(_get(AccountView.class).getElement().getTextRecursively()).contains("Change password");
    }
}
