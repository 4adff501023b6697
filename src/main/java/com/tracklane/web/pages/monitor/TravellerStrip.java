package com.tracklane.web.pages.monitor;

import com.tracklane.compliance.model.ComplianceViews;
import com.tracklane.compliance.model.MonitoringPlan;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The day-by-day strip of one monitored traveller, from the compliance report and the check-ins: for each local day
 * from the arrival (day 0) to the end of the monitoring, whether a check-in is required, how many were received,
 * whether the day was missed, and the violations recorded for it.
 */
final class TravellerStrip {

    /** The obligation windows the pages have words for. */
    static final Set<String> KNOWN_WINDOWS = Set.of("ARRIVAL_TEST", "QUARANTINE", "LOCATION_RECORD", "DAILY_HEALTH_REPORT",
            "RETEST", "RESTRICTED_MOVEMENT", "NO_PUBLIC_TRANSPORT", "NO_EXIT", "DEPOSIT", "EXIT_TEST");
    static final Set<String> KNOWN_VIOLATIONS = Set.of("MISSED_CHECK_IN", "FEVER", "SYMPTOMS", "POSITIVE_TEST", "PUBLIC_TRANSPORT",
            "OUTSIDE_ALLOWED_PLACE", "MISSED_RETEST", "EARLY_EXIT");
    /** At most this many days are drawn (a long stay shows its first ones). */
    static final int MAX_DAYS = 60;

    private TravellerStrip() {
    }

    /** One day of the strip. */
    public record Day(int number, LocalDate date, boolean required, boolean retest, int received, boolean missed,
                      List<String> violationKeys, boolean today, String css) {
    }

    /** One obligation window, with the key of its name. */
    public record Window(String nameKey, int fromDay, int untilDay, LocalDate from, LocalDate until) {
    }

    static List<Window> windows(ComplianceViews.Report report) {
        List<Window> out = new ArrayList<>();
        for (MonitoringPlan.Window w : report.windows()) {
            out.add(new Window(windowKey(w.code()), w.fromDay(), w.untilDay(), w.from(), w.until()));
        }
        return out;
    }

    static String windowKey(String code) {
        return "monitor_window_" + (KNOWN_WINDOWS.contains(code) ? code : "OTHER");
    }

    static String violationKey(String code) {
        return "monitor_violation_" + (KNOWN_VIOLATIONS.contains(code) ? code : "OTHER");
    }

    static List<Day> days(ComplianceViews.Report report, List<ComplianceViews.CheckInView> checkIns, LocalDate today) {
        LocalDate first = report.arrival().localDate();
        int last = (int) Math.min(MAX_DAYS - 1, Math.max(0, ChronoUnit.DAYS.between(first, report.endsOn())));
        List<Day> out = new ArrayList<>();
        for (int n = 0; n <= last; n++) {
            LocalDate date = first.plusDays(n);
            boolean required = report.checkInsFrom() != null && !date.isBefore(report.checkInsFrom()) && !date.isAfter(report.checkInsUntil());
            boolean retest = date.equals(report.retestOn());
            int received = (int) checkIns.stream().filter(c -> c.localDate().equals(date)).count();
            boolean missed = false;
            List<String> violations = new ArrayList<>();
            for (ComplianceViews.ViolationView v : report.violations()) {
                if (v.localDate().equals(date)) {
                    missed |= v.code().equals("MISSED_CHECK_IN");
                    violations.add(violationKey(v.code()));
                }
            }
            String css = !violations.isEmpty() ? "bad" : required && received > 0 ? "ok" : required ? "due" : "free";
            out.add(new Day(n, date, required, retest, received, missed, violations.stream().distinct().toList(), date.equals(today), css));
        }
        return out;
    }
}
