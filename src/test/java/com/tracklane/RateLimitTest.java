package com.tracklane;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-client rate limit on the public endpoints, on in this profile only (5 requests at once, 5 more an hour, so
 * that nothing refills during the test). The test client connects from the loopback address, which this profile
 * trusts as a proxy: each test plays its clients through {@code X-Forwarded-For}, as an ingress would forward them.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

    static final int CAPACITY = 5;

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tracklane.rate-limit.enabled", "true",
                    "tracklane.rate-limit.capacity", String.valueOf(CAPACITY),
                    "tracklane.rate-limit.refill-tokens", String.valueOf(CAPACITY),
                    "tracklane.rate-limit.refill-period", "1h",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    static Response check(String client) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(Examples.eligibilityText())
                .post("/api/v1/eligibility");
    }

    static Response batch(String client, int checks) {
        ObjectNode body = Examples.JSON.createObjectNode();
        ArrayNode list = body.putArray("checks");
        for (int i = 0; i < checks; i++) {
            list.add(Examples.eligibility());
        }
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(Examples.text(body))
                .post("/api/v1/eligibility/batch");
    }

    static void assertTooMany(Response response, String path) throws Exception {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        // an empty bucket gets one token back every 12 minutes (5 an hour)
        assertThat(retryAfter).isBetween(1L, 720L);
        JsonNode problem = ContractTest.JSON.readTree(response.asString());
        assertThat(ContractTest.violations(ContractTest.schema("/components/schemas/Problem"), problem)).isEmpty();
        assertThat(problem.path("type").asText()).isEqualTo("https://tracklane.dev/problems/too-many-requests");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("instance").asText()).isEqualTo(path);
        assertThat(problem.path("detail").asText())
                .isEqualTo("Too many requests from this client: at most 5 at once and 5 more every hour (a batch counts as"
                        + " its number of checks). Retry in " + retryAfter + (retryAfter == 1 ? " second." : " seconds."));
    }

    @Test
    void shouldRefuseAFloodFromOneClientWhileAnotherIsStillServed() throws Exception {
        for (int i = 0; i < CAPACITY; i++) {
            assertThat(check("203.0.113.10").statusCode()).as("request %d of the first client", i + 1).isEqualTo(200);
        }
        assertTooMany(check("203.0.113.10"), "/api/v1/eligibility");
        assertTooMany(check("203.0.113.10"), "/api/v1/eligibility");

        Response other = check("203.0.113.11");
        assertThat(other.statusCode()).as("another client: %s", other.asString()).isEqualTo(200);
        assertThat(other.jsonPath().getString("outcome")).isNotBlank();
    }

    @Test
    void shouldCountABatchAsItsNumberOfChecks() throws Exception {
        // 3 checks take 3 of the 5 tokens: 2 single checks still pass, the third is refused
        Response first = batch("203.0.113.20", 3);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(first.jsonPath().getList("decisions")).hasSize(3);
        assertThat(check("203.0.113.20").statusCode()).isEqualTo(200);
        assertThat(check("203.0.113.20").statusCode()).isEqualTo(200);
        assertTooMany(check("203.0.113.20"), "/api/v1/eligibility");

        // a batch of 4 from a fresh client passes (4 of 5); a second batch of 2 is over (1 left), and refused whole
        assertThat(batch("203.0.113.21", 4).statusCode()).isEqualTo(200);
        assertTooMany(batch("203.0.113.21", 2), "/api/v1/eligibility/batch");
    }

    @Test
    void shouldRefuseABatchLargerThanWhatAClientMaySendAtOnce() throws Exception {
        Response response = batch("203.0.113.30", CAPACITY + 1);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        assertThat(ContractTest.JSON.readTree(response.asString()).path("detail").asText())
                .isEqualTo("A batch of 6 checks is more than one client may send at once (at most 5 at once and 5 more every"
                        + " hour): split it.");
    }

    @Test
    void shouldLimitTheTrackListingsButNotTheApplicationsOrTheProbes() throws Exception {
        for (int i = 0; i < CAPACITY; i++) {
            assertThat(given().header("X-Forwarded-For", "203.0.113.40").get(i % 2 == 0 ? "/api/v1/tracks" : "/api/v1/facts")
                    .statusCode()).isEqualTo(200);
        }
        assertTooMany(given().header("X-Forwarded-For", "203.0.113.40").get("/api/v1/tracks/resident-kh-jp"),
                "/api/v1/tracks/resident-kh-jp");
        // paths that are not limited answer as before for the same client
        assertThat(given().header("X-Forwarded-For", "203.0.113.40").get("/q/health/live").statusCode()).isEqualTo(200);
        assertThat(given().header("X-Forwarded-For", "203.0.113.40").get("/api/v1/applications").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswerABrowserOverTheLimitWithAPageInWordsAndAProgramWithTheProblem() {
        for (int i = 0; i < CAPACITY; i++) {
            assertThat(given().header("X-Forwarded-For", "203.0.113.50").accept("text/html").get("/tracks").statusCode())
                    .as("page %d", i + 1).isEqualTo(200);
        }
        Response page = given().header("X-Forwarded-For", "203.0.113.50").accept("text/html").header("Accept-Language", "en").get("/");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(Long.parseLong(page.header("Retry-After"))).isBetween(1L, 720L);
        assertThat(page.asString()).contains("<html").doesNotContain("\"type\"").doesNotContain("Exception");
        // the same page asked for by a program (no text/html) gets the problem
        Response program = given().header("X-Forwarded-For", "203.0.113.50").accept("application/json").get("/");
        assertThat(program.statusCode()).isEqualTo(429);
        assertThat(program.contentType()).startsWith("application/problem+json");
        assertThat(program.jsonPath().getString("type")).isEqualTo("https://tracklane.dev/problems/too-many-requests");
    }
}
