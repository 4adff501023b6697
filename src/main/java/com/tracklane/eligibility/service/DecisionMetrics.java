package com.tracklane.eligibility.service;

import com.tracklane.eligibility.engine.Decision;
import com.tracklane.eligibility.engine.DecisionOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * The counters by rule set, version and outcome, looked up once: building and registering a counter per decision
     * (tags sorted, meter id hashed, registry map searched) showed in the profile of every check. Versions are few.
     */
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    private record Key(String ruleSet, int version, DecisionOutcome outcome) {
    }

    public void record(Decision decision) {
        Key key = new Key(decision.ruleSet().id(), decision.ruleSet().version(), decision.outcome());
        Counter counter = counters.get(key);
        if (counter == null) {
            counter = counters.computeIfAbsent(key, this::register);
        }
        counter.increment();
    }

    private Counter register(Key key) {
        return Counter.builder(DECISIONS)
                .description("Eligibility decisions answered, by rule set, version and outcome")
                .tag("ruleSet", key.ruleSet())
                .tag("version", String.valueOf(key.version()))
                .tag("outcome", key.outcome().name())
                .register(registry);
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
