package com.tracklane;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tracklane.security.Roles;
import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role × operation matrix, derived from the contract: every operation of {@code openapi/openapi.yaml} that
 * declares {@code security} is called
 * <ul>
 * <li>without a token, with an expired token, with a token signed by a foreign key and with a token of a foreign
 * issuer (each carrying an allowed role): 401 problem+json with {@code WWW-Authenticate: Bearer …};</li>
 * <li>with a valid token of every role that its {@code x-roles} does not list: 403 problem+json;</li>
 * <li>with a valid token of every role it lists: past security (neither 401 nor 403, and no 5xx).</li>
 * </ul>
 * ContractTest keeps {@code x-roles} equal to the implementation's {@code @RolesAllowed}, so this matrix is the
 * implementation's. An operation added to the contract (compliance, rule administration …) joins it by itself.
 */
@QuarkusTest
class SecurityMatrixTest {

    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");
    static final String PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";

    record Operation(String method, String template, Set<String> roles, String contentType) {
        String path() {
            return template.replaceAll("\\{[^}]+}", PLACEHOLDER_ID);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static List<Operation> securedOperations() {
        JsonNode contract;
        try {
            contract = new YAMLMapper().readTree(java.nio.file.Path.of("openapi", "openapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode security = op.getValue().has("security") ? op.getValue().get("security") : contract.path("security");
                if (!HTTP_METHODS.contains(op.getKey()) || !security.isArray() || security.isEmpty()) {
                    continue;
                }
                Set<String> roles = new TreeSet<>();
                op.getValue().path("x-roles").forEach(r -> roles.add(r.asText()));
                Iterator<String> types = op.getValue().path("requestBody").path("content").fieldNames();
                out.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), roles, types.hasNext() ? types.next() : null));
            }
        }
        return out;
    }

    /** Every role of the service, and any role a contract operation names (a new role cannot slip past the matrix). */
    static Set<String> allRoles() {
        Set<String> roles = new TreeSet<>(Roles.ALL);
        securedOperations().forEach(op -> roles.addAll(op.roles()));
        return roles;
    }

    static RequestSpecification request(Operation op) {
        RequestSpecification spec = given().header("If-Match", "\"1\"");
        if (op.contentType() != null) {
            // "{}" is also valid YAML; sent as bytes, so that any declared media type goes out unchanged
            spec = spec.contentType(op.contentType()).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return spec;
    }

    @Test
    void shouldFindTheSecuredOperationsOfTheContract() {
        List<Operation> ops = securedOperations();
        assertThat(ops).as("secured operations of the contract").hasSizeGreaterThanOrEqualTo(11);
        assertThat(ops).allSatisfy(op -> assertThat(op.roles()).as(op + " x-roles").isNotEmpty());
        assertThat(ops.stream().map(Operation::toString)).contains("POST /api/v1/applications/{id}/decision", "GET /api/v1/applications");
    }

    // --- 401 ------------------------------------------------------------------------------------------------------

    static Stream<Arguments> badTokens() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreignKey = generator.generateKeyPair().getPrivate();
        Instant past = Instant.now().minusSeconds(3 * 3600);
        List<Arguments> cases = new ArrayList<>();
        for (Operation op : securedOperations()) {
            String role = op.roles().iterator().next(); // a role the operation allows: only the token itself is wrong
            cases.add(Arguments.of(op, "no token", null));
            cases.add(Arguments.of(op, "expired token",
                    Tokens.sign(Tokens.claims(role, "late").issuedAt(past).expiresAt(past.plusSeconds(3600)))));
            cases.add(Arguments.of(op, "foreign key", Tokens.claims(role, "mallory").sign(foreignKey)));
            cases.add(Arguments.of(op, "foreign issuer", Jwt.issuer("https://login.evil.example").upn("mallory").subject("mallory")
                    .groups(Set.of(role)).expiresIn(3600).sign(Tokens.devPrivateKey())));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1} → 401")
    @MethodSource("badTokens")
    void shouldAnswer401ProblemForAMissingOrInvalidToken(Operation op, String what, String token) {
        RequestSpecification spec = request(op);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        spec.request(op.method(), op.path()).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("https://tracklane.dev/problems/unauthorized"))
                .body(not(containsString("Exception")));
    }

    // --- 403 and allowed ------------------------------------------------------------------------------------------

    static Stream<Arguments> roles() {
        List<Arguments> cases = new ArrayList<>();
        Set<String> all = allRoles();
        for (Operation op : securedOperations()) {
            for (String role : all) {
                cases.add(Arguments.of(op, role, op.roles().contains(role)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} (allowed: {2})")
    @MethodSource("roles")
    void shouldLetExactlyTheRolesOfXRolesPass(Operation op, String role, boolean allowed) {
        Response response = request(op).header("Authorization", Tokens.bearer(role)).request(op.method(), op.path());
        if (allowed) {
            assertThat(response.statusCode()).as(op + " as " + role + ": " + response.asString())
                    .isNotIn(401, 403).isLessThan(500);
        } else {
            response.then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403))
                    .body("type", equalTo("https://tracklane.dev/problems/forbidden"));
        }
    }
}
