package org.slant.security;

import java.util.List;
import org.slant.storage.StorageProblems;
import org.springframework.stereotype.Service;

/**
 * The stored files that cannot be read, for admins only: the messages name paths inside the workspace,
 * which are for whoever can fix the files, not for every user.
 */
@Service
public class WorkspaceProblems {

    private final StorageProblems storage;
    private final UserService users;

    public WorkspaceProblems(StorageProblems storage, UserService users) {
        this.storage = storage;
        this.users = users;
    }

    /** Each unreadable file with what is wrong (line and column for a parse error) if {@code user} is an admin; else none. */
    public List<String> visibleTo(String user) {
        return users.isAdmin(user) ? storage.problems() : List.of();
    }
}
