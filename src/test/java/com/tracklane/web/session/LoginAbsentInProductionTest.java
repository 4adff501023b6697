package com.tracklane.web.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.tracklane.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where development tokens are off there is no development sign-in: the page follows the same gate as
 * {@code POST /dev/tokens} ({@link DevTokens#enabled()}: off in any profile set that is not purely embedded, dev and
 * test, which {@code GuardedProfileTest} covers; here switched off by the property, as in
 * {@code DevTokensDisabledTest}).
 */
@QuarkusTest
@TestProfile(LoginAbsentInProductionTest.DevTokensOff.class)
class LoginAbsentInProductionTest {

    public static class DevTokensOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(DevTokens.ENABLED_PROPERTY, "false");
        }
    }

    @Test
    void shouldAnswer404ForTheLoginPageWhenTheProfileIsNotADevelopmentOne() {
        given().accept("text/html").get("/login").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("There is no page at this address"));
        given().get("/login").then().statusCode(404).contentType("application/problem+json");
        given().formParam("role", "officer").post("/login").then().statusCode(404);
    }

    @Test
    void shouldNotSendToTheMissingLoginPageWhenAStaffDeskIsOpenedWithoutSession() {
        given().redirects().follow(false).accept("text/html").get("/officer")
                .then().statusCode(401).contentType(containsString("text/html")).body(containsString("Please sign in"));
    }
}
