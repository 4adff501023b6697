package com.tracklane.intake;

import com.tracklane.support.Examples;
import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Crash durability of the packaged service on the embedded default (H2 in file mode): every application
 * acknowledged with 201 is there after a {@code kill -9} and a restart, with its snapshot and history.
 * Runs in {@code ./mvnw verify} (failsafe), after the jar is built.
 */
class DurabilityIT {

    @Test
    void shouldKeepEveryAcknowledgedApplicationAcrossAKill9() throws Exception {
        Path data = Files.createTempDirectory("tracklane-durability");
        String intake = ServiceProcess.token("intake");
        String officer = ServiceProcess.token("officer");
        String trip = Files.readString(Path.of("examples/eligibility-resident.json"));

        Map<String, String> acknowledged = new LinkedHashMap<>();
        ServiceProcess service = ServiceProcess.start(data, Map.of());
        int port = service.port();
        try {
            for (int i = 0; i < 25; i++) {
                String body = """
                        {"applicant": {"givenName": "Dara", "familyName": "Kim", "passportNumber": "D%07d", "nationality": "KH",
                                       "dateOfBirth": "1985-01-31", "email": "dara@example.com"}, "request": %s}""".formatted(i, Examples.withoutKnownAt(trip));
                HttpResponse<String> r = service.post("/api/v1/applications", intake, body);
                if (r.statusCode() == 201) {
                    acknowledged.put(r.headers().firstValue("Location").orElseThrow(), r.body());
                }
            }
        } finally {
            service.kill(); // SIGKILL: no shutdown hook, no flush
        }
        assertThat(acknowledged).hasSize(25);

        try (ServiceProcess restarted = ServiceProcess.start(data, port, Map.of())) {
            for (String location : acknowledged.keySet()) {
                String id = location.substring(location.lastIndexOf('/') + 1);
                HttpResponse<String> r = restarted.get("/api/v1/applications/" + id, officer);
                assertThat(r.statusCode()).as(location + " " + r.body()).isEqualTo(200);
                assertThat(r.body()).contains("\"status\":\"SUBMITTED\"").contains("\"outcome\":\"ELIGIBLE\"");
                HttpResponse<String> h = restarted.get("/api/v1/applications/" + id + "/history", officer);
                assertThat(h.body()).contains("\"action\":\"SUBMITTED\"");
                HttpResponse<String> d = restarted.get("/api/v1/applications/" + id + "/decisions", officer);
                assertThat(d.body()).contains("resident-kh-jp");
            }
        }
    }
}
