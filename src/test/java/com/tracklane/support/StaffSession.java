package com.tracklane.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A development sign-in to the staff pages for RestAssured tests ({@code @QuarkusTest}): the session cookie of a role
 * and the CSRF cookie and token the pages' forms carry.
 */
public record StaffSession(Cookie session, String csrfCookie, String csrfToken) {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** Signs in as {@code role} through {@code /login}. */
    public static StaffSession signIn(String role) {
        Response page = given().accept("text/html").get("/login");
        page.then().statusCode(200);
        Matcher m = CSRF_FIELD.matcher(page.asString());
        assertThat(m.find()).as("CSRF field on the login page").isTrue();
        String cookie = page.getCookie("tracklane_csrf");
        Response r = given().redirects().follow(false).accept("text/html").cookie("tracklane_csrf", cookie)
                .formParam("csrf-token", m.group(1)).formParam("role", role).post("/login");
        r.then().statusCode(303);
        return new StaffSession(r.getDetailedCookie("tracklane_session"), cookie, m.group(1));
    }

    /** A page request in English with the session. */
    public RequestSpecification page() {
        return given().redirects().follow(false).accept("text/html").header("Accept-Language", "en").cookie(session)
                .cookie("tracklane_csrf", csrfCookie);
    }

    /** A form post with the session and the CSRF token. */
    public RequestSpecification form() {
        return page().contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrfToken);
    }

    /** The value of the hidden or text input {@code name} in a page. */
    public static String input(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("input " + name).isTrue();
        return m.group(1);
    }
}
