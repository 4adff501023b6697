package com.tracklane.web.pages.tracks;

import com.tracklane.common.Times;
import com.tracklane.track.service.RuleSetCatalog;
import com.tracklane.track.model.Citation;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.web.ErrorPages;
import com.tracklane.web.Pages;
import com.tracklane.web.i18n.PageLanguage;
import com.tracklane.web.pages.checker.Countries;
import com.tracklane.web.pages.checker.Labels;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /tracks}: every rule set with its status at {@code ?at=} (default now) as known at {@code ?knownAt=} (default
 * now), as {@code GET /api/v1/tracks} answers, its next change, every version with its source, and a timeline picture of
 * every track from August 2020 to the last version ({@link TimelineSvg}). Both parameters take a date (the start of that
 * day, UTC) or an instant with an offset.
 */
@Path("/tracks")
@Produces(MediaType.TEXT_HTML)
public class TracksResource {

    /** UTC by its name ("Coordinated Universal Time"), not as an offset. */
    static final java.time.ZoneId UTC = java.time.ZoneId.of("UTC");

    @Inject
    Pages pages;

    @Inject
    PageLanguage language;

    @Inject
    ErrorPages errors;

    @Inject
    RuleSetCatalog catalog;

    @Inject
    Clock clock;

    @Inject
    Template tracks;

    /** A version as the page lists it. */
    @TemplateData
    public record VersionRow(int number, String status, String statusLabel, String from, String note, String sourceTitle,
                             String sourceUrl, String sourceDate, boolean current) {
    }

    /** A rule set as the page lists it. */
    @TemplateData
    public record TrackRow(String id, String title, String track, String route, String status, String statusLabel, int version,
                           String from, String next, List<VersionRow> versions) {
    }

    @GET
    public Response page(@QueryParam("at") String atText, @QueryParam("knownAt") String knownText) {
        Optional<Instant> at = instant(atText);
        Optional<Instant> knownAt = instant(knownText);
        if (at.isEmpty() || knownAt.isEmpty()) {
            return errors.response(400, null);
        }
        Instant asOf = catalog.asOf();
        Instant known = knownAt.get().isAfter(asOf) ? asOf : knownAt.get();
        Labels labels = new Labels(language.getCode());
        String code = language.getCode();
        List<TrackRow> rows = new ArrayList<>();
        List<TimelineSvg.Track> timeline = new ArrayList<>();
        for (RuleSetSpec ruleSet : catalog.all()) {
            List<VersionSpec> versions = ruleSet.knownAt(known);
            Optional<VersionSpec> current = ruleSet.versionAt(at.get(), known);
            if (versions.isEmpty() || current.isEmpty()) {
                continue;
            }
            VersionSpec v = current.get();
            String next = ruleSet.nextAfter(v, known).map(n -> labels.msg().tracksNextChange(date(n.effectiveFrom().toLocalDate()),
                    labels.of("status", n.status().name()), n.number())).orElse(labels.msg().tracksNextNone());
            List<VersionRow> versionRows = versions.stream().map(x -> versionRow(x, x.number() == v.number(), labels, code)).toList();
            String route = Countries.name(ruleSet.origin(), language.getLocale()) + " → " + Countries.name(ruleSet.destination(), language.getLocale());
            rows.add(new TrackRow(ruleSet.id(), ruleSet.title().in(code), labels.of("track", ruleSet.track().name()), route,
                    v.status().name().toLowerCase(java.util.Locale.ROOT), labels.of("status", v.status().name()), v.number(), date(v.effectiveFrom().toLocalDate()),
                    next, versionRows));
            timeline.add(new TimelineSvg.Track(labels.of("track", ruleSet.track().name()) + ": " + route,
                    versions.stream().map(x -> new TimelineSvg.Bar(x.number(), x.status().name(), labels.of("status", x.status().name()),
                            x.effectiveFrom().toInstant())).toList()));
        }
        String svg = TimelineSvg.draw(timeline, at.get(), date(at.get().atZone(ZoneOffset.UTC).toLocalDate()),
                labels.msg().tracksTimeline(), labels.msg().tracksTimelineDesc(), language.getLocale());
        return Response.ok(pages.page(tracks, "tracks").data("rows", rows).data("svg", svg)
                .data("atValue", atText == null ? "" : atText).data("knownAtValue", knownText == null ? "" : knownText)
                .data("atShown", language.zoned(at.get().atZone(UTC))).data("knownShown", language.zoned(known.atZone(UTC))))
                .build();
    }

    private VersionRow versionRow(VersionSpec v, boolean current, Labels labels, String code) {
        Citation c = v.citation();
        String sourceDate = "";
        if (c != null && c.date() != null) {
            try {
                sourceDate = date(LocalDate.parse(c.date()));
            } catch (java.time.format.DateTimeParseException notADate) {
                sourceDate = c.date();
            }
        }
        return new VersionRow(v.number(), v.status().name().toLowerCase(java.util.Locale.ROOT), labels.of("status", v.status().name()), date(v.effectiveFrom().toLocalDate()),
                v.note() == null ? "" : v.note().in(code), c == null ? "" : c.title(), c == null ? null : c.url(), sourceDate, current);
    }

    private String date(LocalDate d) {
        return language.date(d);
    }

    /** Empty when the text is neither empty, a date, nor an instant with an offset. */
    private Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(clock.instant());
        }
        String t = text.strip();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (java.time.format.DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        return Times.parseWithOffset(t);
    }
}
