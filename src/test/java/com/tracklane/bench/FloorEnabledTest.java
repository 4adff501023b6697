package com.tracklane.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code tracklane.bench.floor.enabled=true} the floor answers what the real check answers, byte for byte in size. */
@QuarkusTest
@TestProfile(FloorEnabledTest.FloorOn.class)
class FloorEnabledTest {

    public static class FloorOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(FloorResource.ENABLED_PROPERTY, "true");
        }
    }

    @Test
    void shouldAnswerAResponseOfTheSameSizeAsTheRealCheck() {
        for (String language : new String[] {"en", "ja"}) {
            String real = given().contentType("application/json").header("Accept-Language", language)
                    .body(Examples.eligibilityText()).post("/api/v1/eligibility")
                    .then().statusCode(200).extract().asString();
            for (int i = 0; i < 2; i++) { // the first answer is remembered, the second served from memory
                String floor = given().contentType("application/json").header("Accept-Language", language)
                        .body(Examples.eligibilityText()).post(FloorResource.PATH)
                        .then().statusCode(200).header("Content-Language", language).extract().asString();
                assertThat(floor.length()).isEqualTo(real.length());
            }
        }
    }

    @Test
    void shouldStillRefuseMalformedJson() {
        given().contentType("application/json").body("{").post(FloorResource.PATH)
                .then().statusCode(400).contentType("application/problem+json");
    }
}
