package com.tracklane.compliance.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The hourly sweep ({@code tracklane.compliance.sweep.every}); every instance runs it, the sweep's lock makes that safe. */
@ApplicationScoped
public class ScheduledSweep {

    private static final Logger LOG = Logger.getLogger(ScheduledSweep.class);

    private final SweepService sweeps;
    private final ComplianceConfig config;

    public ScheduledSweep(SweepService sweeps, ComplianceConfig config) {
        this.sweeps = sweeps;
        this.config = config;
    }

    @Scheduled(identity = "compliance-sweep", every = "${tracklane.compliance.sweep.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.sweep().enabled()) {
            return;
        }
        try {
            sweeps.sweep(null);
        } catch (RuntimeException e) {
            LOG.warnf("Scheduled compliance sweep failed: %s", e.getClass().getName());
        }
    }
}
