package com.tracklane.intake;

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
 * problem+json, never 500, and eligibility checks keep answering: they never touch the database.
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
                               "dateOfBirth": "1988-02-02", "email": "vanna@example.com"}, "request": %s}""".formatted(trip);

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
        given().get("/api/v1/tracks").then().statusCode(200);
    }
}
