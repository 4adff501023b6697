package com.tracklane.eligibility.service;

import com.tracklane.eligibility.engine.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts the decisions the eligibility endpoints answer: {@code tracklane.decisions} by rule set, version and outcome
 * (the decided track's; a batch counts each of its decisions). On the management port at {@code /q/metrics}.
 */
@ApplicationScoped
public class DecisionMetrics {

    public static final String DECISIONS = "tracklane.decisions";

    private final MeterRegistry registry;

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Decision decision) {
        Counter.builder(DECISIONS)
                .description("Eligibility decisions answered, by rule set, version and outcome")
                .tag("ruleSet", decision.ruleSet().id())
                .tag("version", String.valueOf(decision.ruleSet().version()))
                .tag("outcome", decision.outcome().name())
                .register(registry)
                .increment();
    }

    /** Every decision of a batch's answer (its problems are not decisions). */
    public void recordAll(Iterable<?> answers) {
        for (Object answer : answers) {
            if (answer instanceof Decision decision) {
                record(decision);
            }
        }
    }
}
