package com.tracklane.web.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The tracks page: every rule set, its status at a date, the timeline drawn by the service, each version's source. */
@QuarkusTest
class TracksPageTest {

    @Test
    void shouldListEveryTrackWithATimelineWhenOpened() {
        String html = given().header("Accept-Language", "en").get("/tracks").then().statusCode(200).extract().asString();
        assertThat(html).contains("<svg").contains("role=\"img\"").contains("Resident Track").contains("Business Track")
                .contains("Aug 2020").contains("class=\"source\"");
        assertThat(html.split("<rect ").length - 1).as("one bar per version").isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldShowTheStatusAtTheDateAskedWhenAtIsGiven() {
        given().header("Accept-Language", "en").get("/tracks?at=2020-09-10&knownAt=2020-09-10").then().statusCode(200)
                .body(containsString("status-open"));
        given().header("Accept-Language", "ja").get("/tracks?at=2020-09-10").then().statusCode(200)
                .body(containsString("運用中")).body(containsString("2020年9月"));
    }

    @Test
    void shouldAnswerAPageInWordsWhenTheDateIsUnreadable() {
        given().header("Accept-Language", "en").get("/tracks?at=yesterday").then().statusCode(400)
                .body(containsString("could not be understood"));
    }
}
