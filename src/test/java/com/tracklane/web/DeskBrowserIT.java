package com.tracklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.support.BrowserJourney;
import com.tracklane.support.Examples;
import com.tracklane.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The officer's and the monitor's desks in a real browser against the packaged service: an officer reviews and
 * approves; a second officer's stale approval is shown as a conflict that keeps what was typed; a monitor records an
 * arrival and check-ins, sweeps and sees the violations; a page of each desk with bad input; every desk page in
 * English, Japanese and Khmer with no serious or critical WCAG 2.1 AA violation and a screenshot each. Test data is
 * created through the JSON API with development tokens.
 */
class DeskBrowserIT extends BrowserJourney {

    static final ObjectMapper JSON = new ObjectMapper();

    // --- test data through the API ------------------------------------------------------------------------------

    static String trip() throws Exception {
        return Examples.withoutKnownAt(Files.readString(Path.of("examples/eligibility-resident.json")));
    }

    /** Submits an application as an intake clerk; returns its JSON (id, reference). */
    static JsonNode submit(String familyName, String trip) throws Exception {
        String body = """
                {"applicant": {"givenName": "Sokha", "familyName": "%s", "passportNumber": "N%07d", "nationality": "KH",
                               "dateOfBirth": "1990-04-01", "email": "sokha@example.com"},
                 "request": %s}""".formatted(familyName, (int) (Math.random() * 9_999_999), trip);
        HttpResponse<String> r = service.post("/api/v1/applications", ServiceProcess.token("intake"), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    /** An officer's decision through the API with the application's current ETag. */
    static void decide(String id, String json) throws Exception {
        HttpResponse<String> current = service.get("/api/v1/applications/" + id, ServiceProcess.token("officer"));
        String etag = current.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> r = service.send("POST", "/api/v1/applications/" + id + "/decision", ServiceProcess.token("officer"), json,
                Map.of("If-Match", etag));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    // --- browser helpers -----------------------------------------------------------------------------------------

    static void signInAs(String role) {
        browser.signInAs(role);
    }

    static void clickAndWait(WebElement element) {
        browser.clickAndWait(element);
    }

    static WebElement find(String css) {
        return browser.find(css);
    }

    static String main() {
        return browser.mainText();
    }

    static void type(String css, String text) {
        browser.type(css, text);
    }

    static void setValue(String css, String value) {
        browser.setValue(css, value);
    }

    static void clickButton(String text) {
        browser.clickButton(text);
    }

    static void assertAccessible(String page) {
        browser.assertAccessible(page);
    }

    // --- journeys ------------------------------------------------------------------------------------------------

    @Test
    void shouldApproveTheApplicationWhenAnOfficerReviewsIt() throws Exception {
        JsonNode app = submit("Approve", trip());
        signInAs("officer");
        browser.go("/officer?status=SUBMITTED");
        assertAccessible("/officer");
        clickAndWait(browser.driver().findElement(By.linkText(app.path("reference").asText())));
        assertThat(main()).contains("Sokha").contains("Approve").contains("Cambodia → Japan").contains("Eligible");
        clickButton("Start the review");
        assertThat(main()).contains("The review has started.").contains("Under review");
        type("#reason", "Documents in order");
        clickButton("Approve");
        assertThat(main()).contains("The application is approved.").contains("Reason: Documents in order")
                .contains("This application is closed");
        assertAccessible("/officer/applications/{id}");
        HttpResponse<String> api = service.get("/api/v1/applications/" + app.path("id").asText(), ServiceProcess.token("officer"));
        assertThat(JSON.readTree(api.body()).path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void shouldShowTheConflictAndKeepTheReasonWhenASecondOfficersApprovalIsStale() throws Exception {
        JsonNode app = submit("Conflict", trip());
        String id = app.path("id").asText();
        signInAs("officer");
        browser.go("/officer/applications/" + id);
        type("#reason", "Approved after the call with the sponsor");
        decide(id, "{\"action\":\"REQUEST_INFO\",\"reason\":\"Missing insurance certificate\"}"); // the first officer
        clickButton("Approve");
        assertThat(find("#conflict").getText()).contains("Another officer changed this application first")
                .contains("Information requested").contains("Missing insurance certificate");
        assertThat(find("#reason").getAttribute("value")).isEqualTo("Approved after the call with the sponsor");
        assertAccessible("officer conflict");
        browser.screenshot("officer-conflict", "en");
        HttpResponse<String> api = service.get("/api/v1/applications/" + id, ServiceProcess.token("officer"));
        assertThat(JSON.readTree(api.body()).path("status").asText()).isEqualTo("INFO_REQUESTED");
    }

    @Test
    void shouldRecordArrivalAndCheckInsThenSweepAndListTheViolationsWhenAMonitorWorks() throws Exception {
        JsonNode app = submit("Monitored", trip());
        String id = app.path("id").asText();
        decide(id, "{\"action\":\"APPROVE\"}");
        signInAs("monitor");
        assertThat(main()).contains(app.path("reference").asText());
        clickAndWait(browser.driver().findElement(By.linkText(app.path("reference").asText())));
        type("#arrivalAirport", "NRT");
        setValue("#arrivedAt", "2020-09-15T07:30");
        type("#address", "1-1 Marunouchi, Chiyoda-ku, Tokyo");
        type("#addressLat", "35.68");
        type("#addressLon", "139.76");
        clickButton("Record the arrival");
        assertThat(main()).contains("The arrival is recorded").contains("Day 0").contains("Quarantine");
        setValue("#at", "2020-09-15T20:00");
        type("#temperature", "36.4");
        type("#lat", "35.68");
        type("#lon", "139.76");
        clickButton("Record the check-in");
        assertThat(main()).contains("The check-in is recorded").contains("received: 1");
        setValue("#at", "2020-09-16T09:00");
        type("#temperature", "38.1");
        type("#lat", "35.68");
        type("#lon", "139.76");
        new org.openqa.selenium.support.ui.Select(find("#transport")).selectByValue("PUBLIC_TRANSPORT");
        browser.driver().findElement(By.xpath("//label[normalize-space(.)='Cough']/input[@type='checkbox']")).click();
        browser.screenshot("monitor-checkin", "en");
        clickButton("Record the check-in");
        assertThat(main()).contains("Fever").contains("Used public transport");
        assertThat(browser.driver().findElements(By.cssSelector("main li")).stream().map(WebElement::getText))
                .as("the ticked symptom is a violation").anyMatch(text -> text.startsWith("Symptoms"));
        assertAccessible("/monitor/travellers/{id}");
        browser.go("/monitor");
        clickAndWait(browser.driver().findElement(By.linkText("Run a sweep…")));
        clickButton("Yes, run the sweep now");
        assertThat(find("#sweep-result").getText()).contains("The sweep is done.");
        assertThat(main()).contains("Missed check-in");
        assertAccessible("/monitor/sweep");
        clickAndWait(browser.driver().findElement(By.linkText("All violations")));
        assertThat(main()).contains(app.path("reference").asText()).contains("Fever").contains("Missed check-in");
        assertAccessible("/monitor/violations");
    }

    @Test
    void shouldShowTheSummaryTheFieldMessagesAndTheInputWhenAFormHasBadInput() throws Exception {
        JsonNode app = submit("BadInput", trip());
        String id = app.path("id").asText();
        signInAs("officer");
        browser.go("/officer/applications/" + id);
        clickButton("Reject");
        assertThat(find(".error-summary").getText()).contains("Reason");
        assertThat(find("#reason-error").getText()).isNotBlank();
        assertThat(find("#reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible("officer bad input");
        browser.screenshot("officer-bad-input", "en");

        browser.go("/officer?from=2020-02-30&status=SUBMITTED");
        assertThat(find("#from-error").getText()).isNotBlank();
        assertThat(find("#from").getAttribute("value")).isEmpty(); // a date input shows no impossible date; the summary names it
        assertThat(find(".error-summary").getText()).contains("Submitted on or after");

        decide(id, "{\"action\":\"APPROVE\"}");
        signInAs("monitor");
        browser.go("/monitor/travellers/" + id);
        type("#arrivalAirport", "PNH");
        setValue("#arrivedAt", "2020-09-15T07:30");
        type("#address", "Somewhere");
        type("#addressLat", "135");
        type("#addressLon", "139.76");
        clickButton("Record the arrival");
        assertThat(find(".error-summary").getText()).contains("Latitude");
        assertThat(find("#addressLat").getAttribute("value")).isEqualTo("135");
        assertThat(find("#address").getAttribute("value")).isEqualTo("Somewhere");
        assertThat(find("#addressLat-error").getText()).isNotBlank();
        assertAccessible("monitor bad input");
        browser.screenshot("monitor-bad-input", "en");
    }

    @Test
    void shouldShowEveryDeskPageWithoutAccessibilityViolationsWhenOpenedInEachLanguage() throws Exception {
        JsonNode officerApp = submit("Pages", trip());
        String officerId = officerApp.path("id").asText();
        JsonNode monitoredApp = submit("PagesMonitored", trip());
        String monitoredId = monitoredApp.path("id").asText();
        decide(monitoredId, "{\"action\":\"APPROVE\"}");
        HttpResponse<String> arrived = service.post("/api/v1/applications/" + monitoredId + "/arrival", ServiceProcess.token("monitor"),
                "{\"arrivedAt\": \"2020-09-15T07:30:00+09:00\", \"airport\": \"NRT\", \"quarantineAddress\": "
                        + "{\"address\": \"1-1 Marunouchi\", \"lat\": 35.68, \"lon\": 139.76}}");
        assertThat(arrived.statusCode()).as(arrived.body()).isEqualTo(201);
        service.post("/api/v1/applications/" + monitoredId + "/check-ins", ServiceProcess.token("monitor"),
                "{\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 38.0, \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\"}");
        signInAs("officer");
        browser.go("/officer/applications/" + officerId);
        String replay = browser.driver().findElement(By.partialLinkText("Replay this evaluation")).getAttribute("href");
        replay = replay.substring(replay.indexOf("/officer/"));
        Map<String, String> officerPages = Map.of("officer-queue", "/officer", "officer-application", "/officer/applications/" + officerId,
                "officer-replay", replay);
        visitInEveryLanguage(officerPages);
        signInAs("monitor");
        Map<String, String> monitorPages = Map.of("monitor-desk", "/monitor", "monitor-traveller", "/monitor/travellers/" + monitoredId,
                "monitor-arrival", "/monitor/travellers/" + officerId, "monitor-sweep", "/monitor/sweep", "monitor-violations", "/monitor/violations");
        visitInEveryLanguage(monitorPages);
    }

    private void visitInEveryLanguage(Map<String, String> pages) throws Exception {
        for (String lang : List.of("en", "ja", "km")) {
            browser.language(lang);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.go(page.getValue());
                assertThat(find("html").getAttribute("lang")).isEqualTo(lang);
                assertThat(browser.html()).as(page.getKey() + " " + lang).doesNotContain("+09:00").doesNotContain(">KH<")
                        .doesNotContain(">JP<").doesNotContain("Error 500");
                assertAccessible(page.getKey() + " in " + lang);
                assertThat(Files.size(browser.screenshot(page.getKey(), lang))).isGreaterThan(10_000);
            }
        }
        browser.language("en");
    }
}
