package com.tracklane.web.pages.officer;

import com.tracklane.intake.model.ApplicationStatus;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.service.ApplicationAccess;
import com.tracklane.security.Roles;
import com.tracklane.track.model.Track;
import com.tracklane.web.Pages;
import com.tracklane.web.pages.desk.FormErrors;
import com.tracklane.web.session.PageSession;
import com.tracklane.web.session.StaffUser;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The officer's queue ({@code GET /officer}): applications newest first, filtered by status, track, route and the
 * days they were submitted between (Japan's calendar days), twenty a page — the API's list, as a page. A filter
 * that cannot be read gives the page again with the problem next to its field and what was typed kept.
 */
@Path("/officer")
@Produces(MediaType.TEXT_HTML)
public class OfficerQueueResource {

    static final int PAGE_SIZE = 20;
    /** The day boundaries of "submitted between": the officers' desk works on Japan's calendar. */
    static final ZoneId DESK_ZONE = ZoneId.of("Asia/Tokyo");
    static final List<String> ROUTES = List.of("KH-JP", "JP-KH");

    @Inject
    PageSession session;

    @Inject
    Pages pages;

    @Inject
    OfficerApplications applications;

    @Inject
    Template officerQueue;

    /** One line of the queue, with message keys for the words. */
    public record Row(String id, String reference, String applicant, String origin, String destination, String trackKey,
                      String statusKey, String outcomeKey, Instant submittedAt) {
    }

    /** A choice of a filter's select. */
    public record Option(String value, String labelKey, boolean selected) {
    }

    @GET
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("track") String track,
                                  @QueryParam("route") String route, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("page") String page) {
        StaffUser officer = session.require(Roles.OFFICER);
        FormErrors errors = FormErrors.none();
        ApplicationStatus st = enumOrNull(ApplicationStatus.class, status);
        if (st == null && !blank(status)) {
            errors.add("status", "officer_filterStatus", "desk_errChoose");
        }
        Track tr = enumOrNull(Track.class, track);
        if (tr == null && !blank(track)) {
            errors.add("track", "officer_filterTrack", "desk_errChoose");
        }
        if (!blank(route) && !ROUTES.contains(route)) {
            errors.add("route", "officer_filterRoute", "desk_errChoose");
        }
        LocalDate fromDay = date(from, "from", "officer_filterFrom", errors);
        LocalDate toDay = date(to, "to", "officer_filterTo", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add("to", "officer_filterTo", "officer_errToBeforeFrom");
        }
        int pageNumber = pageNumber(page);
        TemplateInstance view = pages.page(officerQueue, "officer").data("user", officer).data("errors", errors)
                .data("status", status).data("track", track).data("route", route).data("from", from).data("to", to)
                .data("statuses", options(Arrays.stream(ApplicationStatus.values()).map(Enum::name).toList(), "officer_status_", status))
                .data("tracks", options(Arrays.stream(Track.values()).map(Enum::name).toList(), "desk_track_", track))
                .data("routes", options(ROUTES, "desk_route_", route));
        if (errors.any()) {
            return view.data("rows", List.of()).data("total", 0L).data("page", 0).data("pages", 0)
                    .data("prev", null).data("next", null);
        }
        String origin = blank(route) ? null : route.substring(0, 2);
        String destination = blank(route) ? null : route.substring(3);
        ApplicationAccess.Filter filter = new ApplicationAccess.Filter(st, tr == null ? null : tr.name(), origin, destination,
                fromDay == null ? null : fromDay.atStartOfDay(DESK_ZONE).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(DESK_ZONE).toInstant());
        ApplicationAccess.Found found = applications.list(filter, officer, pageNumber, PAGE_SIZE);
        int pageCount = (int) ((found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Row> rows = found.items().stream().map(OfficerQueueResource::row).toList();
        String query = query(status, track, route, from, to);
        return view.data("rows", rows).data("total", found.total()).data("page", pageNumber + 1).data("pages", Math.max(pageCount, 1))
                .data("prev", pageNumber > 0 ? "/officer?" + query + "page=" + (pageNumber - 1) : null)
                .data("next", pageNumber + 1 < pageCount ? "/officer?" + query + "page=" + (pageNumber + 1) : null);
    }

    static Row row(TravelApplication a) {
        return new Row(a.id, a.reference, a.givenName + " " + a.familyName, a.origin, a.destination, "desk_track_" + a.track,
                "officer_status_" + a.status.name(), a.currentOutcome == null ? "desk_outcome_NONE" : "desk_outcome_" + a.currentOutcome,
                a.submittedAt);
    }

    static List<Option> options(List<String> values, String keyPrefix, String selected) {
        List<Option> out = new ArrayList<>();
        for (String v : values) {
            out.add(new Option(v, keyPrefix + v.replace('-', '_'), v.equals(selected)));
        }
        return out;
    }

    private static String query(String... values) {
        String[] names = {"status", "track", "route", "from", "to"};
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (!blank(values[i])) {
                q.append(names[i]).append('=').append(URLEncoder.encode(values[i], StandardCharsets.UTF_8)).append('&');
            }
        }
        return q.toString();
    }

    private static LocalDate date(String text, String field, String labelKey, FormErrors errors) {
        if (blank(text)) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.trim());
            if (d.getYear() < 2000 || d.getYear() > 2199) {
                errors.add(field, labelKey, "desk_errDate");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(field, labelKey, "desk_errDate");
            return null;
        }
    }

    private static int pageNumber(String page) {
        if (page == null || !page.matches("[0-9]{1,6}")) {
            return 0;
        }
        return Integer.parseInt(page);
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
