package app.spotter;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Package-by-feature boundaries: features form no cycles (they talk through each other's entry services and
 * past-tense events), nothing reaches into a provider adapter except the sync engine, and the shared support
 * code knows no feature.
 */
class ModuleBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.spotter");

    @Test
    void featuresDoNotDependOnEachOtherInACycle() {
        slices().matching("app.spotter.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void supportKnowsNoFeature() {
        noClasses().that().resideInAPackage("app.spotter.support..")
                .should().dependOnClassesThat().resideInAnyPackage("app.spotter.trainer..", "app.spotter.client..",
                        "app.spotter.booking..", "app.spotter.preferences..", "app.spotter.calendar..",
                        "app.spotter.sync..", "app.spotter.feed..", "app.spotter.web..")
                .check(CLASSES);
    }

    @Test
    void onlyTheSyncEngineUsesProviderAdapters() {
        noClasses().that().resideOutsideOfPackage("app.spotter.sync..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.spotter.sync.caldav..", "app.spotter.sync.google..", "app.spotter.sync.email..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        slices().matching("app.spotter.sync.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("app.spotter.sync",
                                // bounded HTTP plumbing the adapters share; it depends on no adapter
                                "app.spotter.sync.http"))
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void theSharedHttpPlumbingKnowsNoAdapter() {
        noClasses().that().resideInAPackage("app.spotter.sync.http..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.spotter.sync.caldav..", "app.spotter.sync.google..", "app.spotter.sync.email..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void controllersArePackagePrivate() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .or().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .should().notBePublic()
                .check(CLASSES);
    }
}
