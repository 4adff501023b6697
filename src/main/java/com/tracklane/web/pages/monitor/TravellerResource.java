package com.tracklane.web.pages.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.ConflictException;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.UnprocessableException;
import com.tracklane.compliance.model.ComplianceViews;
import com.tracklane.compliance.service.ArrivalService;
import com.tracklane.compliance.service.CheckInService;
import com.tracklane.compliance.service.ComplianceReportService;
import com.tracklane.compliance.service.DepartureService;
import com.tracklane.compliance.service.MonitoringOverview;
import com.tracklane.security.Roles;
import com.tracklane.web.Pages;
import com.tracklane.web.pages.desk.FormErrors;
import com.tracklane.web.session.FormTokens;
import com.tracklane.web.session.PageSession;
import com.tracklane.web.session.StaffUser;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One monitored traveller, by application id (never personal data in the address): {@code GET /monitor/travellers/{id}}
 * shows the day-by-day strip, the windows, the check-ins and violations, and the arrival, check-in and departure
 * forms; their posts (CSRF-checked forms) go through compliance's services as the API's bodies would, and return to
 * the page (post–redirect–get), or give the page again with the problems and what was typed.
 */
@Path("/monitor/travellers")
@Produces(MediaType.TEXT_HTML)
public class TravellerResource {

    static final Set<String> DONE = Set.of("arrival", "checkIn", "departure");

    @Inject
    PageSession session;

    @Inject
    FormTokens formTokens;

    @Inject
    Pages pages;

    @Inject
    MonitorApplications applications;

    @Inject
    MonitoringOverview overview;

    @Inject
    ComplianceReportService reports;

    @Inject
    ArrivalService arrivals;

    @Inject
    CheckInService checkIns;

    @Inject
    DepartureService departures;

    @Inject
    ObjectMapper mapper;

    @Inject
    Template monitorTraveller;

    /** The desk's "open a traveller" box: an application id, sent to its page. */
    @GET
    public Response open(@QueryParam("application") String application) {
        StaffUser monitor = session.require(Roles.MONITOR);
        return applications.idOf(application, monitor)
                .map(id -> Response.seeOther(URI.create("/monitor/travellers/" + id)).build())
                .orElseGet(() -> Response.seeOther(URI.create("/monitor?missing=true")).build());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("done") String done) {
        StaffUser monitor = session.require(Roles.MONITOR);
        return page(id, monitor, null, Map.of(), FormErrors.none(), null)
                .data("done", done != null && DONE.contains(done) ? "monitor_done_" + done : null);
    }

    @POST
    @Path("/{id}/arrival")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response arrival(@FormParam(FormTokens.FIELD) String token, @PathParam("id") String id, @FormParam("arrivedAt") String arrivedAt, @FormParam("airport") String airport,
                            @FormParam("address") String address, @FormParam("addressLat") String lat, @FormParam("addressLon") String lon) {
        formTokens.require(token);
        StaffUser monitor = session.require(Roles.MONITOR);
        Map<String, String> form = form("arrivedAt", arrivedAt, "airport", airport, "address", address, "addressLat", lat, "addressLon", lon);
        String destination = applications.summary(id, monitor).destination();
        return record(id, monitor, "arrival", form, MonitorForms.ARRIVAL, MonitorForms.ARRIVAL_FALLBACK,
                () -> arrivals.arrive(id, MonitorForms.arrival(mapper, form, destination), monitor.name()));
    }

    @POST
    @Path("/{id}/check-ins")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkIn(@FormParam(FormTokens.FIELD) String token, @PathParam("id") String id, @FormParam("at") String at, @FormParam("temperature") String temperature,
                            @FormParam("symptoms") List<String> symptoms, @FormParam("lat") String lat, @FormParam("lon") String lon,
                            @FormParam("transport") String transport, @FormParam("testResult") String testResult,
                            @FormParam("key") String key) {
        formTokens.require(token);
        StaffUser monitor = session.require(Roles.MONITOR);
        Map<String, String> form = form("at", at, "temperature", temperature, "symptoms", symptoms == null ? "" : String.join(",", symptoms), "lat", lat, "lon", lon,
                "transport", transport, "testResult", testResult);
        String idempotencyKey = key != null && key.matches("[0-9a-f-]{36}") ? key : null;
        return record(id, monitor, "checkIn", form, MonitorForms.CHECK_IN, MonitorForms.CHECK_IN_FALLBACK, () -> {
            ZoneId zone = ZoneId.of(reports.report(id).arrival().zone());
            JsonNode body = MonitorForms.checkIn(mapper, form, zone);
            return checkIns.checkIn(id, body, idempotencyKey, monitor.name());
        });
    }

    @POST
    @Path("/{id}/departure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response departure(@FormParam(FormTokens.FIELD) String token, @PathParam("id") String id, @FormParam("departedAt") String departedAt, @FormParam("airport") String airport) {
        formTokens.require(token);
        StaffUser monitor = session.require(Roles.MONITOR);
        Map<String, String> form = form("departedAt", departedAt, "airport", airport);
        return record(id, monitor, "departure", form, MonitorForms.DEPARTURE, MonitorForms.DEPARTURE_FALLBACK, () -> {
            ZoneId zone = ZoneId.of(reports.report(id).arrival().zone());
            return departures.depart(id, MonitorForms.departure(mapper, form, zone));
        });
    }

    private Response record(String id, StaffUser monitor, String which, Map<String, String> form,
                            Map<String, FormErrors.FormField> fields, FormErrors.FormField fallback, Supplier<?> action) {
        try {
            action.get();
        } catch (InvalidInputException e) {
            return answer(400, page(id, monitor, which, form, FormErrors.of(e.errors(), fields, fallback), null));
        } catch (ConflictException e) {
            return answer(409, page(id, monitor, which, form, FormErrors.none(), "monitor_errConflict_" + which));
        } catch (UnprocessableException e) {
            return answer(422, page(id, monitor, which, form, FormErrors.none(), "monitor_errNoRules"));
        }
        return Response.seeOther(URI.create("/monitor/travellers/" + id + "?done=" + which)).build();
    }

    private TemplateInstance page(String id, StaffUser monitor, String failedForm, Map<String, String> typed, FormErrors errors,
                                  String problemKey) {
        MonitorApplications.Summary app = applications.summary(id, monitor);
        TemplateInstance view = pages.page(monitorTraveller, "monitor").data("app", app).data("failed", failedForm)
                .data("typed", typed).data("errors", errors).data("problemKey", problemKey).data("done", null)
                .data("key", UUID.randomUUID().toString())
                .data("symptomChoices", MonitorForms.symptomChoices(typed.get("symptoms")));
        if (!overview.arrived(id)) {
            return view.data("report", null).data("zone", MonitorForms.defaultZone(app.destination()).getId());
        }
        ComplianceViews.Report report = reports.report(id);
        List<ComplianceViews.CheckInView> all = overview.checkIns(id);
        String zone = report.arrival().zone();
        LocalDate today = overview.today(zone);
        return view.data("report", report).data("zone", zone).data("checkIns", all)
                .data("days", TravellerStrip.days(report, all, today)).data("windows", TravellerStrip.windows(report))
                .data("violations", report.violations().stream().map(v -> new ViolationRow(v, TravellerStrip.violationKey(v.code()))).toList())
                .data("todayNumber", ChronoUnit.DAYS.between(report.arrival().localDate(), today))
                .data("periodOver", today.isAfter(report.endsOn()))
                .data("now", today.isAfter(report.endsOn()) ? "" : LocalDateTime.now(ZoneId.of(zone)).truncatedTo(ChronoUnit.MINUTES).toString())
                .data("statusKey", "monitor_report_" + report.status());
    }

    /** A violation with the key of its name. */
    public record ViolationRow(ComplianceViews.ViolationView violation, String nameKey) {
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return out;
    }

    static Response answer(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
