package org.slant.exchange;

import java.util.List;

/**
 * Everything a reader got out of one uploaded file: the documents it could read, the problems that
 * block the import (syntax errors, broken offsets), and warnings about what was left out on purpose
 * (brat relations, for example), which do not block it.
 */
public record ImportedFile(List<ImportedDocument> documents, List<ImportProblem> problems, List<ImportProblem> warnings) {

    public ImportedFile {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
