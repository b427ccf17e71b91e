package org.slant.project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slant.access.Permissions;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.annotation.SpanRejectedException;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.springframework.stereotype.Service;

/**
 * Edits the label set without ever leaving a span pointing at a label that no longer exists: a label
 * in use can only go once the user has chosen what happens to its spans (relabel them or delete them).
 */
@Service
public class SchemeEditor {

    private final LabelService labels;
    private final AnnotationService annotations;
    private final ProjectRegistry projects;

    private final Permissions permissions;

    /** For the command line and tests: acts as the workspace's owner. */
    public SchemeEditor(LabelService labels, AnnotationService annotations, ProjectRegistry projects) {
        this(labels, annotations, projects, Permissions.OWNER);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SchemeEditor(LabelService labels, AnnotationService annotations, ProjectRegistry projects,
                          @org.springframework.context.annotation.Lazy Permissions permissions) {
        this.labels = labels;
        this.annotations = annotations;
        this.projects = projects;
        this.permissions = permissions;
    }

    /** {@link #put(String, Label)} for a signed-in user: only the project's curators (and admins) change its labels. */
    public Scheme put(String actor, String projectId, Label label) {
        permissions.requireManageProject(actor, projectId);
        return put(projectId, label);
    }

    /** {@link #remove(String, String, String)} for a signed-in user: the project's curators (and admins). */
    public int remove(String actor, String projectId, String labelId, String replacementId) {
        permissions.requireManageProject(actor, projectId);
        return remove(projectId, labelId, replacementId);
    }

    /** How many spans (the project's documents, all layers) carry each label id. */
    public Map<String, Integer> usage(String projectId) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String id : projects.documentsOf(projectId)) {
            try {
                for (Layer layer : annotations.layers(id)) {
                    layer.spans().forEach(s -> counts.merge(s.label(), 1, Integer::sum));
                }
            } catch (RuntimeException e) {
                // an unreadable layer is reported by the document list; it cannot be counted here
            }
        }
        return counts;
    }

    /** Adds a label to the project's set or changes one (same id); its spans keep pointing at it. */
    public synchronized Scheme put(String projectId, Label label) {
        List<Label> next = new ArrayList<>();
        boolean replaced = false;
        for (Label l : labels.labels(projectId).labels()) {
            if (l.id().equals(label.id())) {
                next.add(label);
                replaced = true;
            } else {
                next.add(l);
            }
        }
        if (!replaced) {
            next.add(label);
        }
        Scheme updated = labels.labels(projectId).withLabels(next); // refuses duplicate hotkeys with a message
        labels.replace(projectId, updated);
        return updated;
    }

    /**
     * Removes a label from the project's set. Its spans in the project's documents are relabelled to
     * {@code replacementId}, or deleted when it is null; a relabelled span that would repeat one
     * already there (same range and label) is dropped. Layers
     * are rewritten with their revision checked, then the label set is saved.
     *
     * @return how many spans were relabelled or deleted
     */
    public synchronized int remove(String projectId, String labelId, String replacementId) {
        Scheme current = labels.labels(projectId);
        if (!current.contains(labelId)) {
            throw new SpanRejectedException("There is no label \"" + labelId + "\"");
        }
        if (current.labels().size() == 1) {
            throw new SpanRejectedException("The last label cannot be removed");
        }
        if (replacementId != null && (replacementId.equals(labelId) || !current.contains(replacementId))) {
            throw new SpanRejectedException("Spans of \"" + labelId + "\" can only move to another existing label, not \""
                    + replacementId + "\"");
        }
        int changed = 0;
        for (String id : projects.documentsOf(projectId)) {
            for (Layer layer : annotations.layers(id)) {
                if (layer.spans().stream().noneMatch(s -> s.label().equals(labelId))) {
                    continue;
                }
                Set<String> kept = new HashSet<>();
                List<Span> spans = new ArrayList<>();
                for (Span s : layer.spans()) {
                    if (!s.label().equals(labelId)) {
                        spans.add(s);
                        kept.add(s.start() + ":" + s.end() + ":" + s.label());
                    }
                }
                for (Span s : layer.spans()) {
                    if (s.label().equals(labelId)) {
                        changed++;
                        if (replacementId != null && kept.add(s.start() + ":" + s.end() + ":" + replacementId)) {
                            org.slant.label.Label replacement = current.find(replacementId).orElseThrow();
                            java.util.Map<String, org.slant.label.AttributeValue> fitting = new java.util.TreeMap<>();
                            s.attributes().forEach((a, v) -> {
                                if (replacement.attribute(a).map(def -> def.check(v) == null).orElse(false)) {
                                    fitting.put(a, v);
                                }
                            });
                            spans.add(new Span(s.id(), s.start(), s.end(), replacementId, s.text(), s.note(), s.author(),
                                    s.created(), s.updated(), fitting));
                        }
                    }
                }
                annotations.replaceLayer(id, layer.annotator(), layer.revision(), spans);
            }
        }
        labels.replace(projectId, withoutLabel(current, labelId));
        return changed;
    }

    /**
     * The scheme without the label: link types no longer name it at either end, and a link type left with no
     * label at an end it named (which would now mean "any label") goes too; its links went with the spans.
     */
    static Scheme withoutLabel(Scheme scheme, String labelId) {
        List<org.slant.label.LinkType> types = new ArrayList<>();
        for (org.slant.label.LinkType t : scheme.linkTypes()) {
            List<String> from = t.from().stream().filter(l -> !l.equals(labelId)).toList();
            List<String> to = t.to().stream().filter(l -> !l.equals(labelId)).toList();
            if (from.isEmpty() && !t.from().isEmpty() || to.isEmpty() && !t.to().isEmpty()) {
                continue;
            }
            types.add(new org.slant.label.LinkType(t.id(), t.name(), from, to, t.role(), t.required(), t.multiple(),
                    t.definition()));
        }
        return new Scheme(scheme.labels().stream().filter(l -> !l.id().equals(labelId)).toList(), types,
                scheme.sentenceLabels(), scheme.documentQuestions());
    }
}
