package org.slant.cli;

import org.slant.annotation.LayerStore;
import org.slant.document.DocumentStore;
import org.slant.label.LabelStore;
import org.slant.project.ProjectStore;
import org.slant.security.UserStore;
import org.slant.teaching.ExerciseStore;

/**
 * The stores of one workspace folder, as the command line builds its services on them. The composition root
 * opens them ({@code CommandLineWorkspaces}, through {@link WorkspaceFolders}), so the command line never knows how they are kept.
 *
 * @param legacyLabels the label set of a workspace from before projects, which the default project takes over
 */
public record WorkspaceStores(DocumentStore documents, LayerStore layers, ProjectStore projects, LabelStore legacyLabels,
                              ExerciseStore exercises, UserStore users) {
}
