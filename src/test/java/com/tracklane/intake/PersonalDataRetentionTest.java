package com.tracklane.intake;

import static com.tracklane.support.Travellers.TOKYO_LAT;
import static com.tracklane.support.Travellers.TOKYO_LON;
import static com.tracklane.support.Travellers.arrival;
import static com.tracklane.support.Travellers.arrive;
import static com.tracklane.support.Travellers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.tracklane.intake.service.RetentionService;
import com.tracklane.support.Examples;
import com.tracklane.support.PersonalDataScanner;
import com.tracklane.support.Travellers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Retention and erasure of personal data (issue 16): after {@code tracklane.retention.personal-data} (P1Y) from an
 * application's end the retention run erases the applicant's identity everywhere, keeping decisions, history and
 * violations; an officer erases one application on request; officers' unmasked reads are recorded. Runs on a database
 * of its own (a run a year ahead erases every ended application it finds, which must not touch other suites' data).
 */
@QuarkusTest
@TestProfile(PersonalDataRetentionTest.OwnDatabase.class)
class PersonalDataRetentionTest {

    /** A database of this suite's own. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String pg = System.getenv("TRACKLANE_TEST_DB_URL");
            return pg != null && !pg.isBlank() ? Map.of()
                    : Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:file:./target/h2/tracklane-retention;WRITE_DELAY=0");
        }
    }

    static final String APPLICATIONS = "/api/v1/applications/";

    @Inject
    RetentionService retention;
    @Inject
    AgroalDataSource db;

    static String passport() {
        return "R" + (10_000_000 + (int) (Math.random() * 89_999_999));
    }

    static String submission(String given, String family, String passport, String dob, String email) throws Exception {
        String trip = Files.readString(Path.of("examples/eligibility-resident.json"));
        return """
                {"applicant": {"givenName": "%s", "familyName": "%s", "passportNumber": "%s", "nationality": "KH",
                               "dateOfBirth": "%s", "email": "%s"},
                 "request": %s}""".formatted(given, family, passport, dob, email, Examples.withoutKnownAt(trip));
    }

    static String submit(String body) {
        return as("intake").contentType(ContentType.JSON).body(body).post("/api/v1/applications")
                .then().statusCode(201).extract().path("id");
    }

    static Response decide(String id, String action, String reason) {
        String etag = as("officer").get(APPLICATIONS + id).header("ETag");
        return as("officer").header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("action", action, "reason", reason)).post(APPLICATIONS + id + "/decision");
    }

    static Response erase(String role, String id, String body) {
        return as(role).contentType(ContentType.JSON).body(body).post(APPLICATIONS + id + "/erasure");
    }

    static Instant yearsAhead(int years, int days) {
        return Instant.now().atZone(ZoneOffset.UTC).plusYears(years).plusDays(days).toInstant();
    }

    @Test
    void shouldEraseTheIdentityEverywhereWhenTheRetentionPeriodAfterARejectionHasPassed() throws Exception {
        String passport = passport();
        Set<String> personal = Set.of("Vannak", "Sreymom", passport, "1987-06-15", "vannak.sreymom@example.com");
        String id = submit(submission("Vannak", "Sreymom", passport, "1987-06-15", "vannak.sreymom@example.com"));
        decide(id, "REJECT", "Sreymom could not show the certificate of eligibility").then().statusCode(200);
        JsonPath before = as("officer").get(APPLICATIONS + id).then().statusCode(200).extract().jsonPath();
        List<String> outcomesBefore = as("officer").get(APPLICATIONS + id + "/decisions").then().extract().jsonPath().getList("outcome");

        // within the period nothing is erased
        retention.eraseExpired(Instant.now());
        retention.eraseExpired(yearsAhead(1, -1));
        as("officer").get(APPLICATIONS + id).then().body("applicant.givenName", equalTo("Vannak"))
                .body("personalDataErasedAt", nullValue());

        RetentionService.Result run = retention.eraseExpired(yearsAhead(1, 1));
        assertThat(run.erased()).isGreaterThanOrEqualTo(1);

        JsonPath after = as("officer").get(APPLICATIONS + id).then().statusCode(200)
                .body("applicant.givenName", nullValue()).body("applicant.familyName", nullValue())
                .body("applicant.passportNumber", nullValue()).body("applicant.dateOfBirth", nullValue())
                .body("applicant.email", nullValue()).body("applicant.nationality", equalTo("KH"))
                .body("personalDataErasedAt", notNullValue()).extract().jsonPath();
        // what statistics and replay need is kept
        for (String kept : List.of("status", "reference", "track", "route.origin", "route.destination", "ruleSetId",
                "currentDecision.id", "currentDecision.outcome", "currentDecision.ruleSet.version",
                "currentDecision.ruleSet.contentHash", "currentDecision.knownAt", "submittedAt", "request.itinerary")) {
            assertThat((Object) after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(as("officer").get(APPLICATIONS + id + "/decisions").then().extract().jsonPath().getList("outcome"))
                .isEqualTo(outcomesBefore);
        // the masked view of an erased application works too
        as("intake").get(APPLICATIONS + id).then().statusCode(200).body("applicant.passportNumber", nullValue());

        JsonPath history = as("officer").get(APPLICATIONS + id + "/history").then().statusCode(200).extract().jsonPath();
        List<String> actions = history.getList("action");
        assertThat(actions).containsExactly("SUBMITTED", "REJECT", "ERASED");
        assertThat(history.getString("[1].reason")).isEqualTo("[erased] could not show the certificate of eligibility");
        assertThat(history.getString("[2].subject")).isEqualTo("tracklane-retention");

        String snapshot = after.getString("currentDecision.id");
        as("officer").get(APPLICATIONS + id + "/decisions/" + snapshot + "/replay").then().statusCode(200)
                .body("storedOutcome", equalTo(before.getString("currentDecision.outcome")))
                .body("replayedOutcome", equalTo(before.getString("currentDecision.outcome")))
                .body("identical", equalTo(true))
                .body("note", equalTo("Personal data erased: the request is replayed without the applicant's identity."));

        try (Connection c = db.getConnection()) {
            assertThat(new PersonalDataScanner(personal).scanTables(c)).as("personal data left in the database").isEmpty();
        }
    }

    @Test
    void shouldDetectPersonalDataThatIsStillInTheDatabase() throws Exception {
        // the scan above cannot pass because it is blind: an application not erased is found in its columns
        String passport = passport();
        submit(submission("Chanthou", "Rithisak", passport, "1979-02-03", "chanthou.rithisak@example.com"));
        try (Connection c = db.getConnection()) {
            List<String> found = new PersonalDataScanner(Set.of("Rithisak", passport)).scanTables(c);
            assertThat(found).anyMatch(f -> f.startsWith("TRAVEL_APPLICATION.FAMILY_NAME") || f.startsWith("travel_application.family_name"))
                    .anyMatch(f -> f.toLowerCase().startsWith("travel_application.passport_number"));
        }
    }

    @Test
    void shouldEraseAnApprovedApplicationOnlyAfterItsMonitoringClosedAndKeepItsViolations() throws Exception {
        String id = Travellers.residentToJapan();
        arrive(id, arrival("2020-09-15T07:30:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON)).then().statusCode(201);
        // an approved application with an open monitoring has not ended
        retention.eraseExpired(yearsAhead(3, 0));
        as("officer").get(APPLICATIONS + id).then().body("personalDataErasedAt", nullValue());

        Travellers.sweep("2020-10-30T00:00:00+09:00").then().statusCode(200);
        String report = Travellers.report(id).then().statusCode(200).extract().asString();
        String violations = as("monitor").get("/api/v1/compliance/violations?size=100").then().statusCode(200).extract().asString();
        assertThat(report).contains("MISSED_CHECK_IN");

        retention.eraseExpired(yearsAhead(1, 1));
        as("officer").get(APPLICATIONS + id).then().body("personalDataErasedAt", notNullValue())
                .body("applicant.familyName", nullValue()).body("status", equalTo("APPROVED"));
        assertThat(Travellers.report(id).then().statusCode(200).extract().asString()).isEqualTo(report);
        assertThat(as("monitor").get("/api/v1/compliance/violations?size=100").then().extract().asString()).isEqualTo(violations);
        as("officer").get(APPLICATIONS + id + "/history").then().body("action", hasItem("ERASED"));
    }

    @Test
    void shouldEraseOnceWhenTwoRunsEraseAtOnce() throws Exception {
        String id = submit(submission("Bopha", "Kimsan", passport(), "1992-11-30", "bopha.kimsan@example.com"));
        as("intake").header("If-Match", as("intake").get(APPLICATIONS + id).header("ETag")).contentType(ContentType.JSON)
                .body("{}").post(APPLICATIONS + id + "/withdrawal").then().statusCode(200);
        Instant at = yearsAhead(1, 2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RetentionService.Result>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return retention.eraseExpired(at);
                }));
            }
            start.countDown();
            for (Future<RetentionService.Result> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> actions = as("officer").get(APPLICATIONS + id + "/history").then().extract().jsonPath().getList("action");
        assertThat(actions.stream().filter("ERASED"::equals)).hasSize(1);
        assertThat(retention.eraseExpired(at).erased()).isZero();
    }

    @Test
    void shouldEraseOnAnOfficersRequestWithAReasonOnce() throws Exception {
        String id = submit(submission("Sophea", "Rattanak", passport(), "1985-01-20", "sophea.rattanak@example.com"));
        String body = "{\"reason\": \"The data subject asked for erasure (letter of 2026-11-30).\"}";
        // while under review it is refused: the review needs the identity
        erase("officer", id, body).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("The application is SUBMITTED: its personal data can be erased once it is approved, rejected or withdrawn."));
        decide(id, "REJECT", "Incomplete documents").then().statusCode(200);

        erase("intake", id, body).then().statusCode(403);
        erase("officer", "00000000-0000-0000-0000-000000000000", body).then().statusCode(404)
                .contentType("application/problem+json");
        erase("officer", id, "{}").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        erase("officer", id, "{\"reason\": \"   \"}").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as("officer").header("If-Match", "\"1\"").contentType(ContentType.JSON).body(body)
                .post(APPLICATIONS + id + "/erasure").then().statusCode(412);

        Response erased = erase("officer", id, body);
        erased.then().statusCode(200).body("applicant.givenName", nullValue()).body("applicant.email", nullValue())
                .body("personalDataErasedAt", notNullValue()).body("status", equalTo("REJECTED"))
                .header("ETag", notNullValue());
        erase("officer", id, body).then().statusCode(409).contentType("application/problem+json");

        JsonPath history = as("officer").get(APPLICATIONS + id + "/history").then().extract().jsonPath();
        assertThat(history.getList("action")).last().isEqualTo("ERASED");
        assertThat(history.getString("reason[-1]")).isEqualTo("The data subject asked for erasure (letter of 2026-11-30).");
        assertThat(history.getString("subject[-1]")).isEqualTo("officer-test");
        assertThat(history.getString("toStatus[-1]")).isEqualTo("REJECTED");
    }

    @Test
    void shouldRecordEveryReadOfUnmaskedPersonalDataByAnOfficer() throws Exception {
        String id = submit(submission("Pisey", "Vichea", passport(), "1991-07-07", "pisey.vichea@example.com"));
        as("intake").get(APPLICATIONS + id).then().statusCode(200); // masked: not recorded
        as("officer").get(APPLICATIONS + id).then().statusCode(200);
        given("officer", "officer-reader").get(APPLICATIONS + id).then().statusCode(200);
        given("officer", "officer-reader").get("/api/v1/applications?size=100").then().statusCode(200);

        JsonPath reads = as("officer").get(APPLICATIONS + id + "/personal-data-reads").then().statusCode(200).extract().jsonPath();
        assertThat(reads.getList("subject")).containsExactly("officer-test", "officer-reader", "officer-reader");
        assertThat(reads.getList("via")).containsExactly("GET", "GET", "LIST");
        assertThat(Instant.parse(reads.getString("at[0]"))).isBetween(Instant.now().minusSeconds(300), Instant.now());
        as("intake").get(APPLICATIONS + id + "/personal-data-reads").then().statusCode(403);

        decide(id, "REJECT", "Incomplete documents").then().statusCode(200); // a GET and a DECIDE
        erase("officer", id, "{\"reason\": \"Asked by the applicant\"}").then().statusCode(200);
        int recorded = as("officer").get(APPLICATIONS + id + "/personal-data-reads").then().extract().jsonPath().getList("id").size();
        assertThat(recorded).isEqualTo(5);
        as("officer").get(APPLICATIONS + id).then().statusCode(200);
        // nothing personal is shown once erased, so nothing more is recorded
        as("officer").get(APPLICATIONS + id + "/personal-data-reads").then().body("id.size()", equalTo(recorded));
    }

    static io.restassured.specification.RequestSpecification given(String role, String subject) {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer " + com.tracklane.support.Tokens.token(role, subject));
    }
}
