package com.tracklane.web.pages.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.security.Roles;
import com.tracklane.support.BrowserJourney;
import com.tracklane.support.Tokens;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The intake desk in a real browser against the packaged service: a clerk submits an application, presses submit
 * twice and reloads (one application exists, counted through the API), corrects it, withdraws another; a form posted
 * without its CSRF token is refused; bad input comes back with a summary, messages beside the inputs and everything
 * typed; every intake page passes axe (no serious or critical WCAG 2.1 AA violation) and is photographed in English,
 * Japanese and Khmer ({@code target/screenshots/intake-*-<lang>.png}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeBrowserIT extends BrowserJourney {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void signIn() {
        browser.signInAs("intake");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/intake");
    }

    /** The clerk's organisation's applications, through the JSON API (the clerk signs in as intake-dev). */
    static JsonNode applications() throws Exception {
        HttpResponse<String> r = service.get("/api/v1/applications?size=100", Tokens.token(Roles.INTAKE, "intake-dev"));
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static Map<String, String> example(String flight) {
        Map<String, String> in = new LinkedHashMap<>(IntakeDeskTest.exampleInputs());
        in.remove("legs");
        in.remove("request.itinerary[1].flight");
        in.remove("request.itinerary[1].from");
        in.remove("request.itinerary[1].to");
        in.remove("request.itinerary[1].departure");
        in.remove("request.itinerary[1].arrival");
        in.put("request.itinerary[0].flight", flight);
        return in;
    }

    /** Types into the form as a person would (selects chosen, dates set, text typed). */
    static void fill(Map<String, String> inputs) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            WebElement input = browser.driver().findElement(By.name(e.getKey()));
            js.executeScript("var d = arguments[0].closest('details'); if (d) { d.open = true; }", input); // a section opened by the person
            String type = input.getAttribute("type");
            if (input.getTagName().equals("select")) {
                new Select(input).selectByValue(e.getValue());
            } else if ("date".equals(type) || "datetime-local".equals(type)) {
                js.executeScript("arguments[0].value = arguments[1]", input, e.getValue());
            } else {
                input.clear();
                input.sendKeys(e.getValue());
            }
        }
    }

    static WebElement submitButton() {
        return browser.driver().findElement(By.id("intake-submit"));
    }

    static String main() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    /** axe on the current page, and its screenshot as intake-<page>-<lang>. */
    static void check(String page, String lang) throws Exception {
        assertThat(browser.blockingViolations()).as("axe on intake " + page + " in " + lang).isEmpty();
        assertThat(Files.size(browser.screenshot("intake-" + page, lang))).isGreaterThan(10_000);
    }

    @Test
    @Order(1)
    void shouldStoreOneApplicationWhenSubmitIsPressedTwiceAndThePageReloaded() throws Exception {
        int before = applications().path("total").asInt();
        browser.go("/intake/new");
        fill(example("NH818"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click(); arguments[0].click();", submitButton());
        browser.driver().navigate().refresh();
        assertThat(browser.driver().getCurrentUrl()).contains("/intake/applications/");
        browser.driver().navigate().refresh();
        assertThat(main()).contains("RT-KHJP-2020-").contains("What is still missing, and by when");
        assertThat(applications().path("total").asInt()).isEqualTo(before + 1);
        browser.driver().navigate().back();
        if (browser.driver().getCurrentUrl().endsWith("/intake/new")) {
            submitButton().click(); // the same rendered form sent again: still the one application
        }
        assertThat(applications().path("total").asInt()).isEqualTo(before + 1);
    }

    @Test
    @Order(2)
    void shouldCorrectTheApplicationWhenAFieldIsChanged() throws Exception {
        browser.go("/intake");
        browser.driver().findElement(By.cssSelector("table.applications tbody tr a")).click();
        String id = browser.driver().getCurrentUrl().replaceAll(".*/intake/applications/([0-9a-f-]{36}).*", "$1");
        browser.driver().findElement(By.id("correct")).click();
        WebElement flight = browser.driver().findElement(By.name("request.itinerary[0].flight"));
        assertThat(flight.getAttribute("value")).isEqualTo("NH818");
        flight.clear();
        flight.sendKeys("NH800");
        submitButton().click();
        assertThat(main()).contains("The correction has been saved");
        HttpResponse<String> r = service.get("/api/v1/applications/" + id, Tokens.token(Roles.INTAKE, "intake-dev"));
        assertThat(JSON.readTree(r.body()).at("/request/itinerary/0/flight").asText()).isEqualTo("NH800");
    }

    @Test
    @Order(3)
    void shouldWithdrawAnotherApplicationAfterConfirmation() throws Exception {
        browser.go("/intake/new");
        fill(example("NH802"));
        submitButton().click();
        String id = browser.driver().getCurrentUrl().replaceAll(".*/intake/applications/([0-9a-f-]{36}).*", "$1");
        browser.driver().findElement(By.id("withdraw")).click();
        assertThat(main()).contains("Do you really want to withdraw");
        browser.driver().findElement(By.id("withdraw-reason")).sendKeys("The trip is cancelled");
        browser.driver().findElement(By.id("confirm-withdraw")).click();
        assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("Withdrawn");
        HttpResponse<String> r = service.get("/api/v1/applications/" + id, Tokens.token(Roles.INTAKE, "intake-dev"));
        assertThat(JSON.readTree(r.body()).path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    @Order(4)
    void shouldRefuseTheFormWhenItsCsrfTokenIsMissing() throws Exception {
        int before = applications().path("total").asInt();
        browser.go("/intake/new");
        fill(example("NH804"));
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('form.intake-form input[name=\"csrf-token\"]').remove()");
        submitButton().click();
        assertThat(main()).contains("This form has expired or was not sent from this site");
        assertThat(applications().path("total").asInt()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void shouldGiveTheFormBackWithSummaryMessagesAndValuesWhenInputIsBad() throws Exception {
        browser.go("/intake/new");
        Map<String, String> bad = example("NH806");
        bad.put("applicant.passportNumber", "ab");
        bad.put("applicant.email", "sokha-at-example");
        fill(bad);
        submitButton().click();
        WebElement summary = browser.driver().findElement(By.id("error-summary"));
        assertThat(summary.getText()).contains("Passport number", "E-mail address");
        assertThat(browser.driver().findElement(By.id("f-applicant-passportNumber-error")).getText())
                .contains("5 to 20 capital letters and digits");
        assertThat(browser.driver().findElement(By.name("applicant.passportNumber")).getAttribute("value")).isEqualTo("ab");
        assertThat(browser.driver().findElement(By.name("applicant.givenName")).getAttribute("value")).isEqualTo("Sokha");
        assertThat(browser.driver().findElement(By.name("request.itinerary[0].flight")).getAttribute("value")).isEqualTo("NH806");
        summary.findElement(By.tagName("a")).click();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("name")).isEqualTo("applicant.passportNumber");
    }

    @Test
    @Order(6)
    void shouldPassAxeAndBePhotographedOnEveryIntakePageInEachLanguage() throws Exception {
        browser.go("/intake/new");
        fill(example("NH808"));
        submitButton().click();
        String application = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");
        List<String> failures = new ArrayList<>();
        for (String lang : List.of("en", "ja", "km")) {
            browser.go("/").language(lang);
            browser.go("/intake");
            check("list", lang);
            browser.go("/intake/new");
            check("new", lang);
            fill(Map.of("applicant.passportNumber", "x", "applicant.email", "x"));
            submitButton().click();
            check("bad-input", lang);
            browser.driver().get(application);
            check("application", lang);
            browser.go(application.replaceAll("^https?://[^/]+", "") + "/correct");
            check("correct", lang);
            browser.go(application.replaceAll("^https?://[^/]+", "") + "/withdraw");
            check("withdraw", lang);
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        }
        assertThat(failures).isEmpty();
    }
}
