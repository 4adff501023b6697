package com.tracklane.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code tracklane.dev-tokens.enabled=false} (as in prod), {@code /dev/tokens} is indistinguishable from an unknown path. */
@QuarkusTest
@TestProfile(DevTokensDisabledTest.DevTokensOff.class)
class DevTokensDisabledTest {

    public static class DevTokensOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(DevTokens.ENABLED_PROPERTY, "false");
        }
    }

    @Test
    void shouldAnswer404ProblemLikeAnUnknownPath() {
        String unknown = given().queryParam("role", Roles.OFFICER).post("/dev/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").extract().asString();
        String tokens = given().queryParam("role", Roles.OFFICER).post("/dev/tokens")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://tracklane.dev/problems/not-found"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("No resource at /dev/tokens."))
                .extract().asString();
        assertThat(tokens).isEqualTo(unknown.replace("/dev/nothing-here", "/dev/tokens"));
    }

    @Test
    void shouldAnswer404ForEveryMethodAndInvalidRole() {
        given().get("/dev/tokens").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("role", "root").post("/dev/tokens").then().statusCode(404);
        given().post("/dev/tokens/").then().statusCode(404);
    }

    @Test
    void shouldStillVerifyBearerTokens() {
        given().header("Authorization", com.tracklane.support.Tokens.bearer(Roles.OFFICER)).get("/test/protected/officer")
                .then().statusCode(200);
    }
}
