package org.slant;

import org.slant.workspace.WorkspaceInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A second server on a workspace folder that is already held says so in plain words at start-up
 * ("APPLICATION FAILED TO START", who holds it, what to do) instead of a stack trace.
 */
class WorkspaceInUseFailureAnalyzer extends AbstractFailureAnalyzer<WorkspaceInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WorkspaceInUseException cause) {
        return new FailureAnalysis("Slant cannot open its workspace: " + cause.getMessage() + ".",
                "Only one process may write a workspace folder. Stop the other one first, or give this server "
                        + "another folder with --slant.workspace=DIR.", cause);
    }
}
