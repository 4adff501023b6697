package com.tracklane.intake;

import com.tracklane.support.Examples;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the database unreachable (nothing listens on its port), writes and reads of applications answer 503
 * problem+json, never 500, and eligibility checks keep answering: they never touch the database (the rule sets,
 * which could not be read from it at start-up, are the shipped ones). Rule administration answers 503 too.
 */
@QuarkusTest
@TestProfile(StorageOutageTest.DatabaseDown.class)
class StorageOutageTest {

    public static class DatabaseDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            boolean postgres = "postgresql".equals(System.getenv("TRACKLANE_DB_KIND"));
            return Map.of(
                    "quarkus.datasource.jdbc.url", postgres ? "jdbc:postgresql://127.0.0.1:1/down" : "jdbc:h2:tcp://127.0.0.1:1/down",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.flyway.clean-at-start", "false",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S");
        }
    }

    @Test
    void shouldAnswer503ForApplicationsAndKeepCheckingEligibility() throws Exception {
        String trip = Files.readString(Path.of("examples/eligibility-resident.json"));
        String body = """
                {"applicant": {"givenName": "Vanna", "familyName": "Ly", "passportNumber": "V1234567", "nationality": "KH",
                               "dateOfBirth": "1988-02-02", "email": "vanna@example.com"}, "request": %s}""".formatted(Examples.withoutKnownAt(trip));

        given().header("Authorization", "Bearer " + Tokens.token("intake")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://tracklane.dev/problems/storage-unavailable"))
                .body("status", equalTo(503));
        given().header("Authorization", "Bearer " + Tokens.token("officer")).get("/api/v1/applications").then().statusCode(503)
                .contentType("application/problem+json");

        given().contentType(ContentType.JSON).body(Files.readString(Path.of("examples/eligibility.json")))
                .post("/api/v1/eligibility").then().statusCode(200).body("outcome", equalTo("ELIGIBLE"));
        // The rule sets could not be read from the database at start-up: the shipped ones are served, all four.
        given().get("/api/v1/tracks").then().statusCode(200).body("id", org.hamcrest.Matchers.hasSize(4));
        // Rule administration needs the database: 503, nothing half-done.
        given().header("Authorization", "Bearer " + Tokens.token("rules-admin")).contentType("application/json")
                .body("{\"effectiveFrom\": \"2030-01-01T00:00+09:00\", \"status\": \"OPEN\", \"citation\": {\"title\": \"t\"}}")
                .post("/api/v1/tracks/business-kh-jp/versions").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tracklane.dev/problems/storage-unavailable"));
    }
}
