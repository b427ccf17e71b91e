package org.slant.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slant.document.DocumentImporter.Draft;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Adding, finding and renaming documents. A document's text never changes once stored. */
@Service
public class DocumentService {

    /** A document with its offset index, built once: the text is immutable. */
    public record OpenDocument(Document document, CodePointIndex index) {
    }

    static final String SAMPLE_RESOURCE = "/samples/peace-talks-article.txt";

    private final DocumentStore store;
    private final Clock clock;
    private final DocumentImporter importer;
    private final Map<String, OpenDocument> open = new ConcurrentHashMap<>();

    public DocumentService(DocumentStore store, Clock clock,
                           @Value("${slant.max-document-bytes:2097152}") int maxDocumentBytes) {
        this.store = store;
        this.clock = clock;
        this.importer = new DocumentImporter(maxDocumentBytes);
    }

    public DocumentImporter importer() {
        return importer;
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

    public Document get(String id) {
        return open(id).document();
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
}
