package com.tracklane.web.pages.monitor;

import com.tracklane.intake.model.ApplicationStatus;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.service.ApplicationAccess;
import com.tracklane.intake.service.Caller;
import com.tracklane.web.session.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The monitoring desk's door to intake: the reference, route and status of the applications it monitors (never the
 * applicant's personal data), and the approved applications still waiting for their arrival. Monitors follow every
 * organisation's travellers, as the compliance API lets them.
 */
@ApplicationScoped
public class MonitorApplications {

    private final ApplicationAccess applications;

    public MonitorApplications(ApplicationAccess applications) {
        this.applications = applications;
    }

    /** What the desk shows of an application. */
    public record Summary(String id, String reference, String origin, String destination, String statusKey) {
    }

    private static Caller caller(StaffUser monitor) {
        return new Caller(monitor.name(), monitor.name(), true);
    }

    public Summary summary(String id, StaffUser monitor) {
        return summary(applications.find(id, caller(monitor)));
    }

    /** The most recently approved applications (newest first), up to {@code size}. */
    public List<Summary> approved(StaffUser monitor, int size) {
        return applications.list(new ApplicationAccess.Filter(ApplicationStatus.APPROVED, null, null, null, null, null),
                caller(monitor), 0, size).items().stream().map(MonitorApplications::summary).toList();
    }

    private static Summary summary(TravelApplication a) {
        return new Summary(a.id, a.reference, a.origin, a.destination, "officer_status_" + a.status.name());
    }
}
