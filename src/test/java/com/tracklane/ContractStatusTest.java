package com.tracklane;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.tracklane.common.JsonBodies;
import com.tracklane.security.Roles;
import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status an operation answers is declared for it in the contract, with a problem document of the contract's
 * {@code Problem} schema. Every operation of {@code openapi/openapi.yaml} (which ContractTest keeps equal to the
 * JAX-RS resources) gets every kind of bad request the HTTP layer, the framework and the mappers answer on their own —
 * no token, a role it does not allow, an unknown id, {@code Accept: text/csv}, a media type it does not declare,
 * malformed JSON, a body over the limit, headers over the limit, a URI over the limit — and the answer must be
 * <ul>
 * <li>a status the operation declares under {@code responses} (a new operation, or a new status, that the contract
 * does not declare fails here);</li>
 * <li>for a 4xx/5xx, {@code application/problem+json} whose body validates against the contract's Problem schema
 * and carries the same status;</li>
 * <li>for the probes whose answer the framework fixes (401, 403, 406, 413, 414, 415, 431), exactly that status.</li>
 * </ul>
 */
@QuarkusTest
class ContractStatusTest {

    static final String PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** Bodies as bytes, with exactly the Content-Type given (RestAssured would otherwise add a charset or refuse). */
    static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    record Operation(String method, String template, Set<String> declared, Set<String> roles, List<String> mediaTypes,
                     Set<String> tags) {
        boolean absentUnlessEnabled() {
            return tags.contains("benchmark") || tags.contains("development");
        }

        boolean secured() {
            return !roles.isEmpty();
        }

        boolean takesBody() {
            return !mediaTypes.isEmpty();
        }

        String path() {
            return template.replace("{n}", "999").replaceAll("\\{[^}]+}", PLACEHOLDER_ID);
        }

        String allowedRole() {
            return roles.isEmpty() ? null : roles.iterator().next();
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }
    }

    static List<Operation> operations() {
        JsonNode contract = ContractTest.contract();
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Set<String> declared = new TreeSet<>();
                op.getValue().path("responses").fieldNames().forEachRemaining(declared::add);
                Set<String> roles = new TreeSet<>();
                op.getValue().path("x-roles").forEach(r -> roles.add(r.asText()));
                List<String> types = new ArrayList<>();
                op.getValue().path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
                Set<String> tags = new TreeSet<>();
                op.getValue().path("tags").forEach(t -> tags.add(t.asText()));
                out.add(new Operation(op.getKey(), path.getKey(), declared, roles, types, tags));
            }
        }
        return out;
    }

    /** A probe: how the request is made wrong, and the status it must get when the framework decides it (else null). */
    record Probe(String name, Function<Operation, Integer> expected, Function<Operation, RequestSpecification> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    static RequestSpecification base(Operation op, String role) {
        RequestSpecification spec = given().config(RAW).header("If-Match", "\"1\"");
        return role == null ? spec : spec.header("Authorization", Tokens.bearer(role));
    }

    /** With a well-formed body ({@code {}}) of the first declared media type, when the operation takes one. */
    static RequestSpecification withBody(Operation op, String role) {
        RequestSpecification spec = base(op, role);
        return op.takesBody() ? spec.contentType(op.mediaTypes().get(0)).body("{}".getBytes(StandardCharsets.UTF_8)) : spec;
    }

    static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("no token", op -> op.secured() ? 401 : null, op -> withBody(op, null)));
        probes.add(new Probe("a role it does not allow", op -> op.secured() ? 403 : null, op -> {
            String other = Roles.ALL.stream().filter(r -> !op.roles().contains(r)).findFirst().orElse(null);
            return withBody(op, other);
        }));
        probes.add(new Probe("an allowed role and unknown ids", op -> null, op -> withBody(op, op.allowedRole())));
        probes.add(new Probe("Accept: text/csv", op -> 406, op -> withBody(op, op.allowedRole()).accept("text/csv")));
        probes.add(new Probe("Content-Type: text/plain", op -> op.takesBody() ? 415 : null,
                op -> base(op, op.allowedRole()).contentType("text/plain").body("{}".getBytes(StandardCharsets.UTF_8))));
        probes.add(new Probe("Content-Type: application/json where it is not declared",
                op -> op.takesBody() && !op.mediaTypes().contains("application/json") ? 415 : null,
                op -> base(op, op.allowedRole()).contentType("application/json").body("{}".getBytes(StandardCharsets.UTF_8))));
        probes.add(new Probe("malformed JSON", op -> null, op -> op.takesBody()
                ? base(op, op.allowedRole()).contentType(op.mediaTypes().get(0)).body("{\"a\": ".getBytes(StandardCharsets.UTF_8))
                : base(op, op.allowedRole())));
        probes.add(new Probe("a body over the limit", op -> op.takesBody() ? 413 : null, op -> {
            if (!op.takesBody()) {
                return base(op, op.allowedRole());
            }
            byte[] big = ("{\"a\": \"" + "x".repeat(JsonBodies.limitFor(op.path())) + "\"}").getBytes(StandardCharsets.UTF_8);
            return base(op, op.allowedRole()).contentType(op.mediaTypes().get(0)).body(big);
        }));
        probes.add(new Probe("headers over the limit", op -> 431,
                op -> withBody(op, op.allowedRole()).header("X-Padding", "x".repeat(21 * 1024))));
        probes.add(new Probe("a URI over the limit", op -> 414,
                op -> withBody(op, op.allowedRole()).queryParam("padding", "x".repeat(9 * 1024))));
        return probes;
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation op : operations()) {
            for (Probe probe : probes()) {
                cases.add(Arguments.of(op, probe));
            }
        }
        return cases.stream();
    }

    static final Schema PROBLEM = ContractTest.schema("/components/schemas/Problem");

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void shouldAnswerOnlyStatusesTheContractDeclares(Operation op, Probe probe) throws Exception {
        Response response = probe.request().apply(op).request(op.method().toUpperCase(Locale.ROOT), op.path());
        int status = response.statusCode();
        String seen = op + " with " + probe + " → " + status + " " + response.contentType() + " " + abbreviate(response.asString());
        Integer expected = probe.expected().apply(op);
        if (op.absentUnlessEnabled() && status == 404) {
            // an operation the contract documents as absent unless enabled (tag benchmark or development): in this
            // profile the whole path answers 404 before media types are looked at
            expected = 404;
        }
        if (expected != null) {
            assertThat(status).as(seen).isEqualTo(expected);
        }
        assertThat(op.declared()).as("statuses declared for %s in the contract; %s", op, seen)
                .containsAnyOf(String.valueOf(status), "default");
        assertThat(status).as(seen).isLessThan(500);
        if (status >= 400) {
            assertThat(response.contentType()).as(seen).startsWith("application/problem+json");
            JsonNode problem = ContractTest.JSON.readTree(response.asString());
            assertThat(ContractTest.violations(PROBLEM, problem)).as(seen).isEmpty();
            assertThat(problem.path("status").asInt()).as(seen).isEqualTo(status);
            // the contract's own response for that status is a problem document too
            assertThat(declaredMediaTypes(op, status)).as("media types of %s %d in the contract", op, status)
                    .containsExactly("application/problem+json");
        }
    }

    /** The media types of one declared response (following its $ref to components/responses). */
    static List<String> declaredMediaTypes(Operation op, int status) {
        JsonNode contract = ContractTest.contract();
        JsonNode response = contract.path("paths").path(op.template()).path(op.method()).path("responses").path(String.valueOf(status));
        if (response.has("$ref")) {
            String name = response.get("$ref").asText().replace("#/components/responses/", "");
            response = contract.path("components").path("responses").path(name);
        }
        List<String> types = new ArrayList<>();
        response.path("content").fieldNames().forEachRemaining(types::add);
        return types;
    }

    @Test
    void shouldProbeEveryImplementedOperation() {
        Set<String> probed = new TreeSet<>();
        operations().forEach(op -> probed.add(op.toString()));
        // the list comes from the contract; ContractTest keeps it equal to the JAX-RS resources
        assertThat(probed).isEqualTo(ContractTest.implementedOperations());
        Map<String, Integer> kinds = new LinkedHashMap<>();
        probes().forEach(p -> kinds.put(p.name(), 1));
        assertThat(kinds).hasSize(10);
    }

    @Test
    void shouldNoticeAnUndeclaredStatus() {
        // the assertion bites: an operation whose contract lacks 415 fails on the text/plain probe
        Operation sweep = operations().stream().filter(o -> o.toString().equals("POST /api/v1/compliance/sweeps")).findFirst().orElseThrow();
        Set<String> without415 = new TreeSet<>(sweep.declared());
        without415.remove("415");
        Operation doctored = new Operation(sweep.method(), sweep.template(), without415, sweep.roles(), sweep.mediaTypes(), sweep.tags());
        Probe textPlain = probes().stream().filter(p -> p.name().equals("Content-Type: text/plain")).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> shouldAnswerOnlyStatusesTheContractDeclares(doctored, textPlain))
                .isInstanceOf(AssertionError.class).hasMessageContaining("statuses declared for POST /api/v1/compliance/sweeps");
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
