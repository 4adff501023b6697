package com.tracklane;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependency rules of the production code (tests are not imported). Features depend in one direction,
 * {@code reference ← track ← eligibility ← intake ← compliance}, with rule administration ({@code ruleadmin}) above
 * eligibility and intake; {@code security} and {@code common} are used by features and know none of them. The web
 * pages ({@code web}) sit on top: they may use every feature's services, and no feature knows them. The engine
 * and the rule-set model ({@code track.model}) are plain Java so that rules can be evaluated anywhere without the
 * framework.
 *
 * <p>These are plain JUnit Jupiter tests calling {@code ArchRule.check}, not {@code @AnalyzeClasses}/{@code @ArchTest}:
 * the ArchUnit JUnit 5 engine of archunit-junit5 1.4.1 discovers nothing on the JUnit Platform 6 that Quarkus 3.33
 * brings (the class is reported with "Tests run: 0", so violations would pass silently).
 */
class ArchitectureTest {

    static final String ENGINE = "com.tracklane.eligibility.engine..";
    static final String RULE_SET_MODEL = "com.tracklane.track.model..";
    static final String COMMON = "com.tracklane.common..";
    static final String COMPLIANCE = "com.tracklane.compliance..";

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.tracklane");
        assertThat(classes.that(resideInAPackage(ENGINE))).as("engine classes").isNotEmpty();
        assertThat(classes.that(resideInAPackage(COMMON))).as("common classes").isNotEmpty();
        assertThat(classes.that(resideInAPackage(RULE_SET_MODEL))).as("rule-set model classes").isNotEmpty();
    }

    @Test
    void shouldDependInOneDirectionBetweenFeatures() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("common").definedBy(COMMON)
                .layer("security").definedBy("com.tracklane.security..")
                .layer("reference").definedBy("com.tracklane.reference..")
                .layer("track").definedBy("com.tracklane.track..")
                .layer("eligibility").definedBy("com.tracklane.eligibility..")
                .layer("intake").definedBy("com.tracklane.intake..")
                .layer("compliance").definedBy(COMPLIANCE)
                .layer("ruleadmin").definedBy("com.tracklane.ruleadmin..")
                .layer("bench").definedBy("com.tracklane.bench..")
                .layer("web").definedBy("com.tracklane.web..")
                .whereLayer("common").mayNotAccessAnyLayer()
                .whereLayer("security").mayOnlyAccessLayers("common")
                .whereLayer("reference").mayOnlyAccessLayers("common")
                .whereLayer("track").mayOnlyAccessLayers("common", "reference")
                .whereLayer("eligibility").mayOnlyAccessLayers("common", "reference", "track")
                .whereLayer("intake").mayOnlyAccessLayers("common", "security", "reference", "track", "eligibility")
                .whereLayer("compliance").mayOnlyAccessLayers("common", "security", "reference", "track", "eligibility", "intake")
                .whereLayer("ruleadmin").mayOnlyAccessLayers("common", "security", "reference", "track", "eligibility", "intake")
                // bench: the development-only load floor (FloorResource), which drives the eligibility check
                .whereLayer("bench").mayOnlyAccessLayers("common", "reference", "track", "eligibility")
                // web: the pages, above every feature (they call services; nothing calls them)
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .because("features depend in one direction: reference ← track ← eligibility ← intake ← compliance, rule"
                        + " administration above eligibility and intake, the web pages above all; security and common know no feature")
                .check(classes);
    }

    @Test
    void shouldKeepTheRuleSetModelFreeOfFrameworks() {
        noClasses()
                .that().resideInAPackage(RULE_SET_MODEL)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "io.vertx..", "io.smallrye..", "org.hibernate..", "com.fasterxml.jackson..", "dev.cel..")
                .because("the rule-set model is plain Java: CEL lives behind its Expression port (track.service.CelExpressions)")
                .check(classes);
    }

    @Test
    void shouldKeepTheRuleSetModelIndependentOfOtherTracklanePackages() {
        noClasses()
                .that().resideInAPackage(RULE_SET_MODEL)
                .should().dependOnClassesThat(resideInAPackage("com.tracklane..")
                        .and(not(resideInAnyPackage(RULE_SET_MODEL, COMMON))))
                .because("the rule-set model may use only itself and com.tracklane.common")
                .check(classes);
    }

    @Test
    void shouldKeepTheQueriesOfTrackAndRuleAdministrationInRepositories() {
        java.util.Set<String> queries = java.util.Set.of("find", "findById", "findByIdOptional", "list", "listAll", "stream",
                "streamAll", "count", "delete", "update", "findAll");
        noClasses()
                .that().resideInAnyPackage("com.tracklane.track..", "com.tracklane.ruleadmin..")
                .and().resideOutsideOfPackage("..repository..")
                .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.nameMatching(String.join("|", queries)))
                        .and(JavaCall.Predicates.target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                        io.quarkus.hibernate.orm.panache.PanacheEntityBase.class)))))
                .because("every query of track (and rule administration's use of it) is a method of a track repository")
                .check(classes);
    }

    @Test
    void shouldKeepNativeSqlInRepositories() {
        noClasses()
                .that().resideOutsideOfPackage("..repository..")
                .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("createNativeQuery")))
                .because("native SQL belongs to the repository package of the feature that owns the tables")
                .check(classes);
    }

    @Test
    void shouldKeepTheEngineFreeOfFrameworks() {
        noClasses()
                .that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "io.vertx..", "io.smallrye..", "org.hibernate..", "com.fasterxml.jackson..", "dev.cel..")
                .because("the eligibility engine is plain Java: no framework, HTTP, persistence, JSON or CEL library")
                .check(classes);
    }

    @Test
    void shouldKeepTheEngineIndependentOfOtherTracklanePackages() {
        noClasses()
                .that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat(resideInAPackage("com.tracklane..")
                        .and(not(resideInAnyPackage(ENGINE, RULE_SET_MODEL, COMMON))))
                .because("the engine may use only itself, the rule-set model (track.model) and com.tracklane.common")
                .check(classes);
    }

    @Test
    void shouldKeepCommonIndependentOfFeatures() {
        noClasses()
                .that().resideInAPackage(COMMON)
                .should().dependOnClassesThat(resideInAPackage("com.tracklane..").and(not(resideInAPackage(COMMON))))
                .because("common is shared by every feature package (eligibility, track, reference and any later one)"
                        + " and must not know any of them")
                .check(classes);
    }

    @Test
    void shouldReachApplicationsFromComplianceOnlyThroughWhatIntakeOffers() {
        assertThat(classes.that(resideInAPackage(COMPLIANCE))).as("compliance classes").isNotEmpty();
        noClasses()
                .that().resideInAPackage(COMPLIANCE)
                .should().dependOnClassesThat(resideInAPackage("com.tracklane.intake..").and(annotatedWith(jakarta.persistence.Entity.class)))
                .because("compliance reads and locks applications through intake's service (ApplicationLookup), not its entities")
                .check(classes);
    }

    @Test
    void shouldKeepTheNativeSqlOfComplianceInItsRepositories() {
        noClasses()
                .that().resideInAPackage(COMPLIANCE).and().resideOutsideOfPackage("..repository..")
                .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("createNativeQuery")))
                .because("every query of compliance is in compliance.repository, native SQL above all")
                .check(classes);
    }

    @Test
    void shouldKeepTheViolationDetectorFreeOfDatabaseAndFramework() {
        assertThat(classes.that(simpleName("ViolationDetector"))).as("the detector").isNotEmpty();
        noClasses()
                .that().resideInAPackage(COMPLIANCE).and(simpleName("ViolationDetector"))
                .should().dependOnClassesThat(resideInAnyPackage("io.quarkus..", "jakarta..", "io.vertx..", "org.hibernate..",
                        "com.fasterxml.jackson..", "..repository..").or(annotatedWith(jakarta.persistence.Entity.class)))
                .because("the detector is pure: a check-in and a plan in, findings out, no database or framework")
                .check(classes);
    }
}
