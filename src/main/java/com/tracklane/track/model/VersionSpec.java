package com.tracklane.track.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One immutable, fully resolved version of a rule set.
 *
 * @param parameters typed parameter values
 * @param values     the same values as CEL sees them (Long, Double, String, Boolean, List), by name
 * @param contentHash SHA-256 of the resolved version, so a stored decision can name exactly what decided it
 */
public record VersionSpec(
        int number,
        OffsetDateTime effectiveFrom,
        Instant publishedAt,
        VersionStatus status,
        Localized<String> note,
        Citation citation,
        Map<String, ParameterValue> parameters,
        Map<String, Object> values,
        List<RuleSpec> rules,
        List<ObligationSpec> obligations,
        String contentHash,
        TrackOpenGrace trackOpenGrace) {

    public VersionSpec(int number, OffsetDateTime effectiveFrom, Instant publishedAt, VersionStatus status,
                       Localized<String> note, Citation citation, Map<String, ParameterValue> parameters,
                       Map<String, Object> values, List<RuleSpec> rules, List<ObligationSpec> obligations, String contentHash) {
        this(number, effectiveFrom, publishedAt, status, note, citation, parameters, values, rules, obligations, contentHash, null);
    }

    /**
     * How {@code TRACK_OPEN} is decided, instead of by the status alone, for entries before {@code until} (a grace
     * for visas already issued when a track is suspended): PENDING when {@code pendingWhen}, else PASS when
     * {@code condition}, else FAIL.
     */
    public record TrackOpenGrace(OffsetDateTime until, Expression pendingWhen, Expression condition,
                                 Map<RuleOutcome, Localized<Template>> messages, Citation citation) {
    }

    /** A parameter with its declared type and CEL value. */
    public record ParameterValue(FactType type, Object value) {
    }

    public static Map<String, Object> valuesOf(Map<String, ParameterValue> parameters) {
        Map<String, Object> values = new java.util.HashMap<>();
        parameters.forEach((k, v) -> values.put(k, v.value()));
        return Map.copyOf(values);
    }
}
