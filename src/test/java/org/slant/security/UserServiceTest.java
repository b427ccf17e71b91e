package org.slant.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.workspace.JsonUserStore;
import org.slant.workspace.JsonWorkspace;
import org.slant.workspace.WorkspaceException;

class UserServiceTest {

    @TempDir
    Path folder;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    private UserService service() {
        return new UserService(new JsonUserStore(new JsonWorkspace(folder)), clock);
    }

    @Test
    void theFirstAdminGetsTheConfiguredPasswordAndOnlyOnce() {
        UserService users = service();
        assertThat(users.createFirstAdmin("configured-secret")).isEmpty(); // nothing to print: the admin chose it
        assertThat(users.passwordMatches("admin", "configured-secret")).isTrue();
        assertThat(users.isAdmin("admin")).isTrue();
        assertThat(users.createFirstAdmin("another-one")).isEmpty();
        assertThat(users.passwordMatches("admin", "another-one")).isFalse();
    }

    @Test
    void withoutAConfiguredPasswordTheFirstAdminGetsARandomOneThatWorks() {
        UserService users = service();
        String generated = users.createFirstAdmin("").orElseThrow();
        assertThat(generated).hasSize(16).doesNotContain("0", "O", "1", "l", "I");
        assertThat(users.passwordMatches("admin", generated)).isTrue();
        // a second service over the same workspace finds the admin and makes no other
        assertThat(service().createFirstAdmin(null)).isEmpty();
    }

    @Test
    void onlyAHashIsStoredAndItSurvivesARestart() throws IOException {
        service().create("alice", "Alice Martin", "correct horse", false);
        String file = Files.readString(folder.resolve("users/alice.json"));
        assertThat(file).contains("\"format\": \"slant-user/1\"").contains("{bcrypt}$2").doesNotContain("correct horse");
        UserService again = service();
        assertThat(again.passwordMatches("alice", "correct horse")).isTrue();
        assertThat(again.passwordMatches("alice", "wrong horse")).isFalse();
        assertThat(again.displayName("alice")).isEqualTo("Alice Martin");
    }

    @Test
    void refusesWeakPasswordsDuplicateAndReservedNames() {
        UserService users = service();
        assertThatThrownBy(() -> users.create("bob", null, "short", false)).hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> users.create("bob", null, "x".repeat(73), false)).hasMessageContaining("72 bytes");
        users.create("bob", null, "long enough", false);
        assertThatThrownBy(() -> users.create("bob", null, "long enough", false)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> users.create("gold", null, "long enough", false)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> users.create("Bob Smith", null, "long enough", false)).hasMessageContaining("slug");
    }

    @Test
    void weakPasswordsAreRefusedWithTheReasonOnEveryPathThatSetsOne() {
        UserService users = service();
        // "password" is the most common password of all; at 8 characters the length rule names it first
        assertThatThrownBy(() -> users.create("bob", null, "password", false)).hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> users.create("bob", null, "Password12", false)) // 10 characters, and still not a secret
                .hasMessageContaining("most common passwords");
        assertThatThrownBy(() -> users.create("bob", null, "qwertyuiop", false)).hasMessageContaining("most common passwords");
        assertThatThrownBy(() -> users.create("bob", null, "1234567890", false)).hasMessageContaining("most common passwords");
        assertThatThrownBy(() -> users.create("bob", null, "zzzzzzzzzzzz", false)).hasMessageContaining("one character repeated");
        assertThatThrownBy(() -> users.create("robert", null, "Robert-2026!!", false)).hasMessageContaining("own name");
        assertThatThrownBy(() -> users.create("bob", "Bobby Tables", "bobby tables 42", false)).hasMessageContaining("own name");
        assertThat(users.users()).isEmpty();
        // ten characters of code points: an emoji counts as one, as NIST asks
        assertThatThrownBy(() -> users.create("bob", null, "😀😀😀😀😀x", false)).hasMessageContaining("at least 10");

        users.create("bob", null, "tangerine orbit", false);
        assertThatThrownBy(() -> users.changePassword("bob", "tangerine orbit", "1q2w3e4r5t"))
                .hasMessageContaining("most common passwords");
        assertThat(users.passwordMatches("bob", "tangerine orbit")).isTrue(); // nothing changed
    }

    @Test
    void generatedPasswordsAlwaysPassTheRules() {
        UserService users = service();
        for (int i = 0; i < 200; i++) {
            String generated = users.randomPassword();
            users.checkNewPassword("bob", "Bob", generated);
        }
    }

    @Test
    void aWeakConfiguredFirstAdminPasswordStopsTheStartWithTheReasonAndMakesNoAdmin() {
        UserService users = service();
        assertThatThrownBy(() -> users.createFirstAdmin("password1234"))
                .hasMessageContaining("SLANT_ADMIN_PASSWORD").hasMessageContaining("most common passwords")
                .hasMessageContaining("leave it unset");
        assertThatThrownBy(() -> users.createFirstAdmin("admin")).hasMessageContaining("at least 10 characters");
        assertThat(users.users()).isEmpty();
        // at start-up: the start stops, with the reason as the message (and on top of the log)
        assertThatThrownBy(() -> new SecurityConfiguration().createFirstAdmin(users, "password1234").run(null))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("SLANT_ADMIN_PASSWORD");
        assertThat(users.users()).isEmpty();
        assertThat(users.createFirstAdmin("a strong enough one")).isEmpty();
        assertThat(users.isAdmin("admin")).isTrue();
    }

    @Test
    void changingOrResettingAPasswordTellsTheListenersWhoseSessionsToEnd() {
        UserService users = service();
        users.create("carol", null, "first password", false);
        java.util.List<String> heard = new java.util.ArrayList<>();
        Runnable stop = users.onPasswordChanged(heard::add);
        users.changePassword("carol", "first password", "second password");
        users.resetPassword("carol");
        assertThatThrownBy(() -> users.changePassword("carol", "wrong one", "third password"));
        assertThat(heard).containsExactly("carol", "carol");
        stop.run();
        users.resetPassword("carol");
        assertThat(heard).hasSize(2);
    }

    @Test
    void changingAPasswordNeedsTheCurrentOneAndResetGivesAWorkingNewOne() {
        UserService users = service();
        users.create("carol", null, "first password", false);
        assertThatThrownBy(() -> users.changePassword("carol", "not it", "second password"))
                .hasMessageContaining("current password is not right");
        users.changePassword("carol", "first password", "second password");
        assertThat(users.passwordMatches("carol", "second password")).isTrue();
        String reset = users.resetPassword("carol");
        assertThat(users.passwordMatches("carol", reset)).isTrue();
        assertThat(users.passwordMatches("carol", "second password")).isFalse();
    }

    @Test
    void theLastAdminCannotBeDemoted() {
        UserService users = service();
        users.createFirstAdmin("admin-password");
        assertThatThrownBy(() -> users.setAdmin("admin", false)).hasMessageContaining("last admin");
        users.create("dana", null, "dana-password", true);
        users.setAdmin("admin", false);
        assertThat(users.isAdmin("admin")).isFalse();
    }

    @Test
    void aTokenAuthenticatesItsOwnerUntilRevokedAndOnlyItsHashIsStored() throws IOException {
        UserService users = service();
        users.create("erin", null, "erin-password", false);
        UserService.NewToken token = users.createToken("erin", "nightly export");
        assertThat(token.secret()).startsWith("slant_" + token.token().id() + "_");
        assertThat(Files.readString(folder.resolve("users/erin.json"))).doesNotContain(token.secret())
                .contains(token.token().sha256());
        assertThat(service().authenticateToken(token.secret())).map(User::name).contains("erin");
        // one character off, another token's id, or no prefix: nobody
        String tampered = token.secret().substring(0, token.secret().length() - 1)
                + (token.secret().endsWith("a") ? "b" : "a");
        assertThat(users.authenticateToken(tampered)).isEmpty();
        assertThat(users.authenticateToken("slant_nosuchid_x")).isEmpty();
        assertThat(users.authenticateToken("garbage")).isEmpty();
        users.revokeToken("erin", token.token().id());
        assertThat(users.authenticateToken(token.secret())).isEmpty();
        assertThatThrownBy(() -> users.revokeToken("erin", token.token().id())).hasMessageContaining("No API token");
    }

    @Test
    void aBrokenUserFileLeavesOutThatUserOnlyIsNamedAndNotOverwritten() throws IOException {
        service().create("frank", null, "frank-password", false);
        service().create("gina", null, "gina-password", false);
        Path file = folder.resolve("users/frank.json");
        Files.writeString(file, "{ broken");
        JsonUserStore store = new JsonUserStore(new JsonWorkspace(folder));
        UserService users = new UserService(store, clock);

        assertThat(users.users()).extracting(User::name).containsExactly("gina");
        assertThat(users.passwordMatches("gina", "gina-password")).isTrue();
        assertThat(users.find("frank")).isEmpty();
        assertThat(store.problems()).singleElement().asString().startsWith("users/frank.json: line 1, column 3: not valid JSON");
        users.changePassword("gina", "gina-password", "gina-password-2");
        assertThatThrownBy(() -> users.create("frank", null, "frank-password-2", false)).isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("users/frank.json: not saved");
        assertThat(Files.readString(file)).isEqualTo("{ broken");

        Files.delete(file); // moved away by the admin: the name can be given out again, and nothing else is listed
        users.create("frank", null, "frank-password-2", false);
        assertThat(users.passwordMatches("frank", "frank-password-2")).isTrue();
        assertThat(store.problems()).isEmpty();
    }

    @Test
    void aUserFileFixedByHandSignsInAgainWithoutARestart() throws IOException {
        service().create("frank", null, "frank-password", false);
        Path file = folder.resolve("users/frank.json");
        String good = Files.readString(file);
        Files.writeString(file, good.replaceFirst("\\{", "{,"));
        UserService users = service();
        assertThat(users.find("frank")).isEmpty();

        Files.writeString(file, good);
        assertThat(users.passwordMatches("frank", "frank-password")).isTrue();
    }

    @Test
    void noFirstAdminIsMadeWhileAccountFilesCannotBeRead() throws IOException {
        Files.createDirectories(folder.resolve("users"));
        Path file = folder.resolve("users/admin.json");
        Files.writeString(file, "{ broken");
        UserService users = service();
        assertThat(users.createFirstAdmin("")).isEmpty();
        assertThat(users.users()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("{ broken");
    }

    @Test
    void aDisabledUserKeepsTheAccountButNoTokenWorksAndTheLastAdminStays() {
        UserService users = service();
        users.createFirstAdmin("admin-password");
        users.create("gone", null, "gone-password", false);
        String token = users.createToken("gone", "script").secret();
        users.setDisabled("gone", true);
        assertThat(users.authenticateToken(token)).isEmpty();
        assertThat(users.isActive("gone")).isFalse();
        assertThat(service().get("gone").disabled()).isTrue(); // stored
        users.setDisabled("gone", false);
        assertThat(users.authenticateToken(token)).map(User::name).contains("gone");
        assertThatThrownBy(() -> users.setDisabled("admin", true)).hasMessageContaining("last admin");
    }
}
