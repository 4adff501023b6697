package com.tracklane.compliance.service;

import com.tracklane.compliance.model.CheckIn;
import com.tracklane.compliance.model.ComplianceViews;
import com.tracklane.compliance.model.Monitoring;
import com.tracklane.compliance.repository.CheckInRepository;
import com.tracklane.compliance.repository.MonitoringRepository;
import com.tracklane.compliance.repository.ViolationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The monitoring desk's overview: the active monitorings with today's day number (in each traveller's destination
 * zone), whether anything was broken so far, and the last check-in; and the check-ins of one traveller for the
 * day-by-day strip.
 */
@ApplicationScoped
public class MonitoringOverview {

    private final MonitoringRepository monitorings;
    private final CheckInRepository checkIns;
    private final ViolationRepository violations;
    private final ComplianceReportService reports;
    private final Monitorings lookup;
    private final Clock clock;

    public MonitoringOverview(MonitoringRepository monitorings, CheckInRepository checkIns, ViolationRepository violations,
                              ComplianceReportService reports, Monitorings lookup, Clock clock) {
        this.monitorings = monitorings;
        this.checkIns = checkIns;
        this.violations = violations;
        this.reports = reports;
        this.lookup = lookup;
        this.clock = clock;
    }

    /**
     * One active monitoring.
     *
     * @param today       today's day number in the destination's zone (day 0 is the arrival date)
     * @param violations  how many violations are recorded so far
     * @param lastCheckIn the latest check-in's instant, null when none was received
     */
    public record Active(String applicationId, String airport, String zone, LocalDate arrivalDate, LocalDate endsOn, long today,
                         int violations, Instant lastCheckIn) {

        /** Whether today is after the monitoring's last day (the next sweep closes it). */
        public boolean over() {
            return today > ChronoUnit.DAYS.between(arrivalDate, endsOn);
        }
    }

    /** A page of active monitorings, earliest arrival first, and how many there are. */
    public record ActivePage(List<Active> items, long total) {
    }

    public ActivePage active(int page, int size) {
        List<Active> items = monitorings.active(page, size).stream().map(this::active).toList();
        return new ActivePage(items, monitorings.countActive());
    }

    private Active active(Monitoring m) {
        LocalDate today = LocalDate.now(clock.withZone(m.zoneId()));
        Instant last = checkIns.ofMonitoring(m.id).stream().map(c -> c.at).max(Comparator.naturalOrder()).orElse(null);
        return new Active(m.applicationId, m.airport, m.zone, m.arrivalDate, m.endsOn, ChronoUnit.DAYS.between(m.arrivalDate, today),
                violations.ofMonitoring(m.id).size(), last);
    }

    /** Every check-in of an application's monitoring, in the order they were made. */
    public List<ComplianceViews.CheckInView> checkIns(String applicationId) {
        Monitoring m = lookup.of(applicationId);
        List<CheckIn> all = checkIns.ofMonitoring(m.id);
        return all.stream().sorted(Comparator.comparing(c -> c.at))
                .map(c -> reports.view(m, c, violations.ofCheckIn(c.id).stream().map(v -> v.code).toList())).toList();
    }

    /** Whether an arrival is registered for the application. */
    public boolean arrived(String applicationId) {
        return monitorings.ofApplication(applicationId).isPresent();
    }

    /** Today's date in the monitoring's zone. */
    public LocalDate today(String zone) {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of(zone)));
    }
}
