package org.slant.teaching;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slant.access.Permissions;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.document.DocumentId;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The classroom rules: a teacher turns a document and a reference layer into an exercise, students
 * join with a class code, annotate in their own layer and submit; feedback and class results come
 * only from submissions. Changes to one exercise are serialised (its roster and settings); different
 * exercises run in parallel. Who may call what (teacher or student) is for the callers to check.
 */
@Service
public class TeachingService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TeachingService.class);

    /** What the teacher sets when creating an exercise. {@code due} may be null. */
    public record NewExercise(String title, String documentId, String teacher, String referenceLayer,
                              String instructions, Set<String> labels, boolean allowRevision, Instant due) {
    }

    /**
     * The outcome of adding a class list: who was added with their passwords (user name to password, to
     * show the teacher once), or the problems (then nobody was added).
     */
    public record ClassListReport(List<RosterEntry> added, Map<String, String> passwords, List<ClassList.Problem> problems) {

        public ClassListReport {
            added = List.copyOf(added);
            passwords = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(passwords));
            problems = List.copyOf(problems);
        }
    }

    /** A student who just joined, and their password (chosen or generated) to show once. */
    public record Joined(RosterEntry entry, String password) {

        public String user() {
            return entry.user();
        }
    }

    /** Used until an accounts implementation is wired: joining needs accounts, everything else works. */
    static final StudentAccounts NO_ACCOUNTS = new StudentAccounts() {
        @Override
        public NewStudent createStudent(String displayName, String exerciseId, String password) {
            throw new TeachingException("Student accounts are not available yet, so students cannot join.");
        }

        @Override
        public String resetPassword(String user) {
            throw new TeachingException("Student accounts are not available yet, so there is no password to reset.");
        }
    };

    private final DocumentService documents;
    private final AnnotationService annotations;
    private final LabelService labels;
    private final ExerciseStore store;
    private final StudentAccounts accounts;
    private final Clock clock;
    private final RandomGenerator random;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    /** {@code permissions} is lazy: the policy that implements it reads rosters through this service. */
    @Autowired
    public TeachingService(DocumentService documents, AnnotationService annotations, LabelService labels,
                           ExerciseStore store, Optional<StudentAccounts> accounts, Clock clock,
                           @org.springframework.context.annotation.Lazy Permissions permissions) {
        this(documents, annotations, labels, store, accounts.orElse(NO_ACCOUNTS), clock, new SecureRandom());
        this.permissions = permissions;
    }

    private Permissions permissions = Permissions.OWNER; // the command line and tests: the workspace's owner

    /**
     * What a signed-in user does to exercises, each asked of {@link Permissions} first: only the
     * exercise's teacher, curators of its document's project and admins manage it; only curators of a
     * document's project make an exercise of it; only students on the roster submit.
     */
    public Acting as(String actor) {
        return new Acting(actor);
    }

    public final class Acting {

        private final String actor;

        private Acting(String actor) {
            this.actor = DocumentId.require(actor, "User name");
        }

        private void manage(String exerciseId) {
            exercise(exerciseId); // an unknown exercise says so before any rule
            permissions.requireManageExercise(actor, exerciseId);
        }

        /** {@code request.teacher()} must be the actor. */
        public Exercise create(NewExercise request) {
            if (!actor.equals(request.teacher())) {
                throw new IllegalArgumentException("An exercise is made by its teacher, here " + actor);
            }
            permissions.requireCurate(actor, request.documentId());
            return TeachingService.this.create(request);
        }

        /** A copy with the actor as its teacher. */
        public Exercise copy(String exerciseId, String title) {
            manage(exerciseId);
            return TeachingService.this.copy(exerciseId, actor, title);
        }

        public Exercise setExplanation(String exerciseId, String referenceSpanId, String explanation) {
            manage(exerciseId);
            return TeachingService.this.setExplanation(exerciseId, referenceSpanId, explanation);
        }

        public Exercise refreshReference(String exerciseId) {
            manage(exerciseId);
            return TeachingService.this.refreshReference(exerciseId);
        }

        public Exercise newClassCode(String exerciseId) {
            manage(exerciseId);
            return TeachingService.this.newClassCode(exerciseId);
        }

        public Exercise closeClassCode(String exerciseId) {
            manage(exerciseId);
            return TeachingService.this.closeClassCode(exerciseId);
        }

        public Exercise reopenClassCode(String exerciseId) {
            manage(exerciseId);
            return TeachingService.this.reopenClassCode(exerciseId);
        }

        public ClassListReport addClassList(String exerciseId, byte[] file) {
            manage(exerciseId);
            return TeachingService.this.addClassList(exerciseId, file);
        }

        public String resetPassword(String exerciseId, String student) {
            manage(exerciseId);
            return TeachingService.this.resetPassword(exerciseId, student);
        }

        /** The actor hands in their own work. */
        public Submission submit(String exerciseId) {
            exercise(exerciseId);
            permissions.requireStudentOf(actor, exerciseId);
            return TeachingService.this.submit(exerciseId, actor);
        }
    }

    public TeachingService(DocumentService documents, AnnotationService annotations, LabelService labels,
                           ExerciseStore store, StudentAccounts accounts, Clock clock, RandomGenerator random) {
        this.documents = documents;
        this.annotations = annotations;
        this.labels = labels;
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
        this.random = random;
    }

    /** Who is watching a class page: told when a student joins or submits, so the page need not be reloaded. */
    private final Map<String, Set<Runnable>> classWatchers = new java.util.concurrent.ConcurrentHashMap<>();

    /** Calls {@code onChange} (on the caller's thread) after each join or submission; the result stops it. */
    public Runnable watchClass(String exerciseId, Runnable onChange) {
        classWatchers.computeIfAbsent(exerciseId, k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(onChange);
        return () -> classWatchers.getOrDefault(exerciseId, Set.of()).remove(onChange);
    }

    private void classChanged(String exerciseId) {
        for (Runnable watcher : classWatchers.getOrDefault(exerciseId, Set.of())) {
            try {
                watcher.run();
            } catch (RuntimeException e) {
                // a watcher's failure (a closed page) must not undo the submission that was just saved
                org.slf4j.LoggerFactory.getLogger(TeachingService.class).warn("A watcher of exercise {} failed", exerciseId, e);
            }
        }
    }

    // ---- exercises ----

    /**
     * Creates an exercise with a frozen copy of the reference layer. Refused when a label is unknown or
     * when the reference has no span of the labels in play (students would have nothing to find).
     */
    public Exercise create(NewExercise request) {
        DocumentId.require(request.teacher(), "Teacher");
        DocumentId.require(request.referenceLayer(), "Reference layer");
        documents.open(request.documentId());
        Set<String> inPlay = inLabelSetOrder(request.labels(), labels.labelsFor(request.documentId()));
        Layer layer = annotations.layer(request.documentId(), request.referenceLayer());
        return saveNew(request.title(), id -> new Exercise(id, request.title(), request.documentId(), request.teacher(),
                request.referenceLayer(), layer.spans(), Map.of(), request.instructions(), inPlay,
                request.allowRevision(), request.due(), null, false, clock.instant(), Structure.of(layer, layer.spans())));
    }

    /**
     * The same exercise for another class: the same document, frozen reference, explanations,
     * instructions, labels and revision rule, under a new title, with no class code, no students and
     * no due date yet (another class has its own).
     */
    public Exercise copy(String exerciseId, String teacher, String title) {
        DocumentId.require(teacher, "Teacher");
        Exercise from = exercise(exerciseId);
        return saveNew(title, id -> new Exercise(id, title, from.documentId(), teacher, from.referenceSource(),
                from.reference(), from.explanations(), from.instructions(), from.labels(), from.allowRevision(), null,
                null, false, clock.instant(), from.structure()));
    }

    /** Saves a new exercise under a free id made from its title. */
    private Exercise saveNew(String title, java.util.function.Function<String, Exercise> withId) {
        String base = DocumentId.slugOf(title == null ? "" : title);
        synchronized (locks.computeIfAbsent("", k -> new Object())) {
            Set<String> taken = store.list().exercises().stream().map(Exercise::id).collect(Collectors.toSet());
            String id = base;
            for (int n = 2; taken.contains(id) || store.find(id).isPresent(); n++) {
                id = base + "-" + n;
            }
            Exercise exercise = withId.apply(id);
            requireReferenceInPlay(exercise);
            store.save(exercise);
            return exercise;
        }
    }

    public ExerciseStore.Listing list() {
        return store.list();
    }

    /** The exercises a teacher created, by title. Unreadable files are in {@link #list()}'s problems. */
    public List<Exercise> exercisesOf(String teacher) {
        return store.list().exercises().stream().filter(e -> e.teacher().equals(teacher))
                .sorted(java.util.Comparator.comparing(Exercise::title, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** For the teacher: the whole exercise, reference included. */
    public Exercise exercise(String exerciseId) {
        if (!DocumentId.isValid(exerciseId)) {
            throw new ExerciseNotFoundException(exerciseId);
        }
        return store.find(exerciseId).orElseThrow(() -> new ExerciseNotFoundException(exerciseId));
    }

    /** For a student: the exercise without the reference. */
    public Assignment assignment(String exerciseId) {
        return Assignment.of(exercise(exerciseId));
    }

    public Exercise updateSettings(String exerciseId, String title, String instructions, Set<String> labelsInPlay,
                                   boolean allowRevision, Instant due) {
        Set<String> inPlay = inLabelSetOrder(labelsInPlay, labels.labelsFor(exercise(exerciseId).documentId()));
        return update(exerciseId, e -> {
            Exercise updated = e.withSettings(title, instructions, inPlay, allowRevision, due);
            requireReferenceInPlay(updated);
            return updated;
        });
    }

    /** Sets (or, with a blank text, removes) the explanation students see for one reference span. */
    public Exercise setExplanation(String exerciseId, String referenceSpanId, String explanation) {
        return update(exerciseId, e -> {
            if (e.reference().stream().noneMatch(s -> s.id().equals(referenceSpanId))) {
                throw new TeachingException("The reference of " + exerciseId + " has no span " + referenceSpanId);
            }
            Map<String, String> all = new HashMap<>(e.explanations());
            all.put(referenceSpanId, explanation);
            return e.withExplanations(all);
        });
    }

    /**
     * Takes a new frozen copy of the reference layer (after the teacher corrected it). Explanations of
     * spans that are still there are kept. Submissions are not touched; their feedback and scores use
     * the new reference from now on.
     */
    public Exercise refreshReference(String exerciseId) {
        return update(exerciseId, e -> {
            Layer layer = annotations.layer(e.documentId(), e.referenceSource());
            Exercise refreshed = e.withReference(e.referenceSource(), layer.spans(), Structure.of(layer, layer.spans()));
            requireReferenceInPlay(refreshed);
            return refreshed;
        });
    }

    // ---- class codes ----

    /** Gives the exercise a new class code, open for joining; an old code stops working. */
    public Exercise newClassCode(String exerciseId) {
        synchronized (locks.computeIfAbsent("", k -> new Object())) { // codes are unique across exercises
            Set<String> used = store.list().exercises().stream().map(Exercise::classCode)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
            String code;
            do {
                code = ClassCode.generate(random);
            } while (used.contains(code));
            String chosen = code;
            return update(exerciseId, e -> e.withClassCode(chosen, true));
        }
    }

    public Exercise closeClassCode(String exerciseId) {
        return update(exerciseId, e -> e.withClassCode(e.classCode(), false));
    }

    public Exercise reopenClassCode(String exerciseId) {
        return update(exerciseId, e -> {
            if (e.classCode() == null) {
                throw new TeachingException("Exercise " + exerciseId + " has no class code yet; create one first.");
            }
            return e.withClassCode(e.classCode(), true);
        });
    }

    /**
     * The title of the exercise an open class code lets students join, so the join page can say which
     * class they are joining before they do; empty for an unknown or closed code.
     */
    public Optional<String> titleForCode(String typedCode) {
        return withCode(ClassCode.normalize(typedCode)).filter(Exercise::codeOpen).map(Exercise::title);
    }

    /** {@link #join(String, String, String)} with a generated password. */
    public Joined join(String typedCode, String displayName) {
        return join(typedCode, displayName, null);
    }

    /**
     * A student joins with the code the teacher gave out: an account is created with the name they
     * typed and the password they chose (null: a generated one), and they are put on the roster.
     * Refused when the code is unknown or closed.
     */
    public Joined join(String typedCode, String displayName, String password) {
        String name = checkName(displayName);
        Exercise exercise = exerciseOfCode(typedCode);
        synchronized (lock(exercise.id())) {
            Exercise current = requireOpen(exercise.id(), ClassCode.normalize(typedCode));
            Map<String, String> passwords = new HashMap<>();
            RosterEntry entry = addStudents(current.id(), List.of(name), password, passwords).getFirst();
            return new Joined(entry, passwords.get(entry.user()));
        }
    }

    /**
     * Someone who already has an account joins another exercise with its code (a course with an
     * exercise a week): they go on its roster under their own name, and keep one account. Joining
     * an exercise they are already on changes nothing.
     */
    public Exercise joinAs(String typedCode, String user, String displayName) {
        DocumentId.require(user, "User name");
        String name = checkName(displayName);
        Exercise exercise = exerciseOfCode(typedCode);
        synchronized (lock(exercise.id())) {
            Exercise current = requireOpen(exercise.id(), ClassCode.normalize(typedCode));
            Roster roster = store.roster(current.id());
            if (roster.find(user).isEmpty()) {
                store.save(roster.with(List.of(new RosterEntry(user, name, clock.instant()))));
                classChanged(current.id());
            }
            return current;
        }
    }

    /** The exercise a typed code names; refused when it is no code or nobody's. */
    private Exercise exerciseOfCode(String typedCode) {
        String code = ClassCode.normalize(typedCode);
        if (!ClassCode.isValid(code)) {
            throw new TeachingException("\"" + typedCode + "\" is not a class code: a code has " + ClassCode.LENGTH
                    + " letters and digits, like K7M2QX.");
        }
        return withCode(code).orElseThrow(() -> new TeachingException("No class uses the code " + code
                + ". Check it with your teacher."));
    }

    /** The exercise whose code this is (normalized), open or closed; empty for no such code. */
    private Optional<Exercise> withCode(String code) {
        if (!ClassCode.isValid(code)) {
            return Optional.empty();
        }
        return store.list().exercises().stream().filter(e -> code.equals(e.classCode())).findFirst();
    }

    /** Under the exercise's lock: the code is still this exercise's, and open. */
    private Exercise requireOpen(String exerciseId, String code) {
        Exercise current = exercise(exerciseId);
        if (!code.equals(current.classCode()) || !current.codeOpen()) {
            throw new TeachingException("The class code " + code + " is closed. Ask your teacher to open it.");
        }
        return current;
    }

    /**
     * Adds a class list (CSV, one name per line, see {@link ClassList}). Nothing is created while any
     * line has a problem, so a fixed file can simply be added again.
     */
    public ClassListReport addClassList(String exerciseId, String csv) {
        return addClassList(exerciseId, ClassList.parse(csv));
    }

    /** The same from an uploaded file, which must be UTF-8 (see {@link ClassList#parse(byte[])}). */
    public ClassListReport addClassList(String exerciseId, byte[] file) {
        return addClassList(exerciseId, ClassList.parse(file));
    }

    private ClassListReport addClassList(String exerciseId, ClassList list) {
        if (!list.ok()) {
            return new ClassListReport(List.of(), Map.of(), list.problems());
        }
        synchronized (lock(exerciseId)) {
            exercise(exerciseId);
            Map<String, String> passwords = new java.util.LinkedHashMap<>();
            return new ClassListReport(addStudents(exerciseId, list.names(), null, passwords), passwords, List.of());
        }
    }

    /** How many students on the roster have submitted, for the teacher's list ("12 of 30"). */
    public int submittedCount(String exerciseId) {
        exercise(exerciseId);
        java.util.Set<String> onRoster = new java.util.HashSet<>();
        store.roster(exerciseId).students().forEach(e -> onRoster.add(e.user()));
        return (int) store.submissions(exerciseId).stream().filter(sub -> onRoster.contains(sub.student())).count();
    }

    public Roster roster(String exerciseId) {
        exercise(exerciseId);
        return store.roster(exerciseId);
    }

    /** Resets the password of a student on this exercise's roster; returns the new one, to show once. */
    public String resetPassword(String exerciseId, String student) {
        if (store.roster(exerciseId).find(student).isEmpty()) {
            throw new TeachingException(student + " is not a student of " + exerciseId);
        }
        return accounts.resetPassword(student);
    }

    /**
     * The exercises whose roster has this user, by title: what a student works on. An exercise whose
     * roster cannot be read is left out (logged, and listed for admins) rather than hiding the others.
     */
    public List<Exercise> exercisesOfStudent(String user) {
        return store.list().exercises().stream().filter(e -> onRoster(e.id(), user))
                .sorted(java.util.Comparator.comparing(Exercise::title, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private boolean onRoster(String exerciseId, String user) {
        try {
            return store.roster(exerciseId).find(user).isPresent();
        } catch (org.slant.storage.StorageException e) {
            log.warn("Exercise {} is not listed for {}: {}", exerciseId, user, e.getMessage());
            return false;
        }
    }

    /** Whether the user is on the roster of an exercise on this document. */
    public boolean isStudentOn(String user, String documentId) {
        return store.studentsOn(List.of(documentId)).getOrDefault(documentId, Set.of()).contains(user);
    }

    private List<RosterEntry> addStudents(String exerciseId, List<String> names, String password,
                                          Map<String, String> passwords) {
        Roster roster = store.roster(exerciseId);
        List<RosterEntry> added = new ArrayList<>();
        Instant now = clock.instant();
        // saved after each account, so a failure halfway leaves no account off the roster
        for (String name : names) {
            StudentAccounts.NewStudent created = accounts.createStudent(name, exerciseId, password);
            String user = DocumentId.require(created.user(), "New student's user name");
            passwords.put(user, created.password());
            RosterEntry entry = new RosterEntry(user, name, now);
            roster = roster.with(List.of(entry));
            store.save(roster);
            classChanged(exerciseId);
            added.add(entry);
        }
        return added;
    }

    // ---- submitting and feedback ----

    /**
     * Hands in the student's current layer: spans of the labels in play with their attributes, the links between
     * them, sentence labels and document answers. A second submission is
     * refused unless the exercise allows revision; one after the due date is accepted and marked late.
     */
    public Submission submit(String exerciseId, String student) {
        DocumentId.require(student, "Student");
        synchronized (lock(exerciseId + "/" + student)) {
            Exercise exercise = exercise(exerciseId);
            Optional<Submission> earlier = store.submission(exerciseId, student);
            if (earlier.isPresent() && !exercise.allowRevision()) {
                throw new TeachingException("You have already submitted " + exercise.title()
                        + ", and this exercise does not allow revising after feedback.");
            }
            Layer layer = annotations.layer(exercise.documentId(), student);
            List<Span> spans = layer.spans().stream().filter(s -> exercise.labels().contains(s.label())).toList();
            Instant now = clock.instant();
            Submission submission = new Submission(exerciseId, student, now, exercise.isLate(now),
                    earlier.map(s -> s.attempt() + 1).orElse(1), spans, Structure.of(layer, spans));
            store.save(submission);
            classChanged(exerciseId);
            return submission;
        }
    }

    public Optional<Submission> submission(String exerciseId, String student) {
        exercise(exerciseId);
        return store.submission(exerciseId, student);
    }

    /** The student's feedback; {@link NotSubmittedException} before they submitted, so the reference stays hidden. */
    public Feedback feedback(String exerciseId, String student) {
        Exercise exercise = exercise(exerciseId);
        Submission submission = store.submission(exerciseId, student)
                .orElseThrow(() -> new NotSubmittedException(exerciseId, student));
        return Grading.feedback(exercise, submission, labels.labelsFor(exercise.documentId()),
                documents.open(exercise.documentId()).document().text());
    }

    // ---- the teacher's views ----

    public ClassHeatmap heatmap(String exerciseId) {
        Exercise exercise = exercise(exerciseId);
        // a broken submission is left out here and named by results(), shown on the same page
        return ClassHeatmap.of(exercise, documents.open(exercise.documentId()).document().text(),
                store.readableSubmissions(exerciseId).submissions());
    }

    public ClassResults results(String exerciseId) {
        Exercise exercise = exercise(exerciseId);
        return ClassResults.of(exercise, store.roster(exerciseId), store.readableSubmissions(exerciseId),
                labels.labelsFor(exercise.documentId()));
    }

    public HeatmapImage heatmapImage(String exerciseId, String label, int columns) {
        Exercise exercise = exercise(exerciseId);
        return new HeatmapImage(heatmap(exerciseId), labels.labelsFor(exercise.documentId()), label, exercise.title(), columns);
    }

    // ---- helpers ----

    private Exercise update(String exerciseId, java.util.function.UnaryOperator<Exercise> change) {
        synchronized (lock(exerciseId)) {
            Exercise updated = change.apply(exercise(exerciseId));
            store.save(updated);
            return updated;
        }
    }

    private Object lock(String key) {
        return locks.computeIfAbsent("exercise:" + key, k -> new Object());
    }

    /** The labels in play, checked, in the label set's order (the order of columns and scores). */
    private Set<String> inLabelSetOrder(Set<String> inPlay, org.slant.label.Scheme set) {
        if (inPlay == null || inPlay.isEmpty()) {
            throw new TeachingException("Choose at least one label for the exercise.");
        }
        for (String label : inPlay) {
            if (!set.contains(label)) {
                throw new TeachingException("Unknown label \"" + label + "\"");
            }
        }
        Set<String> ordered = new java.util.LinkedHashSet<>();
        set.labels().forEach(l -> {
            if (inPlay.contains(l.id())) {
                ordered.add(l.id());
            }
        });
        return ordered;
    }

    private void requireReferenceInPlay(Exercise e) {
        if (e.gradedReference().isEmpty()) {
            String names = e.labels().stream().map(l -> Grading.labelName(labels.labelsFor(e.documentId()), l))
                    .collect(Collectors.joining(", "));
            throw new TeachingException("The layer \"" + e.referenceSource() + "\" of " + e.documentId()
                    + " has no spans labelled " + names + ": students would have nothing to find. "
                    + "Annotate the reference first, or choose other labels.");
        }
    }

    private static String checkName(String name) {
        try {
            return RosterEntry.checkDisplayName(name);
        } catch (IllegalArgumentException e) {
            throw new TeachingException(e.getMessage());
        }
    }
}
