package com.tracklane.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A newline in a request path (%0A) must not split a log line or forge a record (finding 4). The 500 of the test-only
 * {@link FailingTestResource} logs "Unexpected error on <decoded path>" and an exception whose message quotes it.
 */
@QuarkusTest
class LogLineInjectionTest {

    static final Path LOG = Path.of("target/quarkus-test.log");

    @Test
    void shouldKeepARequestPathWithANewlineOnOneLogLine() throws Exception {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        String forged = "2026-01-01 00:00:00,000 ERROR [com.tracklane.forged] (main) " + marker;
        given().urlEncodingEnabled(false)
                .get("/test/fail/" + marker + "%0A" + java.net.URLEncoder.encode(forged, StandardCharsets.UTF_8).replace("+", "%20")
                        + "%0D%0Aagain%E2%80%A8sep")
                .then().statusCode(500).contentType("application/problem+json").body("status", equalTo(500));

        List<String> lines = waitForLines(marker);
        assertThat(lines).as("log lines mentioning %s", marker).isNotEmpty();
        for (String line : lines) {
            assertThat(line).as("a log line that mentions the marker").doesNotStartWith("2026-01-01 00:00:00,000")
                    .doesNotStartWith(marker).doesNotContain("\r").doesNotContain("\u2028");
        }
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("Unexpected error on /test/fail/" + marker + "\\n2026-01-01 00:00:00,000 ERROR [com.tracklane.forged] (main) " + marker + "\\r\\nagain\\u2028sep"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("java.lang.IllegalStateException: cannot handle " + marker + "\\n2026-01-01"));
    }

    private static List<String> waitForLines(String marker) throws Exception {
        List<String> lines = List.of();
        for (int i = 0; i < 50 && lines.isEmpty(); i++) {
            Thread.sleep(100);
            lines = Files.readAllLines(LOG, StandardCharsets.UTF_8).stream().filter(l -> l.contains(marker)).toList();
        }
        return lines;
    }
}
