package com.tracklane;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependency rules of the production code (tests are not imported). The engine is plain Java so that rules can be
 * evaluated anywhere without the framework; {@code common} is shared by every feature and so may know none of them.
 *
 * <p>These are plain JUnit Jupiter tests calling {@code ArchRule.check}, not {@code @AnalyzeClasses}/{@code @ArchTest}:
 * the ArchUnit JUnit 5 engine of archunit-junit5 1.4.1 discovers nothing on the JUnit Platform 6 that Quarkus 3.33
 * brings (the class is reported with "Tests run: 0", so violations would pass silently).
 */
class ArchitectureTest {

    static final String ENGINE = "com.tracklane.eligibility.engine..";
    static final String COMMON = "com.tracklane.common..";

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.tracklane");
        assertThat(classes.that(resideInAPackage(ENGINE))).as("engine classes").isNotEmpty();
        assertThat(classes.that(resideInAPackage(COMMON))).as("common classes").isNotEmpty();
    }

    @Test
    void shouldKeepTheEngineFreeOfFrameworks() {
        noClasses()
                .that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "io.vertx..", "org.hibernate..", "com.fasterxml.jackson..", "dev.cel..")
                .because("the eligibility engine is plain Java: no framework, HTTP, persistence, JSON or CEL library")
                .check(classes);
    }

    @Test
    void shouldKeepTheEngineIndependentOfOtherTracklanePackages() {
        noClasses()
                .that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat(resideInAPackage("com.tracklane..")
                        .and(not(resideInAnyPackage(ENGINE, COMMON))))
                .because("the engine may use only itself and com.tracklane.common")
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
}
