package com.tracklane.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
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

    // Audience and lifetime (finding 2): all refused with the 401 invalid_token problem.

    @Test
    void shouldAnswer401ProblemForTokenForAnotherAudience() {
        invalid(Tokens.sign(Tokens.claims(Roles.OFFICER, "eve").audience("evil")));
    }

    @Test
    void shouldAnswer401ProblemForTokenWithoutAudience() {
        invalid(Jwt.issuer(Tokens.ISSUER).upn("eve").subject("eve").groups(Set.of(Roles.OFFICER)).expiresIn(3600)
                .sign(Tokens.devPrivateKey()));
    }

    @Test
    void shouldAnswer401ProblemForTokenValidForAHundredYears() {
        Instant now = Instant.now();
        invalid(Tokens.sign(Tokens.claims(Roles.OFFICER, "forever").issuedAt(now).expiresAt(now.plus(java.time.Duration.ofDays(36_500)))));
    }

    @Test
    void shouldAnswer401ProblemForTokenLongerThanTheMaximumLifetime() {
        Instant now = Instant.now();
        invalid(Tokens.sign(Tokens.claims(Roles.OFFICER, "long").issuedAt(now).expiresAt(now.plusSeconds(43_200 + 120))));
    }

    @Test
    void shouldAnswer401ProblemForTokenIssuedInTheFuture() {
        Instant later = Instant.now().plus(java.time.Duration.ofDays(365));
        invalid(Tokens.sign(Tokens.claims(Roles.OFFICER, "early").issuedAt(later).expiresAt(later.plusSeconds(3600))));
    }

    @Test
    void shouldAcceptATokenIssuedWithinTheClockSkew() {
        Instant soon = Instant.now().plusSeconds(20);
        given().header("Authorization", "Bearer " + Tokens.sign(Tokens.claims(Roles.OFFICER, "skewed").issuedAt(soon).expiresAt(soon.plusSeconds(3600))))
                .get("/test/protected/officer").then().statusCode(200).body(equalTo("hello skewed"));
    }

    @Test
    void shouldAcceptATokenForTheConfiguredAudienceAmongOthers() {
        given().header("Authorization", "Bearer " + Tokens.sign(Tokens.claims(Roles.OFFICER, "multi").audience(Set.of("other", Tokens.AUDIENCE))))
                .get("/test/protected/officer").then().statusCode(200).body(equalTo("hello multi"));
    }

    // Malformed claims (finding 3): 401 invalid_token, never a 500.

    @ParameterizedTest
    @ValueSource(strings = {"{\"role\":\"officer\"}", "42", "[1,2]", "true", "[{\"role\":\"officer\"}]", "[\"officer\",7]", "[[\"officer\"]]"})
    void shouldAnswer401ProblemForAMalformedGroupsClaim(String groups) {
        String token = Tokens.signRaw(Tokens.payloadWithGroups(groups));
        invalid(token);
        unauthorized(given().header("Authorization", "Bearer " + token).get("/test/protected/whoami").then(), "/test/protected/whoami")
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""));
    }

    @Test
    void shouldAcceptRawTokensWithWellFormedGroups() {
        given().header("Authorization", "Bearer " + Tokens.signRaw(Tokens.payloadWithGroups("[\"officer\"]")))
                .get("/test/protected/officer").then().statusCode(200).body(equalTo("hello odd"));
        given().header("Authorization", "Bearer " + Tokens.signRaw(Tokens.payloadWithGroups("\"officer\"")))
                .get("/test/protected/officer").then().statusCode(200).body(equalTo("hello odd"));
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
