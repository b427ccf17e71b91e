package org.slant.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slant.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real server on a random port over a fresh workspace, for the tests that drive a browser: the Chromium
 * tests ({@link BrowserTestBase}) and the Firefox ones ({@link FirefoxCoreFlowsIT}). Every subclass gets the
 * same Spring context (one configuration, declared here), so the server starts once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ServerTestBase {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("slant-browser-test");
        registry.add("slant.workspace", folder::toString);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Makes the account unless it exists. */
    void ensureUser(String user, String password, boolean admin) {
        if (users.find(user).isEmpty()) {
            users.create(user, null, password, admin);
        }
    }
}
