package org.slant.exchange;

import java.util.List;
import org.slant.label.Scheme;

/**
 * Everything a reader got out of one uploaded file: the documents it could read, the problems that
 * block the import (syntax errors, broken offsets), and warnings about what was left out on purpose,
 * which do not block it. {@code scheme} is the scheme the file declares (a brat corpus's
 * annotation.conf, a Slant export's scheme), null when it declares none: the import adds what the target
 * project's scheme lacks of it.
 */
public record ImportedFile(List<ImportedDocument> documents, List<ImportProblem> problems, List<ImportProblem> warnings,
                           Scheme scheme) {

    public ImportedFile {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public ImportedFile(List<ImportedDocument> documents, List<ImportProblem> problems, List<ImportProblem> warnings) {
        this(documents, problems, warnings, null);
    }
}
