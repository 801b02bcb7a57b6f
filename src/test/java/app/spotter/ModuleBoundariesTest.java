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

    private static final String[] ADAPTERS = {
        "app.spotter.sync.caldav..", "app.spotter.sync.google..", "app.spotter.sync.email.."};

    @Test
    void featuresDoNotDependOnEachOtherInACycle() {
        slices().matching("app.spotter.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void supportKnowsNoFeature() {
        noClasses().that().resideInAPackage("app.spotter.support..")
                .should().dependOnClassesThat().resideInAnyPackage("app.spotter.trainer..", "app.spotter.client..",
                        "app.spotter.booking..", "app.spotter.preferences..", "app.spotter.calendar..",
                        "app.spotter.sync..", "app.spotter.feed..", "app.spotter.web..", "app.spotter.availability..")
                .check(CLASSES);
    }

    /**
     * Availability sits above booking and sync: booking asks it through its own {@code ConflictSource}, never by
     * name, and the calendars are read through the sync entry and contract only.
     */
    @Test
    void bookingAndSyncDoNotKnowAvailability() {
        noClasses().that().resideInAnyPackage("app.spotter.booking..", "app.spotter.sync..",
                        "app.spotter.trainer..", "app.spotter.client..", "app.spotter.calendar..")
                .should().dependOnClassesThat().resideInAPackage("app.spotter.availability..")
                .check(CLASSES);
    }

    /** Other modules reach availability through its entry {@code Availability} and its public value types. */
    @Test
    void otherFeaturesUseOnlyTheAvailabilityEntryAndValues() {
        noClasses().that().resideOutsideOfPackage("app.spotter.availability..")
                .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                        .resideInAPackage("app.spotter.availability..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                                        app.spotter.availability.Availability.class,
                                        app.spotter.availability.WorkingHours.class,
                                        app.spotter.availability.TimeOff.class,
                                        app.spotter.availability.BusyTime.class,
                                        app.spotter.availability.BusyCalendar.class,
                                        app.spotter.availability.Interval.class))))
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
        for (String adapter : ADAPTERS) {
            String[] others = java.util.Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(CLASSES);
        }
    }

    /**
     * ArchUnit's top-level slices see "sync" as one piece, so a cycle between the engine and an adapter (the engine
     * importing a concrete connector that imports the engine) is invisible there. Adapters see only the contract in
     * the sync root package; the contract, the engine, its stores and its web entry points never see an adapter.
     */
    @Test
    void theSyncEngineAndItsAdaptersDoNotDependOnEachOther() {
        noClasses().that().resideInAnyPackage("app.spotter.sync", "app.spotter.sync.engine..",
                        "app.spotter.sync.store..", "app.spotter.sync.web..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(CLASSES);
        noClasses().that().resideInAnyPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("app.spotter.sync.engine..",
                        "app.spotter.sync.store..", "app.spotter.sync.web..")
                .check(CLASSES);
    }

    /** The parts of the sync module depend downwards only: web -> engine -> store -> contract. */
    @Test
    void theSyncModulesPartsFormNoCycle() {
        slices().matching("app.spotter.sync.(*)..").should().beFreeOfCycles().check(CLASSES);
        noClasses().that().resideInAPackage("app.spotter.sync")
                .should().dependOnClassesThat().resideInAPackage("app.spotter.sync.*..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("app.spotter.sync.store..")
                .should().dependOnClassesThat().resideInAnyPackage("app.spotter.sync.engine..",
                        "app.spotter.sync.web..")
                .check(CLASSES);
    }

    /** Other features reach sync through its entry (CalendarSync) and the contract types, never its stores. */
    @Test
    void otherFeaturesUseOnlyTheSyncEntryAndContract() {
        noClasses().that().resideOutsideOfPackage("app.spotter.sync..")
                .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                        .resideInAnyPackage("app.spotter.sync.store..", "app.spotter.sync.web..")
                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                "app.spotter.sync.engine")
                                .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                        com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName(
                                                "CalendarSync")))))
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

    @Test
    void theSharedHttpPlumbingKnowsNoAdapter() {
        noClasses().that().resideInAPackage("app.spotter.sync.http..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
