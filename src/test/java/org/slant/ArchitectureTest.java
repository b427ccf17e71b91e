package org.slant;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of the developers' guide, checked on every build: features are packages that do not form
 * cycles, and the adapters (workspace = storage, api, cli, ui) stay apart. The root package org.slant is the
 * composition root (it wires the workspace into the services and the command line) and is left out of the rules.
 */
@AnalyzeClasses(packages = "org.slant", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] FEATURES = {
        "org.slant.agreement..", "org.slant.annotation..", "org.slant.document..", "org.slant.exchange..",
        "org.slant.label..", "org.slant.project..", "org.slant.security..", "org.slant.teaching..",
        "org.slant.storage..", "org.slant.access.."
    };

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.slant.(*)..")
            .namingSlices("$1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule uiApiAndCliDoNotReachTheWorkspace = noClasses()
            .that().resideInAnyPackage("org.slant.ui..", "org.slant.api..", "org.slant.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.slant.workspace..")
            .because("storage is reached through the services and their store ports");

    @ArchTest
    static final ArchRule workspaceDoesNotReachTheOtherAdapters = noClasses()
            .that().resideInAPackage("org.slant.workspace..")
            .should().dependOnClassesThat().resideInAnyPackage("org.slant.ui..", "org.slant.api..", "org.slant.cli..");

    @ArchTest
    static final ArchRule uiDoesNotReachApiOrCli = noClasses()
            .that().resideInAPackage("org.slant.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.slant.api..", "org.slant.cli..");

    @ArchTest
    static final ArchRule apiDoesNotReachUiOrCli = noClasses()
            .that().resideInAPackage("org.slant.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.slant.ui..", "org.slant.cli..");

    @ArchTest
    static final ArchRule cliDoesNotReachUiOrApi = noClasses()
            .that().resideInAPackage("org.slant.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.slant.ui..", "org.slant.api..");

    @ArchTest
    static final ArchRule servicesDoNotReachTheAdapters = noClasses()
            .that().resideInAnyPackage(FEATURES)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.slant.ui..", "org.slant.api..", "org.slant.cli..", "org.slant.workspace..")
            .because("rules live in the services, which the UI, the API and the command line share");

    @ArchTest
    static final ArchRule storageExceptionsAreALeaf = noClasses()
            .that().resideInAPackage("org.slant.storage..")
            .should().dependOnClassesThat(resideInAPackage("org.slant..").and(not(resideInAPackage("org.slant.storage.."))))
            .because("every package may throw and catch the neutral storage exceptions");

    @ArchTest
    static final ArchRule nothingReachesTheCompositionRoot = noClasses()
            .that().resideInAPackage("org.slant.(*)..")
            .should().dependOnClassesThat().resideInAPackage("org.slant")
            .because("the root package wires everything together; depending on it would make a cycle through it");
}
