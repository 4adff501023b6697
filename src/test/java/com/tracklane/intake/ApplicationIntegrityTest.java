package com.tracklane.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.tracklane.support.Examples;
import com.tracklane.support.Problems;
import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The holes an outside probe found in the application workflow, each reproduced as the attack was made: a patched
 * trip approved unchecked, the applicant side choosing the rules with knownAt, intake desks reading each other's
 * applications, concurrent retries with one key, and a Location header built from the Host header.
 */
@QuarkusTest
class ApplicationIntegrityTest {

    static final String RESIDENT_TRIP = "examples/eligibility-resident.json";

    static RequestSpecification as(String role, String subject, String org) {
        var claims = Tokens.claims(role, subject);
        if (org != null) {
            claims.claim("org", org);
        }
        return given().header("Authorization", "Bearer " + Tokens.sign(claims));
    }

    static RequestSpecification officer() {
        return as("officer", "officer-integrity", "ministry");
    }

    static RequestSpecification desk(String org) {
        return as("intake", "clerk-of-" + org, org);
    }

    static String submission(String trip) {
        return """
                {"applicant": {"givenName": "Sokha", "familyName": "Chan", "passportNumber": "I%07d", "nationality": "KH",
                               "dateOfBirth": "1990-04-01", "email": "sokha.chan@example.com"},
                 "request": %s}""".formatted((int) (Math.random() * 9_999_999), trip);
    }

    static String residentTrip() throws Exception {
        return Examples.withoutKnownAt(Files.readString(Path.of(RESIDENT_TRIP)));
    }

    static Response submit(RequestSpecification who, String trip) {
        return who.contentType(ContentType.JSON).body(submission(trip)).post("/api/v1/applications");
    }

    static Response patch(RequestSpecification who, String id, String etag, String body) {
        return who.header("If-Match", etag).contentType("application/merge-patch+json").body(body).patch("/api/v1/applications/" + id);
    }

    static Response decide(String id, String etag, String body) {
        return officer().header("If-Match", etag).contentType(ContentType.JSON).body(body).post("/api/v1/applications/" + id + "/decision");
    }

    // --- 1. a changed trip is judged as changed ---

    @Test
    void shouldEvaluateAPatchedTripAgainSoThatApprovalJudgesTheChangedTrip() throws Exception {
        Response created = submit(desk("desk-a"), residentTrip());
        created.then().statusCode(201).body("currentDecision.outcome", equalTo("ELIGIBLE"));
        String id = created.path("id");
        String firstSnapshot = created.path("currentDecision.id");

        // The return moved to day 4: a 4-day stay is not a Resident Track trip.
        Response patched = patch(desk("desk-a"), id, created.header("ETag"), """
                {"request": {"itinerary": [
                  {"flight": "NH818", "from": "PNH", "to": "NRT", "departure": "2020-09-14T23:50", "arrival": "2020-09-15T07:30"},
                  {"flight": "NH817", "from": "NRT", "to": "PNH", "departure": "2020-09-19T10:30", "arrival": "2020-09-19T15:00"}]}}""");
        patched.then().statusCode(200)
                .body("currentDecision.outcome", equalTo("NOT_ELIGIBLE"))
                .body("currentDecision.id", not(equalTo(firstSnapshot)))
                .body("request.itinerary[1].departure", equalTo("2020-09-19T10:30"));

        Problems.assertProblem(decide(id, patched.header("ETag"), "{\"action\":\"APPROVE\"}"), 409, "conflict")
                .body("detail", containsString("NOT_ELIGIBLE"));
        officer().get("/api/v1/applications/" + id).then().body("status", equalTo("SUBMITTED"));

        List<String> outcomes = officer().get("/api/v1/applications/" + id + "/decisions").then().statusCode(200)
                .extract().jsonPath().getList("outcome");
        assertThat(outcomes).containsExactly("ELIGIBLE", "NOT_ELIGIBLE");
        var history = officer().get("/api/v1/applications/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("action")).containsExactly("SUBMITTED", "DOCUMENTS_UPDATED");
        assertThat(history.getList("[1].changedFields", String.class))
                .containsExactlyInAnyOrder("request.itinerary[1].departure", "request.itinerary[1].arrival");
        assertThat(history.getString("[1].snapshotId")).isEqualTo(patched.path("currentDecision.id"));
        assertThat(history.getString("[0].changedFields")).isNull();
    }

    @Test
    void shouldRefuseAPatchThatChangesTheRouteAndKeepTheApplication() throws Exception {
        Response created = submit(desk("desk-a"), residentTrip());
        String id = created.path("id");
        // The probe's second attack: the route turned to Japan → Cambodia, track BUSINESS.
        Problems.assertProblem(patch(desk("desk-a"), id, created.header("ETag"), """
                {"request": {"track": "BUSINESS", "traveller": {"nationality": "JP", "residenceCountry": "JP"}, "itinerary": [
                  {"flight": "NH817", "from": "NRT", "to": "PNH", "departure": "2020-11-20T10:30", "arrival": "2020-11-20T15:00"},
                  {"flight": "NH818", "from": "PNH", "to": "NRT", "departure": "2020-11-27T23:50", "arrival": "2020-11-28T07:30"}]}}"""),
                409, "conflict").body("detail", containsString("new application"));
        officer().get("/api/v1/applications/" + id).then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("route.origin", equalTo("KH")).body("route.destination", equalTo("JP"))
                .body("currentDecision.id", equalTo(created.path("currentDecision.id")));
    }

    @Test
    void shouldLetTrackRuleSetAndReferenceFollowThePatchedTrip() throws Exception {
        Response created = submit(desk("desk-a"), residentTrip());
        String reference = created.path("reference");
        assertThat(reference).matches("RT-KHJP-2020-\\d{6}");
        Response patched = patch(desk("desk-a"), created.path("id"), created.header("ETag"), """
                {"request": {"track": "BUSINESS", "itinerary": [
                  {"flight": "NH818", "from": "PNH", "to": "NRT", "departure": "2020-09-14T23:50", "arrival": "2020-09-15T07:30"},
                  {"flight": "NH817", "from": "NRT", "to": "PNH", "departure": "2020-09-20T10:30", "arrival": "2020-09-20T15:00"}]}}""");
        patched.then().statusCode(200)
                .body("track", equalTo("BUSINESS"))
                .body("ruleSetId", equalTo("business-kh-jp"))
                .body("currentDecision.ruleSet.id", equalTo("business-kh-jp"))
                .body("reference", equalTo("BT" + reference.substring(2)));
    }

    @Test
    void shouldRecordNoChangeForAPatchThatChangesNothing() throws Exception {
        Response created = submit(desk("desk-a"), residentTrip());
        patch(desk("desk-a"), created.path("id"), created.header("ETag"), "{\"applicant\": {\"familyName\": \"Chan\"}}")
                .then().statusCode(200).header("ETag", equalTo(created.header("ETag")));
        officer().get("/api/v1/applications/" + created.path("id") + "/history").then()
                .body("action", equalTo(List.of("SUBMITTED")));
    }

    // --- 3. the applicant side does not choose the rules ---

    @Test
    void shouldRefuseKnownAtInASubmissionAndEvaluateWithWhatIsKnownNow() throws Exception {
        // The probe: a trip entering after the suspension of 14 January 2021 (here 2021-01-22, after the grace for
        // visas already issued) with knownAt 2021-01-10,
        // which would have been evaluated under the open version and approved without an override.
        String during = Files.readString(Path.of(RESIDENT_TRIP))
                .replace("2020-09-14T23:50", "2021-01-21T23:50").replace("2020-09-15T07:30", "2021-01-22T07:30")
                .replace("2020-10-20T10:30", "2021-02-25T10:30").replace("2020-10-20T15:00", "2021-02-25T15:00")
                .replace("2020-09-12T09:00+07:00", "2021-01-19T09:00+07:00").replace("2020-08-30", "2021-01-06")
                .replace("2020-09-10T00:00:00Z", "2021-01-10T00:00:00Z");
        Problems.assertProblem(submit(desk("desk-a"), during), 400, "invalid-request")
                .body("errors.field", hasItem("request.knownAt"));

        Instant before = Instant.now().minusSeconds(1);
        Response created = submit(desk("desk-a"), Examples.withoutKnownAt(during));
        created.then().statusCode(201).body("currentDecision.outcome", equalTo("NOT_ELIGIBLE"));
        // the server's knowledge now (at most the rule-set sync interval behind the clock), not the 2021-01-10 asked for
        assertThat(Instant.parse(created.<String>path("currentDecision.knownAt"))).isAfter(before.minusSeconds(60));
        officer().get("/api/v1/applications/" + created.path("id") + "/decisions/" + created.path("currentDecision.id")).then()
                .statusCode(200).body("decision.results.find { it.ruleId == 'TRACK_OPEN' }.outcome", equalTo("FAIL"));

        // and a patch cannot bring knownAt back in
        Problems.assertProblem(patch(desk("desk-a"), created.path("id"), created.header("ETag"),
                "{\"request\": {\"knownAt\": \"2021-01-10T00:00:00Z\"}}"), 400, "invalid-request")
                .body("errors.field", hasItem("request.knownAt"));
    }

    // --- 5. applications belong to the submitting organisation ---

    @Test
    void shouldKeepEachIntakeOrganisationsApplicationsToItself() throws Exception {
        Response created = submit(desk("embassy-tokyo"), residentTrip());
        String id = created.path("id");
        String etag = created.header("ETag");
        String snapshot = created.path("currentDecision.id");
        created.then().body("org", equalTo("embassy-tokyo"));

        RequestSpecification other = as("intake", "clerk-b", "embassy-osaka");
        for (String path : List.of("", "/history", "/decisions", "/decisions/" + snapshot, "/decisions/" + snapshot + "/replay")) {
            Problems.assertProblem(as("intake", "clerk-b", "embassy-osaka").get("/api/v1/applications/" + id + path), 404, "not-found");
        }
        Problems.assertProblem(patch(as("intake", "clerk-b", "embassy-osaka"), id, etag, "{\"applicant\": {\"email\": \"x@evil.example\"}}"),
                404, "not-found");
        Problems.assertProblem(as("intake", "clerk-b", "embassy-osaka").post("/api/v1/applications/" + id + "/re-evaluation"), 404, "not-found");
        Problems.assertProblem(as("intake", "clerk-b", "embassy-osaka").header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/applications/" + id + "/withdrawal"), 404, "not-found");
        List<String> seenByOther = other.get("/api/v1/applications?size=100").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(seenByOther).doesNotContain(id);

        // Another clerk of the same organisation, and any officer, see it; nothing was changed by the other desk.
        as("intake", "clerk-c", "embassy-tokyo").get("/api/v1/applications/" + id).then().statusCode(200)
                .header("ETag", equalTo(etag)).body("applicant.email", startsWith("s***@"));
        officer().get("/api/v1/applications/" + id).then().statusCode(200).body("applicant.email", equalTo("sokha.chan@example.com"));
        List<String> seenByOwn = as("intake", "clerk-c", "embassy-tokyo").get("/api/v1/applications?size=100").then()
                .extract().jsonPath().getList("items.org");
        assertThat(seenByOwn).isNotEmpty().containsOnly("embassy-tokyo");
    }

    @Test
    void shouldLetATokenWithoutAnOrgClaimActForItsSubjectAlone() throws Exception {
        Response created = submit(as("intake", "lone-clerk", null), residentTrip());
        created.then().statusCode(201).body("org", equalTo("lone-clerk"));
        Problems.assertProblem(as("intake", "another-clerk", null).get("/api/v1/applications/" + created.path("id")), 404, "not-found");
    }

    @Test
    void shouldRefuseAnOrgClaimThatIsNotAString() throws Exception {
        var claims = Tokens.claims("intake", "odd-clerk").claim("org", java.util.Map.of("name", "x"));
        Problems.assertProblem(given().header("Authorization", "Bearer " + Tokens.sign(claims)).get("/api/v1/applications"),
                401, "unauthorized");
    }

    // --- 8. concurrent retries with one Idempotency-Key, and Location ---

    @Test
    void shouldAnswerEightConcurrentSubmissionsWithOneKeyWithOneApplication() throws Exception {
        String body = submission(residentTrip());
        String key = UUID.randomUUID().toString();
        String token = Tokens.sign(Tokens.claims("intake", "clerk-concurrent").claim("org", "desk-concurrent"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Callable<Response> post = () -> {
                    start.await();
                    return given().header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                            .contentType(ContentType.JSON).body(body).post("/api/v1/applications");
                };
                answers.add(pool.submit(post));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> f : answers) {
                Response r = f.get();
                codes.add(r.statusCode());
                ids.add(r.path("id"));
            }
            assertThat(codes).containsOnly(201, 200);
            assertThat(codes.stream().filter(c -> c == 201)).hasSize(1);
            assertThat(ids).doesNotContainNull().containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldNotBuildLocationFromTheHostHeader() throws Exception {
        Response created = desk("desk-a").header("Host", "evil.example").contentType(ContentType.JSON)
                .body(submission(residentTrip())).post("/api/v1/applications");
        created.then().statusCode(201)
                .header("Location", not(containsString("evil.example")))
                .header("Location", matchesPattern("^/api/v1/applications/[0-9a-f-]{36}$"));
    }
}
