package org.slant.teaching;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slant.MovableClock;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.slant.project.ProjectRegistry;
import org.slant.workspace.JsonExerciseStore;
import org.slant.workspace.JsonWorkspace;

/** A workspace with one short document and the services over it, with a clock tests can move. */
final class TeachingFixture {

    static final Instant T0 = Instant.parse("2025-09-01T08:00:00Z");
    /** An emoji first, so code point and UTF-16 offsets differ. */
    static final String TEXT = "🔥 Trump HUMILIATED the nation, officials said. The talks seem doomed & <over>.";

    final JsonWorkspace workspace;
    final MovableClock clock = new MovableClock(T0);
    final InMemoryStudentAccounts accounts = new InMemoryStudentAccounts();
    final DocumentService documents;
    final AnnotationService annotations;
    final TeachingService teaching;

    TeachingFixture(Path folder) {
        workspace = new JsonWorkspace(folder);
        workspace.save(new Document("talks", "Peace talks", TEXT, null, T0));
        documents = new DocumentService(workspace, clock, 2 * 1024 * 1024);
        LabelService labels = new LabelService(new ProjectRegistry(workspace));
        annotations = new AnnotationService(documents, labels, workspace, clock);
        teaching = new TeachingService(documents, annotations, labels, new JsonExerciseStore(workspace), accounts,
                clock, new Random(42));
    }

    /** Code point offsets {start, end} of the first occurrence of {@code part} in {@code text}. */
    static int[] at(String text, String part) {
        int utf16 = text.indexOf(part);
        if (utf16 < 0) {
            throw new AssertionError(part + " is not in the text");
        }
        int start = text.codePointCount(0, utf16);
        return new int[] {start, start + part.codePointCount(0, part.length())};
    }

    void mark(String annotator, String part, String label) {
        int[] r = at(TEXT, part);
        annotations.create("talks", annotator, r[0], r[1], label, false);
    }

    static Span span(String id, String part, String label, String author) {
        int[] r = at(TEXT, part);
        return new Span(id, r[0], r[1], label, new CodePointIndex(TEXT).slice(TEXT, r[0], r[1]), null, author, T0, T0);
    }

    static Span spanAt(String id, int start, int end, String label, String author) {
        return new Span(id, start, end, label, new CodePointIndex(TEXT).slice(TEXT, start, end), null, author, T0, T0);
    }

    Exercise exercise(Set<String> labels, boolean allowRevision, Instant due) {
        return teaching.create(new TeachingService.NewExercise("Spot the framing", "talks", "teacher", "teacher",
                "Mark sensational framing and opinion.", labels, allowRevision, due));
    }

    static Exercise exerciseWith(List<Span> reference, Set<String> labels) {
        return new Exercise("ex", "Ex", "talks", "teacher", "gold", reference, java.util.Map.of(), "", labels,
                false, null, null, false, T0);
    }
}
