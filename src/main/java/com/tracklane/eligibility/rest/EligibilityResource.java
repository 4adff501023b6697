package com.tracklane.eligibility.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.JsonBodies;
import com.tracklane.common.Languages;
import com.tracklane.common.ProblemMappers;
import com.tracklane.common.RequestSchema;
import com.tracklane.common.ratelimit.RateLimiter;
import com.tracklane.eligibility.engine.Decision;
import com.tracklane.eligibility.service.DecisionMetrics;
import com.tracklane.eligibility.service.EligibilityService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Public eligibility checks: nothing is stored, no database is used. */
@Path("/api/v1/eligibility")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EligibilityResource {

    /** At most 1,000 checks: the contract's {@code BatchRequest.checks.maxItems}. */
    private static final RequestSchema<BatchRequest> BATCH = RequestSchema.of("BatchRequest", BatchRequest.class);

    private final EligibilityService service;
    private final ObjectMapper mapper;
    private final RateLimiter rateLimiter;
    private final DecisionMetrics metrics;

    public EligibilityResource(EligibilityService service, ObjectMapper mapper, RateLimiter rateLimiter, DecisionMetrics metrics) {
        this.service = service;
        this.mapper = mapper;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
    }

    @POST
    public Response check(byte[] bytes, HttpHeaders headers) throws JsonProcessingException {
        String language = Languages.pick(headers.getAcceptableLanguages());
        Decision decision = service.check(JsonBodies.parse(mapper, bytes), language);
        metrics.record(decision);
        return Response.ok(decision).header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }

    @POST
    @Path("/batch")
    public Response batch(byte[] bytes, HttpHeaders headers, @Context HttpServerRequest request) throws JsonProcessingException {
        String language = Languages.pick(headers.getAcceptableLanguages());
        BatchRequest batch = BATCH.requireEnvelope(mapper, JsonBodies.parse(mapper, bytes, JsonBodies.MAX_BATCH_BYTES), "checks", "batch");
        // A batch counts as its number of checks: the rate limit's filter took one token for the request.
        rateLimiter.chargeBatch(request, batch.checks().size());
        List<Object> decisions = service.checkAll(batch.checks(), language, ProblemMappers::problemOf);
        metrics.recordAll(decisions);
        return Response.ok(Map.of("decisions", decisions)).header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }
}
