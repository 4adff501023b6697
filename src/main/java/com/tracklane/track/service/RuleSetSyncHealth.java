package com.tracklane.track.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the probes and the metrics say about the rule sets in memory ({@link RuleSetCatalog}, kept by
 * {@link RuleSetSync}):
 * <ul>
 * <li>readiness {@code rule-sets-synchronised}: the catalogue was read from the database and its last successful poll
 * is at most {@code tracklane.health.rule-sets-max-lag} (30 s) old — an instance that cannot see publications stops
 * taking traffic (together with Quarkus' own database readiness check);</li>
 * <li>liveness {@code rule-sets-loaded}: rule sets are in memory, so checks can be answered (they never need the
 * database: a database outage does not make an instance restart);</li>
 * <li>gauge {@code tracklane.rule_sets.sync.lag} (seconds): how far behind the database this instance may be.</li>
 * </ul>
 */
@ApplicationScoped
public class RuleSetSyncHealth {

    private final RuleSetCatalog catalog;
    private final Clock clock;
    private final Duration maxLag;

    public RuleSetSyncHealth(RuleSetCatalog catalog, Clock clock, MeterRegistry registry,
                             @ConfigProperty(name = "tracklane.health.rule-sets-max-lag", defaultValue = "30s") Duration maxLag) {
        this.catalog = catalog;
        this.clock = clock;
        this.maxLag = maxLag;
        Gauge.builder("tracklane.rule_sets.sync.lag", this, h -> h.lag().toMillis() / 1000.0)
                .description("Seconds since this instance last read the published rule sets from the database")
                .baseUnit("seconds")
                .register(registry);
    }

    /** The time since the last successful read of the database (since start-up when it never succeeded). */
    public Duration lag() {
        Duration lag = Duration.between(catalog.asOf(), clock.instant());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    @Produces
    @Readiness
    HealthCheck synchronised() {
        return () -> {
            RuleSetCatalog.Snapshot snapshot = catalog.snapshot();
            Duration lag = lag();
            boolean up = snapshot.synced() && lag.compareTo(maxLag) <= 0;
            return HealthCheckResponse.named("rule-sets-synchronised").status(up)
                    .withData("synchronised", snapshot.synced())
                    .withData("lagSeconds", lag.toSeconds())
                    .withData("maxLagSeconds", maxLag.toSeconds())
                    .build();
        };
    }

    @Produces
    @Liveness
    HealthCheck loaded() {
        return () -> HealthCheckResponse.named("rule-sets-loaded").status(!catalog.snapshot().ruleSets().isEmpty())
                .withData("ruleSets", catalog.snapshot().ruleSets().size())
                .build();
    }
}
