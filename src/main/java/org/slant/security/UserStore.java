package org.slant.security;

import java.util.List;
import java.util.Optional;

/** Storage port for user accounts: one file per user in the workspace. */
public interface UserStore {

    List<User> findAll();

    Optional<User> find(String name);

    void save(User user);
}
