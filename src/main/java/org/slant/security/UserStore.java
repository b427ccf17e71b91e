package org.slant.security;

import java.util.List;
import java.util.Optional;

/** Storage port for user accounts: one file per user in the workspace. */
public interface UserStore {

    List<User> findAll();

    Optional<User> find(String name);

    /** Writes the user; refused (StorageException naming the file) when the user's stored file cannot be read. */
    void save(User user);

    /**
     * One message per stored account that cannot be read, naming its file: those users are left out of
     * {@link #findAll()} and {@link #find(String)}, so they cannot sign in until the file is fixed.
     */
    default List<String> problems() {
        return List.of();
    }
}
