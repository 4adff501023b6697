package com.tracklane.compliance.model;

import com.tracklane.track.model.Citation;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.ObligationSpec;
import com.tracklane.track.model.VersionSpec;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The windows of a monitoring, from the obligations of the rule-set version in force at the actual arrival: pure
 * Java, so the day counting reads like the rule. Day 0 is the destination-local arrival date.
 *
 * <ul>
 *   <li>check-ins are required on the days of DAILY_HEALTH_REPORT; a rule set without it (Cambodia's) requires them
 *       on the days 1.. of its QUARANTINE or else RESTRICTED_MOVEMENT window (the traveller is under the local
 *       health authorities' watch);</li>
 *   <li>the re-test is due on the first day of RETEST;</li>
 *   <li>release is the day after the last day of QUARANTINE or NO_EXIT: a departure before it is an EARLY_EXIT;</li>
 *   <li>a window without an end (until the departure) ends on the itinerary's exit date, else on day 14.</li>
 * </ul>
 */
public record MonitoringPlan(String ruleSetId, int version, LocalDate arrivalDate, List<Window> windows) {

    public static final Set<String> TRAVEL_RESTRICTIONS = Set.of("NO_PUBLIC_TRANSPORT", "RESTRICTED_MOVEMENT");
    public static final Set<String> PLACE_RESTRICTIONS = Set.of("QUARANTINE", "RESTRICTED_MOVEMENT");
    public static final Set<String> EXIT_RESTRICTIONS = Set.of("QUARANTINE", "NO_EXIT");
    static final int DEFAULT_OPEN_END_DAY = 14;
    /** Days beyond this are not monitored (the day table of the schema holds 0..399). */
    static final int LAST_DAY = 399;

    /** One obligation's window, in day numbers and local dates (both inclusive). */
    public record Window(String code, int fromDay, int untilDay, LocalDate from, LocalDate until, String detail,
                         RuleCitation citation) {
        public boolean covers(int day) {
            return day >= fromDay && day <= untilDay;
        }
    }

    /** A citation of the rule set, version and obligation a violation breaks. */
    public record RuleCitation(String ruleSetId, int version, String obligation, String title, String date, String url,
                               String paragraph) {
    }

    /**
     * @param bindings     the application's facts and the version's parameters, for obligations with a condition
     * @param exitDate     the itinerary's exit date (destination-local), null when open-ended
     */
    public static MonitoringPlan of(String ruleSetId, VersionSpec version, LocalDate arrivalDate, LocalDate exitDate,
                                    Expression.Bindings bindings) {
        List<Window> windows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ObligationSpec o : version.obligations()) {
            if (seen.contains(o.code()) || !applies(o, bindings)) {
                continue;
            }
            seen.add(o.code());
            int until;
            if (o.untilDay() != null) {
                until = o.untilDay();
            } else if (exitDate != null && !exitDate.isBefore(arrivalDate)) {
                until = (int) Math.max(o.fromDay(), ChronoUnit.DAYS.between(arrivalDate, exitDate));
            } else {
                until = Math.max(o.fromDay(), DEFAULT_OPEN_END_DAY);
            }
            until = Math.min(until, LAST_DAY);
            String detail;
            try {
                detail = o.detail().in("en").render(bindings);
            } catch (RuntimeException e) {
                detail = null;
            }
            Citation c = o.citation();
            RuleCitation citation = c == null ? new RuleCitation(ruleSetId, version.number(), o.code(), null, null, null, null)
                    : new RuleCitation(ruleSetId, version.number(), o.code(), c.title(), c.date(), c.url(), c.paragraph());
            windows.add(new Window(o.code(), o.fromDay(), until, arrivalDate.plusDays(o.fromDay()), arrivalDate.plusDays(until),
                    detail, citation));
        }
        return new MonitoringPlan(ruleSetId, version.number(), arrivalDate, List.copyOf(windows));
    }

    private static boolean applies(ObligationSpec o, Expression.Bindings bindings) {
        if (o.when() == null) {
            return true;
        }
        // A condition that cannot be evaluated (a fact is missing) keeps the obligation: monitoring errs on the strict side.
        try {
            Object result = o.when().evaluate(bindings);
            return !(result instanceof Boolean b) || b;
        } catch (RuntimeException e) {
            return true;
        }
    }

    public Optional<Window> window(String code) {
        return windows.stream().filter(w -> w.code().equals(code)).findFirst();
    }

    /** The days on which a check-in is required. */
    public Optional<Window> reportWindow() {
        Optional<Window> daily = window("DAILY_HEALTH_REPORT");
        if (daily.isPresent()) {
            return daily;
        }
        return window("QUARANTINE").or(() -> window("RESTRICTED_MOVEMENT"))
                .filter(w -> w.untilDay() >= Math.max(1, w.fromDay()))
                .map(w -> {
                    int from = Math.max(1, w.fromDay());
                    return new Window(w.code(), from, w.untilDay(), arrivalDate.plusDays(from), w.until(), w.detail(), w.citation());
                });
    }

    public Optional<Window> retestWindow() {
        return window("RETEST");
    }

    /** The last day of QUARANTINE / NO_EXIT, if any: leaving on or before it is an early exit. */
    public Optional<Integer> lastRestrictedDay() {
        return windows.stream().filter(w -> EXIT_RESTRICTIONS.contains(w.code())).map(Window::untilDay).max(Integer::compare);
    }

    /** The first day without any exit restriction, if there is one. */
    public Optional<LocalDate> releaseDate() {
        return lastRestrictedDay().map(d -> arrivalDate.plusDays(d + 1));
    }

    /** The last day of all windows: after it, the monitoring is complete. */
    public LocalDate endsOn() {
        int last = windows.stream().mapToInt(Window::untilDay).max().orElse(0);
        return arrivalDate.plusDays(last);
    }

    /** The windows among {@code codes} covering a day. */
    public List<Window> covering(Set<String> codes, int day) {
        return windows.stream().filter(w -> codes.contains(w.code()) && w.covers(day)).toList();
    }

    /** The citation for a violation of one of the {@code codes} (the first present), else of any window. */
    public RuleCitation citationFor(List<String> codes) {
        for (String code : codes) {
            Optional<Window> w = window(code);
            if (w.isPresent()) {
                return w.get().citation();
            }
        }
        return windows.isEmpty() ? new RuleCitation(ruleSetId, version, null, null, null, null, null) : windows.get(0).citation();
    }
}
