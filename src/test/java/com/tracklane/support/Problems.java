package com.tracklane.support;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Assertions on RFC 9457 problem responses, shared by the HTTP tests. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://tracklane.dev/problems/";

    private Problems() {
    }

    /**
     * The response is a problem document with the given status and type slug: {@code Content-Type:
     * application/problem+json}, and a non-empty {@code type}, {@code title}, {@code status} and {@code detail}.
     */
    public static ValidatableResponse assertProblem(Response response, int status, String typeSlug) {
        return response.then()
                .statusCode(status)
                .header("Content-Type", startsWith(MEDIA_TYPE))
                .body("type", equalTo(TYPE_BASE + typeSlug))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()));
    }
}
