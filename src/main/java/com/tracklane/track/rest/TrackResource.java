package com.tracklane.track.rest;

import com.tracklane.common.InvalidInputException;
import com.tracklane.common.Languages;
import com.tracklane.common.NotFoundException;
import com.tracklane.common.Times;
import com.tracklane.track.service.RuleSetCatalog;
import com.tracklane.track.model.FactCatalog;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.VersionSpec;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Public listing of tracks and their rule sets. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TrackResource {

    private final RuleSetCatalog catalog;
    private final Clock clock;

    public TrackResource(RuleSetCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Every track with the version in force at {@code at} (default now), as known at {@code knownAt} (default now). */
    @GET
    @Path("/tracks")
    public List<TrackViews.TrackSummary> list(@QueryParam("at") String at, @QueryParam("knownAt") String knownAt,
                                             HttpHeaders headers) {
        Instant instant = instant("at", at);
        Instant known = knownAt(knownAt);
        String language = Languages.pick(headers.getAcceptableLanguages());
        List<TrackViews.TrackSummary> out = new ArrayList<>();
        for (RuleSetSpec ruleSet : catalog.all()) {
            Optional<VersionSpec> current = ruleSet.versionAt(instant, known);
            if (current.isEmpty()) {
                continue; // not yet published at knownAt
            }
            VersionSpec v = current.get();
            TrackViews.NextChange next = ruleSet.nextAfter(v, known)
                    .map(n -> new TrackViews.NextChange(n.effectiveFrom(), n.status(), n.number())).orElse(null);
            out.add(new TrackViews.TrackSummary(ruleSet.id(), ruleSet.track(), ruleSet.origin(), ruleSet.destination(),
                    ruleSet.title().in(language), v.status(), v.number(), v.effectiveFrom(), next));
        }
        return out;
    }

    @GET
    @Path("/tracks/{id}")
    public TrackViews.RuleSetDetail get(@PathParam("id") String id, @QueryParam("knownAt") String knownAt, HttpHeaders headers) {
        RuleSetSpec ruleSet = catalog.find(id).orElseThrow(() -> new NotFoundException("No rule set with id '" + id + "'."));
        Instant known = knownAt(knownAt);
        List<VersionSpec> versions = ruleSet.knownAt(known);
        if (versions.isEmpty()) {
            throw new NotFoundException("Rule set '" + id + "' had no published version at " + known + ".");
        }
        return TrackViews.detail(ruleSet, versions, Languages.pick(headers.getAcceptableLanguages()));
    }

    /** The facts a rule condition can use, with their types. */
    @GET
    @Path("/facts")
    public List<FactView> facts() {
        return FactCatalog.facts().values().stream()
                .map(f -> new FactView(f.name(), TrackViews.typeName(f.type()), f.description())).toList();
    }

    public record FactView(String name, String type, String description) {
    }

    /** Defaults to, and is capped at, the instant up to which this instance holds every published version. */
    private Instant knownAt(String text) {
        Instant asOf = catalog.asOf();
        Instant known = text == null || text.isBlank() ? asOf : instant("knownAt", text);
        return known.isAfter(asOf) ? asOf : known;
    }

    private Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        return Times.parseWithOffset(text).orElseThrow(() -> InvalidInputException.of(name,
                "expected an instant with an offset or Z, such as 2020-09-10T00:00:00Z"));
    }
}
