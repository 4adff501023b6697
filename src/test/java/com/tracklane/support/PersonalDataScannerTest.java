package com.tracklane.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scanner LogPrivacyIT relies on finds what it must and nothing else. */
class PersonalDataScannerTest {

    static final String CLEAN = """
            2026-11-29 03:41:21,990 INFO  [io.quarkus] (main) tracklane 1.0.0-SNAPSHOT on JVM started in 17.272s.
            2026-11-29 03:41:32,890 WARN  [co.tr.co.ProblemMappers] (executor-thread-2) Input the database refused on /api/v1/applications: [redacted: org.hibernate.exception.DataException < org.h2.jdbc.JdbcSQLDataException; SQLState 22001, vendor code 22001]
            2026-11-29 03:41:33,000 INFO  [or.fl.co.in.co.DbMigrate] (main) Migrating schema "PUBLIC" to version "4 - unicode text lengths"
            2026-11-29 03:41:33,001 WARN  [co.ar.at.arjuna] (executor-thread-1) ARJUNA012125: TwoPhaseCoordinator failed HHH000247 RT-KHJP-2020-000001 1E400
            """;

    @Test
    void shouldCollectTheApplicantsOfTheTestsAndExamples() {
        PersonalDataScanner scanner = PersonalDataScanner.fromSources(Path.of("src", "test", "java"), Path.of("examples"), Path.of("README.md"));
        assertThat(scanner.values()).contains("Sokha", "Chan", "N01234567", "sokha.chan@example.com", "1990-04-01", "Vanna",
                "V1234567", "1988-02-02", "Dara", "dara@example.com");
        assertThat(scanner.values()).as("too short to search for alone").doesNotContain("Ly");
    }

    @Test
    void shouldFindNothingInACleanLog() {
        PersonalDataScanner scanner = PersonalDataScanner.fromSources(Path.of("src", "test", "java"), Path.of("examples"));
        assertThat(scanner.scan(CLEAN)).isEmpty();
    }

    @Test
    void shouldFindEachKindOfPersonalValue() {
        PersonalDataScanner scanner = new PersonalDataScanner(Set.of("Sokha", "1990-04-01", "sokha.chan@example.com", "N01234567"));
        assertThat(scanner.scan(CLEAN + "ERROR Value too long for column \"GIVEN_NAME\": 'Sokha'\n")).singleElement().asString()
                .contains("line 5").contains("Sokha");
        assertThat(scanner.scan("birth 1990-04-01 here")).hasSize(1);
        assertThat(scanner.scan("mail sokha.chan@example.com")).isNotEmpty();
        assertThat(scanner.scan("Key (passport_number)=(N01234567) already exists")).isNotEmpty();
        // generated values the list cannot know: passports like D0000017, any address at example.com
        assertThat(new PersonalDataScanner(Set.of()).scan("passport D0000017 and b.sok@example.com")).hasSize(2);
        // a name inside another word is not that name
        assertThat(scanner.scan("Sokhany")).isEmpty();
    }

    @Test
    void shouldReadValuesFromJsonAndJava() {
        assertThat(PersonalDataScanner.valuesIn("{\"givenName\": \"Bopha\", \"email\": \"b@example.com\", \"dateOfBirth\": \"1993-07-17\"}"))
                .containsExactly("Bopha", "b@example.com", "1993-07-17");
        assertThat(PersonalDataScanner.valuesIn("applicant.put(\"givenName\", \"Sokha\").put(\"familyName\", \"Chan\")"))
                .containsExactly("Sokha", "Chan");
        assertThat(PersonalDataScanner.valuesIn("\"passportNumber\": \"%s\", \"givenName\": %s")).isEmpty();
    }
}
