package com.tracklane.compliance.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.JsonBodies;
import com.tracklane.common.Page;
import com.tracklane.common.Paging;
import com.tracklane.common.RequestSchema;
import com.tracklane.common.Times;
import com.tracklane.compliance.model.ComplianceViews;
import com.tracklane.compliance.model.ViolationCode;
import com.tracklane.compliance.service.ComplianceReportService;
import com.tracklane.compliance.service.SweepService;
import com.tracklane.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/** Compliance across travellers: violations, sweeps. */
@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

    private static final String MONITOR = Roles.MONITOR;
    private static final RequestSchema<SweepRequest> SWEEP = RequestSchema.of("SweepRequest", SweepRequest.class);

    private final ComplianceReportService reports;
    private final SweepService sweeps;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ComplianceResource(ComplianceReportService reports, SweepService sweeps, ObjectMapper mapper, Clock clock) {
        this.reports = reports;
        this.sweeps = sweeps;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GET
    @Path("/violations")
    @RolesAllowed(MONITOR)
    public Page<ComplianceViews.ViolationView> violations(@QueryParam("since") String since,
            @QueryParam("code") String code, @QueryParam("page") String page, @QueryParam("size") String size, UriInfo uri) {
        LocalDate sinceDate = null;
        Instant sinceInstant = null;
        if (since != null) {
            Optional<Instant> instant = Times.parseWithOffset(since);
            if (instant.isPresent()) {
                sinceInstant = instant.get();
            } else {
                try {
                    sinceDate = LocalDate.parse(since);
                } catch (DateTimeParseException e) {
                    throw InvalidInputException.of("since", "expected a local date (2020-09-16) or an instant with an offset or Z (2020-09-16T00:00:00Z)");
                }
                // As Times bounds instants: a date the database cannot hold (+999999999-12-31) is the caller's error.
                if (sinceDate.getYear() < 1900 || sinceDate.getYear() > 2199) {
                    throw InvalidInputException.of("since", "must be a date between 1900-01-01 and 2199-12-31");
                }
            }
        }
        ViolationCode c = null;
        if (code != null) {
            try {
                c = ViolationCode.valueOf(code);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("code", "must be one of " + Arrays.toString(ViolationCode.values()));
            }
        }
        Paging paging = Paging.of(page, size, uri);
        return reports.violations(sinceDate, sinceInstant, c, paging.page(), paging.size());
    }

    /**
     * An optional JSON body {@code {"at": instant}}, checked against the contract's {@code SweepRequest}. No body at all
     * is fine whatever the client declares for it (curl and RestAssured send a form media type with an empty POST); a
     * body of another media type than JSON is 415.
     */
    @POST
    @Path("/sweeps")
    @RolesAllowed(MONITOR)
    public ComplianceViews.SweepResult sweep(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws JsonProcessingException {
        if (body != null && body.length > 0 && !isJson(contentType)) {
            throw new NotSupportedException();
        }
        JsonNode json = JsonBodies.parse(mapper, body);
        String text = json == null || json.isNull() ? null : SWEEP.require(mapper, json, "sweep").at();
        Instant at = text == null ? null : Times.parseWithOffset(text).orElseThrow(() ->
                InvalidInputException.of("at", "expected an instant with an offset or Z, such as 2020-10-01T00:00:00+09:00"));
        if (at != null && at.isAfter(clock.instant())) {
            // days that have not ended yet cannot have been missed
            throw InvalidInputException.of("at", "is in the future");
        }
        return sweeps.sweep(at);
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE)
                    && !MediaType.valueOf(contentType).isWildcardType() && !MediaType.valueOf(contentType).isWildcardSubtype();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
