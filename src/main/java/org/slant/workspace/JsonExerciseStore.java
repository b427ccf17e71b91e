package org.slant.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slant.document.DocumentId;
import org.slant.exchange.SlantJson;
import org.slant.teaching.Exercise;
import org.slant.teaching.ExerciseStore;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.teaching.Roster;
import org.slant.teaching.Structure;
import org.slant.teaching.RosterEntry;
import org.slant.teaching.Submission;
import tools.jackson.databind.JsonNode;

/**
 * Exercises in the workspace, one folder each:
 * <pre>
 *   exercises/{id}/exercise.json             settings and the frozen reference (slant-exercise/1), its spans with
 *                                            their attributes and, when it has any, its links, sentences and answers
 *   exercises/{id}/roster.json               the students who joined (slant-roster/1)
 *   exercises/{id}/submissions/{student}.json one student's submission (slant-submission/1)
 * </pre>
 * Spans are checked against the exercise's document text on reading, like layer files. Same rules as
 * the rest of the workspace: atomic writes, broken files named and never overwritten.
 */
public final class JsonExerciseStore implements ExerciseStore {

    public static final String EXERCISE_FORMAT = "slant-exercise/1";
    public static final String ROSTER_FORMAT = "slant-roster/1";
    public static final String SUBMISSION_FORMAT = "slant-submission/1";
    private static final String JSON = ".json";

    private final JsonWorkspace workspace;
    private final WorkspaceFiles files;
    private final Path exercises;

    public JsonExerciseStore(JsonWorkspace workspace) {
        this.workspace = workspace;
        this.files = workspace.files();
        this.exercises = workspace.root().resolve("exercises");
    }

    @Override
    public Listing list() {
        List<Exercise> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(exercises)) {
            for (Path dir : dirs) {
                String id = dir.getFileName().toString();
                if (!Files.isDirectory(dir) || id.startsWith(".")) {
                    continue;
                }
                if (!DocumentId.isValid(id)) {
                    problems.add(files.relative(dir) + ": the folder name is not a valid exercise id (a-z, 0-9 and single hyphens)");
                    continue;
                }
                try {
                    readExercise(id).ifPresent(found::add);
                } catch (WorkspaceException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            return new Listing(List.of(), List.of());
        } catch (IOException e) {
            throw new WorkspaceException("exercises: cannot list the folder: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Exercise::id));
        problems.sort(null);
        return new Listing(found, problems);
    }

    @Override
    public Optional<Exercise> find(String exerciseId) {
        return readExercise(exerciseId);
    }

    @Override
    public void save(Exercise e) {
        Path file = exerciseFile(e.id());
        files.write(file, () -> readExercise(e.id()), g -> {
            g.writeStartObject();
            g.writeStringProperty("format", EXERCISE_FORMAT);
            g.writeStringProperty("id", e.id());
            g.writeStringProperty("title", e.title());
            g.writeStringProperty("document", e.documentId());
            g.writeStringProperty("teacher", e.teacher());
            g.writeStringProperty("referenceSource", e.referenceSource());
            g.writeStringProperty("instructions", e.instructions());
            g.writeName("labels");
            g.writeStartArray();
            e.labels().forEach(g::writeString);
            g.writeEndArray();
            g.writeBooleanProperty("allowRevision", e.allowRevision());
            if (e.due() != null) {
                g.writeStringProperty("due", e.due().toString());
            }
            if (e.classCode() != null) {
                g.writeStringProperty("classCode", e.classCode());
            }
            g.writeBooleanProperty("codeOpen", e.codeOpen());
            g.writeStringProperty("created", e.created().toString());
            g.writeName("explanations");
            g.writeStartObject();
            e.explanations().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(x -> g.writeStringProperty(x.getKey(), x.getValue()));
            g.writeEndObject();
            SlantJson.writeSpans(g, e.reference());
            writeStructure(g, e.documentId(), e.teacher(), e.reference(), e.structure());
            g.writeEndObject();
        });
    }

    private Optional<Exercise> readExercise(String id) {
        Path file = exerciseFile(id);
        return files.read(file, node -> {
            SlantJson.requireFormat(node, EXERCISE_FORMAT);
            String inFile = SlantJson.string(node, "id", "", true);
            if (!inFile.equals(id)) {
                throw new IllegalArgumentException("\"id\" is \"" + inFile + "\" but the folder says \"" + id + '"');
            }
            String documentId = SlantJson.string(node, "document", "", true);
            String text = textOf(documentId, file);
            Set<String> labels = new LinkedHashSet<>();
            JsonNode array = node.get("labels");
            if (array == null || !array.isArray()) {
                throw new IllegalArgumentException("\"labels\" must be an array of label ids");
            }
            for (JsonNode l : array.values()) {
                if (!l.isString()) {
                    throw new IllegalArgumentException("\"labels\" must be an array of label ids");
                }
                labels.add(l.stringValue());
            }
            Map<String, String> explanations = new LinkedHashMap<>();
            JsonNode ex = node.get("explanations");
            if (ex != null && !ex.isNull()) {
                if (!ex.isObject()) {
                    throw new IllegalArgumentException("\"explanations\" must be an object from span id to text");
                }
                for (var entry : ex.properties()) {
                    if (!entry.getValue().isString()) {
                        throw new IllegalArgumentException("explanations: \"" + entry.getKey() + "\" must be a string");
                    }
                    explanations.put(entry.getKey(), entry.getValue().stringValue());
                }
            }
            JsonNode open = node.get("codeOpen");
            JsonNode revision = node.get("allowRevision");
            if (open == null || !open.isBoolean() || revision == null || !revision.isBoolean()) {
                throw new IllegalArgumentException("\"codeOpen\" and \"allowRevision\" must be true or false");
            }
            String due = SlantJson.string(node, "due", "", false);
            return new Exercise(id, SlantJson.string(node, "title", "", true), documentId,
                    SlantJson.string(node, "teacher", "", true), SlantJson.string(node, "referenceSource", "", true),
                    SlantJson.readSpans(node, text), explanations,
                    SlantJson.string(node, "instructions", "", false), labels, revision.booleanValue(),
                    due == null ? null : instant(due, "\"due\""), SlantJson.string(node, "classCode", "", false),
                    open.booleanValue(), instant(SlantJson.string(node, "created", "", true), "\"created\""),
                    readStructure(node, text));
        });
    }

    // ---- roster ----

    @Override
    public Roster roster(String exerciseId) {
        return readRoster(exerciseId).orElseGet(() -> Roster.empty(exerciseId));
    }

    @Override
    public void save(Roster roster) {
        files.write(rosterFile(roster.exerciseId()), () -> readRoster(roster.exerciseId()), g -> {
            g.writeStartObject();
            g.writeStringProperty("format", ROSTER_FORMAT);
            g.writeStringProperty("exercise", roster.exerciseId());
            g.writeName("students");
            g.writeStartArray();
            for (RosterEntry s : roster.students()) {
                g.writeStartObject();
                g.writeStringProperty("user", s.user());
                g.writeStringProperty("name", s.displayName());
                g.writeStringProperty("joined", s.joined().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private Optional<Roster> readRoster(String exerciseId) {
        return files.read(rosterFile(exerciseId), node -> {
            SlantJson.requireFormat(node, ROSTER_FORMAT);
            requireField(node, "exercise", exerciseId, "the folder");
            JsonNode array = node.get("students");
            if (array == null || !array.isArray()) {
                throw new IllegalArgumentException("\"students\" must be an array");
            }
            List<RosterEntry> students = new ArrayList<>();
            int i = 0;
            for (JsonNode n : array.values()) {
                String where = "students[" + i++ + "]";
                students.add(new RosterEntry(SlantJson.string(n, "user", where, true), SlantJson.string(n, "name", where, true),
                        instant(SlantJson.string(n, "joined", where, true), where + ": \"joined\"")));
            }
            return new Roster(exerciseId, students);
        });
    }

    // ---- submissions ----

    @Override
    public Optional<Submission> submission(String exerciseId, String student) {
        Path file = submissionFile(exerciseId, student);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return readSubmission(file, exerciseId, student, textOfExercise(exerciseId, file));
    }

    @Override
    public SubmissionListing readableSubmissions(String exerciseId) {
        Path dir = submissionDir(exerciseId);
        List<Path> found;
        try (Stream<Path> entries = Files.list(dir)) {
            found = entries.filter(f -> f.getFileName().toString().endsWith(JSON) && !AtomicFile.isTemp(f)).sorted().toList();
        } catch (NoSuchFileException e) {
            return new SubmissionListing(List.of(), List.of());
        } catch (IOException e) {
            throw new WorkspaceException(files.relative(dir) + ": cannot list the folder: " + e.getMessage(), e);
        }
        List<Submission> result = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (found.isEmpty()) {
            return new SubmissionListing(result, problems);
        }
        String text = textOfExercise(exerciseId, found.getFirst());
        for (Path file : found) {
            String name = file.getFileName().toString();
            String student = name.substring(0, name.length() - JSON.length());
            if (!DocumentId.isValid(student)) {
                problems.add(files.relative(file) + ": the file name is not a valid user name (a-z, 0-9 and single hyphens)");
                continue;
            }
            try {
                readSubmission(file, exerciseId, student, text).ifPresent(result::add);
            } catch (WorkspaceException e) {
                problems.add(e.getMessage());
            }
        }
        return new SubmissionListing(result, problems);
    }

    @Override
    public void save(Submission s) {
        Path file = submissionFile(s.exerciseId(), s.student());
        files.write(file, () -> readSubmission(file, s.exerciseId(), s.student(), textOfExercise(s.exerciseId(), file)), g -> {
            g.writeStartObject();
            g.writeStringProperty("format", SUBMISSION_FORMAT);
            g.writeStringProperty("exercise", s.exerciseId());
            g.writeStringProperty("student", s.student());
            g.writeStringProperty("submitted", s.submitted().toString());
            g.writeBooleanProperty("late", s.late());
            g.writeNumberProperty("attempt", s.attempt());
            SlantJson.writeSpans(g, s.spans());
            writeStructure(g, s.exerciseId(), s.student(), s.spans(), s.structure());
            g.writeEndObject();
        });
    }

    /** The text a submission's offsets point into: its exercise's document. */
    private String textOfExercise(String exerciseId, Path submissionFile) {
        Exercise exercise = readExercise(exerciseId).orElseThrow(() -> new WorkspaceException(files.relative(submissionFile)
                + ": its exercise does not exist (no " + files.relative(exerciseFile(exerciseId)) + ")"));
        return textOf(exercise.documentId(), submissionFile);
    }

    private Optional<Submission> readSubmission(Path file, String exerciseId, String student, String text) {
        return files.read(file, node -> {
            SlantJson.requireFormat(node, SUBMISSION_FORMAT);
            requireField(node, "exercise", exerciseId, "the folder");
            requireField(node, "student", student, "the file name");
            JsonNode late = node.get("late");
            if (late == null || !late.isBoolean()) {
                throw new IllegalArgumentException("\"late\" must be true or false");
            }
            return new Submission(exerciseId, student,
                    instant(SlantJson.string(node, "submitted", "", true), "\"submitted\""), late.booleanValue(),
                    SlantJson.integer(node, "attempt", ""), SlantJson.readSpans(node, text), readStructure(node, text));
        });
    }

    // ---- paths and helpers ----

    /**
     * The "links", "sentences" and "answers" properties, as in a layer file and only when there is something in
     * them, so a file of spans only reads and writes exactly as before structure existed. The layer is a vehicle
     * for {@link SlantJson#writeStructure}: {@code id} and {@code owner} name it, nothing of it but the structure is written.
     */
    private static void writeStructure(tools.jackson.core.JsonGenerator g, String id, String owner, List<Span> spans,
                                       Structure structure) {
        if (!structure.isEmpty()) {
            SlantJson.writeStructure(g, new Layer(id, owner, 0, spans, structure.links(), structure.sentences(),
                    structure.answers(), null));
        }
    }

    /** What {@link #writeStructure} wrote; nothing in a file of an earlier version, which had spans only. */
    private static Structure readStructure(JsonNode node, String text) {
        return new Structure(SlantJson.readLinks(node), SlantJson.readSentences(node, text),
                SlantJson.readValues(node, "answers", ""));
    }

    private String textOf(String documentId, Path file) {
        return workspace.find(DocumentId.require(documentId, "Document id")).orElseThrow(() -> new WorkspaceException(
                files.relative(file) + ": its document " + documentId + " does not exist")).text();
    }

    private static void requireField(JsonNode node, String field, String expected, String where) {
        String value = SlantJson.string(node, field, "", true);
        if (!value.equals(expected)) {
            throw new IllegalArgumentException('"' + field + "\" is \"" + value + "\" but " + where + " says \"" + expected + '"');
        }
    }

    private static Instant instant(String value, String what) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be an ISO-8601 instant like 2025-08-16T09:30:00Z, got: " + value, e);
        }
    }

    private Path exerciseDir(String id) {
        return files.inside(exercises.resolve(DocumentId.require(id, "Exercise id")));
    }

    private Path exerciseFile(String id) {
        return files.inside(exerciseDir(id).resolve("exercise.json"));
    }

    private Path rosterFile(String id) {
        return files.inside(exerciseDir(id).resolve("roster.json"));
    }

    private Path submissionDir(String id) {
        return files.inside(exerciseDir(id).resolve("submissions"));
    }

    private Path submissionFile(String id, String student) {
        return files.inside(submissionDir(id).resolve(DocumentId.require(student, "Student") + JSON));
    }
}
