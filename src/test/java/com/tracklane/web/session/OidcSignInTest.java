package com.tracklane.web.session;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.tracklane.security.Roles;
import com.tracklane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Production sign-in, for real: the OpenID Connect authorization-code flow against a test identity provider
 * ({@code quarkus-test-oidc-server}: WireMock serving discovery, keys, a login form and the token endpoint). The test
 * follows every redirect itself, with the cookies each side sets — staff page → provider's login form → its redirect
 * with a code → the service exchanging the code → the staff page again — and ends signed in with the role of the ID
 * token's {@code groups}. The JSON API keeps its bearer tokens beside it.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.OpenIdConnect.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class OidcSignInTest {

    /** The test profile: the production sign-in switched on and pointed at the test provider. */
    public static class OpenIdConnect implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tracklane.web.oidc.enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
                    "quarkus.oidc.client-id", "quarkus-web-app",
                    "quarkus.oidc.credentials.secret", "test-client-secret-of-the-oidc-sign-in-test-0123456789",
                    "quarkus.oidc.token.issuer", "https://server.example.com",
                    "quarkus.oidc.token.audience", "https://id.server.example.com");
        }
    }

    static final Pattern HIDDEN = Pattern.compile("name=\"(state|redirect_uri)\" value=\"([^\"]*)\"");

    @OidcWireMock
    WireMockServer provider;

    /** The provider's token endpoint answers the code with an ID token whose groups are {@code groups}. */
    void issue(String user, Set<String> groups) {
        String id = OidcWiremockTestResource.generateJwtToken(user, groups, user + "-sub", "ID",
                Set.of("https://id.server.example.com"), Map.of());
        String access = OidcWiremockTestResource.generateJwtToken(user, groups, user + "-sub", "Bearer",
                Set.of("https://server.example.com"), Map.of());
        provider.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/token")).withRequestBody(containing("authorization_code"))
                .willReturn(okJson("{\"access_token\":\"" + access + "\",\"id_token\":\"" + id
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    }

    /** Opens {@code path}, signs in at the provider as it asks, follows every redirect back; the last answer. */
    static Response signInThrough(String path) {
        Map<String, String> cookies = new HashMap<>();
        Response r = given().redirects().follow(false).accept("text/html").header("Accept-Language", "en").get(path);
        assertThat(r.statusCode()).as("a staff page without session goes to the provider").isEqualTo(302);
        cookies.putAll(r.getCookies());
        String authorize = r.getHeader("Location");
        assertThat(authorize).contains("/auth/realms/quarkus", "response_type=code", "client_id=quarkus-web-app");

        String loginForm = given().redirects().follow(false).get(URI.create(authorize)).then().statusCode(200).extract().asString();
        Map<String, String> hidden = new HashMap<>();
        Matcher m = HIDDEN.matcher(loginForm);
        while (m.find()) {
            hidden.put(m.group(1), m.group(2));
        }
        assertThat(hidden).containsKeys("state", "redirect_uri");
        URI provider = URI.create(authorize);
        Response login = given().redirects().follow(false).urlEncodingEnabled(true)
                .queryParam("username", "alice").queryParam("password", "alice")
                .queryParam("state", hidden.get("state")).queryParam("redirect_uri", hidden.get("redirect_uri"))
                .get(provider.getScheme() + "://" + provider.getAuthority() + "/login");
        assertThat(login.statusCode()).as("the provider sends back a code").isEqualTo(302);

        String next = login.getHeader("Location");
        int query = next.indexOf('?');
        String target = query < 0 ? next : next.substring(0, query);
        if (!target.contains("://")) { // the test provider writes redirect_uri back as it received it, still encoded
            target = java.net.URLDecoder.decode(target, java.nio.charset.StandardCharsets.UTF_8);
        }
        next = target + (query < 0 ? "" : next.substring(query));
        for (int hops = 0; hops < 5; hops++) {
            r = given().redirects().follow(false).accept("text/html").header("Accept-Language", "en").cookies(cookies).get(URI.create(next));
            cookies.putAll(r.getCookies());
            if (r.statusCode() != 302 && r.statusCode() != 303) {
                break;
            }
            next = r.getHeader("Location");
        }
        assertThat(cookies).as("session cookie after %s answered %s: %s", next, r.statusCode(), r.asString()).containsKey("q_session");
        return r;
    }

    @Test
    void shouldSignInThroughTheIdentityProviderWhenAStaffPageIsOpened() {
        issue("clerk.sokha", Set.of(Roles.INTAKE));
        Response desk = signInThrough("/intake");
        desk.then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Signed in as clerk.sokha (Intake clerk)"))
                .body(containsString("href=\"/intake/new\""));
    }

    @Test
    void shouldAnswer403InWordsWhenTheProvidersGroupsDoNotAllowThePage() {
        issue("monitor.dara", Set.of(Roles.MONITOR));
        signInThrough("/intake").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("Your role does not allow this page"));
    }

    @Test
    void shouldKeepTheApisBearerTokensWhenTheCodeFlowIsOn() {
        given().auth().oauth2(Tokens.token(Roles.OFFICER, "officer-api")).get("/api/v1/applications")
                .then().statusCode(200).body("page", org.hamcrest.Matchers.equalTo(0));
        given().redirects().follow(false).get("/api/v1/applications")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }
}
