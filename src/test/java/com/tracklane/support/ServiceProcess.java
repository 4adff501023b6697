package com.tracklane.support;

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
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a separate process, for integration tests
 * ({@code *IT}, run by failsafe after the jar is built): crash durability, and several instances sharing one
 * PostgreSQL database.
 *
 * <p>The database kind is fixed when the jar is built ({@code TRACKLANE_DB_KIND}); tests that need PostgreSQL are
 * named {@code *PostgresIT} and run only when {@link #postgresBuild()} holds (CI's second phase).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String ISSUER = "https://tracklane.dev/embedded";

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private ServiceProcess(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** True when the jar under test was built for PostgreSQL ({@code TRACKLANE_DB_KIND=postgresql}). */
    public static boolean postgresBuild() {
        return "postgresql".equals(System.getenv("TRACKLANE_DB_KIND"));
    }

    /**
     * System properties that point an instance at the PostgreSQL test database ({@code TRACKLANE_TEST_DB_URL},
     * default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code TRACKLANE_TEST_DB_USER}, default postgres).
     * With {@code clean}, the instance empties the database before migrating (use it for the first instance only).
     */
    public static Map<String, String> postgres(boolean clean) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("TRACKLANE_DB_URL", env("TRACKLANE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        props.put("TRACKLANE_DB_USER", env("TRACKLANE_TEST_DB_USER", "postgres"));
        props.put("TRACKLANE_DB_PASSWORD", env("TRACKLANE_TEST_DB_PASSWORD", ""));
        if (clean) {
            props.put("quarkus.flyway.clean-at-start", "true");
            props.put("quarkus.flyway.clean-disabled", "false");
        }
        return props;
    }

    /**
     * Starts the packaged service on the embedded profile (development tokens, H2 under {@code dataDir} unless
     * {@code properties} point it elsewhere) on a free port, and waits until it is ready.
     */
    public static ServiceProcess start(Path dataDir, Map<String, String> properties) throws IOException, InterruptedException {
        return start(dataDir, freePort(), properties);
    }

    /** As {@link #start(Path, Map)}, on a given port (a restart on the same port, say). */
    public static ServiceProcess start(Path dataDir, int port, Map<String, String> properties) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=embedded", "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort,
                "-DTRACKLANE_DATA_DIR=" + dataDir,
                // as in the test profile: the tests' loops from one address must not meet the rate limit (RateLimitTest tests it)
                "-Dtracklane.rate-limit.enabled=false"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Path log = dataDir.resolve("service-" + port + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(p, port, managementPort, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.getLong("tracklane.it.ready-seconds", 300)).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(service.uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return service;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("service exited: " + service.log());
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("service did not become ready: " + service.log());
    }

    /** A development token for a role, signed with the embedded profile's key. */
    public static String token(String role) {
        try {
            return Jwt.issuer(ISSUER).audience("tracklane").upn(role + "-it").groups(Set.of(role)).sign(KeyUtils.readPrivateKey("dev-keys/jwt-private.pem"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read dev-keys/jwt-private.pem", e);
        }
    }

    public int port() {
        return port;
    }

    /** The management interface's port (metrics). */
    public int managementPort() {
        return managementPort;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send("POST", path, token, json, Map.of());
    }

    /** Any request with a JSON body (or none when {@code json} is null) and extra headers. */
    public HttpResponse<String> send(String method, String path, String token, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the process printed so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGKILL: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
