package com.tracklane.web.i18n;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The pages' language: Accept-Language first time, the switch's cookie afterwards. */
@QuarkusTest
class LanguageChoiceTest {

    @Test
    void shouldFollowAcceptLanguageWhenNothingWasChosen() {
        given().header("Accept-Language", "km-KH,km;q=0.9,en;q=0.5").get("/")
                .then().statusCode(200).body(containsString("<html lang=\"km\"")).body(containsString("ពិនិត្យការធ្វើដំណើរ"));
        given().header("Accept-Language", "ja-JP").get("/")
                .then().statusCode(200).body(containsString("<html lang=\"ja\"")).body(containsString("渡航チェック"));
        given().header("Accept-Language", "de-DE,fr;q=0.8").get("/")
                .then().statusCode(200).body(containsString("<html lang=\"en\"")).body(containsString("Trip checker"));
    }

    @Test
    void shouldRememberTheSwitchInACookieWhenALanguageIsChosen() {
        Response chosen = given().redirects().follow(false).queryParam("back", "/tracks?at=2021-01-01").get("/language/km");
        chosen.then().statusCode(303).header("Location", endsWith("/tracks?at=2021-01-01"));
        String cookie = chosen.getDetailedCookie(PageLanguage.COOKIE).getValue();
        org.assertj.core.api.Assertions.assertThat(cookie).isEqualTo("km");
        given().cookie(PageLanguage.COOKIE, cookie).header("Accept-Language", "ja").get("/")
                .then().statusCode(200).body(containsString("<html lang=\"km\"")).body(not(containsString("渡航チェック")));
    }

    @Test
    void shouldReturnHomeNotElsewhereWhenTheBackAddressIsForeign() {
        given().redirects().follow(false).queryParam("back", "//evil.example/x").get("/language/ja")
                .then().statusCode(303).header("Location", not(containsString("evil")));
        given().redirects().follow(false).get("/language/xx").then().statusCode(404);
    }

    @Test
    void shouldMarkTheCurrentLanguageInTheSwitchWhenAPageIsShown() {
        given().cookie(PageLanguage.COOKIE, "ja").get("/")
                .then().statusCode(200)
                .body(containsString("lang=\"ja\" hreflang=\"ja\" aria-current=\"true\">日本語</a>"))
                .body(containsString("lang=\"km\" hreflang=\"km\">ភាសាខ្មែរ</a>"));
    }

    @Test
    void shouldFormatDatesAndNumbersPerLanguageWhenAsked() {
        java.time.LocalDate date = java.time.LocalDate.of(2026, 12, 3);
        org.assertj.core.api.Assertions.assertThat(new PageLanguage("en").date(date)).isEqualTo("Dec 3, 2026");
        org.assertj.core.api.Assertions.assertThat(new PageLanguage("ja").date(date)).isEqualTo("2026/12/03");
        org.assertj.core.api.Assertions.assertThat(new PageLanguage("km").date(date)).contains("2026").doesNotContain("Dec");
        org.assertj.core.api.Assertions.assertThat(new PageLanguage("en").number(new java.math.BigDecimal("1234.50"))).isEqualTo("1,234.5");
        org.assertj.core.api.Assertions.assertThat(new PageLanguage("en").number(14.0)).isEqualTo("14");
        org.assertj.core.api.Assertions.assertThat(new PageLanguage("ja").zoneName(java.time.ZoneId.of("Asia/Tokyo"))).isEqualTo("日本時間");
    }
}
