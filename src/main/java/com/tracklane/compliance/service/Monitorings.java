package com.tracklane.compliance.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.ConflictException;
import com.tracklane.common.NotFoundException;
import com.tracklane.compliance.model.Monitoring;
import com.tracklane.compliance.model.Violation;
import com.tracklane.compliance.repository.MonitoringRepository;
import com.tracklane.compliance.repository.ViolationRepository;
import com.tracklane.intake.service.ApplicationLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Finding the monitoring of an application (with the answer when there is none) and recording what it breaks. */
@ApplicationScoped
public class Monitorings {

    private final MonitoringRepository monitorings;
    private final ViolationRepository violations;
    private final ApplicationLookup applications;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Monitorings(MonitoringRepository monitorings, ViolationRepository violations, ApplicationLookup applications,
                       ObjectMapper mapper, Clock clock) {
        this.monitorings = monitorings;
        this.violations = violations;
        this.applications = applications;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** @throws NotFoundException without such an application, or without an arrival registered for it */
    public Monitoring of(String applicationId) {
        return monitorings.ofApplication(applicationId).orElseThrow(() -> {
            if (!applications.exists(applicationId)) {
                return new NotFoundException("No application with id '" + applicationId + "'.");
            }
            return new NotFoundException("No arrival is registered for application '" + applicationId + "'.");
        });
    }

    /**
     * The monitoring with its row lock, held until the transaction ends: retries and concurrent posts cannot record
     * anything twice.
     *
     * @throws NotFoundException without such an application
     * @throws ConflictException without an arrival registered for it
     */
    public Monitoring locked(String applicationId) {
        return monitorings.ofApplicationLocked(applicationId).orElseThrow(() -> {
            if (!applications.exists(applicationId)) {
                return new NotFoundException("No application with id '" + applicationId + "'.");
            }
            return new ConflictException("No arrival is registered for this application: POST …/arrival first.");
        });
    }

    /** Records a finding once per monitoring, code and local day, however often it is seen. */
    public void record(Monitoring m, String checkInId, ViolationDetector.Finding finding) {
        var date = m.arrivalDate.plusDays(finding.day());
        if (violations.recorded(m.id, finding.code(), date)) {
            return;
        }
        Violation v = new Violation();
        v.monitoringId = m.id;
        v.applicationId = m.applicationId;
        v.code = finding.code().name();
        v.localDate = date;
        v.dayNumber = finding.day();
        v.checkInId = checkInId;
        v.detectedAt = clock.instant();
        v.evidence = mapper.valueToTree(finding.evidence());
        v.citation = mapper.valueToTree(finding.citation());
        violations.persist(v);
    }
}
