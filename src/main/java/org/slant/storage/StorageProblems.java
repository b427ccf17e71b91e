package org.slant.storage;

import java.util.List;

/**
 * What is stored but cannot be read: a file with a typo, cut short or of an unknown format. Each such
 * item is left as it is (never overwritten) and everything else keeps working; this lists them so an
 * admin can fix them.
 */
public interface StorageProblems {

    /**
     * One message per unreadable item found so far, naming it and what is wrong (for the workspace: the
     * file relative to the folder, with line and column when it is a parse error). Items fixed since
     * drop out.
     */
    List<String> problems();
}
