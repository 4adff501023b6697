package com.tracklane.track.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What a rule may cost. A draft is refused (422 invalid-rule-set-version) when an expression's estimated cost is over
 * {@link #maxCost()} or a parameter is over the size limits; a check whose rules build a text or list over the size
 * limits, or run past {@link #timeBudget()}, is answered 422 rule-evaluation-failed.
 */
@ConfigMapping(prefix = "tracklane.rule-limits")
public interface RuleLimitsConfig {

    /**
     * Time one check may spend evaluating rules (a Quarkus duration, e.g. 500ms). A backstop: a warm check evaluates
     * its rules in well under a millisecond, but the first checks after start-up (classes loading, code not yet
     * compiled) on a loaded machine took over 100 ms, which must not fail them.
     */
    @WithDefault("1s")
    Duration timeBudget();

    /** Characters of a text a rule builds, or a parameter holds. */
    @WithDefault("65536")
    int maxTextLength();

    /** Elements of a list a rule builds, or a parameter holds. */
    @WithDefault("10000")
    int maxListSize();

    /** Estimated cost of one expression, checked when a version is drafted or published. */
    @WithDefault("100000")
    long maxCost();

    default CelExpressions.Limits limits() {
        return new CelExpressions.Limits(maxTextLength(), maxListSize(), maxCost());
    }
}
