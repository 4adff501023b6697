package com.tracklane;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.support.Examples;
import com.tracklane.support.Tokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Traces, as the in-memory span exporter ({@link com.tracklane.support.InMemorySpans}) sees them, with tracing on as
 * an OTLP endpoint turns it on in production (here {@code quarkus.otel.sdk.disabled=false}): the spans of one
 * eligibility check and of one sweep, and the trace id in a problem body and in the log.
 */
@QuarkusTest
@TestProfile(TracingTest.Traced.class)
class TracingTest {

    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "20ms");
        }
    }

    @Inject
    InMemorySpanExporter exporter;

    @BeforeEach
    void forgetEarlierSpans() {
        exporter.reset();
    }

    /** The spans of one trace, once its root (the request's server span) has been exported. */
    List<SpanData> trace(String traceId) throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            List<SpanData> spans = exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            if (spans.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)) {
                Thread.sleep(50); // the children end before their parent; let the last batch arrive
                return exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId))
                        .sorted(Comparator.comparing(SpanData::getStartEpochNanos)).toList();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no server span of trace " + traceId + " among " + exporter.getFinishedSpanItems());
    }

    static String describe(List<SpanData> spans) {
        return spans.stream().map(s -> s.getKind() + " " + s.getName() + " span=" + s.getSpanId() + " parent=" + s.getParentSpanId()
                + " " + s.getAttributes().asMap().entrySet().stream().filter(e -> e.getKey().getKey().startsWith("tracklane")
                        || e.getKey().getKey().startsWith("db.") || e.getKey().getKey().startsWith("http.response"))
                        .map(e -> e.getKey().getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    static SpanData named(List<SpanData> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in" + describe(spans)));
    }

    @Test
    void shouldTraceAnEligibilityCheckFromTheRequestToTheEvaluation() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Response response = given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON).body(Examples.eligibilityText()).post("/api/v1/eligibility");
        assertThat(response.statusCode()).isEqualTo(200);

        List<SpanData> spans = trace(traceId);
        System.out.println("Spans of one eligibility check:" + describe(spans));
        SpanData server = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(server.getName()).isEqualTo("POST /api/v1/eligibility");
        assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        SpanData check = named(spans, "EligibilityService.check");
        assertThat(check.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(check.getAttributes().asMap().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().getKey(), e -> String.valueOf(e.getValue()))))
                .containsEntry("tracklane.route", "KH-JP")
                .containsEntry("tracklane.rule_set", response.jsonPath().getString("ruleSet.id"))
                .containsEntry("tracklane.rule_set.version", response.jsonPath().getString("ruleSet.version"))
                .containsEntry("tracklane.outcome", response.jsonPath().getString("outcome"));
        assertThat(spans).as("one evaluation span").filteredOn(s -> s.getName().equals("EligibilityService.check")).hasSize(1);

        // background work outside a request (the rule-set poll, every second) starts no trace of its own
        Thread.sleep(2500);
        assertThat(exporter.getFinishedSpanItems()).as("root spans besides requests")
                .filteredOn(s -> !s.getParentSpanContext().isValid() && s.getKind() != SpanKind.SERVER)
                .extracting(SpanData::getName).isEmpty();
    }

    @Test
    void shouldTraceASweepWithItsStatements() throws Exception {
        Response response = given().header("Authorization", Tokens.bearer("monitor")).contentType(ContentType.JSON)
                .body("{\"at\": \"2021-03-05T00:00:00+09:00\"}").post("/api/v1/compliance/sweeps");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        SpanData sweep = null;
        for (int i = 0; i < 250 && sweep == null; i++) {
            sweep = exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals("SweepService.sweep")).findFirst().orElse(null);
            Thread.sleep(20);
        }
        assertThat(sweep).as("the sweep's span").isNotNull();
        String traceId = sweep.getTraceId();
        List<SpanData> spans = trace(traceId);
        System.out.println("Spans of one sweep:" + describe(spans));
        SpanData server = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(server.getName()).isEqualTo("POST /api/v1/compliance/sweeps");
        assertThat(sweep.getParentSpanId()).isEqualTo(server.getSpanId());
        String sweepSpan = sweep.getSpanId();
        List<SpanData> statements = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT
                && s.getParentSpanId().equals(sweepSpan)).toList();
        // the lock, the count, the zones, and per zone the missed check-ins, the missed re-tests and the closing
        assertThat(statements).as("JDBC spans under the sweep in%s", describe(spans)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(statements).allSatisfy(s -> assertThat(s.getAttributes().asMap().keySet().stream()
                .map(k -> k.getKey()).toList()).anyMatch(k -> k.startsWith("db.")));
        assertThat(sweep.getAttributes().asMap().keySet().stream().map(k -> k.getKey()).toList())
                .contains("tracklane.sweep.examined", "tracklane.sweep.violations", "tracklane.sweep.closed");

        // the sweep's log line carries the trace id (quarkus.log.*.format has %X{traceId})
        List<String> lines = Files.readAllLines(Path.of("target", "quarkus-test.log"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("Compliance sweep as of 2021-03-04T15:00:00Z")).toList();
        assertThat(lines).as("log lines of the sweep").anyMatch(l -> l.contains(" " + traceId + " "));
    }

    @Test
    void shouldPutTheTraceIdInEveryProblemBody() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        Response invalid = given().header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .contentType(ContentType.JSON).body("{}").post("/api/v1/eligibility");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.jsonPath().getString("traceId")).isEqualTo(traceId);

        // a problem the security layer answers, and one the HTTP layer's handlers answer, carry it too
        Response unauthorised = given().get("/api/v1/applications");
        assertThat(unauthorised.statusCode()).isEqualTo(401);
        assertThat(unauthorised.jsonPath().getString("traceId")).matches("[0-9a-f]{32}");
        Response unknown = given().get("/api/v1/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        String unknownTrace = unknown.jsonPath().getString("traceId");
        assertThat(unknownTrace).matches("[0-9a-f]{32}").isNotEqualTo(unauthorised.jsonPath().getString("traceId"));
        assertThat(trace(unknownTrace)).anyMatch(s -> s.getKind() == SpanKind.SERVER);
        // and the HTTP layer's own refusals (here a URI over 8 KiB), answered before any resource
        String longTrace = "5c1d6e2f3a4b5c6d7e8f9a0b1c2d3e4f";
        Response tooLong = given().header("traceparent", "00-" + longTrace + "-b7ad6b7169203331-01")
                .queryParam("padding", "x".repeat(9 * 1024)).get("/api/v1/tracks");
        assertThat(tooLong.statusCode()).isEqualTo(414);
        assertThat(tooLong.jsonPath().getString("traceId")).isEqualTo(longTrace);
    }
}
