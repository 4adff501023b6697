package com.tracklane.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /dev/tokens} in the test profile, where development tokens are on (as on the embedded default). */
@QuarkusTest
class DevTokenResourceTest {

    static JsonNode claims(String token) throws Exception {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    static String issue(String role) {
        return given().queryParam("role", role).post("/dev/tokens")
                .then().statusCode(200).contentType("text/plain").header("Cache-Control", "no-store")
                .extract().asString();
    }

    @Test
    void shouldIssueAnOfficerTokenThatOpensTheOfficerEndpoint() {
        String token = issue(Roles.OFFICER);
        given().header("Authorization", "Bearer " + token).get("/test/protected/officer")
                .then().statusCode(200).body(equalTo("hello officer-dev"));
        given().header("Authorization", "Bearer " + token).get("/test/protected/monitor").then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.INTAKE, Roles.OFFICER, Roles.MONITOR, Roles.RULES_ADMIN})
    void shouldIssueAWorkingTokenForEveryRole(String role) {
        given().header("Authorization", "Bearer " + issue(role)).get("/test/protected/" + role).then().statusCode(200);
    }

    @Test
    void shouldPutIssuerAudienceSubjectGroupsAndTwelveHourExpiryInTheToken() throws Exception {
        String token = given().queryParam("role", Roles.RULES_ADMIN).queryParam("subject", "alice").post("/dev/tokens")
                .then().statusCode(200).extract().asString();
        JsonNode claims = claims(token);
        assertThat(claims.get("iss").asText()).isEqualTo("https://tracklane.dev/embedded");
        assertThat(claims.get("aud").isArray() ? claims.get("aud").get(0).asText() : claims.get("aud").asText()).isEqualTo("tracklane");
        assertThat(claims.get("sub").asText()).isEqualTo("alice");
        assertThat(claims.get("upn").asText()).isEqualTo("alice");
        assertThat(claims.get("groups")).hasSize(1);
        assertThat(claims.get("groups").get(0).asText()).isEqualTo(Roles.RULES_ADMIN);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(12 * 3600);
        given().header("Authorization", "Bearer " + token).get("/test/protected/whoami")
                .then().statusCode(200).body("name", equalTo("alice"));
    }

    @Test
    void shouldDefaultTheSubjectToRoleDev() throws Exception {
        assertThat(claims(issue(Roles.MONITOR)).get("sub").asText()).isEqualTo("monitor-dev");
    }

    @Test
    void shouldRefuseAnUnknownRoleWith400Problem() {
        given().queryParam("role", "root").post("/dev/tokens")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tracklane.dev/problems/invalid-request"))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", equalTo("unknown role 'root'; one of intake, officer, monitor, rules-admin"));
    }

    @Test
    void shouldRefuseAMissingRoleWith400Problem() {
        given().post("/dev/tokens")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", equalTo("required; one of intake, officer, monitor, rules-admin"));
    }

    @Test
    void shouldRefuseAnOverlongSubjectWith400Problem() {
        given().queryParam("role", Roles.OFFICER).queryParam("subject", "x".repeat(101)).post("/dev/tokens")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("subject"));
    }

    @Test
    void shouldIssueTokensThatDiffer() {
        Response first = given().queryParam("role", Roles.INTAKE).post("/dev/tokens");
        Response second = given().queryParam("role", Roles.INTAKE).post("/dev/tokens");
        assertThat(first.asString()).isNotEqualTo(second.asString()); // distinct jti
    }
}
