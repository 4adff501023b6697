package com.tracklane.web.pages.officer;

import com.tracklane.intake.model.ApplicationEvent;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.ReviewAction;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.service.ApplicationAccess;
import com.tracklane.intake.service.Caller;
import com.tracklane.intake.service.HistoryService;
import com.tracklane.intake.service.ReviewService;
import com.tracklane.web.session.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The officer desk's door to intake: the same service calls the JSON API makes for an officer (list, find, history,
 * snapshots, replay, decide), with the signed-in officer as the caller. The one place the desk names intake's
 * services, so a change of intake's packages touches only this class.
 */
@ApplicationScoped
public class OfficerApplications {

    private final ApplicationAccess access;
    private final HistoryService histories;
    private final ReviewService reviews;

    public OfficerApplications(ApplicationAccess access, HistoryService histories, ReviewService reviews) {
        this.access = access;
        this.histories = histories;
        this.reviews = reviews;
    }

    /** Officers see and review every organisation's applications (as on the API). */
    static Caller caller(StaffUser officer) {
        return new Caller(officer.name(), officer.name(), true);
    }

    public ApplicationAccess.Found list(ApplicationAccess.Filter filter, StaffUser officer, int page, int size) {
        return access.list(filter, caller(officer), page, size);
    }

    public TravelApplication find(String id, StaffUser officer) {
        return access.find(id, caller(officer));
    }

    public List<ApplicationEvent> history(String id, StaffUser officer) {
        return histories.history(id, caller(officer));
    }

    public List<DecisionSnapshot> snapshots(String id, StaffUser officer) {
        return histories.snapshots(id, caller(officer));
    }

    public HistoryService.Replayed replay(String id, String snapshotId, StaffUser officer) {
        return histories.replay(id, snapshotId, caller(officer));
    }

    /**
     * An officer's decision, with the reason checked as the API checks the decision body's ({@link ReviewService#checkReason}),
     * decided by the service with the ETag the page was rendered with.
     */
    public TravelApplication decide(String id, ReviewAction action, String reason, boolean override, long version, StaffUser officer) {
        ReviewService.checkReason(reason);
        return reviews.decide(id, action, reason, override, version, caller(officer));
    }
}
