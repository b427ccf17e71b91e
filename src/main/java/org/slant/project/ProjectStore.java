package org.slant.project;

import java.util.List;

/**
 * Storage port for all projects at once: one file, so moving a document from one project to another
 * (one list loses it, another gains it) is a single atomic write.
 */
public interface ProjectStore {

    /** Every stored project, the default project first; empty when nothing has been stored yet. */
    List<Project> findAll();

    void saveAll(List<Project> projects);
}
