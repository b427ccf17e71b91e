package org.slant.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.LabelService;
import org.springframework.stereotype.Service;

/**
 * Exports documents with their layers in one of the {@link ExportFormat}s. Each document's layers
 * are read only when the writer reaches it, so a large project streams through.
 */
@Service
public class ExportService {

    private final DocumentService documents;
    private final AnnotationService annotations;
    private final LabelService labels;

    private final org.slant.annotation.ClassWork classWork;

    public ExportService(DocumentService documents, AnnotationService annotations, LabelService labels) {
        this(documents, annotations, labels, org.slant.annotation.ClassWork.NONE);
    }

    /** "Every layer" and "majority" leave out students' exercise layers; one named annotator is exported as asked. */
    @org.springframework.beans.factory.annotation.Autowired
    public ExportService(DocumentService documents, AnnotationService annotations, LabelService labels,
                         org.slant.annotation.ClassWork classWork) {
        this.documents = documents;
        this.annotations = annotations;
        this.labels = labels;
        this.classWork = classWork;
    }

    /**
     * Writes {@code documentIds} (every readable document when empty) to {@code out}, which is
     * flushed but left open. Every id is checked before the first byte is written, so an unknown
     * id fails with {@link org.slant.document.DocumentNotFoundException} and an empty {@code out}.
     * With {@link LayerSelection.Mode#ANNOTATOR}, a document that annotator has not touched is
     * exported with an empty layer of theirs, so it still appears (as a text without spans).
     *
     * @return one message per layer file that could not be read and so is not in the export (naming the
     *         file, with line and column for a parse error); the other layers of its document are exported
     */
    public List<String> export(ExportFormat format, List<String> documentIds, LayerSelection layers, OutputStream out)
            throws IOException {
        if (documentIds.isEmpty()) {
            return write(format, documents.ids(), layers, null, (doc, layer) -> true, out); // from the listing: no check needed
        }
        return export(format, documentIds, layers, (doc, layer) -> true, out);
    }

    /**
     * Writes exactly {@code documentIds} (none when empty), with only the layers {@code mayRead} allows:
     * an annotator's export leaves out the layers they may not see. Returns the layers left out as above.
     */
    public List<String> export(ExportFormat format, List<String> documentIds, LayerSelection layers,
                               java.util.function.BiPredicate<String, String> mayRead, OutputStream out) throws IOException {
        return export(format, documentIds, layers, null, mayRead, out);
    }

    /**
     * The same for {@code reader}: "every layer" leaves out students' exercise layers except the
     * reader's own, so a student exporting their document still gets their work. Returns the layers left out as above.
     */
    public List<String> export(ExportFormat format, List<String> documentIds, LayerSelection layers, String reader,
                               java.util.function.BiPredicate<String, String> mayRead, OutputStream out) throws IOException {
        List<String> ids = documentIds.stream().distinct().toList();
        checkDocumentsExist(ids);
        return write(format, ids, layers, reader, mayRead, out);
    }

    private List<String> write(ExportFormat format, List<String> ids, LayerSelection layers, String reader,
                               java.util.function.BiPredicate<String, String> mayRead, OutputStream out) throws IOException {
        List<String> problems = new java.util.ArrayList<>(); // filled as the writer reaches each document
        // ids only: documents are read one at a time as the writer reaches them, and not kept open,
        // so memory stays flat however large the workspace is
        java.util.function.Function<String, java.util.Set<String>> students = classWork.studentsLookup(ids); // once, not per document
        Stream<ExportItem> items = ids.stream().map(id -> item(id, layers, reader, mayRead, students.apply(id), problems));
        format.writer().write(labels.labelsForAll(ids), items, out);
        return List.copyOf(problems);
    }

    /**
     * Fails with {@link org.slant.document.DocumentNotFoundException} on the first id that names no
     * document, so a caller can answer 404 before it sends headers. {@link #export} checks this too.
     */
    public void checkDocumentsExist(List<String> documentIds) {
        // the folder listing, not a read of every file: a full export would otherwise read everything twice
        java.util.Set<String> existing = new java.util.HashSet<>(documents.ids());
        for (String id : documentIds) {
            if (!existing.contains(id)) {
                throw new org.slant.document.DocumentNotFoundException(id);
            }
        }
    }

    private ExportItem item(String id, LayerSelection selection, String reader,
                            java.util.function.BiPredicate<String, String> mayRead, java.util.Set<String> students,
                            List<String> problems) {
        Document document = documents.read(id).orElseThrow(() -> new org.slant.document.DocumentNotFoundException(id));
        org.slant.annotation.LayerStore.LayerListing listing = annotations.readableLayersOf(document);
        List<Layer> all = listing.layers().stream().filter(l -> mayRead.test(id, l.annotator())).toList();
        // a broken layer is left out and named (if the reader may see it), the others exported;
        // when one annotator's layer is asked for and theirs is broken, the export is refused naming the file
        switch (selection.mode()) {
            case ANNOTATOR -> listing.unreadable().stream().filter(u -> selection.annotator().equals(u.annotator()))
                    .findFirst().ifPresent(u -> {
                        throw new org.slant.storage.StorageException(u.problem());
                    });
            case ALL -> problems.addAll(listing.problems(a -> mayRead.test(id, a)
                    && (!students.contains(a) || a.equals(reader))));
            case MAJORITY -> problems.addAll(listing.problems(a -> mayRead.test(id, a) && !students.contains(a)));
        }
        List<Layer> layers = switch (selection.mode()) {
            case ALL -> all.stream().filter(l -> !students.contains(l.annotator()) || l.annotator().equals(reader)).toList();
            case ANNOTATOR -> List.of(all.stream().filter(l -> l.annotator().equals(selection.annotator())).findFirst()
                    .orElseGet(() -> Layer.empty(id, selection.annotator())));
            case MAJORITY -> List.of(MajorityVote.of(document, all.stream().filter(l -> !students.contains(l.annotator())).toList()));
        };
        return new ExportItem(document, layers);
    }
}
