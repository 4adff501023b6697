package com.tracklane.track.model;

import java.util.Map;

/**
 * A compiled rule. Evaluation order: {@code applicableWhen} false → NOT_APPLICABLE; {@code pendingWhen} true →
 * PENDING; {@code condition} true → PASS, else FAIL.
 *
 * @param source         the rule's expressions as written, served with the rule set
 * @param applicableWhen null when the rule always applies
 * @param pendingWhen    null when the rule can never be pending
 */
public record RuleSpec(
        String id,
        Severity severity,
        Localized<String> title,
        Source source,
        Expression applicableWhen,
        Expression pendingWhen,
        Expression condition,
        Map<RuleOutcome, Localized<Template>> messages,
        Citation citation) {

    /** The id of the built-in rule that checks the track is open; no rule set may define a rule of that id. */
    public static final String TRACK_OPEN = "TRACK_OPEN";

    /** The expressions of a rule as written (null where absent). */
    public record Source(String applicableWhen, String pendingWhen, String condition) {
    }
}
