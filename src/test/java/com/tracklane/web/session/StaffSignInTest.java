package com.tracklane.web.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.tracklane.security.Roles;
import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Development sign-in: a newcomer picks a role, gets a session cookie, and the staff desks answer by role; forms are
 * refused without their CSRF token; the JSON API still takes bearer tokens.
 */
@QuarkusTest
class StaffSignInTest {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** A login page's CSRF form token and cookie. */
    record Form(String token, String cookie) {
    }

    static Form loginForm() {
        Response page = given().accept("text/html").get("/login");
        page.then().statusCode(200);
        Matcher m = CSRF_FIELD.matcher(page.asString());
        assertThat(m.find()).as("CSRF field on the login page").isTrue();
        return new Form(m.group(1), page.getCookie("tracklane_csrf"));
    }

    /** Signs in as {@code role} and returns the session cookie. */
    static Cookie signIn(String role) {
        Form form = loginForm();
        Response r = given().redirects().follow(false).accept("text/html").cookie("tracklane_csrf", form.cookie())
                .formParam("csrf-token", form.token()).formParam("role", role).post("/login");
        r.then().statusCode(303);
        return r.getDetailedCookie(SessionCookie.NAME);
    }

    @Test
    void shouldOfferOneDevelopmentUserPerRoleWhenTheLoginPageIsOpened() {
        given().accept("text/html").header("Accept-Language", "en").get("/login")
                .then().statusCode(200)
                .body(containsString("value=\"intake\""), containsString("value=\"officer\""),
                        containsString("value=\"monitor\""), containsString("value=\"rules-admin\""))
                .body(containsString("Sign in as Officer"))
                .body(not(containsString("type=\"password\"")));
    }

    @Test
    void shouldGiveAnHttpOnlyLaxSessionCookieWhenARoleIsPicked() {
        Form form = loginForm();
        Response r = given().redirects().follow(false).cookie("tracklane_csrf", form.cookie())
                .formParam("csrf-token", form.token()).formParam("role", Roles.OFFICER).post("/login");
        r.then().statusCode(303).header("Location", containsString("/officer"));
        String setCookie = r.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        assertThat(setCookie).as("no Secure flag on the loopback host").doesNotContain("Secure");
        Cookie session = r.getDetailedCookie(SessionCookie.NAME);
        given().cookie(session).accept("text/html").get("/officer")
                .then().statusCode(200).body(containsString("officer-dev")).body(containsString("Officer"));
    }

    @Test
    void shouldReturnToTheAskedPageWhenSignedInFromIt() {
        given().redirects().follow(false).accept("text/html").get("/monitor")
                .then().statusCode(303).header("Location", containsString("/login?required=true&next=%2Fmonitor"));
        Form form = loginForm();
        given().redirects().follow(false).cookie("tracklane_csrf", form.cookie()).formParam("csrf-token", form.token())
                .formParam("role", Roles.MONITOR).formParam("next", "/monitor").post("/login")
                .then().statusCode(303).header("Location", containsString("/monitor"));
        given().redirects().follow(false).cookie("tracklane_csrf", form.cookie()).formParam("csrf-token", form.token())
                .formParam("role", Roles.MONITOR).formParam("next", "https://evil.example/").post("/login")
                .then().statusCode(303).header("Location", not(containsString("evil")));
    }

    @Test
    void shouldAnswer403InWordsWhenTheRoleDoesNotAllowTheDesk() {
        Cookie intake = signIn(Roles.INTAKE);
        given().cookie(intake).accept("text/html").header("Accept-Language", "en").get("/officer")
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("Your role does not allow this page"));
        given().cookie(intake).accept("text/html").get("/intake").then().statusCode(200).body(containsString("intake-dev"));
    }

    @Test
    void shouldRefuseTheFormInWordsWhenTheCsrfTokenIsMissing() {
        given().redirects().follow(false).accept("text/html").header("Accept-Language", "en")
                .formParam("role", Roles.OFFICER).post("/login")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("This form has expired or was not sent from this site"))
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        Form form = loginForm();
        given().redirects().follow(false).accept("text/html").cookie("tracklane_csrf", form.cookie())
                .formParam("csrf-token", "forged" + form.token()).formParam("role", Roles.OFFICER).post("/login")
                .then().statusCode(400).body(containsString("nothing was changed"));
    }

    @Test
    void shouldTreatAnExpiredOrForgedSessionAsNoSessionWhenAPageIsOpened() {
        given().cookie(SessionCookie.NAME, "not-a-token").accept("text/html").get("/")
                .then().statusCode(200).body(containsString("Not signed in"));
        given().redirects().follow(false).cookie(SessionCookie.NAME, "not-a-token").accept("text/html").get("/officer")
                .then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void shouldKeepBearerTokensWorkingOnTheApiWhenPagesUseCookies() {
        given().header("Authorization", Tokens.bearer(Roles.OFFICER)).get("/api/v1/applications")
                .then().statusCode(200);
        given().get("/api/v1/applications").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void shouldEndTheSessionWhenSigningOut() {
        Cookie session = signIn(Roles.OFFICER);
        Response page = given().cookie(session).accept("text/html").get("/officer");
        Matcher m = CSRF_FIELD.matcher(page.asString());
        assertThat(m.find()).isTrue();
        Response out = given().redirects().follow(false).cookie(session).cookie("tracklane_csrf", page.getCookie("tracklane_csrf") == null
                        ? loginForm().cookie() : page.getCookie("tracklane_csrf"))
                .formParam("csrf-token", m.group(1)).post("/logout");
        out.then().statusCode(303);
        assertThat(out.getDetailedCookie(SessionCookie.NAME).getMaxAge()).isZero();
    }
}
