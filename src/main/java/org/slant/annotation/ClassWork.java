package org.slant.annotation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which layers of a document are students' exercise work. They belong to the exercise (its feedback,
 * heatmap and results), not to the team's annotation of the document: agreement, curation, the
 * comparison and dataset exports of "every layer" or "majority" leave them out, so a class working
 * on an article never moves the research team's numbers. The teaching package implements it.
 */
@FunctionalInterface
public interface ClassWork {

    /** Nothing is class work: for code that runs without the classroom (tests, the command line). */
    ClassWork NONE = documentIds -> Map.of();

    /**
     * For each of these documents that has any: the annotators of its layers who are students in an
     * exercise on it and not members of its project. One call for many documents, so an export of a
     * whole workspace looks at the exercises once.
     */
    Map<String, Set<String>> studentsOn(Collection<String> documentIds);

    /**
     * {@link #studentsOn(Collection)} as a lookup per document, for pages over many documents: when
     * something it depends on cannot be read (a roster file), only the documents it is about fail
     * (asking for one of them throws, naming the file) and the others answer as usual.
     */
    default java.util.function.Function<String, Set<String>> studentsLookup(Collection<String> documentIds) {
        Map<String, Set<String>> all;
        try {
            all = studentsOn(documentIds);
        } catch (org.slant.storage.StorageException e) {
            return this::studentsOn; // one by one: the broken file fails only its own documents
        }
        return id -> all.getOrDefault(id, Set.of());
    }

    default Set<String> studentsOn(String documentId) {
        return studentsOn(List.of(documentId)).getOrDefault(documentId, Set.of());
    }

    /** {@code layers} of the document without the students' ones. */
    default List<Layer> withoutStudents(String documentId, List<Layer> layers) {
        Set<String> students = studentsOn(documentId);
        return students.isEmpty() ? layers : layers.stream().filter(l -> !students.contains(l.annotator())).toList();
    }
}
