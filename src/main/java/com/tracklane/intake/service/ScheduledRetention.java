package com.tracklane.intake.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The hourly retention run ({@code tracklane.retention.every}); every instance runs it, the run's lock makes that safe. */
@ApplicationScoped
public class ScheduledRetention {

    private static final Logger LOG = Logger.getLogger(ScheduledRetention.class);

    private final RetentionService retention;
    private final RetentionConfig config;

    public ScheduledRetention(RetentionService retention, RetentionConfig config) {
        this.retention = retention;
        this.config = config;
    }

    @Scheduled(identity = "personal-data-retention", every = "${tracklane.retention.every:1h}",
            delayed = "${tracklane.retention.delayed:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.enabled()) {
            return;
        }
        try {
            retention.eraseExpired(null);
        } catch (RuntimeException e) {
            LOG.warnf("Scheduled personal-data retention failed: %s", e.getClass().getName());
        }
    }
}
