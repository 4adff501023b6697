package com.tracklane.intake;

import com.tracklane.support.Examples;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.support.TcpProxy;
import com.tracklane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * A database outage with recovery, while checks and writes run. The service reaches its database through a
 * {@link TcpProxy} that the test cuts and restores (H2 in server mode started by the test, or PostgreSQL when
 * {@code TRACKLANE_DB_KIND=postgresql}, as in CI's second phase). Two clients run all the time, one posting eligibility
 * checks, one submitting applications; the test moves through three phases and judges every request that started and
 * ended within one phase:
 * <ol>
 * <li>database up: checks 200, writes 201;</li>
 * <li>database gone: checks still 200 (they never touch the database), writes and reads 503 problem+json with
 * Retry-After;</li>
 * <li>database back, same service instance: writes 201 again, and the applications of phase 1 are all there while
 * none of the refused ones is (nothing half-written).</li>
 * </ol>
 */
@QuarkusTest
@TestProfile(DatabaseOutageRecoveryTest.BehindProxy.class)
class DatabaseOutageRecoveryTest {

    /** Marks the field that receives the proxy. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface DatabaseProxy {
    }

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedDatabase.class));
        }
    }

    /** Starts the database (H2 only) and the proxy before the service, and points the service at the proxy. */
    public static class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {
        private Server h2;
        private TcpProxy proxy;

        @Override
        public Map<String, String> start() {
            try {
                String url;
                if ("postgresql".equals(System.getenv("TRACKLANE_DB_KIND"))) {
                    String target = System.getenv().getOrDefault("TRACKLANE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                    URI uri = URI.create(target.substring("jdbc:".length()));
                    proxy = TcpProxy.start(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
                    url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + uri.getRawPath()
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                } else {
                    Path dir = Path.of("target", "h2-outage").toAbsolutePath();
                    Files.createDirectories(dir);
                    int port;
                    try (ServerSocket s = new ServerSocket(0)) {
                        port = s.getLocalPort();
                    }
                    h2 = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir", dir.toString()).start();
                    proxy = TcpProxy.start("127.0.0.1", h2.getPort());
                    url = "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/./outage;WRITE_DELAY=0";
                }
                return Map.of(
                        "quarkus.datasource.jdbc.url", url,
                        "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                        "quarkus.datasource.jdbc.login-timeout", "2S");
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the database behind a proxy", e);
            }
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(DatabaseProxy.class, TcpProxy.class));
        }

        @Override
        public void stop() {
            if (proxy != null) {
                proxy.close();
            }
            if (h2 != null) {
                h2.stop();
            }
        }
    }

    @DatabaseProxy
    TcpProxy proxy;

    enum Phase { UP, DOWN, BACK }

    /** One request: the phases it started and ended in, what it was, its answer. */
    record Call(Phase started, Phase ended, String kind, int status, String contentType, String retryAfter, String id) {
        boolean within(Phase phase) {
            return started == phase && ended == phase;
        }
    }

    volatile Phase phase = Phase.UP;
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicInteger sequence = new AtomicInteger();

    @Test
    void shouldRefuseWritesWhileTheDatabaseIsGoneAndRecoverWithoutARestart() throws Exception {
        assertThat(proxy).as("the proxy was injected").isNotNull();
        String trip = Files.readString(Path.of("examples/eligibility-resident.json"));
        String check = Files.readString(Path.of("examples/eligibility.json"));
        String intake = Tokens.bearer("intake");
        String officer = Tokens.bearer("officer");

        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> loops = List.of(
                    clients.submit(() -> loop("check", () -> given().contentType(ContentType.JSON).body(check).post("/api/v1/eligibility"))),
                    clients.submit(() -> loop("write", () -> given().header("Authorization", intake).contentType(ContentType.JSON)
                            .body(submission(sequence.incrementAndGet(), trip)).post("/api/v1/applications"))),
                    clients.submit(() -> loop("read", () -> given().header("Authorization", officer).get("/api/v1/applications?size=1"))));

            // each phase lasts until enough requests have run within it (not a fixed time): the timeouts only bound a
            // hung service, they do not decide the outcome
            awaitCalls(Phase.UP, "write", 5, Duration.ofSeconds(30));
            phase = Phase.DOWN;
            proxy.cut();
            awaitCalls(Phase.DOWN, "write", 3, Duration.ofSeconds(30));
            awaitCalls(Phase.DOWN, "read", 3, Duration.ofSeconds(30));
            phase = Phase.BACK;
            proxy.restore();
            awaitCalls(Phase.BACK, "write", 5, Duration.ofSeconds(30));
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(10, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            clients.shutdownNow();
        }

        List<Call> all = List.copyOf(calls);
        // checks never depend on the database
        assertThat(all).filteredOn(c -> c.kind().equals("check")).extracting(Call::status).containsOnly(200);
        assertThat(all).filteredOn(c -> c.kind().equals("check") && c.within(Phase.DOWN)).hasSizeGreaterThanOrEqualTo(3);

        // phase 1: writes are stored
        List<Call> upWrites = all.stream().filter(c -> c.kind().equals("write") && c.within(Phase.UP)).toList();
        assertThat(upWrites).extracting(Call::status).containsOnly(201);

        // phase 2: every write and read is a 503 problem with Retry-After, none a 500 or a timeout
        List<Call> down = all.stream().filter(c -> !c.kind().equals("check") && c.within(Phase.DOWN)).toList();
        assertThat(down).isNotEmpty().allSatisfy(c -> {
            assertThat(c.status()).as(c.toString()).isEqualTo(503);
            assertThat(c.contentType()).as(c.toString()).startsWith("application/problem+json");
            assertThat(c.retryAfter()).as(c.toString()).isNotNull();
        });
        assertThat(proxy.refused()).as("connections refused while the database was gone").isPositive();

        // phase 3: the same instance writes again; every write that started after the database came back succeeded
        List<Call> backWrites = all.stream().filter(c -> c.kind().equals("write") && c.within(Phase.BACK)).toList();
        assertThat(backWrites).hasSizeGreaterThanOrEqualTo(5).extracting(Call::status).containsOnly(201);
        assertThat(all).as("no request failed at the client (timeout, reset)").noneMatch(c -> c.status() < 0);
        assertThat(all).filteredOn(c -> c.kind().equals("read") && c.within(Phase.BACK)).extracting(Call::status).containsOnly(200);

        // what was acknowledged is there, what was refused is not
        for (Call c : upWrites) {
            given().header("Authorization", officer).get("/api/v1/applications/" + c.id()).then().statusCode(200);
        }
        long stored = given().header("Authorization", officer).get("/api/v1/applications?size=1").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        long acknowledged = all.stream().filter(c -> c.kind().equals("write") && c.status() == 201).count();
        // A write that was running when the connection was cut is in doubt: its commit may have reached the database
        // while the answer did not (503). Every other refused write left nothing behind.
        long inDoubt = all.stream().filter(c -> c.kind().equals("write") && c.status() != 201 && c.started() != c.ended()).count();
        assertThat(stored).as("applications stored: every acknowledged one, and none refused (%d in doubt)", inDoubt)
                .isBetween(acknowledged, acknowledged + inDoubt);
    }

    interface Request {
        Response send();
    }

    void loop(String kind, Request request) {
        while (running.get()) {
            Phase started = phase;
            Response r;
            try {
                r = request.send();
            } catch (RuntimeException e) {
                calls.add(new Call(started, phase, kind, -1, String.valueOf(e), null, null));
                continue;
            }
            String location = r.header("Location");
            calls.add(new Call(started, phase, kind, r.statusCode(), r.contentType(), r.header("Retry-After"),
                    location == null ? null : location.substring(location.lastIndexOf('/') + 1)));
        }
    }

    void awaitCalls(Phase p, String kind, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (calls) {
                if (calls.stream().filter(c -> c.kind().equals(kind) && c.within(p)).count() >= count) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("fewer than " + count + " " + kind + " requests within phase " + p + " in " + timeout + ": " + calls);
    }

    static String submission(int n, String trip) {
        return """
                {"applicant": {"givenName": "Bopha", "familyName": "Sok", "passportNumber": "B%07d", "nationality": "KH",
                               "dateOfBirth": "1993-07-17", "email": "bopha.sok@example.com"}, "request": %s}""".formatted(n, Examples.withoutKnownAt(trip));
    }
}
