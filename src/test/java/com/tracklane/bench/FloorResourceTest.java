package com.tracklane.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.tracklane.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** By default the benchmark floor does not exist: a 404 like any unknown path. */
@QuarkusTest
class FloorResourceTest {

    @Test
    void shouldAnswer404ProblemLikeAnUnknownPath() {
        String unknown = given().contentType("application/json").body(Examples.eligibilityText())
                .post("/bench/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .extract().asString();
        String floor = given().contentType("application/json").body(Examples.eligibilityText())
                .post(FloorResource.PATH).then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("No resource at " + FloorResource.PATH + "."))
                .extract().asString();
        assertThat(floor).isEqualTo(unknown.replace("/bench/nothing-here", FloorResource.PATH));
        given().get(FloorResource.PATH).then().statusCode(404);
    }
}

