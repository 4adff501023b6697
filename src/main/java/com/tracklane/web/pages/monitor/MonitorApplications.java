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

    /**
     * The id of the application a monitor typed: its public reference (RT-KHJP-2020-000001, any case) or its id;
     * empty when there is none the monitor may see.
     */
    public java.util.Optional<String> idOf(String typed, StaffUser monitor) {
        String text = typed == null ? "" : typed.trim();
        if (!text.matches("[A-Za-z0-9-]{1,64}")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(text.toUpperCase(java.util.Locale.ROOT).matches("[A-Z]{2}-[A-Z]{4}-[0-9]{4}-[0-9]+")
                    ? applications.findByReference(text.toUpperCase(java.util.Locale.ROOT), caller(monitor)).id
                    : applications.find(text, caller(monitor)).id);
        } catch (com.tracklane.common.NotFoundException none) {
            return java.util.Optional.empty();
        }
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
