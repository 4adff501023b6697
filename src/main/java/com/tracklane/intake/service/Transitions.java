package com.tracklane.intake.service;

import com.tracklane.common.PreconditionException;
import com.tracklane.intake.model.ApplicationEvent;
import com.tracklane.intake.model.ApplicationStatus;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.repository.ApplicationEventRepository;
import com.tracklane.intake.repository.ApplicationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;

/**
 * An application's history: every change appends an event in the same transaction as the change, so history and
 * state never disagree.
 */
@ApplicationScoped
public class Transitions {

    private final ApplicationRepository applications;
    private final ApplicationEventRepository events;

    public Transitions(ApplicationRepository applications, ApplicationEventRepository events) {
        this.applications = applications;
        this.events = events;
    }

    /** What one change records. */
    public record Step(ApplicationStatus to, String action, String reason, String snapshotId, boolean override,
                       String subject, String changedFields) {

        public static Step of(ApplicationStatus to, String action, String reason, String snapshotId, boolean override,
                              String subject) {
            return new Step(to, action, reason, snapshotId, override, subject, null);
        }
    }

    /**
     * Moves the application to {@code step.to()} and records the step; a concurrent change saved first is 412.
     */
    public TravelApplication apply(TravelApplication a, Step step, Instant now) {
        ApplicationStatus from = a.status;
        a.status = step.to();
        a.updatedAt = now;
        record(a, step.subject(), step.action(), from, step.to(), step.reason(), step.snapshotId(), step.override(), now)
                .changedFields = step.changedFields();
        try {
            applications.flush();
        } catch (OptimisticLockException e) {
            throw PreconditionException.failed("Another change to this application was saved first; read it again.");
        }
        return a;
    }

    /** Appends one event to the application's history. */
    public ApplicationEvent record(TravelApplication a, String subject, String action, ApplicationStatus from,
                                   ApplicationStatus to, String reason, String snapshotId, boolean override, Instant at) {
        ApplicationEvent e = new ApplicationEvent();
        e.applicationId = a.id;
        e.at = at;
        e.subject = subject;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = to;
        e.reason = reason;
        e.snapshotId = snapshotId;
        e.overrideDecision = override;
        events.persist(e);
        return e;
    }
}
