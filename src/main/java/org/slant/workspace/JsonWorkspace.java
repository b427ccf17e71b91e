package org.slant.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slant.annotation.Layer;
import org.slant.annotation.LayerStore;
import org.slant.annotation.LayerStore.LayerListing;
import org.slant.annotation.Span;
import org.slant.annotation.StaleLayerException;
import org.slant.document.Document;
import org.slant.document.DocumentId;
import org.slant.document.DocumentStore;
import org.slant.exchange.SlantJson;
import org.slant.label.Scheme;
import org.slant.label.LabelStore;
import org.slant.project.Project;
import org.slant.project.ProjectStore;
import org.slant.storage.StorageProblems;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The workspace: a folder of plain JSON files a user can read, back up and put in git.
 * <pre>
 *   documents/{documentId}.json          one article (format slant-document/1)
 *   layers/{documentId}/{annotator}.json one annotator's spans on it (slant-layer/1)
 *   projects.json                        all projects with their label sets (slant-projects/1)
 *   labels.json                          the label set from before projects (slant-labels/1), read once
 *   .lock                                who holds the folder ({@link WorkspaceLock}); not data
 * </pre>
 * Queues ({@code queues/{user}.json}) are kept by {@link JsonQueueStore} in the same folder.
 * Every write is atomic (see {@link AtomicFile}). A file that cannot be read is reported with its path
 * and never overwritten: a save over it is refused, so a hand-edited file with a typo is not lost.
 * One process holds a workspace folder at a time ({@link WorkspaceLock}, taken by the server and by the
 * command line's writing commands); a workspace opened by it deletes leftover temp files on start.
 * Readers alongside it (an export while the server runs) open it with {@link #forReading(Path)}.
 */
public final class JsonWorkspace implements DocumentStore, LayerStore, LabelStore, ProjectStore, StorageProblems {

    private static final String JSON = ".json";

    private final Path root;
    private final Path documents;
    private final Path layers;
    private final Path labels;
    private final Path projects;

    private final WorkspaceFiles files;

    /**
     * One lock per layer file for the read-check-write of {@link #save(Layer, long)}. In-process locks
     * are enough because {@link WorkspaceLock} keeps every other process from writing the folder.
     * Static, so two JsonWorkspace objects on one folder in this JVM (tests, a command run in-process) share them.
     */
    private static final java.util.concurrent.ConcurrentMap<Path, Object> LAYER_LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Opens the folder (creating it) as the process that holds it: leftover temp files of a crash are deleted. */
    public JsonWorkspace(Path root) {
        this(root, true, AtomicFile.Output.DISK);
    }

    /**
     * Opens the folder for a process that does not hold it (an export while the server runs): temp files
     * are left alone, as they may be the holder's writes in progress.
     */
    public static JsonWorkspace forReading(Path root) {
        return new JsonWorkspace(root, false, AtomicFile.Output.DISK);
    }

    /** {@code output}: where written bytes go, the disk except in tests (one that fills up). */
    JsonWorkspace(Path root, boolean holder, AtomicFile.Output output) {
        this.root = root.toAbsolutePath().normalize();
        this.documents = this.root.resolve("documents");
        this.layers = this.root.resolve("layers");
        this.labels = this.root.resolve("labels.json");
        this.projects = this.root.resolve("projects.json");
        this.files = new WorkspaceFiles(this.root, output);
        try {
            Files.createDirectories(documents);
            Files.createDirectories(layers);
        } catch (IOException e) {
            throw new WorkspaceException(this.root + ": cannot create the workspace folder: " + e.getMessage(), e);
        }
        if (holder) {
            deleteLeftoverTempFiles();
        }
    }

    public Path root() {
        return root;
    }

    /** Reading and atomic writing with the workspace's rules, for the other stores in this folder. */
    WorkspaceFiles files() {
        return files;
    }

    /**
     * Every file of the workspace (of any store in this folder) found unreadable when it was last read.
     * projects.json is read here too, since nearly everything depends on it.
     */
    @Override
    public List<String> problems() {
        try {
            readProjectsFile();
        } catch (WorkspaceException e) {
            // now among the problems
        }
        return files.problems();
    }

    // ---- documents ----

    @Override
    public Listing list() {
        List<Document> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(documents, "*" + JSON)) {
            for (Path file : files) {
                String id = idOf(file);
                if (!DocumentId.isValid(id)) {
                    problems.add(relative(file) + ": the file name is not a valid document id (a-z, 0-9 and single hyphens)");
                    continue;
                }
                try {
                    readDocumentFile(file, id).ifPresent(found::add);
                } catch (WorkspaceException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException("documents: cannot list the folder: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Document::title, String.CASE_INSENSITIVE_ORDER).thenComparing(Document::id));
        problems.sort(null);
        return new Listing(found, problems);
    }

    @Override
    public List<String> ids() {
        try (Stream<Path> files = Files.list(documents)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(JSON) && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - JSON.length()))
                    .filter(DocumentId::isValid).sorted().toList();
        } catch (IOException e) {
            throw new WorkspaceException("documents: cannot list the folder: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Document> find(String id) {
        return readDocumentFile(documentFile(id), id);
    }

    @Override
    public void save(Document document) {
        Path file = documentFile(document.id());
        write(file, () -> readDocumentFile(file, document.id()), g -> {
            g.writeStartObject();
            g.writeStringProperty("format", SlantJson.DOCUMENT_FORMAT);
            SlantJson.writeDocumentFields(g, document);
            g.writeEndObject();
        });
    }

    @Override
    public String moveToTrash(String id) {
        Path documentFile = documentFile(id);
        if (!Files.exists(documentFile)) {
            throw new WorkspaceException(relative(documentFile) + ": no such document to delete");
        }
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
        Path bin = inside(root.resolve("trash").resolve(stamp + "-" + id));
        try {
            Files.createDirectories(bin);
            // layers first: a crash in between leaves the document without layers, never layers without it
            Path layerFolder = layerDir(id);
            if (Files.exists(layerFolder)) {
                Files.move(layerFolder, bin.resolve("layers"), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(documentFile, bin.resolve(id + JSON), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkspaceException(relative(documentFile) + ": could not move to the trash: " + e.getMessage(), e);
        }
        return relative(bin);
    }

    private Optional<Document> readDocumentFile(Path file, String id) {
        return read(file, node -> {
            SlantJson.requireFormat(node, SlantJson.DOCUMENT_FORMAT);
            Document document = SlantJson.readDocument(node);
            if (!document.id().equals(id)) {
                throw new IllegalArgumentException("\"id\" is \"" + document.id() + "\" but the file name says \"" + id + '"');
            }
            return document;
        });
    }

    // ---- layers ----

    @Override
    public Optional<Layer> find(String documentId, String annotator) {
        Path file = layerFile(documentId, annotator);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return readLayerFile(file, documentId, annotator, textOf(documentId, file));
    }

    @Override
    public LayerListing readAll(String documentId) {
        return listLayers(documentId, null);
    }

    @Override
    public LayerListing readAll(Document document) {
        return listLayers(document.id(), document.text());
    }

    /**
     * {@code text} null: read the document to check the layers against. A broken layer file is listed
     * as a problem and the others are still read; a broken or missing document makes every layer a problem.
     */
    private LayerListing listLayers(String documentId, String knownText) {
        Path dir = layerDir(documentId);
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(f -> f.getFileName().toString().endsWith(JSON) && !AtomicFile.isTemp(f)).sorted().toList();
        } catch (NoSuchFileException e) {
            return new LayerListing(List.of(), List.of());
        } catch (IOException e) {
            throw new WorkspaceException(relative(dir) + ": cannot list the folder: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            return new LayerListing(List.of(), List.of());
        }
        String text = knownText != null ? knownText : textOf(documentId, files.getFirst());
        List<Layer> result = new ArrayList<>();
        List<LayerStore.Unreadable> problems = new ArrayList<>();
        for (Path file : files) {
            String annotator = idOf(file);
            if (!DocumentId.isValid(annotator)) {
                problems.add(new LayerStore.Unreadable(null, relative(file)
                        + ": the file name is not a valid annotator id (a-z, 0-9 and single hyphens)"));
                continue;
            }
            try {
                readLayerFile(file, documentId, annotator, text).ifPresent(result::add);
            } catch (WorkspaceException e) {
                problems.add(new LayerStore.Unreadable(annotator, e.getMessage()));
            }
        }
        result.sort(Comparator.comparing(Layer::annotator));
        return new LayerListing(result, problems);
    }

    @Override
    public long revision(String documentId, String annotator) {
        return storedRevision(layerFile(documentId, annotator), documentId, annotator);
    }

    @Override
    public void save(Layer layer, long expectedRevision) {
        if (layer.revision() <= expectedRevision) {
            // readers tell layers apart by revision, so every save must move it on
            throw new IllegalArgumentException("A layer saved over revision " + expectedRevision
                    + " needs a higher revision, not " + layer.revision());
        }
        Path file = layerFile(layer.documentId(), layer.annotator());
        Runnable readExisting = () -> readLayerFile(file, layer.documentId(), layer.annotator(), textOf(layer.documentId(), file));
        synchronized (LAYER_LOCKS.computeIfAbsent(file, f -> new Object())) {
            files.refuseToReplaceUnreadable(file, readExisting); // a broken file says so, rather than "stale"
            long stored = storedRevision(file, layer.documentId(), layer.annotator());
            if (stored != expectedRevision) {
                throw StaleLayerException.of(layer.documentId(), layer.annotator(), stored, expectedRevision);
            }
            write(file, readExisting, g -> SlantJson.writeLayer(g, layer));
        }
    }

    /**
     * The "revision" of a layer file (0 when there is none), read with a streaming parser that stops
     * there: the check before every save costs a few hundred bytes, not the file and its document.
     * Anything unusual (no such field at the top, a syntax error) goes through the full read, which
     * names the file and the problem.
     */
    private long storedRevision(Path file, String documentId, String annotator) {
        try (java.io.InputStream in = Files.newInputStream(file);
             tools.jackson.core.JsonParser parser = SlantJson.parser(in)) {
            if (parser.nextToken() == tools.jackson.core.JsonToken.START_OBJECT) {
                while (parser.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    tools.jackson.core.JsonToken value = parser.nextToken();
                    if (name.equals("revision")) {
                        if (value == tools.jackson.core.JsonToken.VALUE_NUMBER_INT && parser.getLongValue() >= 0) {
                            return parser.getLongValue();
                        }
                        break;
                    }
                    parser.skipChildren();
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | tools.jackson.core.JacksonException e) {
            // the full read below says what is wrong, with line and column
        }
        return readLayerFile(file, documentId, annotator, textOf(documentId, file)).map(Layer::revision).orElse(0L);
    }

    /** The text the layer's offsets point into; a layer without its document cannot be checked, so it is an error. */
    private String textOf(String documentId, Path layerFile) {
        return find(documentId).orElseThrow(() -> new WorkspaceException(relative(layerFile)
                + ": its document does not exist (no " + relative(documentFile(documentId)) + ")")).text();
    }

    private Optional<Layer> readLayerFile(Path file, String documentId, String annotator, String text) {
        return read(file, node -> {
            String document = SlantJson.string(node, "document", "", true);
            if (!document.equals(documentId)) {
                throw new IllegalArgumentException("\"document\" is \"" + document + "\" but the file is in "
                        + relative(layerDir(documentId)) + "/");
            }
            String owner = SlantJson.string(node, "annotator", "", true);
            if (!owner.equals(annotator)) {
                throw new IllegalArgumentException("\"annotator\" is \"" + owner + "\" but the file name says \"" + annotator + '"');
            }
            return SlantJson.readLayer(node, documentId, annotator, text);
        });
    }

    // ---- labels ----

    @Override
    public Optional<Scheme> find() {
        return readLabelsFile();
    }

    @Override
    public void save(Scheme labelSet) {
        write(labels, this::readLabelsFile, g -> {
            g.writeStartObject();
            g.writeStringProperty("format", SlantJson.LABELS_FORMAT);
            SlantJson.writeScheme(g, labelSet);
            g.writeEndObject();
        });
    }

    private Optional<Scheme> readLabelsFile() {
        return read(labels, node -> {
            SlantJson.requireFormat(node, SlantJson.LABELS_FORMAT);
            return SlantJson.readScheme(node);
        });
    }

    // ---- projects ----

    @Override
    public List<Project> findAll() {
        return readProjectsFile().orElseGet(List::of);
    }

    @Override
    public void saveAll(List<Project> all) {
        // inline from depth 5: one label, member, listed document or assignment per line
        files.write(projects, this::readProjectsFile, 5, g -> ProjectsJson.writeProjects(g, all));
    }

    private Optional<List<Project>> readProjectsFile() {
        return read(projects, ProjectsJson::readProjects);
    }

    // ---- files ----

    private <T> Optional<T> read(Path file, Function<JsonNode, T> mapping) {
        return files.read(file, mapping);
    }

    private void write(Path file, Runnable readExisting, Consumer<JsonGenerator> content) {
        files.write(file, readExisting, content);
    }

    private Path documentFile(String id) {
        return inside(documents.resolve(DocumentId.require(id, "Document id") + JSON));
    }

    private Path layerDir(String documentId) {
        return inside(layers.resolve(DocumentId.require(documentId, "Document id")));
    }

    private Path layerFile(String documentId, String annotator) {
        return inside(layerDir(documentId).resolve(DocumentId.require(annotator, "Annotator") + JSON));
    }

    private Path inside(Path path) {
        return files.inside(path);
    }

    private String relative(Path file) {
        return files.relative(file);
    }

    private static String idOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - JSON.length());
    }

    /** A crash between creating a temp file and renaming it leaves ".name.random.tmp" behind; it is never the real data. */
    private void deleteLeftoverTempFiles() {
        try (Stream<Path> files = Files.walk(root, 4)) {
            for (Path file : files.filter(f -> AtomicFile.isTemp(f) && Files.isRegularFile(f)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new WorkspaceException(root + ": cannot clean up temporary files: " + e.getMessage(), e);
        }
    }
}
