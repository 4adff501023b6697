package com.tracklane.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Pages and the API carry the safety headers; errors on pages are pages in words, the API's stay problems. */
@QuarkusTest
class SafetyHeadersTest {

    @Test
    void shouldSendTheSafetyHeadersWhenAPageIsServed() {
        given().accept("text/html").get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }

    @Test
    void shouldSendTheSafetyHeadersAndKeepJsonWhenTheApiAnswers() {
        given().get("/api/v1/tracks")
                .then().statusCode(200).contentType(containsString("application/json"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void shouldAnswerAPageInWordsWhenABrowserAsksForAnUnknownPage() {
        given().accept("text/html,application/xhtml+xml").header("Accept-Language", "en").get("/no-such-page")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("There is no page at this address"))
                .body(containsString("<main id=\"main\""))
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldAnswerTheErrorPageInJapaneseWhenTheBrowserPrefersIt() {
        given().accept("text/html").header("Accept-Language", "ja,en;q=0.5").get("/no-such-page")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"ja\""))
                .body(containsString("このアドレスにはページがありません"));
    }

    @Test
    void shouldKeepTheProblemResponseWhenTheApiIsAskedForAnUnknownPath() {
        given().accept("text/html").get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/no-such-page")
                .then().statusCode(404).contentType("application/problem+json").body("detail", equalTo("No resource at /no-such-page."));
    }
}
