package com.tracklane.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every application endpoint × every caller: no token → 401, a role not allowed → 403, an allowed role gets
 * past security (200 for the list; otherwise 404, 400 or 409: the application does not exist, the body is empty).
 */
@QuarkusTest
class ApplicationRoleMatrixTest {

    private static final String ID = "00000000-0000-0000-0000-000000000000";

    private record Endpoint(String method, String path, Set<String> allowed) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/applications", Set.of("intake", "officer")),
            new Endpoint("GET", "/api/v1/applications", Set.of("intake", "officer")),
            new Endpoint("GET", "/api/v1/applications/" + ID, Set.of("intake", "officer")),
            new Endpoint("PATCH", "/api/v1/applications/" + ID, Set.of("intake", "officer")),
            new Endpoint("POST", "/api/v1/applications/" + ID + "/decision", Set.of("officer")),
            new Endpoint("POST", "/api/v1/applications/" + ID + "/withdrawal", Set.of("intake")),
            new Endpoint("POST", "/api/v1/applications/" + ID + "/re-evaluation", Set.of("intake", "officer")),
            new Endpoint("GET", "/api/v1/applications/" + ID + "/history", Set.of("intake", "officer")),
            new Endpoint("GET", "/api/v1/applications/" + ID + "/decisions", Set.of("intake", "officer")),
            new Endpoint("GET", "/api/v1/applications/" + ID + "/decisions/x", Set.of("intake", "officer")),
            new Endpoint("GET", "/api/v1/applications/" + ID + "/decisions/x/replay", Set.of("intake", "officer")));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (String role : List.of("", "intake", "officer", "monitor", "rules-admin")) {
                int expected = role.isEmpty() ? 401 : e.allowed().contains(role) ? 0 : 403;
                cases.add(Arguments.of(e.method(), e.path(), role, expected));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} as [{2}] → {3}")
    @MethodSource("matrix")
    void shouldAllowOnlyTheRolesOfTheEndpoint(String method, String path, String role, int expected) {
        RequestSpecification request = given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{}");
        if (!role.isEmpty()) {
            request = request.header("Authorization", "Bearer " + Tokens.token(role));
        }
        Response response = request.request(method, path);
        if (expected == 0) {
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(method + " " + path + " as " + role).isIn(200, 400, 404, 409);
        } else {
            response.then().statusCode(expected).contentType("application/problem+json").body("status", equalTo(expected));
        }
    }
}
