package com.tracklane.web.pages.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.tracklane.security.Roles;
import com.tracklane.support.Tokens;
import com.tracklane.web.session.SessionCookie;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The intake desk's pages over HTTP (the browser journeys are in {@code IntakeBrowserIT}): sign-in required, one
 * application however often a form is posted, bad input answered with the form, its problems and what was typed, the
 * CSRF token required, correction by merge patch of the changed fields only, withdrawal after confirmation.
 */
@QuarkusTest
class IntakeDeskTest {

    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    /** A session of the development user of {@code role} (subject {@code <role>-dev}). */
    static Cookie signIn(String role) {
        Response page = given().accept("text/html").get("/login");
        String token = find(CSRF, page.asString());
        Response r = given().redirects().follow(false).accept("text/html").cookie("tracklane_csrf", page.getCookie("tracklane_csrf"))
                .formParam("csrf-token", token).formParam("role", role).post("/login");
        return r.getDetailedCookie(SessionCookie.NAME);
    }

    /** A rendered form: its page, CSRF token and cookie, idempotency key. */
    record Rendered(String html, String csrf, String csrfCookie) {
        String key() {
            return find(KEY, html);
        }
    }

    static Rendered open(Cookie session, String path) {
        Response page = given().accept("text/html").header("Accept-Language", "en").cookie(session).get(path);
        page.then().statusCode(200);
        return new Rendered(page.asString(), find(CSRF, page.asString()), page.getCookie("tracklane_csrf"));
    }

    static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as("%s in the page", p).isTrue();
        return m.group(1);
    }

    /** The example application as form inputs. */
    static Map<String, String> exampleInputs() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("applicant.givenName", "Sokha");
        in.put("applicant.familyName", "Chan");
        in.put("applicant.passportNumber", "N01234567");
        in.put("applicant.nationality", "KH");
        in.put("applicant.dateOfBirth", "1990-04-01");
        in.put("applicant.email", "sokha@example.com");
        in.put("legs", "2");
        in.put("request.itinerary[0].flight", "NH818");
        in.put("request.itinerary[0].from", "PNH");
        in.put("request.itinerary[0].to", "NRT");
        in.put("request.itinerary[0].departure", "2020-09-14T23:50");
        in.put("request.itinerary[0].arrival", "2020-09-15T07:30");
        in.put("request.itinerary[1].flight", "NH817");
        in.put("request.itinerary[1].from", "NRT");
        in.put("request.itinerary[1].to", "PNH");
        in.put("request.itinerary[1].departure", "2020-10-20T10:30");
        in.put("request.itinerary[1].arrival", "2020-10-20T15:00");
        in.put("request.traveller.nationality", "KH");
        in.put("request.traveller.residenceCountry", "KH");
        in.put("request.traveller.statusOfResidence", "INTRA_COMPANY_TRANSFEREE");
        in.put("request.traveller.certificateOfEligibility", "true");
        in.put("request.healthMonitoring.from", "2020-08-30");
        in.put("request.healthMonitoring.maxTemperatureC", "36.9");
        return in;
    }

    static Response post(Cookie session, Rendered form, String path, Map<String, String> inputs, String op) {
        return given().redirects().follow(false).accept("text/html").header("Accept-Language", "en").cookie(session)
                .cookie("tracklane_csrf", form.csrfCookie()).formParam("csrf-token", form.csrf())
                .formParam("idempotencyKey", form.key()).formParams(inputs).formParam("op", op).post(path);
    }

    static long applicationsOf(String subject) {
        return given().auth().oauth2(Tokens.token(Roles.INTAKE, subject)).get("/api/v1/applications?size=1")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    static String idOf(Response redirect) {
        String location = redirect.getHeader("Location");
        Matcher m = Pattern.compile("/intake/applications/([0-9a-f-]{36})").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return m.group(1);
    }

    @Test
    void shouldSendToSignInWhenTheDeskIsOpenedWithoutSession() {
        given().redirects().follow(false).accept("text/html").get("/intake/new")
                .then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void shouldSubmitOneApplicationWhenTheSameFormIsPostedTwice() {
        Cookie session = signIn(Roles.INTAKE);
        Rendered form = open(session, "/intake/new");
        long before = applicationsOf("intake-dev");
        Response first = post(session, form, "/intake/new", exampleInputs(), "submit");
        Response second = post(session, form, "/intake/new", exampleInputs(), "submit");
        first.then().statusCode(303);
        second.then().statusCode(303);
        assertThat(idOf(second)).isEqualTo(idOf(first));
        assertThat(second.getHeader("Location")).endsWith("done=again");
        assertThat(applicationsOf("intake-dev")).isEqualTo(before + 1);

        String page = given().accept("text/html").header("Accept-Language", "en").cookie(session).get(first.getHeader("Location"))
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("The application has been submitted", "RT-KHJP-2020-", "What is still missing, and by when")
                .contains("Cambodia to Japan").doesNotContain("N01234567").doesNotContain(">KH<");
    }

    @Test
    void shouldGiveTheFormBackWithItsProblemsWhenInputIsBad() {
        Cookie session = signIn(Roles.INTAKE);
        Rendered form = open(session, "/intake/new");
        Map<String, String> inputs = exampleInputs();
        inputs.put("applicant.passportNumber", "n-1");
        inputs.put("applicant.email", "not an address");
        inputs.put("request.itinerary[0].from", "");
        long before = applicationsOf("intake-dev");
        post(session, form, "/intake/new", inputs, "submit").then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("Please correct the following"))
                .body(containsString("href=\"#f-applicant-passportNumber\""))
                .body(containsString("Enter the passport number: 5 to 20 capital letters and digits."))
                .body(containsString("Enter an e-mail address such as name@example.org."))
                .body(containsString("href=\"#f-request-itinerary-0-from\""))
                .body(containsString("value=\"n-1\""), containsString("value=\"not an address\""), containsString("value=\"NH818\""))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("value=\"" + form.key() + "\""));
        assertThat(applicationsOf("intake-dev")).isEqualTo(before);
    }

    @Test
    void shouldAddAndRemoveLegsWithoutJavaScriptKeepingWhatWasTyped() {
        Cookie session = signIn(Roles.INTAKE);
        Rendered form = open(session, "/intake/new");
        String added = post(session, form, "/intake/new", exampleInputs(), "addLeg").then().statusCode(200).extract().asString();
        assertThat(added).contains("Leg 3", "value=\"NH817\"", "name=\"legs\" value=\"3\"");
        String removed = post(session, form, "/intake/new", exampleInputs(), "removeLeg-0").then().statusCode(200).extract().asString();
        assertThat(removed).contains("value=\"NH817\"").doesNotContain("value=\"NH818\"").doesNotContain("Leg 2");
    }

    @Test
    void shouldRefuseAFormWithoutItsCsrfTokenAndStoreNothing() {
        Cookie session = signIn(Roles.INTAKE);
        long before = applicationsOf("intake-dev");
        given().redirects().follow(false).accept("text/html").cookie(session).formParams(exampleInputs()).formParam("op", "submit")
                .post("/intake/new").then().statusCode(400).contentType(containsString("text/html")).body(containsString("Error 400"));
        assertThat(applicationsOf("intake-dev")).isEqualTo(before);
    }

    @Test
    void shouldCorrectOnlyTheChangedFieldsWhenTheCorrectionIsSaved() {
        Cookie session = signIn(Roles.INTAKE);
        String id = idOf(post(session, open(session, "/intake/new"), "/intake/new", exampleInputs(), "submit"));
        Rendered correction = open(session, "/intake/applications/" + id + "/correct");
        assertThat(correction.html()).contains("value=\"NH818\"").doesNotContain("N01234567")
                .contains("Personal data is not shown to your role");
        Map<String, String> inputs = exampleInputs();
        APPLICANT_BLANK.forEach(inputs::remove);
        inputs.put("request.itinerary[0].flight", "NH800");
        inputs.put("version", find(VERSION, correction.html()));
        Response saved = post(session, correction, "/intake/applications/" + id + "/correct", inputs, "submit");
        saved.then().statusCode(303).header("Location", containsString("done=corrected"));

        String bearer = Tokens.token(Roles.INTAKE, "intake-dev");
        JsonPath application = given().auth().oauth2(bearer).get("/api/v1/applications/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(application.getString("request.itinerary[0].flight")).isEqualTo("NH800");
        JsonPath history = given().auth().oauth2(bearer).get("/api/v1/applications/" + id + "/history").then().extract().jsonPath();
        assertThat(history.getList("findAll { it.action == 'DOCUMENTS_UPDATED' }.changedFields.flatten()", String.class))
                .containsExactly("request.itinerary[0].flight");
        assertThat(given().auth().oauth2(Tokens.token(Roles.OFFICER, "officer-dev")).get("/api/v1/applications/" + id)
                .then().extract().jsonPath().getString("applicant.passportNumber")).isEqualTo("N01234567");
    }

    static final java.util.List<String> APPLICANT_BLANK = java.util.List.of("applicant.givenName", "applicant.familyName",
            "applicant.passportNumber", "applicant.nationality", "applicant.dateOfBirth", "applicant.email");

    @Test
    void shouldWithdrawOnlyAfterConfirmationWhenAsked() {
        Cookie session = signIn(Roles.INTAKE);
        String id = idOf(post(session, open(session, "/intake/new"), "/intake/new", exampleInputs(), "submit"));
        Rendered confirm = open(session, "/intake/applications/" + id + "/withdraw");
        assertThat(confirm.html()).contains("Do you really want to withdraw");
        given().redirects().follow(false).accept("text/html").cookie(session).cookie("tracklane_csrf", confirm.csrfCookie())
                .formParam("csrf-token", confirm.csrf()).formParam("version", find(VERSION, confirm.html()))
                .formParam("confirm", "yes").formParam("reason", "Trip cancelled").post("/intake/applications/" + id + "/withdraw")
                .then().statusCode(303).header("Location", containsString("done=withdrawn"));
        given().accept("text/html").header("Accept-Language", "en").cookie(session).get("/intake/applications/" + id)
                .then().statusCode(200).body(containsString("Withdrawn")).body(not(containsString("id=\"withdraw\"")))
                .body(not(containsString("id=\"correct\"")));
    }

    @Test
    void shouldAnswerInJapaneseAndKhmerWhenTheLanguageIsChosen() {
        Cookie session = signIn(Roles.INTAKE);
        given().accept("text/html").header("Accept-Language", "ja").cookie(session).get("/intake/new")
                .then().statusCode(200).body(containsString("新しい申請"), containsString("カンボジア"));
        given().accept("text/html").header("Accept-Language", "km").cookie(session).get("/intake")
                .then().statusCode(200).body(containsString("បញ្ជរទទួលពាក្យស្នើសុំ"));
    }
}
