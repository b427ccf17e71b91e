package org.slant.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slant.project.Project.DEFAULT_ID;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Span;
import org.slant.annotation.SpanRejectedException;
import org.slant.document.DocumentImporter.Draft;
import org.slant.document.DocumentService;
import org.slant.document.Source;
import org.slant.label.Label;
import org.slant.label.LabelService;
import org.slant.label.Scheme;
import org.slant.workspace.JsonWorkspace;
import org.slant.workspace.WorkspaceException;

class ProjectServiceTest {

    static final Scheme TWO = new Scheme(List.of(
            new Label("loaded", "Loaded word", "#aa0000", "1", "dotted", ""),
            new Label("neutral", "Neutral", "#00aa00", "2", "solid", "")));

    @TempDir
    Path folder;
    JsonWorkspace workspace;
    DocumentService documents;
    LabelService labels;
    AnnotationService annotations;
    ProjectService projects;
    String a;
    String b;

    @BeforeEach
    void setUp() {
        workspace = new JsonWorkspace(folder);
        documents = new DocumentService(workspace, Clock.systemUTC(), 1 << 20);
        a = documents.add(new Draft("Alpha", "The minister SLAMMED critics, officials said."), Source.UNKNOWN).id();
        b = documents.add(new Draft("Beta", "Talks failed, the envoy said."), Source.UNKNOWN).id();
        projects = services(workspace);
    }

    private ProjectService services(JsonWorkspace store) {
        ProjectRegistry registry = new ProjectRegistry(store);
        labels = new LabelService(registry);
        annotations = new AnnotationService(documents, labels, store, Clock.systemUTC());
        return new ProjectService(registry, documents, annotations);
    }

    @Test
    void everyDocumentStartsInTheDefaultProject() {
        assertThat(projects.projects()).extracting(Project::id).containsExactly(DEFAULT_ID);
        assertThat(projects.get(DEFAULT_ID).name()).isEqualTo("Default project");
        assertThat(projects.get(DEFAULT_ID).members()).isEmpty();
        assertThat(projects.projectOf(a).id()).isEqualTo(DEFAULT_ID);
        assertThat(projects.documentsOf(DEFAULT_ID)).containsExactly(a, b);
        assertThat(Files.exists(folder.resolve("projects.json"))).as("written with the first change, not on reading").isFalse();
        projects.rename(DEFAULT_ID, "Default project");
        assertThat(Files.exists(folder.resolve("projects.json"))).isTrue();
    }

    @Test
    void createsProjectsWithUniqueIdsAndTheCreatorAsCurator() {
        Project first = projects.create("  Election coverage ", "cat");
        Project second = projects.create("Election coverage", "dog");
        Project symbols = projects.create("!!!", "cat");

        assertThat(first.id()).isEqualTo("election-coverage");
        assertThat(first.name()).isEqualTo("Election coverage");
        assertThat(second.id()).isEqualTo("election-coverage-2");
        assertThat(symbols.id()).isEqualTo("project");
        assertThat(first.labels()).isEqualTo(Scheme.defaults());
        assertThat(projects.roleIn("cat", first.id())).contains(ProjectRole.CURATOR);
        assertThat(projects.roleIn("dog", first.id())).isEmpty();
        assertThatThrownBy(() -> projects.create(" ", "cat")).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> projects.create("x".repeat(101), "cat")).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> projects.create("Fine", "Not A Slug")).hasMessageContaining("User name");
        assertThat(projects.rename(first.id(), "Elections").name()).isEqualTo("Elections");
    }

    @Test
    void aProjectStartsFromATemplatesSchemeWhichIsStoredWithIt() {
        ProjectRegistry registry = new ProjectRegistry(workspace);
        ProjectService withTemplates = new ProjectService(registry, documents,
                new AnnotationService(documents, new LabelService(registry), workspace, Clock.systemUTC()),
                new org.slant.label.SchemeTemplates(org.slant.exchange.SlantJson::readScheme));
        Project basil = withTemplates.create("Bias study", "cat", "basil");
        Scheme expected = withTemplates.templates().get("basil").scheme();
        assertThat(basil.labels()).isEqualTo(expected);
        // read back from projects.json by a fresh registry: the structure survives the file
        assertThat(new ProjectRegistry(new JsonWorkspace(folder)).get(basil.id()).labels()).isEqualTo(expected);
        assertThat(withTemplates.create("Plain", "cat", null).labels()).isEqualTo(Scheme.defaults());
        int before = withTemplates.projects().size();
        assertThatThrownBy(() -> withTemplates.create("Typo", "cat", "basill"))
                .hasMessageContaining("no scheme template \"basill\"").hasMessageContaining("basil");
        assertThat(withTemplates.projects()).hasSize(before);
        // without the template files, only the default scheme is offered
        assertThatThrownBy(() -> projects.create("Frames", "cat", "media-frames")).hasMessageContaining("slant-default");
    }

    @Test
    void membersAndAssignments() {
        String p = projects.create("Study", "cat").id();
        projects.moveDocuments(List.of(a, b), p, Map.of());
        projects.setMember(p, "ann", ProjectRole.ANNOTATOR);
        projects.setMember(p, "bob", ProjectRole.ANNOTATOR);

        projects.assign(p, a, List.of("ann", "bob"));
        projects.assign(p, b, List.of("ann"));

        assertThat(projects.isAssigned("ann", a)).isTrue();
        assertThat(projects.isAssigned("bob", b)).isFalse();
        assertThat(projects.isAssigned("cat", a)).isFalse();
        assertThat(projects.assignedTo("ann")).containsExactly(a, b);
        assertThatThrownBy(() -> projects.assign(p, a, List.of("eve"))).hasMessageContaining("not members: eve");
        assertThatThrownBy(() -> projects.assign(DEFAULT_ID, a, List.of("ann"))).hasMessageContaining("is in project \"Study\"");

        projects.unassign(p, a, "bob");
        assertThat(projects.isAssigned("bob", a)).isFalse();
        projects.removeMember(p, "ann");
        assertThat(projects.isAssigned("ann", a)).isFalse();
        assertThat(projects.get(p).assignments()).isEmpty();
        assertThat(projects.roleIn("ann", p)).isEmpty();

        projects.setAssignAll(p, true);
        assertThat(projects.isAssigned("bob", b)).isTrue();
        assertThat(projects.isAssigned("cat", b)).isTrue();
        assertThat(projects.assignedTo("bob")).containsExactly(a, b);
        assertThat(projects.setOthersVisible(p, true).othersVisible()).isTrue();
    }

    @Test
    void theDefaultProjectHoldsWhatNoOtherListsAndNewDocumentsLandThere() {
        String p = projects.create("Study", "cat").id();
        projects.moveDocuments(List.of(a), p, Map.of());
        String c = documents.add(new Draft("Gamma", "A new text."), Source.UNKNOWN).id();

        assertThat(projects.projectOf(a).id()).isEqualTo(p);
        assertThat(projects.documentsOf(p)).containsExactly(a);
        assertThat(projects.documentsOf(DEFAULT_ID)).containsExactly(b, c);
        assertThat(projects.projectOf(c).id()).isEqualTo(DEFAULT_ID);

        projects.moveDocuments(List.of(a), DEFAULT_ID, Map.of());
        assertThat(projects.documentsOf(p)).isEmpty();
        assertThat(projects.get(p).documents()).isEmpty();
    }

    @Test
    void movingClearsTheOldProjectsAssignments() {
        projects.setMember(DEFAULT_ID, "ann", ProjectRole.ANNOTATOR);
        projects.assign(DEFAULT_ID, a, List.of("ann"));
        String p = projects.create("Study", "cat").id();

        projects.moveDocuments(List.of(a), p, Map.of());

        assertThat(projects.get(DEFAULT_ID).assignments()).isEmpty();
        assertThat(projects.isAssigned("ann", a)).isFalse();
    }

    @Test
    void aMoveIsRefusedWhileSpansUseLabelsTheTargetLacks() {
        annotations.create(a, "ann", 13, 20, "sensational", false);
        annotations.create(a, "bob", 13, 20, "sensational", false);
        annotations.create(b, "ann", 0, 5, "opinion", false);
        annotations.create(b, "ann", 0, 5, "fact", false);
        String p = projects.create("Study", "cat").id();
        labels.replace(p, new Scheme(List.of(Scheme.defaults().find("fact").orElseThrow())));

        assertThatThrownBy(() -> projects.moveDocuments(List.of(a, b), p, Map.of("opinion", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"sensational\" (2 spans)")
                .hasMessageContaining("[fact]")
                .hasMessageNotContaining("opinion");
        assertThatThrownBy(() -> projects.moveDocuments(List.of(a), p, Map.of("sensational", "nope")))
                .hasMessageContaining("not a label of \"Study\"");
        assertThat(projects.projectOf(a).id()).isEqualTo(DEFAULT_ID);
        assertThat(annotations.layer(a, "ann").spans()).hasSize(1);
    }

    @Test
    void aMoveWithAMappingRelabelsOrDeletesSpansAndTheLayersRevisionMovesOn() {
        annotations.create(a, "ann", 13, 20, "sensational", false);
        annotations.create(a, "bob", 13, 20, "sensational", false);
        annotations.create(b, "ann", 0, 5, "opinion", false);
        long before = annotations.layer(a, "ann").revision();
        String p = projects.create("Study", "cat").id();
        labels.replace(p, TWO);

        int changed = projects.moveDocuments(List.of(a, b), p, Map.of("sensational", "loaded", "opinion", ""));

        assertThat(changed).isEqualTo(3);
        assertThat(projects.documentsOf(p)).containsExactly(a, b);
        assertThat(annotations.layer(a, "ann").spans()).extracting(Span::label).containsExactly("loaded");
        assertThat(annotations.layer(a, "ann").revision()).isGreaterThan(before);
        assertThat(annotations.layer(a, "bob").spans()).extracting(Span::label).containsExactly("loaded");
        assertThat(annotations.layer(b, "ann").spans()).isEmpty();
        // from now on the document is checked against the new project's labels
        assertThatThrownBy(() -> annotations.create(a, "ann", 0, 3, "fact", false))
                .isInstanceOf(SpanRejectedException.class);
        annotations.create(a, "ann", 0, 3, "neutral", false);
    }

    @Test
    void onlyAnEmptyProjectCanBeDeletedAndNeverTheDefault() {
        String p = projects.create("Study", "cat").id();
        projects.moveDocuments(List.of(a), p, Map.of());

        assertThatThrownBy(() -> projects.delete(p)).hasMessageContaining("still holds 1 document");
        assertThatThrownBy(() -> projects.delete(DEFAULT_ID)).hasMessageContaining("cannot be deleted");

        projects.moveDocuments(List.of(a), DEFAULT_ID, Map.of());
        projects.delete(p);
        assertThat(projects.find(p)).isEmpty();
        assertThatThrownBy(() -> projects.get(p)).hasMessageContaining("no project \"study\"");
    }

    @Test
    void everythingSurvivesANewServiceInstance() {
        String p = projects.create("Study", "cat").id();
        projects.moveDocuments(List.of(a), p, Map.of());
        projects.setMember(p, "ann", ProjectRole.ANNOTATOR);
        projects.assign(p, a, List.of("ann"));
        projects.setOthersVisible(p, true);
        labels.replace(p, TWO);

        ProjectService reopened = services(new JsonWorkspace(folder));

        assertThat(reopened.projects()).isEqualTo(projects.projects());
        assertThat(reopened.isAssigned("ann", a)).isTrue();
        assertThat(reopened.get(p).othersVisible()).isTrue();
        assertThat(labels.labelsFor(a)).isEqualTo(TWO);
    }

    @Test
    void aBrokenProjectsFileIsNamedAndNotOverwritten() throws Exception {
        projects.create("Study", "cat");
        Path file = folder.resolve("projects.json");
        String broken = Files.readString(file).replace("\"curator\"", "\"boss\"");
        Files.writeString(file, broken, StandardCharsets.UTF_8);

        ProjectService reopened = services(new JsonWorkspace(folder));

        assertThatThrownBy(reopened::projects).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("projects.json").hasMessageContaining("boss");
        assertThatThrownBy(() -> reopened.create("Other", "cat")).isInstanceOf(WorkspaceException.class);
        assertThatThrownBy(() -> new JsonWorkspace(folder).saveAll(List.of(
                Project.create(DEFAULT_ID, "Default project", Scheme.defaults(), null))))
                .isInstanceOf(WorkspaceException.class).hasMessageContaining("not saved");
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    @Test
    void aDocumentListedByTwoProjectsIsRefusedOnRead() throws Exception {
        String p = projects.create("Study", "cat").id();
        String q = projects.create("Other", "cat").id();
        projects.moveDocuments(List.of(a), p, Map.of());
        Path file = folder.resolve("projects.json");
        String json = Files.readString(file);
        int other = json.indexOf("\"id\": \"" + q + "\"");
        Files.writeString(file, json.substring(0, other)
                + json.substring(other).replaceFirst("\"documents\": \\[\\]", "\"documents\": [\"" + a + "\"]"));

        assertThatThrownBy(() -> new JsonWorkspace(folder).findAll()).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("projects.json").hasMessageContaining("listed by two projects");
    }
}
