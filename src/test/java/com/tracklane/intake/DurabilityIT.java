package com.tracklane.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Crash durability of the packaged service on the embedded default (H2 in file mode): every application
 * acknowledged with 201 is there after a {@code kill -9} and a restart, with its snapshot and history.
 * Runs in {@code ./mvnw verify} (failsafe), after the jar is built.
 */
class DurabilityIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldKeepEveryAcknowledgedApplicationAcrossAKill9() throws Exception {
        Path data = Files.createTempDirectory("tracklane-durability");
        int port = freePort();
        PrivateKey key = KeyUtils.readPrivateKey("dev-keys/jwt-private.pem");
        String intake = Jwt.issuer("https://tracklane.dev/embedded").upn("intake-it").groups(Set.of("intake")).sign(key);
        String officer = Jwt.issuer("https://tracklane.dev/embedded").upn("officer-it").groups(Set.of("officer")).sign(key);
        String trip = Files.readString(Path.of("examples/eligibility-resident.json"));

        Map<String, String> acknowledged = new LinkedHashMap<>();
        Process service = start(data, port);
        try {
            for (int i = 0; i < 25; i++) {
                String body = """
                        {"applicant": {"givenName": "Dara", "familyName": "Kim", "passportNumber": "D%07d", "nationality": "KH",
                                       "dateOfBirth": "1985-01-31", "email": "dara@example.com"}, "request": %s}""".formatted(i, trip);
                HttpResponse<String> r = HTTP.send(post(port, "/api/v1/applications", intake, body), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    acknowledged.put(r.headers().firstValue("Location").orElseThrow(), r.body());
                }
            }
        } finally {
            service.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            service.waitFor();
        }
        assertThat(acknowledged).hasSize(25);

        Process restarted = start(data, port);
        try {
            for (String location : acknowledged.keySet()) {
                String id = location.substring(location.lastIndexOf('/') + 1);
                HttpResponse<String> r = HTTP.send(get(port, "/api/v1/applications/" + id, officer), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(location + " " + r.body()).isEqualTo(200);
                assertThat(r.body()).contains("\"status\":\"SUBMITTED\"").contains("\"outcome\":\"ELIGIBLE\"");
                HttpResponse<String> h = HTTP.send(get(port, "/api/v1/applications/" + id + "/history", officer), HttpResponse.BodyHandlers.ofString());
                assertThat(h.body()).contains("\"action\":\"SUBMITTED\"");
                HttpResponse<String> d = HTTP.send(get(port, "/api/v1/applications/" + id + "/decisions", officer), HttpResponse.BodyHandlers.ofString());
                assertThat(d.body()).contains("resident-kh-jp");
            }
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }

    private static Process start(Path data, int port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=embedded", "-Dquarkus.http.port=" + port, "-DTRACKLANE_DATA_DIR=" + data,
                "-jar", "target/quarkus-app/quarkus-run.jar"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("service.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("service exited: " + Files.readString(data.resolve("service.log")));
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("service did not become ready: " + Files.readString(data.resolve("service.log")));
    }

    private static HttpRequest post(int port, String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(int port, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
