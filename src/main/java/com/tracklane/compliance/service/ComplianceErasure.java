package com.tracklane.compliance.service;

import com.tracklane.common.PersonalValues;
import com.tracklane.compliance.model.CheckIn;
import com.tracklane.compliance.model.Monitoring;
import com.tracklane.compliance.model.Place;
import com.tracklane.compliance.repository.CheckInRepository;
import com.tracklane.compliance.repository.MonitoringRepository;
import com.tracklane.intake.service.EndedApplications;
import com.tracklane.intake.service.PersonalDataErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;

/**
 * Compliance's part in personal-data retention: an approved application ends when its monitoring is closed, and an
 * erasure removes the applicant's identity from what compliance copied (the quarantine address and places taken from
 * the trip, the check-ins' symptom text). Dates, check-in times, positions and violations stay for statistics.
 */
@ApplicationScoped
public class ComplianceErasure implements EndedApplications {

    private final MonitoringRepository monitorings;
    private final CheckInRepository checkIns;

    public ComplianceErasure(MonitoringRepository monitorings, CheckInRepository checkIns) {
        this.monitorings = monitorings;
        this.checkIns = checkIns;
    }

    @Override
    public List<String> endedBefore(Instant cutoff) {
        return monitorings.applicationsClosedBefore(cutoff);
    }

    /** Runs inside the erasing transaction: both commit or neither. */
    void onErased(@Observes PersonalDataErased erased) {
        PersonalValues values = erased.values();
        Monitoring m = monitorings.ofApplicationLocked(erased.applicationId()).orElse(null);
        if (m == null) {
            return;
        }
        m.quarantineAddress = values.scrub(m.quarantineAddress);
        if (m.places != null) {
            m.places = m.places.stream()
                    .map(p -> new Place(values.scrub(p.name()), values.scrub(p.address()), p.lat(), p.lon())).toList();
        }
        for (CheckIn c : checkIns.ofMonitoring(m.id)) {
            c.symptoms = values.scrub(c.symptoms);
        }
    }
}
