package com.tracklane.compliance.service;

import com.tracklane.common.Page;
import com.tracklane.common.RuleSetRef;
import com.tracklane.compliance.model.CheckIn;
import com.tracklane.compliance.model.ComplianceViews;
import com.tracklane.compliance.model.Monitoring;
import com.tracklane.compliance.model.MonitoringPlan;
import com.tracklane.compliance.model.Place;
import com.tracklane.compliance.model.Violation;
import com.tracklane.compliance.model.ViolationCode;
import com.tracklane.compliance.repository.CheckInRepository;
import com.tracklane.compliance.repository.ViolationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The compliance report of one traveller, the views of check-ins and violations, and the list of all violations. */
@ApplicationScoped
public class ComplianceReportService {

    private final Monitorings monitorings;
    private final CheckInRepository checkIns;
    private final ViolationRepository violations;

    public ComplianceReportService(Monitorings monitorings, CheckInRepository checkIns, ViolationRepository violations) {
        this.monitorings = monitorings;
        this.checkIns = checkIns;
        this.violations = violations;
    }

    public ComplianceViews.Report report(String applicationId) {
        return report(monitorings.of(applicationId));
    }

    public ComplianceViews.Report report(Monitoring m) {
        MonitoringPlan plan = m.plan();
        List<CheckIn> all = checkIns.ofMonitoring(m.id);
        List<Violation> found = violations.ofMonitoring(m.id);
        int expected = 0;
        int received = 0;
        LocalDate from = null;
        LocalDate until = null;
        if (m.reportFromDay != null && m.reportUntilDay >= m.reportFromDay) {
            from = m.arrivalDate.plusDays(m.reportFromDay);
            until = m.arrivalDate.plusDays(m.reportUntilDay);
            expected = m.reportUntilDay - m.reportFromDay + 1;
            Set<LocalDate> days = new LinkedHashSet<>();
            for (CheckIn c : all) {
                if (!c.localDate.isBefore(from) && !c.localDate.isAfter(until)) {
                    days.add(c.localDate);
                }
            }
            received = days.size();
        }
        boolean compliant = found.isEmpty();
        String status = (Monitoring.ACTIVE.equals(m.status) ? "ACTIVE_" : "COMPLETED_") + (compliant ? "COMPLIANT" : "NON_COMPLIANT");
        List<Place> places = m.places;
        ComplianceViews.Departure departure = null;
        if (m.departedAt != null) {
            LocalDate departedOn = m.departedAt.atZone(m.zoneId()).toLocalDate();
            departure = new ComplianceViews.Departure(m.departedAt, m.departureAirport, departedOn,
                    (int) ChronoUnit.DAYS.between(m.arrivalDate, departedOn));
        }
        boolean movement = plan.window("RESTRICTED_MOVEMENT").isPresent();
        return new ComplianceViews.Report(m.applicationId, m.id, status,
                RuleSetRef.of(m.ruleSetId, m.ruleSetVersion),
                new ComplianceViews.Arrival(m.arrivedAt, m.airport, m.zone, m.arrivalDate, places.get(0)),
                plan.windows(), from, until, m.retestDate(), plan.releaseDate().orElse(null), m.endsOn,
                new ComplianceViews.CheckInCounts(expected, received, all.size()), departure,
                movement ? places : places.subList(0, 1),
                found.stream().map(ComplianceReportService::view).toList(), m.closedAt);
    }

    public ComplianceViews.CheckInView view(Monitoring m, CheckIn c, List<String> violations) {
        return new ComplianceViews.CheckInView(c.id, m.applicationId, c.at, c.localDate,
                (int) ChronoUnit.DAYS.between(m.arrivalDate, c.localDate), c.temperatureC, c.symptomList(),
                new ComplianceViews.Location(c.lat, c.lon), c.transport.name(),
                c.testResult == null ? null : c.testResult.name(), c.receivedAt, violations);
    }

    public static ComplianceViews.ViolationView view(Violation v) {
        return new ComplianceViews.ViolationView(v.id, v.applicationId, v.code, v.localDate, v.dayNumber, v.detectedAt,
                v.checkInId, v.evidence, v.citation);
    }

    /** One page of all violations, by id; {@code sinceDate}: of that local day or later; {@code sinceInstant}: detected then or later. */
    public Page<ComplianceViews.ViolationView> violations(LocalDate sinceDate, Instant sinceInstant,
                                                                          ViolationCode code, int page, int size) {
        ViolationRepository.Found found = violations.find(sinceDate, sinceInstant, code, page, size);
        return new Page<>(found.items().stream().map(ComplianceReportService::view).toList(), page, size, found.total());
    }
}
