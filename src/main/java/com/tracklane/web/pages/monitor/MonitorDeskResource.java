package com.tracklane.web.pages.monitor;

import com.tracklane.compliance.model.ComplianceViews;
import com.tracklane.compliance.model.ViolationCode;
import com.tracklane.compliance.service.ComplianceReportService;
import com.tracklane.compliance.service.MonitoringOverview;
import com.tracklane.compliance.service.SweepService;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The monitoring desk: {@code GET /monitor} lists the active monitorings (today's day number, compliance so far, last
 * check-in) and the approved applications still waiting for their arrival; {@code GET /monitor/violations} lists every
 * violation with filters; {@code GET /monitor/sweep} asks to confirm a sweep and {@code POST /monitor/sweep} (CSRF)
 * runs compliance's sweep now and shows its result.
 */
@Path("/monitor")
@Produces(MediaType.TEXT_HTML)
public class MonitorDeskResource {

    static final int PAGE_SIZE = 20;

    @Inject
    PageSession session;

    @Inject
    FormTokens formTokens;

    @Inject
    Pages pages;

    @Inject
    MonitoringOverview overview;

    @Inject
    MonitorApplications applications;

    @Inject
    ComplianceReportService reports;

    @Inject
    SweepService sweeps;

    @Inject
    Template monitorDesk;

    @Inject
    Template monitorSweep;

    @Inject
    Template monitorViolations;

    /** One active monitoring with its application's reference. */
    public record ActiveRow(MonitoringOverview.Active monitoring, String reference, String origin, String destination) {
    }

    @GET
    public TemplateInstance desk(@QueryParam("page") String page, @QueryParam("missing") String missing) {
        StaffUser monitor = session.require(Roles.MONITOR);
        int pageNumber = page != null && page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 0;
        MonitoringOverview.ActivePage active = overview.active(pageNumber, PAGE_SIZE);
        List<ActiveRow> rows = new ArrayList<>();
        for (MonitoringOverview.Active a : active.items()) {
            MonitorApplications.Summary s = applications.summary(a.applicationId(), monitor);
            rows.add(new ActiveRow(a, s.reference(), s.origin(), s.destination()));
        }
        List<MonitorApplications.Summary> waiting = applications.approved(monitor, 50).stream()
                .filter(s -> !overview.arrived(s.id())).limit(PAGE_SIZE).toList();
        int pageCount = (int) Math.max(1, (active.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        FormErrors errors = "true".equals(missing) ? FormErrors.none().add("application", "monitor_openLabel", "monitor_errOpen") : FormErrors.none();
        return pages.page(monitorDesk, "monitor").data("user", monitor).data("rows", rows).data("total", active.total())
                .data("waiting", waiting).data("errors", errors).data("page", pageNumber + 1).data("pages", pageCount)
                .data("prev", pageNumber > 0 ? "/monitor?page=" + (pageNumber - 1) : null)
                .data("next", pageNumber + 1 < pageCount ? "/monitor?page=" + (pageNumber + 1) : null);
    }

    @GET
    @Path("/sweep")
    public TemplateInstance confirmSweep() {
        session.require(Roles.MONITOR);
        return pages.page(monitorSweep, "monitor").data("result", null).data("found", List.of());
    }

    @POST
    @Path("/sweep")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance sweep(@FormParam(FormTokens.FIELD) String token, @FormParam("confirm") String confirm) {
        formTokens.require(token);
        session.require(Roles.MONITOR);
        ComplianceViews.SweepResult result = sweeps.sweep(null);
        List<Found> found = result.found().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new Found(TravellerStrip.violationKey(e.getKey()), e.getValue())).toList();
        return pages.page(monitorSweep, "monitor").data("result", result).data("found", found);
    }

    /** A count of one kind of violation the sweep found. */
    public record Found(String nameKey, int count) {
    }

    /** One violation of the list, with its name's key and its application's reference. */
    public record ViolationRow(ComplianceViews.ViolationView violation, String nameKey, String reference) {
    }

    /** A choice of the violation-code filter. */
    public record Option(String value, String labelKey, boolean selected) {
    }

    @GET
    @Path("/violations")
    public TemplateInstance violations(@QueryParam("since") String since, @QueryParam("code") String code, @QueryParam("page") String page) {
        StaffUser monitor = session.require(Roles.MONITOR);
        FormErrors errors = FormErrors.none();
        LocalDate sinceDate = null;
        if (since != null && !since.isBlank()) {
            try {
                sinceDate = LocalDate.parse(since.trim());
                if (sinceDate.getYear() < 1900 || sinceDate.getYear() > 2199) {
                    errors.add("since", "monitor_since", "desk_errDate");
                }
            } catch (DateTimeParseException e) {
                errors.add("since", "monitor_since", "desk_errDate");
            }
        }
        ViolationCode c = null;
        if (code != null && !code.isBlank()) {
            Set<String> names = Arrays.stream(ViolationCode.values()).map(Enum::name).collect(Collectors.toSet());
            if (names.contains(code)) {
                c = ViolationCode.valueOf(code);
            } else {
                errors.add("code", "monitor_violationCode", "desk_errChoose");
            }
        }
        int pageNumber = page != null && page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 0;
        List<Option> codes = Arrays.stream(ViolationCode.values())
                .map(v -> new Option(v.name(), TravellerStrip.violationKey(v.name()), v.name().equals(code))).toList();
        TemplateInstance view = pages.page(monitorViolations, "monitor").data("errors", errors).data("since", since).data("codes", codes);
        if (errors.any()) {
            return view.data("rows", List.of()).data("total", 0L).data("page", 1).data("pages", 1).data("prev", null).data("next", null);
        }
        com.tracklane.common.Page<ComplianceViews.ViolationView> found = reports.violations(sinceDate, null, c, pageNumber, PAGE_SIZE);
        Map<String, String> references = new java.util.HashMap<>();
        List<ViolationRow> rows = found.items().stream().map(v -> new ViolationRow(v, TravellerStrip.violationKey(v.code()),
                references.computeIfAbsent(v.applicationId(), id -> applications.summary(id, monitor).reference()))).toList();
        int pageCount = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        String query = (sinceDate == null ? "" : "since=" + sinceDate + "&") + (c == null ? "" : "code=" + c.name() + "&");
        return view.data("rows", rows).data("total", found.total()).data("page", pageNumber + 1).data("pages", pageCount)
                .data("prev", pageNumber > 0 ? "/monitor/violations?" + query + "page=" + (pageNumber - 1) : null)
                .data("next", pageNumber + 1 < pageCount ? "/monitor/violations?" + query + "page=" + (pageNumber + 1) : null);
    }
}
