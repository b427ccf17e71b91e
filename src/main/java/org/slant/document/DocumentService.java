package org.slant.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slant.document.DocumentBatchImporter.Batch;
import org.slant.document.DocumentBatchImporter.Item;
import org.slant.document.DocumentImporter.Draft;
import org.slant.storage.Limits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Adding, finding and renaming documents. A document's text never changes once stored. */
@Service
public class DocumentService {

    /** A document with its offset index, built once: the text is immutable. */
    public static final class OpenDocument {

        private final Document document;
        private final CodePointIndex index;
        /** Computed on first use and kept: a document's text never changes. */
        private volatile List<Sentences.Sentence> sentences;

        public OpenDocument(Document document, CodePointIndex index) {
            this.document = java.util.Objects.requireNonNull(document, "document");
            this.index = java.util.Objects.requireNonNull(index, "index");
        }

        public Document document() {
            return document;
        }

        public CodePointIndex index() {
            return index;
        }

        /** The text's sentences ({@link Sentences#of}), found once per open document. */
        public List<Sentences.Sentence> sentences() {
            List<Sentences.Sentence> found = sentences;
            if (found == null) {
                found = Sentences.of(document.text());
                sentences = found;
            }
            return found;
        }
    }

    static final String SAMPLE_RESOURCE = "/samples/peace-talks-article.txt";

    private final DocumentStore store;
    private final Clock clock;
    private final DocumentImporter importer;
    private final Map<String, OpenDocument> open = new ConcurrentHashMap<>();

    private final Limits limits;

    public DocumentService(DocumentStore store, Clock clock, int maxDocumentBytes) {
        this(store, clock, maxDocumentBytes, Limits.DEFAULTS);
    }

    /** {@code limits}: what one upload of many documents may hold. */
    @Autowired
    public DocumentService(DocumentStore store, Clock clock,
                           @Value("${slant.max-document-bytes:2097152}") int maxDocumentBytes, Limits limits) {
        this.store = store;
        this.clock = clock;
        this.importer = new DocumentImporter(maxDocumentBytes);
        this.limits = limits;
    }

    /** The largest file an upload of documents may be (setting slant.limits.upload-bytes). */
    public long maxUploadBytes() {
        return limits.uploadBytes().toBytes();
    }

    public DocumentImporter importer() {
        return importer;
    }

    /** Reads uploads that hold many documents (.zip, .jsonl) with the same checks as {@link #importer()}. */
    public DocumentBatchImporter batchImporter() {
        return new DocumentBatchImporter(importer, limits);
    }

    public DocumentStore.Listing list() {
        return store.list();
    }

    /** @throws DocumentNotFoundException when there is no such document */
    public OpenDocument open(String id) {
        if (!DocumentId.isValid(id)) {
            throw new DocumentNotFoundException(id);
        }
        OpenDocument cached = open.get(id);
        if (cached != null) {
            return cached;
        }
        Document document = store.find(id).orElseThrow(() -> new DocumentNotFoundException(id));
        OpenDocument opened = new OpenDocument(document, new CodePointIndex(document.text()));
        open.put(id, opened);
        return opened;
    }

    /**
     * Reads a document without keeping it open: for streaming over many documents (exports), where
     * caching each one would make memory grow with the workspace.
     */
    public Optional<Document> read(String id) {
        OpenDocument cached = open.get(id);
        if (cached != null) {
            return Optional.of(cached.document());
        }
        return DocumentId.isValid(id) ? store.find(id) : Optional.empty();
    }

    /** Every stored document's id, sorted, without reading the documents. */
    public List<String> ids() {
        return store.ids();
    }

    public Document get(String id) {
        return open(id).document();
    }

    /**
     * Stores many new documents, each under a fresh id from its title (given in order, so the same
     * input always gets the same ids), saving several at a time. Returns them in the drafts' order.
     */
    public List<Document> addMany(List<Draft> drafts, Source source) {
        return addNew(drafts.stream().map(d -> new NewDocument(d, source, null)).toList());
    }

    /**
     * One document to add: its draft, where it came from, and the id it should keep when that is a
     * slug no document has (an imported Slant export's own id); null or taken, the id comes from the title.
     */
    public record NewDocument(Draft draft, Source source, String preferredId) {
    }

    /** Like {@link #addMany}, each document with its own source and, when free, its preferred id. */
    public synchronized List<Document> addNew(List<NewDocument> items) {
        Set<String> taken = new HashSet<>();
        List<Document> created = new ArrayList<>(items.size());
        for (NewDocument item : items) {
            String preferred = item.preferredId();
            String id = preferred != null && DocumentId.isValid(preferred) && !taken.contains(preferred)
                    && store.find(preferred).isEmpty() ? preferred : freshId(item.draft().title(), taken);
            taken.add(id);
            created.add(new Document(id, item.draft().title(), item.draft().text(), item.source(), clock.instant()));
        }
        ParallelWrites.forEach(created, store::save);
        return created;
    }

    /** Stores a new document under a fresh id derived from its title. */
    public synchronized Document add(Draft draft, Source source) {
        String base = DocumentId.slugOf(draft.title());
        String id = base;
        for (int n = 2; store.find(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        Document document = new Document(id, draft.title(), draft.text(), source, clock.instant());
        store.save(document);
        return document;
    }

    public synchronized Document rename(String id, String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A title cannot be empty");
        }
        Document renamed = get(id).withTitle(title);
        store.save(renamed);
        open.put(id, new OpenDocument(renamed, open(id).index()));
        return renamed;
    }

    /** Moves the document and its layers to the workspace's trash; returns where they went. */
    public synchronized String delete(String id) {
        get(id); // unknown id: DocumentNotFoundException
        String where = store.moveToTrash(id);
        open.remove(id);
        return where;
    }

    /** First start with an empty workspace: add the sample article so there is something to try. */
    public synchronized boolean addSampleIfEmpty() {
        DocumentStore.Listing listing = store.list();
        if (!listing.documents().isEmpty() || !listing.problems().isEmpty()) {
            return false;
        }
        try (InputStream in = DocumentService.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Draft draft = importer.fromText("the sample article", raw);
            store.save(new Document("peace-talks", draft.title(), draft.text(),
                    new Source("Sample", null, null), clock.instant()));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The duplicates {@link #addAll} would leave out, without storing anything, so the user sees them
     * before confirming. A later item with the text of an earlier one in the batch is named by origin.
     */
    public List<String> duplicatesIn(Batch batch) {
        Map<String, String> seen = new HashMap<>();
        for (Document d : store.list().documents()) {
            seen.putIfAbsent(textHash(d.text()), describe(d));
        }
        List<String> duplicates = new ArrayList<>();
        for (Item item : batch.items()) {
            String earlier = seen.putIfAbsent(textHash(item.draft().text()),
                    "\"" + item.draft().title() + "\" (" + item.origin() + " in this upload)");
            if (earlier != null) {
                duplicates.add(item.origin() + ": same text as " + earlier + ", not added");
            }
        }
        return duplicates;
    }

    /**
     * Stores every item of a batch whose text is not already in the workspace or earlier in the batch.
     * Duplicates are reported naming the document they repeat; an item that cannot be stored is reported
     * and the others are still added. The report's problems start with the batch's own.
     */
    public synchronized BatchReport addAll(Batch batch) {
        // one listing and a hash per text, instead of comparing every new text with every stored one
        Map<String, Document> byText = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Document d : store.list().documents()) {
            byText.putIfAbsent(textHash(d.text()), d);
            taken.add(d.id());
        }
        List<Document> added = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> problems = new ArrayList<>(batch.problems());
        for (Item item : batch.items()) {
            String hash = textHash(item.draft().text());
            Document same = byText.get(hash);
            if (same != null) {
                duplicates.add(item.origin() + ": same text as " + describe(same) + ", not added");
                continue;
            }
            try {
                String id = freshId(item.draft().title(), taken);
                Document document = new Document(id, item.draft().title(), item.draft().text(), item.source(),
                        clock.instant());
                store.save(document);
                taken.add(id);
                byText.put(hash, document);
                added.add(document);
            } catch (RuntimeException e) {
                problems.add(item.origin() + ": not stored: " + e.getMessage());
            }
        }
        return new BatchReport(added, duplicates, problems);
    }

    /** Like {@link #add}'s ids; the set spares a file lookup per id already known to be taken. */
    private String freshId(String title, Set<String> taken) {
        String base = DocumentId.slugOf(title);
        String id = base;
        for (int n = 2; taken.contains(id) || store.find(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String describe(Document d) {
        return "\"" + d.title() + "\" (id " + d.id() + ")";
    }

    private static String textHash(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
