package com.tracklane.ruleadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one PostgreSQL database: the shipped rule sets are imported once; of two concurrent
 * publications of one draft (one through each instance) exactly one wins; the published version is served by the
 * other instance within 5 seconds, without a restart, whole.
 */
class RulePropagationPostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = ServiceProcess.token("rules-admin");
    private static final String TRACKS = "/api/v1/tracks/business-kh-jp";

    @Test
    void shouldPublishOnceAndReachTheOtherInstanceWithinFiveSeconds() throws Exception {
        assumeTrue(ServiceProcess.postgresBuild(), "runs on a PostgreSQL build (TRACKLANE_DB_KIND=postgresql)");
        Path dir = Files.createTempDirectory("tracklane-propagation");
        try (ServiceProcess a = ServiceProcess.start(dir.resolve("a"), ServiceProcess.postgres(true));
             ServiceProcess b = ServiceProcess.start(dir.resolve("b"), ServiceProcess.postgres(false))) {
            JsonNode history = json(a.get(TRACKS + "/history", ADMIN));
            assertThat(history.findValues("action").stream().filter(v -> v.asText().equals("IMPORTED"))).hasSize(1);

            HttpResponse<String> drafted = a.post(TRACKS + "/versions", ADMIN, """
                    {"effectiveFrom": "2030-01-01T00:00+09:00", "status": "OPEN",
                     "citation": {"title": "Opening of the Business Track (test)", "url": "https://www.mofa.go.jp/"}}""");
            assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
            int n = json(drafted).get("version").asInt();
            String etag = drafted.headers().firstValue("ETag").orElseThrow();

            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> publications = new ArrayList<>();
            for (ServiceProcess instance : List.of(a, b)) {
                publications.add(pool.submit(() -> {
                    go.await();
                    return instance.send("POST", TRACKS + "/versions/" + n + "/publish", ADMIN, null, Map.of("If-Match", etag));
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            String hash = null;
            for (Future<HttpResponse<String>> f : publications) {
                HttpResponse<String> r = f.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 200) {
                    hash = json(r).get("contentHash").asText();
                }
            }
            long published = System.nanoTime();
            pool.shutdownNow();
            assertThat(statuses).hasSize(2).contains(200).containsAnyOf(409, 412).doesNotHaveDuplicates();

            // Each instance serves the new version within 5 s of the publication, and serves it whole (its hash).
            for (ServiceProcess instance : List.of(a, b)) {
                JsonNode served = null;
                while (System.nanoTime() - published < Duration.ofSeconds(5).toNanos()) {
                    JsonNode tracks = json(instance.get("/api/v1/tracks?at=2030-01-02T00:00:00Z", ADMIN));
                    for (JsonNode t : tracks) {
                        if (t.get("id").asText().equals("business-kh-jp") && t.get("version").asInt() == n) {
                            served = t;
                        }
                    }
                    if (served != null) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(served).as("instance on port " + instance.port() + " serves version " + n + " within 5 s").isNotNull();
                assertThat(served.get("status").asText()).isEqualTo("OPEN");
                JsonNode decision = json(instance.post("/api/v1/eligibility", ADMIN, """
                        {"track": "BUSINESS", "itinerary": [
                          {"flight": "NH818", "from": "PNH", "to": "NRT", "departure": "2030-01-09T23:50", "arrival": "2030-01-10T07:30"},
                          {"flight": "NH817", "from": "NRT", "to": "PNH", "departure": "2030-01-17T10:30", "arrival": "2030-01-17T15:00"}]}"""));
                assertThat(decision.at("/ruleSet/version").asInt()).isEqualTo(n);
                assertThat(decision.at("/ruleSet/contentHash").asText()).isEqualTo(hash);
            }
            JsonNode after = json(b.get(TRACKS + "/history", ADMIN));
            assertThat(after.findValues("action").stream().filter(v -> v.asText().equals("PUBLISHED"))).hasSize(1);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }
}
