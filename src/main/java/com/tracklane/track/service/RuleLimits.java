package com.tracklane.track.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Applies {@link RuleLimitsConfig} at start-up, before any rule is evaluated, and gives the time budget of a check. */
@Startup
@ApplicationScoped
public class RuleLimits {

    private final long budgetNanos;

    @jakarta.inject.Inject
    public RuleLimits(RuleLimitsConfig config) {
        if (config.maxTextLength() < 1 || config.maxListSize() < 1 || config.maxCost() < 1
                || config.timeBudget().isNegative() || config.timeBudget().isZero()) {
            throw new IllegalStateException("tracklane.rule-limits.* must be positive");
        }
        CelExpressions.limit(config.limits());
        this.budgetNanos = config.timeBudget().toNanos();
    }

    private RuleLimits(Duration timeBudget) {
        this.budgetNanos = timeBudget.toNanos();
    }

    /** Outside the application (benchmarks, unit tests): the given time budget and the CEL limits as they are. */
    public static RuleLimits of(Duration timeBudget) {
        return new RuleLimits(timeBudget);
    }

    /** The {@link System#nanoTime()} by which a check starting now must be answered. */
    public long deadlineFromNow() {
        return System.nanoTime() + budgetNanos;
    }

    public Duration timeBudget() {
        return Duration.ofNanos(budgetNanos);
    }

    public CelExpressions.Limits limits() {
        return CelExpressions.limits();
    }
}
