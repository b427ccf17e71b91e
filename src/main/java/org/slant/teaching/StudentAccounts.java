package org.slant.teaching;

/**
 * Port to the user accounts, which live elsewhere: teaching only needs to create student accounts and
 * reset their passwords. Students have no e-mail address; the teacher sees their display name.
 */
public interface StudentAccounts {

    /**
     * Creates a student account for {@code displayName}, joined to {@code exerciseId}, and returns its
     * new user name (a slug, unique across the workspace: it names the student's layer files).
     */
    String createStudent(String displayName, String exerciseId);

    /** Sets a new password for a student who forgot theirs (how they get it is up to the accounts). */
    void resetPassword(String user);
}
