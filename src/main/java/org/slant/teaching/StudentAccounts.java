package org.slant.teaching;

/**
 * Port to the user accounts, which live elsewhere: teaching only needs to create student accounts and
 * reset their passwords. Students have no e-mail address; the teacher sees their display name.
 */
public interface StudentAccounts {

    /** A new student account and its password in clear text, to be shown once and never stored. */
    record NewStudent(String user, String password) {
    }

    /**
     * Creates a student account for {@code displayName}, joined to {@code exerciseId}, and returns its
     * new user name (a slug, unique across the workspace: it names the student's layer files) with its
     * password: {@code password} when the student chose one, else a generated one.
     */
    NewStudent createStudent(String displayName, String exerciseId, String password);

    /** Sets a new random password for a student who forgot theirs and returns it, to hand over once. */
    String resetPassword(String user);
}
