package com.tracklane.intake.service;

import com.tracklane.intake.repository.RetentionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The retention run: erases the personal data of every application that ended (rejected, withdrawn, or its compliance
 * monitoring closed) longer ago than {@code tracklane.retention.personal-data}. Safe to repeat and to run on several
 * instances at once: it takes the {@code retention_lock} row first (see {@link RetentionRepository}), and each
 * application is erased under its row lock, once.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    static final String REASON = "The retention period after the application's end has passed.";

    private final RetentionRepository retention;
    private final ErasureService erasures;
    private final Instance<EndedApplications> ended;
    private final RetentionConfig config;
    private final Clock clock;

    public RetentionService(RetentionRepository retention, ErasureService erasures, Instance<EndedApplications> ended,
                            RetentionConfig config, Clock clock) {
        this.retention = retention;
        this.erasures = erasures;
        this.ended = ended;
        this.config = config;
        this.clock = clock;
    }

    /** What one run did. */
    public record Result(Instant asOf, Instant cutoff, int erased) {
    }

    /** @param at the instant to run as of (null: now); applications that ended before it minus the period are erased */
    @Transactional
    public Result eraseExpired(Instant at) {
        Instant now = clock.instant();
        Instant asOf = at == null ? now : at;
        Instant cutoff = asOf.atZone(ZoneOffset.UTC).minus(config.personalData()).toInstant();
        retention.lock(now);
        int limit = config.batchSize();
        TreeSet<String> due = new TreeSet<>(retention.reviewEndedBefore(cutoff, limit));
        List<String> others = new ArrayList<>();
        for (EndedApplications source : ended) {
            others.addAll(source.endedBefore(cutoff));
        }
        due.addAll(retention.notErased(others));
        int erased = 0;
        for (String id : due) {
            if (erased >= limit) {
                break;
            }
            if (erasures.eraseExpired(id, REASON, now)) {
                erased++;
            }
        }
        LOG.infof("Personal-data retention as of %s: %d applications erased (ended before %s)", asOf, erased, cutoff);
        return new Result(asOf, cutoff, erased);
    }
}
