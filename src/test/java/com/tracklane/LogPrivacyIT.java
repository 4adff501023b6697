package com.tracklane;

import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.support.PersonalDataScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No personal data in the logs after the whole suite. Every {@code @QuarkusTest} of the surefire run logs to
 * {@code target/quarkus-test.log} ({@code %test.quarkus.log.file.*}; the build empties it before the tests run);
 * this failsafe test runs after all of them and scans that log (and its rotations) for the names, passport numbers,
 * dates of birth and e-mail addresses the tests and examples send. One occurrence fails the build.
 */
class LogPrivacyIT {

    static final Path LOG_DIR = Path.of("target");

    static List<Path> logs() throws IOException {
        try (Stream<Path> files = Files.list(LOG_DIR)) {
            return files.filter(f -> f.getFileName().toString().startsWith("quarkus-test.log")).sorted().toList();
        }
    }

    static PersonalDataScanner scanner() {
        return PersonalDataScanner.fromSources(Path.of("src", "test", "java"), Path.of("examples"), Path.of("README.md"), Path.of("docs"));
    }

    @Test
    void shouldFindNoPersonalDataInTheLogOfTheWholeSuite() throws IOException {
        List<Path> logs = logs();
        assertThat(logs).as("target/quarkus-test.log: run the unit tests first (./mvnw verify)").isNotEmpty();
        String all = String.join("\n", readAll(logs));
        // the log is the suite's: applications were written and refused while it was recorded
        assertThat(all).as("the log holds the test runs").contains("Profile test activated");

        PersonalDataScanner scanner = scanner();
        assertThat(scanner.values()).as("personal values collected from the tests").contains("Sokha", "N01234567", "1990-04-01",
                "sokha.chan@example.com");
        List<String> findings = new ArrayList<>();
        for (Path log : logs) {
            findings.addAll(scanner.scan(log));
        }
        assertThat(findings).as("personal data in " + logs).isEmpty();
    }

    @Test
    void shouldDetectALeakInTheSameLog() throws IOException {
        // the same scan over the same log plus one leaked line finds exactly that line: the test above cannot pass
        // because the scan is blind
        String all = String.join("\n", readAll(logs()));
        String leaked = all + "\n2026-11-29 03:41:32,890 WARN  [or.hi.or.jd.error] Value too long for column \"GIVEN_NAME\": \"Sokha\"\n";
        List<String> findings = scanner().scan(leaked);
        assertThat(findings).hasSize(1).first().asString().contains("Sokha");
    }

    static List<String> readAll(List<Path> logs) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path log : logs) {
            out.add(Files.readString(log, StandardCharsets.UTF_8));
        }
        return out;
    }
}
