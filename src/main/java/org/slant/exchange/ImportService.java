package org.slant.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slant.access.Permissions;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerStore;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.document.DocumentId;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Sentences;
import org.slant.document.Source;
import org.slant.label.Attribute;
import org.slant.label.AttributeValue;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import org.slant.project.Project;
import org.slant.project.ProjectService;
import org.slant.storage.Limits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Imports annotations from a dataset file into one annotator's layers. {@link #check} reads the file
 * and checks every document, span, attribute, link, sentence label and answer against the workspace
 * without writing; {@link #apply} runs the same checks and writes only when there is no problem at all,
 * so a file is imported whole or not at all (one save per document layer).
 *
 * <p>A scheme the file declares (brat's annotation.conf, a Slant export's scheme) first extends the target
 * project's scheme with what it lacks ({@link SchemeImport}); the file is checked against the extended
 * scheme, and {@link #apply} stores it through the label service before writing any layer.
 *
 * <p>The LayerStore is only read (to find what is already in the target layer). Layers are written
 * through {@link AnnotationService#addAll} and {@link AnnotationService#addStructure}: that service caches
 * each layer, serialises edits per layer and checks the scheme's rules again, and a write around it would
 * be overwritten by the next edit from the UI.
 */
@Service
public class ImportService {

    private final DocumentService documents;
    private final AnnotationService annotations;
    private final LabelService labels;
    private final LayerStore layers;
    private final Clock clock;
    private final Limits limits;
    private final AtomicLong idSequence = new AtomicLong();
    private ProjectService projects; // null: documents cannot be placed in a project other than the default one

    public ImportService(DocumentService documents, AnnotationService annotations, LabelService labels, LayerStore layers) {
        this(documents, annotations, labels, layers, Limits.DEFAULTS);
    }

    /** {@code limits}: the file's size, a zip's entries, spans per layer, note length, problems listed. */
    public ImportService(DocumentService documents, AnnotationService annotations, LabelService labels, LayerStore layers,
                         Limits limits) {
        this(documents, annotations, labels, layers, Clock.systemUTC(), limits);
    }

    /** {@code projects} places new documents in the project an import targets (the command line's). */
    public ImportService(DocumentService documents, AnnotationService annotations, LabelService labels, LayerStore layers,
                         ProjectService projects) {
        this(documents, annotations, labels, layers, Limits.DEFAULTS);
        this.projects = projects;
    }

    /** {@code permissions} decides who imports into what ({@link #optionsFor}). */
    @Autowired
    public ImportService(DocumentService documents, AnnotationService annotations, LabelService labels, LayerStore layers,
                         Limits limits, @org.springframework.context.annotation.Lazy Permissions permissions,
                         ProjectService projects) {
        this(documents, annotations, labels, layers, Clock.systemUTC(), limits);
        this.permissions = permissions;
        this.projects = projects;
    }

    private Permissions permissions = Permissions.OWNER; // the command line and tests: the workspace's owner

    /**
     * The options of a signed-in user's import, from the UI or the API alike: curators and admins only
     * (refused otherwise); only into documents whose layer they may write (the others are listed as
     * problems); new documents only for admins, since they could land in any project.
     */
    public ImportOptions optionsFor(String actor, String annotator, Map<String, String> labelMapping,
                                    boolean skipUnknownLabels, boolean createDocuments) {
        return optionsFor(actor, annotator, labelMapping, skipUnknownLabels, createDocuments, null);
    }

    /**
     * The same targeting {@code projectId} (null: none): only the project's curators (and admins) target
     * it, and they may create documents, which land in it. A file's scheme extends the target project's
     * (the default project's without one) only for those who manage that project.
     */
    public ImportOptions optionsFor(String actor, String annotator, Map<String, String> labelMapping,
                                    boolean skipUnknownLabels, boolean createDocuments, String projectId) {
        permissions.requireImport(actor);
        boolean admin = permissions.isAdmin(actor);
        boolean project = projectId != null && !projectId.isBlank();
        if (project) {
            permissions.requireManageProject(actor, projectId.strip());
        }
        return new ImportOptions(annotator, labelMapping, skipUnknownLabels, createDocuments && (admin || project),
                id -> admin || permissions.mayWrite(actor, id, annotator), project ? projectId.strip() : null,
                p -> admin || manages(actor, p));
    }

    private boolean manages(String actor, String projectId) {
        try {
            permissions.requireManageProject(actor, projectId);
            return true;
        } catch (RuntimeException e) {
            return false; // refused: the file's scheme is not theirs to add to that project
        }
    }

    /** With a fixed clock for tests: imported spans are stamped with its time. */
    ImportService(DocumentService documents, AnnotationService annotations, LabelService labels, LayerStore layers,
                  Clock clock) {
        this(documents, annotations, labels, layers, clock, Limits.DEFAULTS);
    }

    ImportService(DocumentService documents, AnnotationService annotations, LabelService labels, LayerStore layers,
                  Clock clock, Limits limits) {
        this.documents = documents;
        this.annotations = annotations;
        this.labels = labels;
        this.layers = layers;
        this.clock = clock;
        this.limits = limits;
    }

    /** For tests with a fixed clock that target projects. */
    ImportService withProjects(ProjectService projectService) {
        this.projects = projectService;
        return this;
    }

    /** The largest file {@link #check} and {@link #apply} take (setting slant.limits.upload-bytes). */
    public long maxFileBytes() {
        return limits.uploadBytes().toBytes();
    }

    /** Reads and checks; writes nothing. The counts say what {@link #apply} would do. */
    public ImportReport check(AnnotationFormat format, String fileName, byte[] content, ImportOptions options) {
        return plan(format, fileName, content, options).report();
    }

    /**
     * Checks, then writes if and only if the whole file checks clean. With problems the report is
     * returned and nothing is written.
     */
    public ImportReport apply(AnnotationFormat format, String fileName, byte[] content, ImportOptions options) {
        return apply(format, fileName, content, options, ImportProgress.NONE);
    }

    /** Like {@link #apply(AnnotationFormat, String, byte[], ImportOptions)}, reporting progress and stoppable. */
    public synchronized ImportReport apply(AnnotationFormat format, String fileName, byte[] content, ImportOptions options,
                                           ImportProgress progress) {
        Plan plan = plan(format, fileName, content, options);
        if (!plan.report().ok()) {
            return plan.report();
        }
        Instant now = clock.instant();
        if (!plan.report().schemeAdditions().isEmpty()) {
            // merged again with the scheme as it is now, so an edit made since the check is kept; before any
            // layer is written, as the layers are checked against it
            labels.replace(plan.project(), SchemeImport.merge(labels.labels(plan.project()), plan.declared(),
                    options.labelMapping()).scheme());
        }
        // new documents first (ids assigned in file order), then every layer; both save several at a time
        List<PlannedDocument> toCreate = plan.documents().stream().filter(p -> p.existing() == null).toList();
        List<Document> created = documents.addNew(toCreate.stream()
                .map(p -> new DocumentService.NewDocument(new Draft(p.title(), p.text()), p.source(), p.preferredId())).toList());
        if (!created.isEmpty() && !plan.project().equals(Project.DEFAULT_ID)) {
            projects.moveDocuments(created.stream().map(Document::id).toList(), plan.project(), Map.of());
        }
        Map<PlannedDocument, Document> target = new java.util.IdentityHashMap<>();
        for (int i = 0; i < toCreate.size(); i++) {
            target.put(toCreate.get(i), created.get(i));
        }
        AtomicInteger imported = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger(plan.report().spansSkipped());
        AtomicInteger linksAdded = new AtomicInteger();
        AtomicInteger sentenceLabelsAdded = new AtomicInteger();
        AtomicInteger answersAdded = new AtomicInteger();
        int total = plan.documents().size();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger notWritten = new AtomicInteger();
        org.slant.document.ParallelWrites.forEach(plan.documents(), p -> {
            if (progress.cancelled()) {
                notWritten.incrementAndGet();
                return;
            }
            Document doc = p.existing() != null ? p.existing() : target.get(p);
            List<Span> spans = new ArrayList<>(p.spans().size());
            for (PlannedSpan s : p.spans()) {
                spans.add(new Span(s.id(), s.start(), s.end(), s.labelId(), s.text(), s.note(), options.annotator(), now, now,
                        s.attributes()));
            }
            if (p.links().isEmpty() && p.sentences().isEmpty() && p.answers().isEmpty()) {
                if (!spans.isEmpty()) {
                    List<Span> added = annotations.addAll(doc.id(), options.annotator(), spans);
                    imported.addAndGet(added.size());
                    skipped.addAndGet(spans.size() - added.size()); // marked by someone else since the check
                }
            } else {
                List<Link> links = p.links().stream().map(l -> new Link(l.id(), l.type(), l.from(), l.to(),
                        options.annotator(), now)).toList();
                AnnotationService.Added added = annotations.addStructure(doc.id(), options.annotator(), spans, links,
                        p.sentences(), p.answers());
                imported.addAndGet(added.spans().size());
                skipped.addAndGet(spans.size() - added.spans().size());
                linksAdded.addAndGet(added.links());
                sentenceLabelsAdded.addAndGet(added.sentenceLabels());
                answersAdded.addAndGet(added.answers());
            }
            progress.documentDone(done.incrementAndGet(), total);
        });
        ImportReport r = plan.report();
        List<ImportProblem> warnings = new ArrayList<>(r.warnings());
        if (notWritten.get() > 0) {
            warnings.add(new ImportProblem(fileName, 0, "cancelled: the spans of " + done.get() + " of " + total
                    + " documents were imported, the other " + notWritten.get() + " were not"));
        }
        String structure = new ImportReport(0, 0, 0, 0, Set.of(), List.of(), List.of(), 0, linksAdded.get(),
                sentenceLabelsAdded.get(), answersAdded.get(), List.of()).structureLine();
        org.slant.access.Audit.record("import", format + " file \"" + fileName + "\" into " + options.annotator()
                + "'s layers: " + imported.get() + " spans" + (structure.isEmpty() ? "" : ", " + structure) + " on "
                + (r.documentsMatched() + r.documentsCreated()) + " documents (" + r.documentsCreated() + " new), "
                + skipped.get() + " skipped" + (r.schemeAdditions().isEmpty() ? ""
                : "; project " + plan.project() + "'s scheme gained " + String.join(", ", r.schemeAdditions()))
                + (notWritten.get() > 0 ? ", cancelled" : ""));
        return new ImportReport(r.documentsMatched(), r.documentsCreated(), imported.get(), skipped.get(), r.unknownLabels(),
                r.problems(), warnings, 0, linksAdded.get(), sentenceLabelsAdded.get(), answersAdded.get(),
                r.schemeAdditions());
    }

    // ---- planning: everything apply would do, decided before anything is written ----

    private record PlannedSpan(String id, int start, int end, String labelId, String text, String note,
                               Map<String, AttributeValue> attributes) {
    }

    private record PlannedLink(String id, String type, String from, String to) {
    }

    /**
     * {@code existing} is null for a document to create from {@code title} and {@code text}, recording
     * {@code source} and keeping {@code preferredId} when it is free. {@code byRange} maps "start:end:label"
     * of every span already in the layer or planned to its id, {@code labelOf} every such span id to its
     * label; {@code linkKeys} holds "type:from:to" of every link and {@code roles} "from:type" of every role
     * filled, in the layer or planned; {@code sentences} (by start) and {@code answers} are the layer's with
     * the file's added, of which {@code newSentenceLabels}/{@code answers} count only what is new.
     */
    private record PlannedDocument(Document existing, String title, String text, Source source, String preferredId,
                                   CodePointIndex index, Scheme scheme, Map<String, String> byRange,
                                   Map<String, String> labelOf, Set<String> ids, Set<String> linkKeys, Set<String> roles,
                                   List<PlannedSpan> spans, List<PlannedLink> links,
                                   Map<Integer, SentenceAnnotation> layerSentences, List<SentenceAnnotation> sentences,
                                   Map<String, AttributeValue> layerAnswers, Map<String, AttributeValue> answers) {

        Set<String> ranges() {
            return byRange.keySet();
        }
    }

    /** {@code declared}: the scheme the file declares, null when it declares none or adds nothing. */
    private record Plan(ImportReport report, List<PlannedDocument> documents, String project, Scheme declared) {
    }

    /** Where an unknown name was first seen and how often, so it is reported once, not per use. */
    private static final class Unknown {
        final String file;
        final int line;
        final List<String> known;
        int count;

        Unknown(String file, int line, List<String> known) {
            this.file = file;
            this.line = line;
            this.known = known;
        }
    }

    private Plan plan(AnnotationFormat format, String fileName, byte[] content, ImportOptions options) {
        limits.requireUpload(fileName, content.length);
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        String project = options.projectId() != null ? options.projectId() : Project.DEFAULT_ID;
        if (!DocumentId.isValid(options.annotator())) {
            problems.add(new ImportProblem(fileName, 0, "the target layer's annotator must be a slug (a-z, 0-9 and"
                    + " single hyphens), got: " + (options.annotator() == null ? "nothing" : '"' + options.annotator() + '"')));
            return new Plan(new ImportReport(0, 0, 0, 0, Set.of(), problems, warnings), List.of(), project, null);
        }
        Scheme projectScheme;
        try {
            projectScheme = labels.labels(project);
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(fileName, 0, "there is no project \"" + project + "\" to import into"));
            return new Plan(new ImportReport(0, 0, 0, 0, Set.of(), problems, warnings), List.of(), project, null);
        }
        if (projects == null && !project.equals(Project.DEFAULT_ID)) {
            problems.add(new ImportProblem(fileName, 0, "this import service cannot place documents in project \"" + project
                    + "\" (it has no project service)"));
            return new Plan(new ImportReport(0, 0, 0, 0, Set.of(), problems, warnings), List.of(), project, null);
        }
        // with a target project only its documents are matched; without one every document is
        Set<String> inProject = options.projectId() == null ? null : new HashSet<>(projects.documentsOf(project));
        Map<String, Document> byId = new HashMap<>();
        Map<String, Document> byText = new HashMap<>();
        Map<String, List<Document>> byDatasetId = new HashMap<>();
        for (Document d : documents.list().documents()) {
            if (inProject != null && !inProject.contains(d.id())) {
                continue;
            }
            byId.put(d.id(), d);
            byText.putIfAbsent(d.text(), d);
            if (d.source().id() != null) {
                byDatasetId.computeIfAbsent(d.source().id(), k -> new ArrayList<>(1)).add(d);
            }
            if (d.source().url() != null && !d.source().url().equals(d.source().id())) {
                byDatasetId.computeIfAbsent(d.source().url(), k -> new ArrayList<>(1)).add(d); // a W3C target's source
            }
        }
        // a file without texts names its documents by the workspace's id, or by the dataset's id they were
        // imported with (or, for a Web Annotation target, their source URL)
        java.util.function.Function<String, Document> named = id -> {
            if (id == null) {
                return null;
            }
            Document d = byId.get(id);
            if (d != null) {
                return d;
            }
            List<Document> same = byDatasetId.getOrDefault(id, List.of());
            return same.size() == 1 ? same.getFirst() : null;
        };

        // CoNLL and Web Annotation files hold no text, so their tokens and selectors are placed in the workspace's;
        // only the texts the user may import into, so a mismatch never shows text of a document they may not touch
        java.util.function.Function<String, String> writableText = id -> {
            Document d = named.apply(id);
            return d != null && options.mayWrite().test(d.id()) ? d.text() : null;
        };
        ImportedFile file = switch (format) {
            case SLANT_JSON -> new SlantJsonReader().read(fileName, content, options.annotator());
            case JSONL -> new JsonlReader().read(fileName, content, options.annotator());
            case BRAT -> new BratReader(limits).read(fileName, content, options.annotator());
            case SEMEVAL -> new SemEvalReader(limits).read(fileName, content, options.annotator());
            case CONLL -> new ConllReader(limits).read(fileName, content, options.annotator(), writableText);
            case WEB_ANNOTATION -> new WebAnnotationReader().read(fileName, content, options.annotator(), writableText);
        };
        problems.addAll(file.problems());
        warnings.addAll(file.warnings());

        // the scheme the file declares extends the target project's, if the importer may change that
        Scheme targetScheme = projectScheme;
        List<String> additions = List.of();
        // skipping unknown labels keeps the project's scheme as it is: what it does not know is skipped
        if (file.scheme() != null && !options.skipUnknownLabels()) {
            try {
                SchemeImport.Merge merge = SchemeImport.merge(projectScheme, file.scheme(), options.labelMapping());
                if (!merge.additions().isEmpty() && !options.mayChangeScheme().test(project)) {
                    problems.add(new ImportProblem(fileName, 0, "the file's scheme would add to project " + project
                            + "'s: " + String.join("; ", merge.additions()) + ". Only the project's curators may change its"
                            + " scheme: ask one to import the file, or map its labels to the project's"));
                } else {
                    targetScheme = merge.scheme();
                    additions = merge.additions();
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(fileName, 0, "the file's scheme cannot be added to project " + project
                        + "'s: " + e.getMessage()));
            }
        }

        // spans are matched against the scheme of their document's project (new documents: the target project's)
        Scheme target = targetScheme;
        Map<Scheme, Matcher> matchers = new HashMap<>();
        java.util.function.Function<Document, Scheme> schemeOf = d -> d == null || options.projectId() != null
                || project.equals(projectOf(d.id())) ? target : labels.labelsFor(d.id());
        java.util.function.Function<Scheme, Matcher> matcherFor = scheme -> matchers.computeIfAbsent(scheme,
                s -> new Matcher(s, options.labelMapping(), fileName, problems));

        // keyed by text: the same text twice in a file (one JSONL line per annotator, say) is one document
        Map<String, PlannedDocument> byPlannedText = new LinkedHashMap<>();
        Map<String, String> firstSeen = new HashMap<>();
        Map<String, Unknown> unknownLabels = new LinkedHashMap<>();
        Map<String, Unknown> unknownNames = new LinkedHashMap<>(); // attributes, link types, sentence labels, questions
        Set<String> unknownLabelNames = new TreeSet<>();
        Instant now = clock.instant();
        int matched = 0;
        int created = 0;
        int spanCount = 0;
        int skipped = 0;
        int linkCount = 0;
        int sentenceLabelCount = 0;
        int answerCount = 0;
        for (ImportedDocument doc : file.documents()) {
            String where = doc.file() != null ? doc.file() : fileName;
            String here = where + (doc.line() > 0 ? ", line " + doc.line() : "");
            String name = doc.id() != null ? "document " + doc.id() : "the document";
            Document existing = null;
            String text = doc.text();
            if (text == null) {
                existing = named.apply(doc.id());
                if (existing == null && doc.source().id() != null) {
                    existing = named.apply(doc.source().id());
                }
                if (existing == null) {
                    List<Document> several = byDatasetId.getOrDefault(doc.source().id() != null ? doc.source().id()
                            : String.valueOf(doc.id()), List.of());
                    problems.add(new ImportProblem(where, doc.line(), several.size() > 1
                            ? "the file has no text for " + name + " and " + several.size() + " workspace documents were"
                                    + " imported under that id (" + several.stream().map(Document::id).sorted().toList()
                                    + "); import into one of them by its own id"
                            : "the file has no text for " + name + " and " + (inProject == null ? "the workspace"
                            : "project " + project) + " has no document with that id; include the text, or add the"
                            + " document first"));
                    continue;
                }
                text = existing.text();
            } else if (text.isBlank()) {
                problems.add(new ImportProblem(where, doc.line(), name + " has no text"));
                continue;
            } else if (org.slant.document.LoneSurrogates.first(text) >= 0) {
                problems.add(new ImportProblem(where, doc.line(), org.slant.document.LoneSurrogates.describe(text,
                        "the text of " + name)));
                continue;
            }
            PlannedDocument plan = byPlannedText.get(text);
            if (plan != null) {
                warnings.add(new ImportProblem(where, doc.line(), name + " has the same text as the document at "
                        + firstSeen.get(text) + "; their spans go into one document"));
            } else {
                if (existing == null) {
                    Document sameId = doc.id() == null ? null : byId.get(doc.id());
                    if (sameId != null && sameId.text().equals(text)) {
                        existing = sameId;
                    } else {
                        existing = byText.get(text);
                        if (existing == null && sameId != null && options.createDocuments()) {
                            warnings.add(new ImportProblem(where, doc.line(), "the workspace's document " + doc.id()
                                    + " has a different text, so this one is added under a new id"));
                        }
                    }
                    if (existing == null && !options.createDocuments()) {
                        problems.add(new ImportProblem(where, doc.line(), name + " (\"" + ImportText.abbreviate(
                                ImportText.titleOf(text, "")) + "\") is not in " + (inProject == null ? "the workspace"
                                : "project " + project) + "; turn on creating documents to add it"));
                        continue;
                    }
                }
                if (existing != null && !options.mayWrite().test(existing.id())) {
                    problems.add(new ImportProblem(where, doc.line(), name + " is the workspace's document "
                            + existing.id() + ", which you may not write into " + options.annotator()
                            + "'s layer of (it is not in a project you curate)"));
                    continue;
                }
                Layer layer = null;
                if (existing != null) {
                    try {
                        // a read only: the write goes through AnnotationService, which checks again under the lock
                        layer = layers.find(existing.id(), options.annotator()).orElse(null);
                    } catch (RuntimeException e) {
                        problems.add(new ImportProblem(where, doc.line(), options.annotator() + "'s layer of "
                                + existing.id() + " cannot be read: " + e.getMessage()));
                        continue;
                    }
                    matched++;
                } else {
                    created++;
                }
                String title = existing != null ? existing.title()
                        : doc.title() != null && !doc.title().isBlank() ? doc.title() : ImportText.titleOf(text, "Imported");
                plan = newPlan(existing, title, text, doc, format, schemeOf.apply(existing), layer);
                byPlannedText.put(text, plan);
                firstSeen.put(text, here);
            }
            Matcher matcher = matcherFor.apply(plan.scheme());
            Map<String, String> fileIds = new HashMap<>(); // this document's span ids in the file -> the layer's
            Set<String> leftOut = new HashSet<>(); // file span ids skipped (unknown label) or refused: their links go too
            for (ImportedSpan s : doc.spans()) {
                String labelId = matcher.label(s.label());
                if (labelId == null) {
                    unknownLabelNames.add(s.label());
                    if (options.skipUnknownLabels()) {
                        skipped++;
                    } else {
                        unknownLabels.computeIfAbsent(s.label(), k -> new Unknown(s.file(), s.line(), matcher.labels.labels()
                                .stream().map(l -> l.id() + " (" + l.name() + ")").toList())).count++;
                    }
                    leave(s, leftOut);
                    continue;
                }
                String covered = checkRange(s, text, plan.index(), problems);
                Map<String, AttributeValue> attributes = attributes(s, labelId, matcher, unknownNames, problems);
                if (covered == null || attributes == null || !checkNote(s, problems)) {
                    leave(s, leftOut);
                    continue;
                }
                String range = s.start() + ":" + s.end() + ":" + labelId;
                String there = plan.byRange().get(range);
                if (there != null) {
                    skipped++; // already in the layer, or twice in the file: marking it again adds nothing
                    if (s.id() != null) {
                        fileIds.put(s.id(), there);
                    }
                    continue;
                }
                // the file's own span id survives unless the layer already has a span of that id
                String spanId = isUsableSpanId(s.id()) && plan.ids().add(s.id()) ? s.id() : freshId("i", now, plan.ids());
                plan.ids().add(spanId);
                plan.byRange().put(range, spanId);
                plan.labelOf().put(spanId, labelId);
                if (s.id() != null) {
                    fileIds.put(s.id(), spanId);
                }
                plan.spans().add(new PlannedSpan(spanId, s.start(), s.end(), labelId, covered, s.note(), attributes));
                spanCount++;
            }
            linkCount += planLinks(doc, plan, matcher, fileIds, leftOut, now, unknownNames, problems);
            sentenceLabelCount += planSentences(doc, plan, matcher, unknownNames, problems);
            answerCount += planAnswers(doc, plan, matcher, format == AnnotationFormat.JSONL, unknownNames, problems, where);
        }
        List<PlannedDocument> planned = List.copyOf(byPlannedText.values());
        for (PlannedDocument p : planned) {
            // ranges: the spans already in the layer and those planned, each once
            if (p.ranges().size() > limits.spansPerLayer()) {
                problems.add(new ImportProblem(fileName, 0, (p.existing() != null ? "document " + p.existing().id()
                        : "the new document \"" + ImportText.abbreviate(p.title()) + "\"") + " would hold "
                        + p.ranges().size() + " spans in " + options.annotator() + "'s layer; the limit is "
                        + limits.spansPerLayer() + " spans per layer (" + Limits.SPANS_PER_LAYER + ")"));
            }
        }
        for (var e : unknownLabels.entrySet()) {
            Unknown u = e.getValue();
            problems.add(new ImportProblem(u.file, u.line, "unknown label \"" + e.getKey() + "\" on " + u.count
                    + (u.count == 1 ? " span" : " spans") + (u.count > 1 ? " (first here)" : "")
                    + "; map it to one of " + u.known + " or skip unknown labels"));
        }
        for (var e : unknownNames.entrySet()) {
            Unknown u = e.getValue();
            problems.add(new ImportProblem(u.file, u.line, e.getKey() + (u.count > 1 ? " (" + u.count + " times, first here)" : "")
                    + "; the scheme has " + (u.known.isEmpty() ? "none" : u.known)));
        }
        ImportReport report = new ImportReport(matched, created, spanCount, skipped, unknownLabelNames, problems, warnings,
                0, linkCount, sentenceLabelCount, answerCount, additions).listingAtMost(limits.reportProblems());
        return new Plan(report, planned, project, additions.isEmpty() ? null : file.scheme());
    }

    private String projectOf(String documentId) {
        return projects != null ? projects.projectOf(documentId).id() : Project.DEFAULT_ID;
    }

    private static void leave(ImportedSpan s, Set<String> leftOut) {
        if (s.id() != null) {
            leftOut.add(s.id());
        }
    }

    /** A plan for one document, holding what its layer has already. */
    private static PlannedDocument newPlan(Document existing, String title, String text, ImportedDocument doc,
                                           AnnotationFormat format, Scheme scheme, Layer layer) {
        Map<String, String> byRange = new HashMap<>();
        Map<String, String> labelOf = new HashMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> linkKeys = new HashSet<>();
        Set<String> roles = new HashSet<>();
        Map<Integer, SentenceAnnotation> sentences = new TreeMap<>();
        Map<String, AttributeValue> answers = new TreeMap<>();
        if (layer != null) {
            for (Span s : layer.spans()) {
                byRange.put(s.start() + ":" + s.end() + ":" + s.label(), s.id());
                labelOf.put(s.id(), s.label());
                ids.add(s.id());
            }
            for (Link l : layer.links()) {
                ids.add(l.id());
                linkKeys.add(l.type() + "\u0000" + l.from() + "\u0000" + l.to());
                roles.add(l.from() + "\u0000" + l.type());
            }
            layer.sentences().forEach(s -> sentences.put(s.start(), s));
            answers.putAll(layer.answers());
        }
        return new PlannedDocument(existing, title, text, doc.source(),
                format == AnnotationFormat.SLANT_JSON ? doc.id() : null, // a Slant export's id is a workspace id
                new CodePointIndex(text), scheme, byRange, labelOf, ids, linkKeys, roles, new ArrayList<>(), new ArrayList<>(),
                sentences, new ArrayList<>(), answers, new TreeMap<>());
    }

    /** The span's attributes in the scheme's terms; null, with problems, when one does not fit. */
    private static Map<String, AttributeValue> attributes(ImportedSpan s, String labelId, Matcher matcher,
                                                          Map<String, Unknown> unknown, List<ImportProblem> problems) {
        if (s.attributes().isEmpty()) {
            return Map.of();
        }
        Label label = matcher.labels.find(labelId).orElseThrow();
        Map<String, AttributeValue> values = new TreeMap<>();
        boolean fits = true;
        for (var a : s.attributes().entrySet()) {
            Attribute attribute = SchemeImport.attribute(label.attributes(), a.getKey()).orElse(null);
            if (attribute == null) {
                unknown.computeIfAbsent("unknown attribute \"" + a.getKey() + "\" of " + label.name(),
                        k -> new Unknown(s.file(), s.line(), label.attributes().stream().map(Attribute::id).toList())).count++;
                fits = false;
                continue;
            }
            AttributeValue value = SchemeImport.resolve(attribute, a.getValue());
            String problem = attribute.check(value);
            if (problem != null) {
                problems.add(new ImportProblem(s.file(), s.line(), "span " + s.start() + "-" + s.end() + " (" + s.label()
                        + "): " + problem));
                fits = false;
                continue;
            }
            values.put(attribute.id(), value);
        }
        return fits ? values : null;
    }

    /** Plans the document's links; returns how many are new. */
    private int planLinks(ImportedDocument doc, PlannedDocument plan, Matcher matcher, Map<String, String> fileIds,
                          Set<String> leftOut, Instant now, Map<String, Unknown> unknown, List<ImportProblem> problems) {
        int count = 0;
        for (ImportedLink l : doc.links()) {
            String name = "link " + (l.id() == null ? "" : l.id() + " ") + "(" + l.type() + ")";
            LinkType type = SchemeImport.linkType(matcher.labels, l.type()).orElse(null);
            if (type == null) {
                unknown.computeIfAbsent("unknown link type \"" + l.type() + "\"", k -> new Unknown(l.file(), l.line(),
                        matcher.labels.linkTypes().stream().map(LinkType::id).toList())).count++;
                continue;
            }
            if (leftOut.contains(l.from()) || leftOut.contains(l.to())) {
                continue; // an end was skipped or refused: that is reported (or counted) already
            }
            String from = fileIds.get(l.from());
            String to = fileIds.get(l.to());
            if (from == null || to == null) {
                problems.add(new ImportProblem(l.file(), l.line(), name + " names " + (from == null ? l.from() : l.to())
                        + ", which is not a span of " + (doc.id() == null ? "the document" : "document " + doc.id())
                        + " in the file"));
                continue;
            }
            if (from.equals(to)) {
                problems.add(new ImportProblem(l.file(), l.line(), name + " goes from a span to itself"));
                continue;
            }
            String fromLabel = plan.labelOf().get(from);
            String toLabel = plan.labelOf().get(to);
            if (!type.allowsFrom(fromLabel) || !type.allowsTo(toLabel)) {
                problems.add(new ImportProblem(l.file(), l.line(), name + ": a " + type.name() + " link goes from "
                        + labelsOf(type.from(), matcher.labels) + " to " + labelsOf(type.to(), matcher.labels) + ", not from "
                        + labelName(fromLabel, matcher.labels) + " to " + labelName(toLabel, matcher.labels)));
                continue;
            }
            if (!plan.linkKeys().add(type.id() + "\u0000" + from + "\u0000" + to)) {
                continue; // the same link again, or already in the layer
            }
            if (type.role() && !type.multiple() && !plan.roles().add(from + "\u0000" + type.id())) {
                problems.add(new ImportProblem(l.file(), l.line(), name + ": span " + l.from() + " ("
                        + labelName(fromLabel, matcher.labels) + ") already has its " + type.name() + ", and takes one"));
                continue;
            }
            plan.roles().add(from + "\u0000" + type.id());
            String id = isUsableSpanId(l.id()) && !plan.ids().contains(l.id()) ? l.id() : freshId("il", now, plan.ids());
            plan.ids().add(id);
            plan.links().add(new PlannedLink(id, type.id(), from, to));
            count++;
        }
        return count;
    }

    /** Plans the document's sentence labels; returns how many values are new to the layer. */
    private static int planSentences(ImportedDocument doc, PlannedDocument plan, Matcher matcher,
                                     Map<String, Unknown> unknown, List<ImportProblem> problems) {
        if (doc.sentences().isEmpty()) {
            return 0;
        }
        List<Sentences.Sentence> bounds = Sentences.of(plan.text());
        int count = 0;
        for (ImportedSentence s : doc.sentences()) {
            Sentences.Sentence actual = Sentences.at(bounds, s.start());
            if (actual == null || actual.start() != s.start() || actual.end() != s.end()) {
                problems.add(new ImportProblem(s.file(), s.line(), "the sentence labels at " + s.start() + "-" + s.end()
                        + " do not sit on a sentence" + (actual == null ? "" : "; the sentence there is " + actual.start() + "-"
                        + actual.end())));
                continue;
            }
            SentenceAnnotation current = plan.layerSentences().get(s.start());
            if (current == null) {
                current = new SentenceAnnotation(s.start(), s.end(), plan.index().slice(plan.text(), s.start(), s.end()), Map.of());
            }
            for (var v : s.values().entrySet()) {
                Attribute label = SchemeImport.attribute(matcher.labels.sentenceLabels(), v.getKey()).orElse(null);
                if (label == null) {
                    unknown.computeIfAbsent("unknown sentence label \"" + v.getKey() + "\"", k -> new Unknown(s.file(), s.line(),
                            matcher.labels.sentenceLabels().stream().map(Attribute::id).toList())).count++;
                    continue;
                }
                AttributeValue value = SchemeImport.resolve(label, v.getValue());
                String problem = label.check(value);
                if (problem != null) {
                    problems.add(new ImportProblem(s.file(), s.line(), "the sentence at " + s.start() + "-" + s.end() + ": "
                            + problem));
                    continue;
                }
                if (!current.values().containsKey(label.id())) {
                    current = current.with(label.id(), value);
                    count++;
                }
            }
            plan.layerSentences().put(s.start(), current);
            plan.sentences().removeIf(x -> x.start() == s.start());
            plan.sentences().add(current);
        }
        return count;
    }

    /**
     * Plans the document's answers; returns how many are new to the layer. {@code lenient}: a JSONL line's
     * other fields are offered as answers, and a field that names no question is just another field.
     */
    private static int planAnswers(ImportedDocument doc, PlannedDocument plan, Matcher matcher, boolean lenient,
                                   Map<String, Unknown> unknown, List<ImportProblem> problems, String where) {
        int count = 0;
        for (var a : doc.answers().entrySet()) {
            Attribute question = SchemeImport.attribute(matcher.labels.documentQuestions(), a.getKey()).orElse(null);
            if (question == null) {
                if (!lenient) {
                    unknown.computeIfAbsent("unknown document question \"" + a.getKey() + "\"", k -> new Unknown(where,
                            doc.line(), matcher.labels.documentQuestions().stream().map(Attribute::id).toList())).count++;
                }
                continue;
            }
            AttributeValue value = SchemeImport.resolve(question, a.getValue());
            String problem = question.check(value);
            if (problem != null) {
                problems.add(new ImportProblem(where, doc.line(), "document question: " + problem));
                continue;
            }
            if (!plan.layerAnswers().containsKey(question.id()) && !plan.answers().containsKey(question.id())) {
                plan.answers().put(question.id(), value);
                count++;
            }
        }
        return count;
    }

    private static String labelName(String id, Scheme scheme) {
        return scheme.find(id).map(Label::name).orElse(id);
    }

    private static String labelsOf(List<String> ids, Scheme scheme) {
        return ids.isEmpty() ? "any label" : String.join(" or ", ids.stream().map(id -> labelName(id, scheme)).toList());
    }

    /** The covered text, or null with a problem when the span does not fit the document. */
    private static String checkRange(ImportedSpan s, String text, CodePointIndex index, List<ImportProblem> problems) {
        int length = index.codePointLength();
        if (s.start() < 0 || s.end() > length) {
            problems.add(new ImportProblem(s.file(), s.line(), "span " + s.start() + "-" + s.end() + " (" + s.label()
                    + ") is outside the text, which has " + length + " characters (code points)"));
            return null;
        }
        if (s.end() <= s.start()) {
            problems.add(new ImportProblem(s.file(), s.line(), "span " + s.start() + "-" + s.end() + " (" + s.label()
                    + ") is empty: its end must come after its start"));
            return null;
        }
        String covered = index.slice(text, s.start(), s.end());
        if (s.text() != null && !s.text().equals(covered)) {
            problems.add(new ImportProblem(s.file(), s.line(), "span " + s.start() + "-" + s.end() + " (" + s.label()
                    + ") says it covers \"" + ImportText.abbreviate(s.text()) + "\" but the document has \""
                    + ImportText.abbreviate(covered) + "\" there"));
            return null;
        }
        return covered;
    }

    /** False, with a problem, when the span's note is over the limit or is not well-formed text. */
    private boolean checkNote(ImportedSpan s, List<ImportProblem> problems) {
        String note = s.note() == null ? null : s.note().strip();
        if (note == null || note.isEmpty()) {
            return true;
        }
        String bad = org.slant.document.LoneSurrogates.describe(note, "the note of span " + s.start() + "-" + s.end());
        if (bad != null) {
            problems.add(new ImportProblem(s.file(), s.line(), bad));
            return false;
        }
        int chars = note.codePointCount(0, note.length());
        if (chars > limits.noteChars()) {
            problems.add(new ImportProblem(s.file(), s.line(), "the note of span " + s.start() + "-" + s.end() + " has "
                    + chars + " characters; the limit is " + limits.noteChars() + " (" + Limits.NOTE_CHARS + ")"));
            return false;
        }
        return true;
    }

    /** Each project's matcher checks the mapping; a problem they share is reported once. */
    private static void addOnce(List<ImportProblem> problems, ImportProblem problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /** A file's span or link id is kept when it is a plain name: at most 200 characters, no white space or control characters. */
    static boolean isUsableSpanId(String id) {
        if (id == null || id.isEmpty() || id.length() > 200) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) { // a loop, not a stream: it runs for every span imported
            char c = id.charAt(i);
            if (c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < id.length()
                    && Character.isLowSurrogate(id.charAt(++i)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Same scheme as the annotation service's ids, with its own prefix so the two never collide, and never one
     * of {@code taken} (a file's own ids kept in the same layer).
     */
    private String freshId(String prefix, Instant now, Set<String> taken) {
        String id;
        do {
            id = prefix + Long.toString(now.toEpochMilli(), 36) + Long.toString(idSequence.incrementAndGet(), 36);
        } while (taken.contains(id));
        return id;
    }

    /**
     * A file's label to a workspace label id: through the caller's mapping, then by id, by name
     * ignoring case, then by brat-safe name (spaces, underscores, hyphens and case folded).
     */
    private static final class Matcher {

        private final Scheme labels;
        private final Map<String, String> mapping;
        private final Map<String, String> byName = new HashMap<>();
        private final Map<String, String> byKey = new HashMap<>();

        Matcher(Scheme labels, Map<String, String> mapping, String fileName, List<ImportProblem> problems) {
            this.labels = labels;
            this.mapping = mapping;
            for (var e : mapping.entrySet()) {
                if (!labels.contains(e.getValue())) {
                    addOnce(problems, new ImportProblem(fileName, 0, "the label mapping sends \"" + e.getKey()
                            + "\" to \"" + e.getValue() + "\", which is not a label id; label ids: "
                            + labels.labels().stream().map(Label::id).toList()));
                }
            }
            for (Label l : labels.labels()) {
                byName.putIfAbsent(l.name().toLowerCase(Locale.ROOT), l.id());
                byKey.putIfAbsent(BratReader.labelKey(l.name()), l.id());
                byKey.putIfAbsent(BratReader.labelKey(l.id()), l.id());
            }
        }

        /** The workspace label id, or null when nothing matches. */
        String label(String fileLabel) {
            String mapped = mapping.get(fileLabel);
            if (mapped != null) {
                return labels.contains(mapped) ? mapped : null;
            }
            if (labels.contains(fileLabel)) {
                return fileLabel;
            }
            String named = byName.get(fileLabel.toLowerCase(Locale.ROOT));
            return named != null ? named : byKey.get(BratReader.labelKey(fileLabel));
        }
    }
}
