package org.slant.label;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The label sets: each project has its own, stored with the project; a document is annotated with
 * the set of the project it is in.
 */
@Service
public class LabelService {

    private final ProjectLabels projects;

    public LabelService(ProjectLabels projects) {
        this.projects = projects;
    }

    /** @throws IllegalArgumentException when there is no such project */
    public Scheme labels(String projectId) {
        return projects.labelsOf(projectId);
    }

    /** The label set of the document's project (the default project's for a document no project lists). */
    public Scheme labelsFor(String documentId) {
        return projects.labelsOf(projects.projectIdOf(documentId));
    }

    /**
     * One set covering documents of several projects (an export): each project's labels in project
     * order, a label id already taken keeps its first definition, and a label whose hotkey is taken
     * loses its hotkey (hotkeys mean nothing outside the editor).
     */
    public Scheme labelsForAll(Collection<String> documentIds) {
        Map<String, Scheme> sets = new LinkedHashMap<>();
        for (String id : documentIds) {
            sets.computeIfAbsent(projects.projectIdOf(id), projects::labelsOf);
        }
        if (sets.isEmpty()) {
            return labels(projects.defaultProjectId());
        }
        if (sets.size() == 1) {
            return sets.values().iterator().next();
        }
        List<Label> merged = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Scheme set : sets.values()) {
            for (Label l : set.labels()) {
                if (!ids.add(l.id())) {
                    continue;
                }
                boolean keyFree = l.hotkey() == null || keys.add(l.hotkey());
                merged.add(keyFree ? l : new Label(l.id(), l.name(), l.color(), null, l.mark(), l.definition(), l.attributes()));
            }
        }
        List<LinkType> types = new ArrayList<>();
        List<Attribute> sentenceLabels = new ArrayList<>();
        List<Attribute> questions = new ArrayList<>();
        Set<String> typeIds = new HashSet<>();
        Set<String> sentenceIds = new HashSet<>();
        Set<String> questionIds = new HashSet<>();
        for (Scheme set : sets.values()) {
            set.linkTypes().stream().filter(t -> typeIds.add(t.id())).forEach(types::add);
            set.sentenceLabels().stream().filter(a -> sentenceIds.add(a.id())).forEach(sentenceLabels::add);
            set.documentQuestions().stream().filter(a -> questionIds.add(a.id())).forEach(questions::add);
        }
        // a label id taken by an earlier project keeps that project's meaning, so its link types fit it
        return new Scheme(merged, List.of(), sentenceLabels, questions).withLinkTypes(types.stream()
                .filter(t -> t.from().stream().allMatch(ids::contains) && t.to().stream().allMatch(ids::contains)).toList());
    }

    /**
     * Stores a project's new label set. Callers that may drop a label in use go through
     * {@code org.slant.project.SchemeEditor}, which decides first what happens to its spans.
     */
    public void replace(String projectId, Scheme updated) {
        if (updated == null) {
            throw new IllegalArgumentException("A label set is needed");
        }
        projects.replaceLabels(projectId, updated);
    }
}
