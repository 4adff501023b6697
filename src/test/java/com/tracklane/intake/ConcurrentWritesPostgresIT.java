package com.tracklane.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one PostgreSQL database take writes at the same time: every acknowledged application is
 * stored once and readable through the other instance; two officers deciding the same application through different
 * instances with the same ETag cannot both win (no lost update).
 */
class ConcurrentWritesPostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTAKE = ServiceProcess.token("intake");
    private static final String OFFICER = ServiceProcess.token("officer");
    private static final int PER_INSTANCE = 40;

    @Test
    void shouldStoreEveryAcknowledgedWriteOnceAndLetOneOfTwoConcurrentDecisionsWin() throws Exception {
        assumeTrue(ServiceProcess.postgresBuild(), "runs on a PostgreSQL build (TRACKLANE_DB_KIND=postgresql)");
        String trip = Files.readString(Path.of("examples/eligibility-resident.json"));
        Path dir = Files.createTempDirectory("tracklane-two-instances");
        try (ServiceProcess a = ServiceProcess.start(dir.resolve("a"), ServiceProcess.postgres(true));
             ServiceProcess b = ServiceProcess.start(dir.resolve("b"), ServiceProcess.postgres(false))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<HttpResponse<String>>> writes = new ArrayList<>();
                for (int i = 0; i < PER_INSTANCE; i++) {
                    for (ServiceProcess instance : List.of(a, b)) {
                        String body = """
                                {"applicant": {"givenName": "Test", "familyName": "Writer", "passportNumber": "W%07d", "nationality": "KH",
                                               "dateOfBirth": "1990-01-01", "email": "writer@example.com"}, "request": %s}"""
                                .formatted(writes.size(), com.tracklane.support.Examples.withoutKnownAt(trip));
                        writes.add(pool.submit(() -> instance.post("/api/v1/applications", INTAKE, body)));
                    }
                }
                Set<String> ids = new HashSet<>();
                for (Future<HttpResponse<String>> f : writes) {
                    HttpResponse<String> r = f.get();
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                    ids.add(JSON.readTree(r.body()).get("id").asText());
                }
                assertThat(ids).hasSize(2 * PER_INSTANCE);
                for (String id : ids) {
                    ServiceProcess other = id.hashCode() % 2 == 0 ? a : b;
                    assertThat(other.get("/api/v1/applications/" + id, OFFICER).statusCode()).isEqualTo(200);
                }

                String id = ids.iterator().next();
                String etag = a.get("/api/v1/applications/" + id, OFFICER).headers().firstValue("ETag").orElseThrow();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> decisions = new ArrayList<>();
                for (ServiceProcess instance : List.of(a, b)) {
                    decisions.add(pool.submit(() -> {
                        go.await();
                        return instance.send("POST", "/api/v1/applications/" + id + "/decision", OFFICER,
                                "{\"action\": \"START_REVIEW\"}", Map.of("If-Match", etag));
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> f : decisions) {
                    statuses.add(f.get().statusCode());
                }
                assertThat(statuses).contains(200).containsAnyOf(409, 412).hasSize(2).doesNotHaveDuplicates();
                JsonNode history = JSON.readTree(b.get("/api/v1/applications/" + id + "/history", OFFICER).body());
                assertThat(history.findValues("action").stream().filter(v -> v.asText().equals("START_REVIEW"))).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
