package com.tracklane.track.rest;

import com.tracklane.track.model.Citation;
import com.tracklane.track.model.FactType;
import com.tracklane.track.model.ObligationSpec;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.RuleSpec;
import com.tracklane.track.model.Severity;
import com.tracklane.track.model.Template;
import com.tracklane.track.model.Track;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.track.model.VersionStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the track endpoints serve. */
public final class TrackViews {

    private TrackViews() {
    }

    public record NextChange(OffsetDateTime at, VersionStatus status, int version) {
    }

    public record TrackSummary(String id, Track track, String origin, String destination, String title,
                               VersionStatus status, int version, OffsetDateTime effectiveFrom, NextChange nextChange) {
    }

    public record RuleSetDetail(String id, Track track, String origin, String destination, String title,
                                List<VersionDetail> versions) {
    }

    public record VersionDetail(int version, OffsetDateTime effectiveFrom, Instant publishedAt, VersionStatus status,
                                String note, Citation citation, String contentHash, Map<String, ParameterDetail> parameters,
                                List<RuleDetail> rules, List<ObligationDetail> obligations) {
    }

    public record ParameterDetail(String type, Object value) {
    }

    public record RuleDetail(String id, String title, Severity severity, String applicableWhen, String pendingWhen,
                             String condition, Citation citation) {
    }

    public record ObligationDetail(String code, int fromDay, Integer untilDay, String when, String detail, Citation citation) {
    }

    static RuleSetDetail detail(RuleSetSpec ruleSet, List<VersionSpec> versions, String language) {
        return new RuleSetDetail(ruleSet.id(), ruleSet.track(), ruleSet.origin(), ruleSet.destination(),
                ruleSet.title().in(language), versions.stream().map(v -> version(v, language)).toList());
    }

    private static VersionDetail version(VersionSpec v, String language) {
        Map<String, ParameterDetail> parameters = new LinkedHashMap<>();
        v.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parameters.put(e.getKey(), new ParameterDetail(typeName(e.getValue().type()), e.getValue().value())));
        return new VersionDetail(v.number(), v.effectiveFrom(), v.publishedAt(), v.status(),
                v.note() == null ? null : v.note().in(language), v.citation(), v.contentHash(), parameters,
                v.rules().stream().map(r -> rule(r, language)).toList(),
                v.obligations().stream().map(o -> obligation(o, language)).toList());
    }

    private static RuleDetail rule(RuleSpec r, String language) {
        return new RuleDetail(r.id(), r.title().in(language), r.severity(), r.source().applicableWhen(),
                r.source().pendingWhen(), r.source().condition(), r.citation());
    }

    private static ObligationDetail obligation(ObligationSpec o, String language) {
        Template detail = o.detail().in(language);
        StringBuilder text = new StringBuilder();
        detail.parts().forEach(p -> text.append(p instanceof Template.Text t ? t.text() : "{" + ((Template.Value) p).source() + "}"));
        return new ObligationDetail(o.code(), o.fromDay(), o.untilDay(), o.when() == null ? null : o.when().toString(),
                text.toString(), o.citation());
    }

    static String typeName(FactType type) {
        return type == FactType.STRING_LIST ? "list<string>" : type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
