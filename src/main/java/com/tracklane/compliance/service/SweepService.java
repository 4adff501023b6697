package com.tracklane.compliance.service;

import com.tracklane.compliance.model.ComplianceViews;
import com.tracklane.compliance.model.ViolationCode;
import com.tracklane.compliance.repository.SweepRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sweeps: as of an instant, record the required days that ended without a check-in (MISSED_CHECK_IN) and the
 * re-test days that ended without a test result (MISSED_RETEST), then close the monitorings whose last day ended.
 * Set-based and safe to repeat or to run on several instances at once (see {@link SweepRepository}).
 */
@ApplicationScoped
public class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);

    private final SweepRepository sweeps;
    private final Clock clock;
    private final MeterRegistry registry;

    public SweepService(SweepRepository sweeps, Clock clock, MeterRegistry registry) {
        this.sweeps = sweeps;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Traced as {@code SweepService.sweep} (its statements are child spans); measured as {@code tracklane.sweep.duration}
     * and {@code tracklane.sweep.violations} (by code).
     *
     * @param at the instant to sweep as of (null: now)
     */
    @Transactional
    @WithSpan("SweepService.sweep")
    public ComplianceViews.SweepResult sweep(Instant at) {
        long started = System.nanoTime();
        Instant asOf = at == null ? clock.instant() : at;
        Instant now = clock.instant();
        sweeps.lock(now);
        int examined = sweeps.countActive();
        int missedCheckIns = 0;
        int missedRetests = 0;
        int closed = 0;
        for (String zone : sweeps.activeZones()) {
            LocalDate today = asOf.atZone(ZoneId.of(zone)).toLocalDate();
            int todayDay = (int) today.toEpochDay();
            missedCheckIns += sweeps.recordMissedCheckIns(zone, todayDay, now);
            missedRetests += sweeps.recordMissedRetests(zone, todayDay, now);
            closed += sweeps.closeEnded(zone, today, now);
        }
        Map<String, Integer> found = new LinkedHashMap<>();
        found.put(ViolationCode.MISSED_CHECK_IN.name(), missedCheckIns);
        found.put(ViolationCode.MISSED_RETEST.name(), missedRetests);
        long tookNanos = System.nanoTime() - started;
        long tookMs = tookNanos / 1_000_000;
        Timer.builder("tracklane.sweep.duration").description("Compliance sweeps, how long each took")
                .register(registry).record(tookNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        found.forEach((code, count) -> Counter.builder("tracklane.sweep.violations")
                .description("Violations the compliance sweeps recorded, by code").tag("code", code)
                .register(registry).increment(count));
        Span.current().setAttribute("tracklane.sweep.examined", examined)
                .setAttribute("tracklane.sweep.violations", missedCheckIns + missedRetests)
                .setAttribute("tracklane.sweep.closed", closed);
        LOG.infof("Compliance sweep as of %s: %d active monitorings examined, %d missed check-ins, %d missed re-tests, %d closed, %d ms",
                asOf, examined, missedCheckIns, missedRetests, closed, tookMs);
        return new ComplianceViews.SweepResult(asOf, examined, found, missedCheckIns + missedRetests, closed, tookMs);
    }
}
