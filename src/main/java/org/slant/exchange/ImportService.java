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
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.slant.access.Permissions;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerStore;
import org.slant.annotation.Span;
import org.slant.document.CodePointIndex;
import org.slant.document.Document;
import org.slant.document.DocumentId;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.project.Project;
import org.slant.label.Scheme;
import org.slant.storage.Limits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Imports annotations from a dataset file into one annotator's layers. {@link #check} reads the file
 * and checks every document and span against the workspace without writing; {@link #apply} runs the
 * same checks and writes only when there is no problem at all, so a file is imported whole or not at
 * all (one save per document layer).
 *
 * <p>The LayerStore is only read (to find spans already in the target layer). Layers are written
 * through {@link AnnotationService#addAll}: that service caches each layer and serialises edits per
 * layer, and a write around it would be overwritten by the next edit from the UI.
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

    public ImportService(DocumentService documents, AnnotationService annotations, LabelService labels, LayerStore layers) {
        this(documents, annotations, labels, layers, Limits.DEFAULTS);
    }

    /** {@code limits}: the file's size, a zip's entries, spans per layer, note length, problems listed. */
    public ImportService(DocumentService documents, AnnotationService annotations, LabelService labels, LayerStore layers,
                         Limits limits) {
        this(documents, annotations, labels, layers, Clock.systemUTC(), limits);
    }

    /** {@code permissions} decides who imports into what ({@link #optionsFor}). */
    @Autowired
    public ImportService(DocumentService documents, AnnotationService annotations, LabelService labels, LayerStore layers,
                         Limits limits, @org.springframework.context.annotation.Lazy Permissions permissions) {
        this(documents, annotations, labels, layers, Clock.systemUTC(), limits);
        this.permissions = permissions;
    }

    private Permissions permissions = Permissions.OWNER; // the command line and tests: the workspace's owner

    /**
     * The options of a signed-in user's import, from the UI or the API alike: curators and admins only
     * (refused otherwise); only into documents whose layer they may write (the others are listed as
     * problems); new documents only for admins, since they could land in any project.
     */
    public ImportOptions optionsFor(String actor, String annotator, Map<String, String> labelMapping,
                                    boolean skipUnknownLabels, boolean createDocuments) {
        permissions.requireImport(actor);
        boolean admin = permissions.isAdmin(actor);
        return new ImportOptions(annotator, labelMapping, skipUnknownLabels, createDocuments && admin,
                id -> admin || permissions.mayWrite(actor, id, annotator));
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
        // new documents first (ids assigned in file order), then every layer; both save several at a time
        List<PlannedDocument> toCreate = plan.documents().stream().filter(p -> p.existing() == null).toList();
        List<Document> created = documents.addNew(toCreate.stream()
                .map(p -> new DocumentService.NewDocument(new Draft(p.title(), p.text()), p.source(), p.preferredId())).toList());
        Map<PlannedDocument, Document> target = new java.util.IdentityHashMap<>();
        for (int i = 0; i < toCreate.size(); i++) {
            target.put(toCreate.get(i), created.get(i));
        }
        java.util.concurrent.atomic.AtomicInteger imported = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger skipped = new java.util.concurrent.atomic.AtomicInteger(
                plan.report().spansSkipped());
        int total = plan.documents().size();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger notWritten = new java.util.concurrent.atomic.AtomicInteger();
        org.slant.document.ParallelWrites.forEach(plan.documents(), p -> {
            if (progress.cancelled()) {
                notWritten.incrementAndGet();
                return;
            }
            Document doc = p.existing() != null ? p.existing() : target.get(p);
            List<Span> spans = new ArrayList<>(p.spans().size());
            for (PlannedSpan s : p.spans()) {
                spans.add(new Span(s.id() != null ? s.id() : newSpanId(now), s.start(), s.end(), s.labelId(), s.text(),
                        s.note(), options.annotator(), now, now));
            }
            if (!spans.isEmpty()) {
                List<Span> added = annotations.addAll(doc.id(), options.annotator(), spans);
                imported.addAndGet(added.size());
                skipped.addAndGet(spans.size() - added.size()); // marked by someone else since the check
            }
            progress.documentDone(done.incrementAndGet(), total);
        });
        ImportReport r = plan.report();
        List<ImportProblem> warnings = new ArrayList<>(r.warnings());
        if (notWritten.get() > 0) {
            warnings.add(new ImportProblem(fileName, 0, "cancelled: the spans of " + done.get() + " of " + total
                    + " documents were imported, the other " + notWritten.get() + " were not"));
        }
        org.slant.access.Audit.record("import", format + " file \"" + fileName + "\" into " + options.annotator()
                + "'s layers: " + imported.get() + " spans on " + (r.documentsMatched() + r.documentsCreated())
                + " documents (" + r.documentsCreated() + " new), " + skipped.get() + " skipped"
                + (notWritten.get() > 0 ? ", cancelled" : ""));
        return new ImportReport(r.documentsMatched(), r.documentsCreated(), imported.get(), skipped.get(), r.unknownLabels(),
                r.problems(), warnings);
    }

    // ---- planning: everything apply would do, decided before anything is written ----

    /** {@code id}: the file's id for the span when the layer has no span of that id, else null (a new id). */
    private record PlannedSpan(String id, int start, int end, String labelId, String text, String note) {
    }

    /**
     * {@code existing} is null for a document to create from {@code title} and {@code text}, recording
     * {@code source} and keeping {@code preferredId} when it is free; {@code ranges} holds
     * "start:end:label" of every span already in the layer or planned, {@code spanIds} their ids.
     */
    private record PlannedDocument(Document existing, String title, String text, Source source, String preferredId,
                                   CodePointIndex index, Set<String> ranges, Set<String> spanIds, List<PlannedSpan> spans) {
    }

    private record Plan(ImportReport report, List<PlannedDocument> documents) {
    }

    /** Where an unknown label was first seen and how often, so it is reported once, not per span. */
    private static final class UnknownLabel {
        final String file;
        final int line;
        final Scheme labels;
        int count;

        UnknownLabel(String file, int line, Scheme labels) {
            this.file = file;
            this.line = line;
            this.labels = labels;
        }
    }

    private Plan plan(AnnotationFormat format, String fileName, byte[] content, ImportOptions options) {
        limits.requireUpload(fileName, content.length);
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        if (!DocumentId.isValid(options.annotator())) {
            problems.add(new ImportProblem(fileName, 0, "the target layer's annotator must be a slug (a-z, 0-9 and"
                    + " single hyphens), got: " + (options.annotator() == null ? "nothing" : '"' + options.annotator() + '"')));
            return new Plan(new ImportReport(0, 0, 0, 0, Set.of(), problems, warnings), List.of());
        }
        Map<String, Document> byId = new HashMap<>();
        Map<String, Document> byText = new HashMap<>();
        Map<String, List<Document>> byDatasetId = new HashMap<>();
        for (Document d : documents.list().documents()) {
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

        // spans are matched against the label set of their document's project (new documents: the default project's)
        Map<Scheme, LabelMatcher> matchers = new HashMap<>();
        Map<String, LabelMatcher> matcherByDocument = new HashMap<>();
        java.util.function.Function<Document, LabelMatcher> matcherFor = d -> matcherByDocument.computeIfAbsent(
                d == null ? "" : d.id(), k -> matchers.computeIfAbsent(
                        d == null ? labels.labels(Project.DEFAULT_ID) : labels.labelsFor(d.id()),
                        set -> new LabelMatcher(set, options.labelMapping(), fileName, problems)));

        // keyed by text: the same text twice in a file (one JSONL line per annotator, say) is one document
        Map<String, PlannedDocument> byPlannedText = new LinkedHashMap<>();
        Map<String, String> firstSeen = new HashMap<>();
        Map<String, UnknownLabel> unknown = new LinkedHashMap<>();
        Set<String> unknownNames = new TreeSet<>();
        int matched = 0;
        int created = 0;
        int spanCount = 0;
        int skipped = 0;
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
                            : "the file has no text for " + name
                            + " and the workspace has no document with that id; include the text, or add the document first"));
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
                                ImportText.titleOf(text, "")) + "\") is not in the workspace; turn on creating documents to add it"));
                        continue;
                    }
                }
                if (existing != null && !options.mayWrite().test(existing.id())) {
                    problems.add(new ImportProblem(where, doc.line(), name + " is the workspace's document "
                            + existing.id() + ", which you may not write into " + options.annotator()
                            + "'s layer of (it is not in a project you curate)"));
                    continue;
                }
                Set<String> ranges = new HashSet<>();
                Set<String> spanIds = new HashSet<>();
                if (existing != null) {
                    try {
                        // a read only: the write goes through AnnotationService.addAll, which checks again under the lock
                        for (Span s : layers.find(existing.id(), options.annotator()).map(Layer::spans).orElse(List.of())) {
                            ranges.add(s.start() + ":" + s.end() + ":" + s.label());
                            spanIds.add(s.id());
                        }
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
                plan = new PlannedDocument(existing, title, text, doc.source(),
                        format == AnnotationFormat.SLANT_JSON ? doc.id() : null, // a Slant export's id is a workspace id
                        new CodePointIndex(text), ranges, spanIds, new ArrayList<>());
                byPlannedText.put(text, plan);
                firstSeen.put(text, here);
            }
            for (ImportedSpan s : doc.spans()) {
                LabelMatcher matcher = matcherFor.apply(plan.existing());
                String labelId = matcher.match(s.label());
                if (labelId == null) {
                    unknownNames.add(s.label());
                    if (options.skipUnknownLabels()) {
                        skipped++;
                    } else {
                        unknown.computeIfAbsent(s.label(), k -> new UnknownLabel(s.file(), s.line(), matcher.labels)).count++;
                    }
                    continue;
                }
                String covered = checkRange(s, text, plan.index(), problems);
                if (covered == null || !checkNote(s, problems)) {
                    continue;
                }
                if (!plan.ranges().add(s.start() + ":" + s.end() + ":" + labelId)) {
                    skipped++; // already in the layer, or twice in the file: marking it again adds nothing
                    continue;
                }
                // the file's own span id survives unless the layer already has a span of that id
                String spanId = isUsableSpanId(s.id()) && plan.spanIds().add(s.id()) ? s.id() : null;
                plan.spans().add(new PlannedSpan(spanId, s.start(), s.end(), labelId, covered, s.note()));
                spanCount++;
            }
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
        for (var e : unknown.entrySet()) {
            UnknownLabel u = e.getValue();
            List<String> known = u.labels.labels().stream().map(l -> l.id() + " (" + l.name() + ")").toList();
            problems.add(new ImportProblem(u.file, u.line, "unknown label \"" + e.getKey() + "\" on " + u.count
                    + (u.count == 1 ? " span" : " spans") + (u.count > 1 ? " (first here)" : "")
                    + "; map it to one of " + known + " or skip unknown labels"));
        }
        ImportReport report = new ImportReport(matched, created, spanCount, skipped, unknownNames, problems, warnings)
                .listingAtMost(limits.reportProblems());
        return new Plan(report, planned);
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

    /** A file's span id is kept when it is a plain name: at most 200 characters, no white space or control characters. */
    static boolean isUsableSpanId(String id) {
        if (id == null || id.isEmpty() || id.length() > 200 || org.slant.document.LoneSurrogates.first(id) >= 0) {
            return false;
        }
        return id.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c));
    }

    /** Same scheme as the annotation service's ids, with its own prefix so the two never collide. */
    private String newSpanId(Instant now) {
        return "i" + Long.toString(now.toEpochMilli(), 36) + Long.toString(idSequence.incrementAndGet(), 36);
    }

    /**
     * A file's label to a workspace label id: through the caller's mapping, then by id, by name
     * ignoring case, then by brat-safe name (spaces, underscores, hyphens and case folded).
     */
    private static final class LabelMatcher {

        private final Scheme labels;
        private final Map<String, String> mapping;
        private final Map<String, String> byName = new HashMap<>();
        private final Map<String, String> byKey = new HashMap<>();

        LabelMatcher(Scheme labels, Map<String, String> mapping, String fileName, List<ImportProblem> problems) {
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
        String match(String fileLabel) {
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
