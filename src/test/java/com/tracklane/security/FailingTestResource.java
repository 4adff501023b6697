package com.tracklane.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * TEST ONLY (src/test): an endpoint that fails with an unexpected exception, whose message quotes the request path,
 * so that the log line of a 500 ({@code ProblemMappers}: "Unexpected error on <path>" and the exception) can be
 * checked for text taken from the request. Not part of the contract.
 */
@Path("/test/fail")
public class FailingTestResource {

    @GET
    @Path("/{text}")
    public String fail(@PathParam("text") String text) {
        throw new IllegalStateException("cannot handle " + text);
    }
}
