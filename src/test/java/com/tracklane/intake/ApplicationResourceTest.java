package com.tracklane.intake;

import com.tracklane.support.Examples;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import com.tracklane.support.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationResourceTest {

    static final String PASSPORT = "N" + (10_000_000 + (int) (Math.random() * 89_999_999));

    static String token(String role, String subject) {
        return Tokens.token(role, subject);
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", "Bearer " + token(role, role + "-test"));
    }

    static String submission(String tripFile, String passport) throws Exception {
        String trip = Files.readString(Path.of(tripFile));
        return """
                {"applicant": {"givenName": "Sokha", "familyName": "Chan", "passportNumber": "%s", "nationality": "KH",
                               "dateOfBirth": "1990-04-01", "email": "sokha.chan@example.com"},
                 "request": %s}""".formatted(passport, Examples.withoutKnownAt(trip));
    }

    static Response submit(String body) {
        return as("intake").contentType(ContentType.JSON).body(body).post("/api/v1/applications");
    }

    static String fourteenDayTrip() throws Exception {
        return submission("examples/eligibility-resident.json", "P1234567").replace("2020-10-20T10:30", "2020-09-29T10:30")
                .replace("2020-10-20T15:00", "2020-09-29T15:00");
    }

    @Test
    void shouldStoreTheApplicationWithItsDecisionSnapshot() throws Exception {
        Response created = submit(submission("examples/eligibility-resident.json", PASSPORT));
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/applications/[0-9a-f-]{36}"))
                .header("ETag", notNullValue())
                .body("reference", matchesPattern("RT-KHJP-2020-\\d{6}"))
                .body("status", equalTo("SUBMITTED"))
                .body("currentDecision.outcome", equalTo("ELIGIBLE"))
                .body("currentDecision.ruleSet.id", equalTo("resident-kh-jp"))
                .body("currentDecision.ruleSet.version", equalTo(2))
                .body("currentDecision.ruleSet.contentHash", startsWith("sha256:"))
                .body("currentDecision.knownAt", matchesPattern("20\\d\\d-.*Z")) // the server's now: see ApplicationIntegrityTest
                .body("applicant.passportNumber", equalTo("****" + PASSPORT.substring(PASSPORT.length() - 4)))
                .body("applicant.dateOfBirth", equalTo(null))
                .body("personalDataMasked", equalTo(true));
        String id = created.path("id");

        as("officer").get("/api/v1/applications/" + id).then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("applicant.passportNumber", equalTo(PASSPORT))
                .body("applicant.dateOfBirth", equalTo("1990-04-01"))
                .body("personalDataMasked", equalTo(false));

        String snapshotId = created.path("currentDecision.id");
        as("officer").get("/api/v1/applications/" + id + "/decisions/" + snapshotId).then().statusCode(200)
                .body("decision.results.find { it.ruleId == 'TRACK_OPEN' }.outcome", equalTo("PASS"))
                .body("request.itinerary", hasSize(2));
        as("intake").get("/api/v1/applications/" + id + "/history").then().statusCode(200)
                .body("", hasSize(1)).body("[0].action", equalTo("SUBMITTED")).body("[0].subject", equalTo("intake-test"))
                .body("[0].snapshotId", equalTo(snapshotId));
    }

    @Test
    void shouldReturnTheSameApplicationForARetriedPostWithTheSameIdempotencyKey() throws Exception {
        String body = submission("examples/eligibility-resident.json", "K7654321");
        String key = UUID.randomUUID().toString();
        long before = as("officer").get("/api/v1/applications?size=1").then().extract().jsonPath().getLong("total");
        String first = as("intake").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String second = as("intake").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications").then().statusCode(200).extract().path("id");
        assertThat(second).isEqualTo(first);
        long after = as("officer").get("/api/v1/applications?size=1").then().extract().jsonPath().getLong("total");
        assertThat(after).isEqualTo(before + 1);

        as("intake").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body.replace("K7654321", "K7654322"))
                .post("/api/v1/applications").then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(key));
    }

    @Test
    void shouldReviewWithIfMatchAndRefuseIllegalTransitions() throws Exception {
        Response created = submit(submission("examples/eligibility-resident.json", "R1111111"));
        String id = created.path("id");
        String etag = created.header("ETag");
        String path = "/api/v1/applications/" + id + "/decision";

        as("officer").contentType(ContentType.JSON).body("{\"action\":\"APPROVE\"}").post(path).then().statusCode(428)
                .contentType("application/problem+json").body("status", equalTo(428));
        as("officer").header("If-Match", "\"999\"").contentType(ContentType.JSON).body("{\"action\":\"APPROVE\"}").post(path)
                .then().statusCode(412).contentType("application/problem+json");
        as("intake").header("If-Match", etag).contentType(ContentType.JSON).body("{\"action\":\"APPROVE\"}").post(path)
                .then().statusCode(403);
        as("officer").header("If-Match", etag).contentType(ContentType.JSON).body("{\"action\":\"ESCALATE\"}").post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("action"));
        as("officer").header("If-Match", etag).contentType(ContentType.JSON).body("{\"action\":\"REQUEST_INFO\"}").post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));

        Response reviewed = as("officer").header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"action\":\"START_REVIEW\"}").post(path);
        reviewed.then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        Response approved = as("officer").header("If-Match", reviewed.header("ETag")).contentType(ContentType.JSON)
                .body("{\"action\":\"APPROVE\",\"reason\":\"documents in order\"}").post(path);
        approved.then().statusCode(200).body("status", equalTo("APPROVED"));
        as("officer").header("If-Match", approved.header("ETag")).contentType(ContentType.JSON)
                .body("{\"action\":\"REJECT\",\"reason\":\"late\"}").post(path).then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("APPROVED"));

        as("intake").get("/api/v1/applications/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("SUBMITTED", "START_REVIEW", "APPROVE")))
                .body("toStatus", equalTo(List.of("SUBMITTED", "UNDER_REVIEW", "APPROVED")))
                .body("[2].subject", equalTo("officer-test"))
                .body("[2].reason", equalTo("documents in order"));
    }

    @Test
    void shouldApproveANotEligibleApplicationOnlyAsARecordedOverride() throws Exception {
        Response created = submit(fourteenDayTrip());
        created.then().statusCode(201).body("currentDecision.outcome", equalTo("NOT_ELIGIBLE"));
        String path = "/api/v1/applications/" + created.path("id") + "/decision";
        as("officer").header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body("{\"action\":\"APPROVE\"}").post(path).then().statusCode(409);
        as("officer").header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body("{\"action\":\"APPROVE\",\"override\":true}").post(path).then().statusCode(409);
        as("officer").header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body("{\"action\":\"APPROVE\",\"override\":true,\"reason\":\"humanitarian exception\"}").post(path)
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        as("officer").get("/api/v1/applications/" + created.path("id") + "/history").then()
                .body("[1].override", equalTo(true)).body("[1].reason", equalTo("humanitarian exception"));
    }

    @Test
    void shouldKeepOldSnapshotsWhenDocumentsAreAddedAndTheApplicationIsEvaluatedAgain() throws Exception {
        String withoutInsurance = submission("examples/eligibility-resident.json", "M2222222")
                .replace("\"insurance\": {\"kind\": \"PRIVATE_MEDICAL\", \"coverageUsd\": 100000},", "");
        Response created = submit(withoutInsurance);
        created.then().statusCode(201).body("currentDecision.outcome", equalTo("CONDITIONAL"));
        String id = created.path("id");
        Response info = as("officer").header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body("{\"action\":\"REQUEST_INFO\",\"reason\":\"insurance missing\"}").post("/api/v1/applications/" + id + "/decision");
        info.then().statusCode(200).body("status", equalTo("INFO_REQUESTED"));

        as("intake").contentType("application/merge-patch+json")
                .body("{\"request\": {\"insurance\": {\"kind\": \"PRIVATE_MEDICAL\"}}}").patch("/api/v1/applications/" + id)
                .then().statusCode(428);
        Response patched = as("intake").header("If-Match", info.header("ETag")).contentType("application/merge-patch+json")
                .body("{\"request\": {\"insurance\": {\"kind\": \"PRIVATE_MEDICAL\"}}}").patch("/api/v1/applications/" + id);
        // a patch evaluates the changed trip at once
        patched.then().statusCode(200).body("request.insurance.kind", equalTo("PRIVATE_MEDICAL"))
                .body("currentDecision.outcome", equalTo("ELIGIBLE"));

        as("intake").post("/api/v1/applications/" + id + "/re-evaluation").then().statusCode(200)
                .body("currentDecision.outcome", equalTo("ELIGIBLE"));
        List<String> outcomes = as("officer").get("/api/v1/applications/" + id + "/decisions").then().statusCode(200)
                .extract().jsonPath().getList("outcome");
        assertThat(outcomes).containsExactly("CONDITIONAL", "ELIGIBLE", "ELIGIBLE");
        as("officer").get("/api/v1/applications/" + id + "/history").then()
                .body("action", equalTo(List.of("SUBMITTED", "REQUEST_INFO", "DOCUMENTS_UPDATED", "RE_EVALUATED")));

        as("intake").header("If-Match", "\"0\"").contentType("application/merge-patch+json").body("{\"request\": {\"itinerary\": []}}")
                .patch("/api/v1/applications/" + id).then().statusCode(412);
    }

    @Test
    void shouldTakeOnlyAMergePatchOfTheContractsSchema() throws Exception {
        Response created = submit(submission("examples/eligibility-resident.json", "M3434343"));
        String id = created.path("id");
        String etag = created.header("ETag");
        String path = "/api/v1/applications/" + id;

        // application/json is not a merge patch: 415 problem, nothing changed
        com.tracklane.support.Problems.assertProblem(as("intake").header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"applicant\": {\"givenName\": \"Dara\"}}").patch(path), 415, "http-415")
                .body("detail", org.hamcrest.Matchers.containsString("application/merge-patch+json"));
        // outside the schema ApplicationMergePatch: unknown members, removing a required applicant field, a wrong type
        com.tracklane.support.Problems.assertProblem(as("intake").header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"status\": \"APPROVED\", \"applicant\": {\"givenName\": null}, \"request\": {\"track\": \"TOURIST\"}}")
                .patch(path), 400, "invalid-request")
                .body("errors.field", org.hamcrest.Matchers.hasItems("status", "applicant.givenName", "request.track"));
        com.tracklane.support.Problems.assertProblem(as("intake").header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"request\": {\"itinerary\": null}}").patch(path), 400, "invalid-request")
                .body("errors.field", org.hamcrest.Matchers.hasItem("request.itinerary"));
        as("officer").get(path).then().statusCode(200).header("ETag", equalTo(etag)).body("applicant.givenName", equalTo("Sokha"));

        // inside it: null removes an optional member of the trip, a value replaces one
        Response patched = as("intake").header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"applicant\": {\"givenName\": \"Dara\"}, \"request\": {\"track\": null, \"insurance\": null}}").patch(path);
        patched.then().statusCode(200).body("request.insurance", equalTo(null)).body("request.track", equalTo(null));
        as("officer").get(path).then().body("applicant.givenName", equalTo("Dara"));
    }

    @Test
    void shouldReplayEverySnapshotIdentically() throws Exception {
        Response created = submit(submission("examples/eligibility-resident.json", "Q3333333"));
        String id = created.path("id");
        as("officer").post("/api/v1/applications/" + id + "/re-evaluation").then().statusCode(200);
        List<String> snapshots = as("officer").get("/api/v1/applications/" + id + "/decisions").then().extract().jsonPath().getList("id");
        assertThat(snapshots).hasSize(2);
        for (String snapshot : snapshots) {
            as("officer").get("/api/v1/applications/" + id + "/decisions/" + snapshot + "/replay").then().statusCode(200)
                    .body("identical", equalTo(true)).body("differences", hasSize(0))
                    .body("replayed.ruleSet.contentHash", startsWith("sha256:"));
        }
        as("officer").get("/api/v1/applications/" + id + "/decisions/nope/replay").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentApprovalsWin() throws Exception {
        Response created = submit(submission("examples/eligibility-resident.json", "C4444444"));
        String id = created.path("id");
        String etag = created.header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        for (String officer : List.of("alice", "bob")) {
            String t = token("officer", officer);
            Callable<Integer> approve = () -> {
                start.await();
                return given().header("Authorization", "Bearer " + t).header("If-Match", etag).contentType(ContentType.JSON)
                        .body("{\"action\":\"APPROVE\"}").post("/api/v1/applications/" + id + "/decision").statusCode();
            };
            results.add(pool.submit(approve));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : results) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).containsExactlyInAnyOrder(200, 412);
        as("officer").get("/api/v1/applications/" + id + "/history").then().body("action", equalTo(List.of("SUBMITTED", "APPROVE")));
    }

    @Test
    void shouldAnswerBadInputWithProblems() throws Exception {
        submit(submission("examples/eligibility-resident.json", "lowercase1")).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("applicant.passportNumber"));
        submit(submission("examples/eligibility-resident.json", "Z5555555").replace("\"from\": \"PNH\"", "\"from\": \"XXX\""))
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("request.itinerary[0].from"));
        submit(submission("examples/eligibility-resident.json", "Z5555555").replace("1990-04-01", "2990-04-01"))
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("applicant.dateOfBirth"));
        submit("{\"applicant\": {}}").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("request"));
        submit("{").then().statusCode(400).body("type", org.hamcrest.Matchers.endsWith("malformed-json"));
        as("intake").get("/api/v1/applications/does-not-exist").then().statusCode(404).contentType("application/problem+json");
        as("intake").get("/api/v1/applications?route=KHJP").then().statusCode(400).body("errors[0].field", equalTo("route"));
        as("intake").get("/api/v1/applications?size=500").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("intake").get("/api/v1/applications?status=DONE").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldFilterAndPageTheList() throws Exception {
        Response created = submit(submission("examples/eligibility-resident.json", "F6666666"));
        String id = created.path("id");
        as("officer").header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body("{\"action\":\"REJECT\",\"reason\":\"test\"}").post("/api/v1/applications/" + id + "/decision").then().statusCode(200);
        List<String> rejected = as("officer").get("/api/v1/applications?status=REJECTED&route=KH-JP&track=RESIDENT&size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(rejected).contains(id);
        as("officer").get("/api/v1/applications?status=REJECTED&route=JP-KH").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        as("officer").get("/api/v1/applications?submittedFrom=2100-01-01T00:00:00Z").then().body("total", equalTo(0));
        as("officer").get("/api/v1/applications?size=1&page=0").then().body("items", hasSize(1)).body("size", equalTo(1));
    }

    @Test
    void shouldLetOnlyTheApplicantSideWithdraw() throws Exception {
        Response created = submit(submission("examples/eligibility-resident.json", "W7777777"));
        String path = "/api/v1/applications/" + created.path("id") + "/withdrawal";
        as("officer").header("If-Match", created.header("ETag")).contentType(ContentType.JSON).body("{}").post(path).then().statusCode(403);
        as("intake").header("If-Match", created.header("ETag")).contentType(ContentType.JSON).body("{\"reason\":\"trip cancelled\"}")
                .post(path).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldRequireATokenWithTheRightRole() throws Exception {
        String body = submission("examples/eligibility-resident.json", "S8888888");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/applications").then().statusCode(401);
        as("monitor").contentType(ContentType.JSON).body(body).post("/api/v1/applications").then().statusCode(403);
        as("rules-admin").get("/api/v1/applications").then().statusCode(403);
    }

    @Test
    void shouldNeverWritePersonalDataToTheLog() throws Exception {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters())
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            String passport = "X" + (10_000_000 + (int) (Math.random() * 89_999_999));
            Response created = submit(submission("examples/eligibility-resident.json", passport));
            created.then().statusCode(201);
            submit(submission("examples/eligibility-resident.json", passport).replace("\"from\": \"PNH\"", "\"from\": \"XXX\""))
                    .then().statusCode(400);
            as("officer").get("/api/v1/applications/" + created.path("id")).then().statusCode(200);
            assertThat(lines).noneMatch(l -> l.contains(passport) || l.contains("sokha.chan@example.com") || l.contains("1990-04-01"));
        } finally {
            root.removeHandler(capture);
        }
    }
}
