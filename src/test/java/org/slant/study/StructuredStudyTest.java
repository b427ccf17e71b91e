package org.slant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slant.agreement.AgreementReport;
import org.slant.agreement.AgreementService;
import org.slant.agreement.CodedRow;
import org.slant.agreement.LinkRow;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.CurationService;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.Span;
import org.slant.annotation.UserEdits;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.AttributeValue;
import org.slant.project.Project;
import org.slant.project.ProjectRole;
import org.slant.project.ProjectService;
import org.slant.security.UserService;
import org.slant.teaching.Exercise;
import org.slant.teaching.Feedback;
import org.slant.teaching.TeachingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 10's "done means", through the services every screen, the API and the command line use: a curator builds
 * a PARC-style and a BASIL-style project from templates; two annotators link sources to what they said and set
 * targets and polarity; agreement, curation and a classroom exercise handle all of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StructuredStudyTest {

    static final String TEXT = "Chancellor Merz said the talks had failed. Critics claimed Putin HUMILIATED the West.";

    @Autowired
    UserService users;
    @Autowired
    DocumentService documents;
    @Autowired
    ProjectService projects;
    @Autowired
    UserEdits edits;
    @Autowired
    AnnotationService annotations;
    @Autowired
    AgreementService agreement;
    @Autowired
    CurationService curation;
    @Autowired
    TeachingService teaching;

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        registry.add("slant.workspace", () -> {
            try {
                return Files.createTempDirectory("slant-study").toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static int[] at(String part) {
        int utf16 = TEXT.indexOf(part);
        int start = TEXT.codePointCount(0, utf16);
        return new int[] {start, start + part.codePointCount(0, part.length())};
    }

    private Span mark(String user, String doc, String part, String label) {
        int[] r = at(part);
        return edits.create(user, doc, user, r[0], r[1], label, false).after();
    }

    private String study(String name, String template, String lead) {
        Project project = projects.as(lead).create(name, template);
        String doc = documents.add(new Draft(name + " article", TEXT), Source.UNKNOWN).id();
        projects.moveDocuments(List.of(doc), project.id(), Map.of());
        for (String user : List.of("ana", "ben")) {
            projects.setMember(project.id(), user, ProjectRole.ANNOTATOR);
        }
        projects.assign(project.id(), doc, List.of("ana", "ben"));
        return doc;
    }

    @Test
    void aParcAndABasilStudyFromTemplatesThroughAgreementCurationAndClass() {
        users.create("lead", "Lead", "lead-password-1", true);
        users.create("ana", "Ana", "ana-password-1", false);
        users.create("ben", "Ben", "ben-password-1", false);

        // PARC: both annotators link the same content to a source and a cue; they differ on the source's extent
        String parc = study("Attribution study", "parc", "lead");
        for (String user : List.of("ana", "ben")) {
            Span content = mark(user, parc, "the talks had failed", "content");
            Span source = mark(user, parc, user.equals("ana") ? "Chancellor Merz" : "Merz", "source");
            Span cue = mark(user, parc, "said", "cue");
            edits.addLink(user, parc, user, "source", content.id(), source.id());
            edits.addLink(user, parc, user, "cue", content.id(), cue.id());
            edits.setAttribute(user, parc, user, content.id(), "type",
                    new AttributeValue.Text(user.equals("ana") ? "assertion" : "belief"));
        }
        assertThat(annotations.layer(parc, "ana").links()).hasSize(2);

        // BASIL: both mark the loaded verb with its target and polarity; they differ on the aim
        String basil = study("Bias study", "basil", "lead");
        for (String user : List.of("ana", "ben")) {
            Span verb = mark(user, basil, "HUMILIATED", "lexical");
            edits.setAttribute(user, basil, user, verb.id(), "target", new AttributeValue.Text("the West"));
            edits.setAttribute(user, basil, user, verb.id(), "polarity", new AttributeValue.Text("negative"));
            edits.setAttribute(user, basil, user, verb.id(), "aim",
                    new AttributeValue.Text(user.equals("ana") ? "direct" : "indirect"));
            edits.setAnswer(user, basil, user, "stance", new AttributeValue.Text("anti"));
        }

        // agreement: the links match by overlap ("Merz" within "Chancellor Merz"), the attribute type does not
        AgreementReport parcAgreement = agreement.forDocument(parc);
        assertThat(parcAgreement.structure().links()).filteredOn(r -> "source".equals(r.type())).singleElement()
                .satisfies((LinkRow row) -> assertThat(row.f1()).hasValue(1.0));
        assertThat(parcAgreement.structure().attributes()).filteredOn(r -> r.id().equals("type")).singleElement()
                .satisfies((CodedRow row) -> assertThat(row.units()).isEqualTo(1));
        AgreementReport basilAgreement = agreement.forDocument(basil);
        assertThat(basilAgreement.structure().attributes()).extracting(CodedRow::id).contains("target", "polarity", "aim");

        // curation: the spans, their agreed attributes and the links go into gold
        CurationService.Candidates candidates = curation.candidates(parc);
        long revision = candidates.goldRevision();
        for (CurationService.Candidate c : candidates.candidates()) {
            if (c.annotators().size() == 2 || c.text().equals("Chancellor Merz")) {
                revision = curation.accept(parc, "lead", revision, c).revision();
            }
        }
        for (CurationService.LinkCandidate link : curation.candidates(parc).links()) {
            if (link.endsInGold() && !link.inGold() && !(link.type().equals("source") && link.to().text().equals("Merz"))) {
                revision = curation.acceptLink(parc, "lead", revision, link).revision();
            }
        }
        Layer gold = annotations.layer(parc, Layer.GOLD);
        assertThat(gold.links()).extracting(Link::type).containsExactlyInAnyOrder("source", "cue");
        Span goldSource = gold.find(gold.links().stream().filter(l -> l.type().equals("source")).findFirst().orElseThrow().to())
                .orElseThrow();
        assertThat(goldSource.text()).isEqualTo("Chancellor Merz");

        // the classroom: a student's polarity that differs from the reference is said in plain words
        Exercise exercise = teaching.create(new TeachingService.NewExercise("Bias in a headline", basil, "lead", "ana", "",
                Set.of("lexical"), false, null));
        exercise = teaching.newClassCode(exercise.id());
        String student = teaching.join(exercise.classCode(), "Sam").user();
        int[] verb = at("HUMILIATED");
        Span studentSpan = edits.create(student, basil, student, verb[0], verb[1], "lexical", false).after();
        edits.setAttribute(student, basil, student, studentSpan.id(), "polarity", new AttributeValue.Text("positive"));
        teaching.as(student).submit(exercise.id());
        Feedback feedback = teaching.feedback(exercise.id(), student);
        assertThat(feedback.verdicts()).singleElement().satisfies(v -> assertThat(v.attributes())
                .anySatisfy(a -> assertThat(a.sentence()).isEqualTo("Polarity: you said positive, the reference says negative.")));
    }
}
