package com.tracklane.web.pages.officer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.tracklane.support.Examples;
import com.tracklane.support.StaffSession;
import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The officer's desk on intake's service: the queue and its filters, an application's page, decisions with the ETag
 * the page was rendered with, the stale-form conflict (412) that keeps what was typed, the override of a
 * NOT_ELIGIBLE evaluation, and the replay of a snapshot.
 */
@QuarkusTest
class OfficerDeskTest {

    StaffSession officer;

    @BeforeEach
    void signIn() {
        officer = StaffSession.signIn("officer");
    }

    /** Submits an application through the API as an intake clerk; returns its id. */
    static String submit(String trip, String familyName) {
        String body = """
                {"applicant": {"givenName": "Sokha", "familyName": "%s", "passportNumber": "N%07d", "nationality": "KH",
                               "dateOfBirth": "1990-04-01", "email": "sokha@example.com"},
                 "request": %s}""".formatted(familyName, (int) (Math.random() * 9_999_999), Examples.withoutKnownAt(trip));
        return given().header("Authorization", "Bearer " + Tokens.token("intake", "intake-test")).contentType(ContentType.JSON)
                .body(body).post("/api/v1/applications").then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    static String residentTrip() throws Exception {
        return Files.readString(Path.of("examples/eligibility-resident.json"));
    }

    /** The resident trip cut to 14 days: NOT_ELIGIBLE. */
    static String notEligibleTrip() throws Exception {
        return residentTrip().replace("2020-10-20T10:30", "2020-09-29T10:30").replace("2020-10-20T15:00", "2020-09-29T15:00");
    }

    static String reference(String id) {
        return given().header("Authorization", "Bearer " + Tokens.token("officer", "officer-test"))
                .get("/api/v1/applications/" + id).path("reference");
    }

    @Test
    void shouldListTheApplicationInTheQueueWhenItsFiltersMatch() throws Exception {
        String id = submit(residentTrip(), "Queue");
        String reference = reference(id);
        officer.page().queryParam("status", "SUBMITTED").queryParam("route", "KH-JP").queryParam("size", "x").get("/officer")
                .then().statusCode(200).body(containsString(reference)).body(containsString("Cambodia → Japan"))
                .body(containsString("Residence Track")).body(not(containsString(">KH<")));
        officer.page().queryParam("route", "JP-KH").get("/officer").then().statusCode(200).body(not(containsString(reference)));
        officer.page().queryParam("status", "APPROVED").get("/officer").then().statusCode(200).body(not(containsString(reference)));
    }

    @Test
    void shouldShowTheRulesInThePageLanguageAndNameTheRuleSetByItsTitleWhenOpenedInJapanese() throws Exception {
        String id = submit(residentTrip(), "Language");
        String html = officer.page().cookie("tracklane_lang", "ja").get("/officer/applications/" + id).then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("<td lang=\"ja\">").doesNotContain("<td lang=\"en\">")
                .doesNotContain("resident-kh-jp").contains("第 2 版");
        String english = officer.page().get("/officer/applications/" + id).then().statusCode(200).extract().asString();
        assertThat(english).contains("<td lang=\"en\">").doesNotContain("resident-kh-jp");
    }

    @Test
    void shouldShowTheProblemNextToTheFieldAndKeepTheInputWhenAFilterDateIsWrong() {
        String html = officer.page().queryParam("from", "2020-13-45").queryParam("to", "2020-01-01").queryParam("status", "SUBMITTED")
                .get("/officer").then().statusCode(200).extract().asString();
        assertThat(html).contains("class=\"error-summary\"").contains("href=\"#from\"")
                .contains("id=\"from-error\"").contains("value=\"2020-13-45\"").contains("<option value=\"SUBMITTED\" selected>");
    }

    @Test
    void shouldRecordTheDecisionAndShowItInTheHistoryWhenTheFormIsCurrent() throws Exception {
        String id = submit(residentTrip(), "Review");
        String page = officer.page().get("/officer/applications/" + id).then().statusCode(200)
                .body(containsString("Review")).body(containsString("Cambodia")).extract().asString();
        Response r = officer.form().formParam("etag", StaffSession.input(page, "etag")).formParam("seen", StaffSession.input(page, "seen"))
                .formParam("action", "START_REVIEW").formParam("reason", "").post("/officer/applications/" + id + "/decision");
        r.then().statusCode(303).header("Location", containsString("/officer/applications/" + id + "?done=START_REVIEW"));
        officer.page().get("/officer/applications/" + id + "?done=START_REVIEW").then().statusCode(200)
                .body(containsString("The review has started.")).body(containsString("Under review"))
                .body(containsString("Review started")).body(containsString("by officer-dev"));
    }

    @Test
    void shouldSayAnotherOfficerChangedItAndKeepTheReasonWhenTheFormIsStale() throws Exception {
        String id = submit(residentTrip(), "Stale");
        String page = officer.page().get("/officer/applications/" + id).then().statusCode(200).extract().asString();
        String etag = StaffSession.input(page, "etag");
        String seen = StaffSession.input(page, "seen");
        officer.form().formParam("etag", etag).formParam("seen", seen).formParam("action", "START_REVIEW")
                .post("/officer/applications/" + id + "/decision").then().statusCode(303);
        String conflict = officer.form().formParam("etag", etag).formParam("seen", seen).formParam("action", "REJECT")
                .formParam("reason", "Documents are forged <b>").post("/officer/applications/" + id + "/decision")
                .then().statusCode(412).extract().asString();
        assertThat(conflict).contains("Another officer changed this application first").contains("Review started")
                .contains("Documents are forged &lt;b&gt;</textarea>").doesNotContain("name=\"etag\" value=\"" + etag + "\"");
        given().header("Authorization", "Bearer " + Tokens.token("officer", "officer-test")).get("/api/v1/applications/" + id)
                .then().body("status", org.hamcrest.Matchers.equalTo("UNDER_REVIEW"));
    }

    @Test
    void shouldAskForTheReasonNextToItsFieldWhenRejectingWithoutOne() throws Exception {
        String id = submit(residentTrip(), "NoReason");
        String page = officer.page().get("/officer/applications/" + id).then().extract().asString();
        String html = officer.form().formParam("etag", StaffSession.input(page, "etag")).formParam("seen", "0")
                .formParam("action", "REJECT").formParam("reason", "  ").post("/officer/applications/" + id + "/decision")
                .then().statusCode(400).extract().asString();
        assertThat(html).contains("class=\"error-summary\"").contains("href=\"#reason\"").contains("id=\"reason-error\"")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void shouldRequireTheOverrideAndItsReasonWhenApprovingANotEligibleApplication() throws Exception {
        String id = submit(notEligibleTrip(), "Override");
        String page = officer.page().get("/officer/applications/" + id).then().statusCode(200)
                .body(containsString("Not eligible")).body(containsString("I override the evaluation")).extract().asString();
        String etag = StaffSession.input(page, "etag");
        String refused = officer.form().formParam("etag", etag).formParam("seen", "0").formParam("action", "APPROVE")
                .formParam("reason", "humanitarian").post("/officer/applications/" + id + "/decision")
                .then().statusCode(409).extract().asString();
        assertThat(refused).contains("id=\"override-error\"").contains("humanitarian</textarea>");
        officer.form().formParam("etag", etag).formParam("seen", "0").formParam("action", "APPROVE").formParam("override", "true")
                .formParam("reason", "humanitarian").post("/officer/applications/" + id + "/decision").then().statusCode(303);
        officer.page().get("/officer/applications/" + id).then().statusCode(200).body(containsString("Approved"))
                .body(containsString("class=\"badge\">override")).body(containsString("Reason: humanitarian"));
    }

    @Test
    void shouldShowTheSameDecisionWhenASnapshotIsReplayed() throws Exception {
        String id = submit(residentTrip(), "Replay");
        String page = officer.page().get("/officer/applications/" + id).then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/officer/applications/[^\"]+/replay)\"").matcher(page);
        assertThat(m.find()).isTrue();
        officer.page().get(m.group(1)).then().statusCode(200).body(containsString("The replay gives the same decision."))
                .body(containsString("Eligible"));
    }

    @Test
    void shouldAnswerTheMonitorWith403WhenTheOfficerDeskIsOpened() {
        StaffSession.signIn("monitor").page().get("/officer").then().statusCode(403).body(containsString("Your role does not allow"));
    }
}
