package org.slant.teaching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slant.document.DocumentId;

/** Test double of the accounts port: user names are slugs of the display name, numbered when taken. */
final class InMemoryStudentAccounts implements StudentAccounts {

    final Map<String, String> users = new LinkedHashMap<>();
    final List<String> passwordResets = new ArrayList<>();

    @Override
    public NewStudent createStudent(String displayName, String exerciseId, String password) {
        String base = DocumentId.slugOf(displayName);
        String user = base;
        for (int n = 2; users.containsKey(user); n++) {
            user = base + "-" + n;
        }
        users.put(user, displayName);
        return new NewStudent(user, password == null ? "generated-" + user : password);
    }

    @Override
    public String resetPassword(String user) {
        passwordResets.add(user);
        return "reset-" + user;
    }
}
