package com.tracklane.compliance.rest;

import com.tracklane.common.PublicUrls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.JsonBodies;
import com.tracklane.compliance.model.ComplianceViews;
import com.tracklane.compliance.service.ArrivalService;
import com.tracklane.compliance.service.CheckInService;
import com.tracklane.compliance.service.ComplianceReportService;
import com.tracklane.compliance.service.DepartureService;
import com.tracklane.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.HttpHeaders;

/** Compliance monitoring of one arrived traveller: arrival, check-ins, departure, the compliance report. */
@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
public class MonitoringResource {

    private static final String MONITOR = Roles.MONITOR;
    private static final String OFFICER = Roles.OFFICER;

    private final ArrivalService arrivals;
    private final CheckInService checkIns;
    private final DepartureService departures;
    private final ComplianceReportService reports;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;
    private final PublicUrls links;

    public MonitoringResource(ArrivalService arrivals, CheckInService checkIns, DepartureService departures,
                              ComplianceReportService reports, ObjectMapper mapper, SecurityIdentity identity, PublicUrls links) {
        this.arrivals = arrivals;
        this.checkIns = checkIns;
        this.departures = departures;
        this.reports = reports;
        this.links = links;
        this.mapper = mapper;
        this.identity = identity;
    }

    @POST
    @Path("/{id}/arrival")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MONITOR)
    public Response arrival(@PathParam("id") String id, byte[] body) throws JsonProcessingException {
        ArrivalService.Registered r = arrivals.arrive(id, JsonBodies.parse(mapper, body), identity.getPrincipal().getName());
        return Response.status(r.created() ? Response.Status.CREATED : Response.Status.OK)
                .header(HttpHeaders.LOCATION, links.to("/api/v1/applications/" + r.monitoring().applicationId + "/compliance"))
                .entity(reports.report(r.monitoring())).build();
    }

    @POST
    @Path("/{id}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MONITOR)
    public Response checkIn(@PathParam("id") String id, byte[] body, @HeaderParam("Idempotency-Key") String idempotencyKey)
            throws JsonProcessingException {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw InvalidInputException.of("Idempotency-Key", "must be 1 to 200 characters");
        }
        CheckInService.Recorded r = checkIns.checkIn(id, JsonBodies.parse(mapper, body), idempotencyKey, identity.getPrincipal().getName());
        return Response.status(r.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(reports.view(r.monitoring(), r.checkIn(), r.violations())).build();
    }

    @POST
    @Path("/{id}/departure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MONITOR)
    public Response departure(@PathParam("id") String id, byte[] body) throws JsonProcessingException {
        ArrivalService.Registered r = departures.depart(id, JsonBodies.parse(mapper, body));
        return Response.status(r.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(reports.report(r.monitoring())).build();
    }

    @GET
    @Path("/{id}/compliance")
    @RolesAllowed({MONITOR, OFFICER})
    public ComplianceViews.Report report(@PathParam("id") String id) {
        return reports.report(id);
    }
}
