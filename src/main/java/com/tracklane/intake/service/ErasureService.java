package com.tracklane.intake.service;

import com.tracklane.common.ConflictException;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.PersonalValues;
import com.tracklane.common.PreconditionException;
import com.tracklane.intake.model.ApplicationEvent;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.repository.ApplicationEventRepository;
import com.tracklane.intake.repository.ApplicationRepository;
import com.tracklane.intake.repository.DecisionSnapshotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;

/**
 * Erasure of an applicant's identity (names, passport number, date of birth, e-mail): the columns become NULL, and
 * every copy of those values inside the stored request, the decision snapshots, the history's reasons and (through
 * {@link PersonalDataErased}) compliance's records is replaced by {@value PersonalValues#ERASED}. Status, route,
 * nationality, outcomes, rule-set versions, dates and violations stay for statistics and replay. An {@code ERASED}
 * event records who erased, when and why. An application is erased once: the erasure holds its row lock and skips
 * (or, for an officer, refuses with 409) an application already erased.
 */
@ApplicationScoped
public class ErasureService {

    /** The history's subject for erasures by the retention run. */
    public static final String RETENTION_SUBJECT = "tracklane-retention";
    static final String ACTION = "ERASED";

    private final ApplicationAccess access;
    private final ApplicationRepository applications;
    private final DecisionSnapshotRepository snapshots;
    private final ApplicationEventRepository events;
    private final Transitions transitions;
    private final Evaluations evaluations;
    private final Event<PersonalDataErased> erased;

    public ErasureService(ApplicationAccess access, ApplicationRepository applications, DecisionSnapshotRepository snapshots,
                          ApplicationEventRepository events, Transitions transitions, Evaluations evaluations,
                          Event<PersonalDataErased> erased) {
        this.access = access;
        this.applications = applications;
        this.snapshots = snapshots;
        this.events = events;
        this.transitions = transitions;
        this.evaluations = evaluations;
        this.erased = erased;
    }

    /**
     * An officer erases an application's personal data on the data subject's request. The application's review must
     * have ended (approved, rejected or withdrawn: 409 otherwise, and 409 when it is already erased).
     *
     * @param expectedVersion the If-Match, optional: when given it must be the current version (412 otherwise)
     */
    @Transactional
    public TravelApplication erase(String id, String reason, Long expectedVersion, Caller caller) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "a reason is required to erase personal data");
        }
        ReviewService.checkReason(reason);
        access.find(id, caller);
        TravelApplication a = applications.lockedById(id).orElseThrow();
        if (expectedVersion != null && a.version != expectedVersion) {
            throw PreconditionException.failed("The application has changed (ETag \"" + a.version + "\"); read it again.");
        }
        if (a.personalDataErased()) {
            throw new ConflictException("The application's personal data was already erased at " + a.personalDataErasedAt + ".");
        }
        if (!a.status.isFinal()) {
            throw new ConflictException("The application is " + a.status + ": its personal data can be erased once it is"
                    + " approved, rejected or withdrawn.");
        }
        return erase(a, caller.subject(), reason, evaluations.now());
    }

    /**
     * The retention run's erasure of one application (inside the run's transaction); false when it was already
     * erased (by another instance or an officer) or no longer exists.
     */
    boolean eraseExpired(String id, String reason, Instant now) {
        TravelApplication a = applications.lockedById(id).orElse(null);
        if (a == null || a.personalDataErased()) {
            return false;
        }
        erase(a, RETENTION_SUBJECT, reason, now);
        return true;
    }

    private TravelApplication erase(TravelApplication a, String subject, String reason, Instant now) {
        PersonalValues values = PersonalValues.of(Arrays.asList(a.givenName, a.familyName, a.passportNumber, a.email,
                a.dateOfBirth == null ? null : a.dateOfBirth.toString()));
        a.request = values.scrub(a.request);
        a.givenName = null;
        a.familyName = null;
        a.passportNumber = null;
        a.dateOfBirth = null;
        a.email = null;
        // the idempotency key is the client's text, and the hash is of a body that held the identity
        a.idempotencyKey = null;
        a.requestHash = null;
        a.personalDataErasedAt = now;
        for (DecisionSnapshot s : snapshots.ofApplication(a.id)) {
            s.request = values.scrub(s.request);
            s.decision = values.scrub(s.decision);
        }
        for (ApplicationEvent e : events.ofApplication(a.id)) {
            e.reason = values.scrub(e.reason);
        }
        erased.fire(new PersonalDataErased(a.id, values, now));
        return transitions.apply(a, Transitions.Step.of(a.status, ACTION, values.scrub(reason), null, false, subject), now);
    }
}
