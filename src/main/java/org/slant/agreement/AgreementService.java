package org.slant.agreement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.document.Document;
import org.slant.document.DocumentService;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.springframework.stereotype.Service;

/**
 * Agreement reports from the stored layers. Layers named "gold" or "majority" are left out: they are
 * derived from, or set against, the annotators, so comparing them with the annotators is not agreement.
 */
@Service
public class AgreementService {

    private final AnnotationService annotations;
    private final DocumentService documents;
    private final LabelService labels;

    private final org.slant.annotation.ClassWork classWork;

    public AgreementService(AnnotationService annotations, DocumentService documents, LabelService labels) {
        this(annotations, documents, labels, org.slant.annotation.ClassWork.NONE);
    }

    /** Students' exercise layers ({@code classWork}) are not the team's annotation and are left out. */
    @org.springframework.beans.factory.annotation.Autowired
    public AgreementService(AnnotationService annotations, DocumentService documents, LabelService labels,
                            org.slant.annotation.ClassWork classWork) {
        this.annotations = annotations;
        this.documents = documents;
        this.labels = labels;
        this.classWork = classWork;
    }

    public AgreementReport forDocument(String documentId) {
        return forDocuments(List.of(documentId));
    }

    /**
     * The documents laid end to end ({@link AnnotatedText#concat}): α_u and kappa over all their
     * code points together, span F1s micro-averaged (span counts summed over the documents). Attribute,
     * link, sentence-label and question agreement pool the documents' units ({@link StructureAgreement}).
     */
    public AgreementReport forDocuments(List<String> documentIds) {
        List<String> problems = new ArrayList<>();
        List<TeamLayers> team = teamLayers(documentIds, false, problems);
        AnnotatedText pooled = AnnotatedText.concat(team.stream().map(AgreementService::text).toList());
        return AgreementReport.of(pooled, labelOrder(pooled, documentIds), documentIds.size()).withProblems(problems)
                .withStructure(StructureAgreement.of(team, labels.labelsForAll(documentIds), pooled.names()));
    }

    /**
     * Each annotator's layer against the curated gold, over the documents pooled: one overall
     * {@link AgreementReport.Pair} per annotator (gold is the reference), for feedback to annotators.
     * Only documents with gold spans count; empty when there are none yet. Students' exercise layers are left out as above.
     */
    public List<AgreementReport.Pair> againstGold(List<String> documentIds) {
        List<AnnotatedText> texts = teamLayers(documentIds, true, new ArrayList<>()).stream().map(AgreementService::text).toList();
        if (texts.isEmpty()) {
            return List.of();
        }
        AnnotatedText pooled = AnnotatedText.concat(texts);
        Set<String> labelSet = new LinkedHashSet<>(labelOrder(pooled, documentIds));
        List<AgreementReport.Pair> rows = new ArrayList<>();
        for (String annotator : pooled.names()) {
            if (!annotator.equals(Layer.GOLD)) {
                rows.add(AgreementReport.pairsOf(pooled, Layer.GOLD, annotator, labelSet).getLast());
            }
        }
        return rows;
    }

    /**
     * Per document, the team's layers as one text: no derived layers, no students' exercise layers.
     * With {@code gold}, the gold layer too, and only documents that have gold spans (a document nobody
     * has curated yet would count every annotator span as "not in gold"). A layer file that cannot be
     * read is left out and its problem added to {@code problems}.
     */
    private List<TeamLayers> teamLayers(List<String> documentIds, boolean gold, List<String> problems) {
        List<TeamLayers> texts = new ArrayList<>();
        java.util.function.Function<String, Set<String>> students = classWork.studentsLookup(documentIds);
        for (String id : documentIds) {
            Document document = documents.get(id);
            Set<String> classOf = students.apply(id);
            org.slant.annotation.LayerStore.LayerListing listing = annotations.readableLayers(id);
            problems.addAll(listing.problems(a -> !classOf.contains(a)));
            List<Layer> layers = listing.layers().stream()
                    .filter(l -> (!l.isDerived() || gold && l.annotator().equals(Layer.GOLD)) && !classOf.contains(l.annotator()))
                    .toList();
            if (!gold || layers.stream().anyMatch(l -> l.annotator().equals(Layer.GOLD) && !l.spans().isEmpty())) {
                texts.add(new TeamLayers(document.text(), layers));
            }
        }
        return texts;
    }

    private static AnnotatedText text(TeamLayers layers) {
        return AnnotatedText.of(layers.layers(), layers.text().codePointCount(0, layers.text().length()));
    }

    /** The documents' projects' labels in display order, then any other label found in the layers. */
    private List<String> labelOrder(AnnotatedText text, List<String> documentIds) {
        Set<String> order = new LinkedHashSet<>();
        labels.labelsForAll(documentIds).labels().stream().map(Label::id).forEach(order::add);
        order.addAll(text.usedLabels());
        return List.copyOf(order);
    }
}
