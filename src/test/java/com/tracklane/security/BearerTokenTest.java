package com.tracklane.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer tokens on protected endpoints (the test-only {@link ProtectedTestResource}) and public ones. */
@QuarkusTest
class BearerTokenTest {

    static final String INVALID_DETAIL = "The bearer token is not valid: it is malformed, expired, wrongly signed or from another issuer.";

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String configuredIssuer;

    static ValidatableResponse unauthorized(ValidatableResponse response, String path) {
        return response.statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tracklane.dev/problems/unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo(path))
                .body(not(org.hamcrest.Matchers.containsString("at com.")))
                .body(not(org.hamcrest.Matchers.containsString("Exception")));
    }

    @Test
    void shouldAnswer401ProblemWithBearerChallengeWithoutToken() {
        unauthorized(given().get("/test/protected/officer").then(), "/test/protected/officer")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("detail", equalTo("A bearer token is required: send 'Authorization: Bearer <token>'."));
    }

    @Test
    void shouldAnswer401ProblemForNonBearerCredentials() {
        unauthorized(given().auth().preemptive().basic("officer", "secret").get("/test/protected/officer").then(),
                "/test/protected/officer").header("WWW-Authenticate", equalTo("Bearer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.INTAKE, Roles.OFFICER, Roles.MONITOR, Roles.RULES_ADMIN})
    void shouldLetEachRoleReachItsEndpoint(String role) {
        given().header("Authorization", Tokens.bearer(role)).get("/test/protected/" + role)
                .then().statusCode(200).body(equalTo("hello " + role + "-test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.INTAKE, Roles.MONITOR, Roles.RULES_ADMIN})
    void shouldAnswer403ProblemForWrongRole(String role) {
        given().header("Authorization", Tokens.bearer(role)).get("/test/protected/officer")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue())
                .body("type", equalTo("https://tracklane.dev/problems/forbidden"))
                .body("title", equalTo("Forbidden"))
                .body("status", equalTo(403))
                .body("detail", equalTo("The token's roles do not allow this request."))
                .body("instance", equalTo("/test/protected/officer"));
    }

    @Test
    void shouldAnswer401ProblemForExpiredToken() {
        Instant past = Instant.now().minusSeconds(3 * 3600);
        String expired = Tokens.sign(Tokens.claims(Roles.OFFICER, "late").issuedAt(past).expiresAt(past.plusSeconds(3600)));
        invalid(expired);
    }

    @Test
    void shouldAnswer401ProblemForTokenSignedWithAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Tokens.claims(Roles.OFFICER, "mallory").sign(generator.generateKeyPair().getPrivate());
        invalid(forged);
    }

    @Test
    void shouldAnswer401ProblemForTokenFromAnotherIssuer() {
        invalid(Tokens.sign(Tokens.claims(Roles.OFFICER, "eve").issuer("https://idp.example.com/other")));
    }

    @Test
    void shouldAnswer401ProblemForMalformedToken() {
        invalid("not.a.jwt");
    }

    @Test
    void shouldAnswer401ProblemForTokenWithTamperedClaims() {
        String[] parts = Tokens.token(Roles.MONITOR).split("\\.");
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"monitor\"", "\"officer\"").getBytes());
        invalid(parts[0] + "." + payload + "." + parts[2]);
    }

    private static void invalid(String token) {
        unauthorized(given().header("Authorization", "Bearer " + token).get("/test/protected/officer").then(),
                "/test/protected/officer")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""))
                .body("detail", equalTo(INVALID_DETAIL));
    }

    @Test
    void shouldCarrySubjectAsPrincipalAndGroupsAsRoles() {
        given().header("Authorization", "Bearer " + Tokens.token(Roles.RULES_ADMIN, "ada")).get("/test/protected/whoami")
                .then().statusCode(200)
                .body("name", equalTo("ada"))
                .body("roles", equalTo(java.util.List.of(Roles.RULES_ADMIN)));
    }

    @Test
    void shouldAcceptTokenWithSeveralRolesForEachOfThem() {
        String both = Tokens.sign(Tokens.claims(Roles.INTAKE, "desk").groups(Set.of(Roles.INTAKE, Roles.OFFICER)));
        given().header("Authorization", "Bearer " + both).get("/test/protected/intake").then().statusCode(200);
        given().header("Authorization", "Bearer " + both).get("/test/protected/officer").then().statusCode(200);
        given().header("Authorization", "Bearer " + both).get("/test/protected/monitor").then().statusCode(403);
    }

    @Test
    void shouldSignTestTokensForTheConfiguredIssuer() {
        assertThat(Tokens.ISSUER).isEqualTo(configuredIssuer);
    }

    @Test
    void shouldKeepEligibilityChecksPublic() throws Exception {
        String body = Files.readString(Path.of("examples/eligibility-resident.json"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/eligibility")
                .then().statusCode(200).body("outcome", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldKeepTrackListingPublic() {
        given().get("/api/v1/tracks").then().statusCode(200).contentType(ContentType.JSON);
        given().get("/api/v1/tracks/resident-kh-jp").then().statusCode(200);
    }

    @Test
    void shouldIgnoreAnInvalidTokenOnPublicEndpoints() {
        // proactive authentication is off: a public endpoint never looks at the token
        given().header("Authorization", "Bearer not.a.jwt").get("/api/v1/tracks").then().statusCode(200);
    }

    @Test
    void shouldNotAnswer500ForForgedAlgNone() {
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"x\",\"groups\":[\"officer\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}").getBytes());
        invalid(header + "." + payload + ".");
    }
}
