package com.tracklane.compliance.service;

import com.tracklane.compliance.model.MonitoringPlan;
import com.tracklane.compliance.model.Place;
import com.tracklane.compliance.model.TestResult;
import com.tracklane.compliance.model.Transport;
import com.tracklane.compliance.model.ViolationCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a check-in or a departure breaks, given the monitoring's plan: plain Java (no database, no framework), so the
 * rules read as they are and are tested day by day (ViolationDetectorTest). Recording the findings is the services'.
 *
 * <ul>
 *   <li>FEVER: a temperature at or above the threshold;</li>
 *   <li>SYMPTOMS: any symptom reported;</li>
 *   <li>POSITIVE_TEST: a positive test result;</li>
 *   <li>PUBLIC_TRANSPORT: public transport on a day of NO_PUBLIC_TRANSPORT or RESTRICTED_MOVEMENT;</li>
 *   <li>OUTSIDE_ALLOWED_PLACE: on a day of QUARANTINE or RESTRICTED_MOVEMENT, farther than the radius from the
 *       quarantine address (QUARANTINE) or from every allowed place (RESTRICTED_MOVEMENT);</li>
 *   <li>EARLY_EXIT: a departure on or before the last day of QUARANTINE or NO_EXIT.</li>
 * </ul>
 */
public final class ViolationDetector {

    private static final List<String> HEALTH_OBLIGATIONS = List.of("DAILY_HEALTH_REPORT", "QUARANTINE", "RESTRICTED_MOVEMENT");
    private static final List<String> TEST_OBLIGATIONS = List.of("RETEST", "ARRIVAL_TEST", "QUARANTINE", "DAILY_HEALTH_REPORT");

    private final double radiusMeters;

    /** @param radiusMeters a check-in farther than this from every allowed place is outside */
    public ViolationDetector(double radiusMeters) {
        this.radiusMeters = radiusMeters;
    }

    /** One check-in as reported (symptoms without duplicates). */
    public record Reading(String checkInId, Instant at, double temperatureC, List<String> symptoms, double lat, double lon,
                          Transport transport, TestResult testResult) {
    }

    /** One broken obligation: the day (from the arrival, day 0), what was observed, and the rule it breaks. */
    public record Finding(ViolationCode code, int day, Map<String, Object> evidence, MonitoringPlan.RuleCitation citation) {
    }

    /**
     * @param zone           the monitoring's zone: local dates and times are taken in it
     * @param allowedPlaces  the quarantine address first, then the other places of the trip
     * @param feverThreshold the rule-set version's {@code feverThresholdC}, or the configured default
     */
    public List<Finding> checkIn(Reading r, MonitoringPlan plan, ZoneId zone, List<Place> allowedPlaces, double feverThreshold) {
        LocalDate date = r.at().atZone(zone).toLocalDate();
        int day = (int) ChronoUnit.DAYS.between(plan.arrivalDate(), date);
        String localTime = r.at().atZone(zone).toOffsetDateTime().toString();
        List<Finding> found = new ArrayList<>();

        if (r.temperatureC() >= feverThreshold) {
            Map<String, Object> e = evidence(r, localTime, day, "Temperature " + r.temperatureC() + " °C at " + localTime
                    + " is at or above the fever threshold of " + feverThreshold + " °C.");
            e.put("temperatureC", r.temperatureC());
            e.put("thresholdC", feverThreshold);
            found.add(new Finding(ViolationCode.FEVER, day, e, plan.citationFor(HEALTH_OBLIGATIONS)));
        }
        if (!r.symptoms().isEmpty()) {
            Map<String, Object> e = evidence(r, localTime, day, "Symptoms reported at " + localTime + ": "
                    + String.join(", ", r.symptoms()) + ".");
            e.put("symptoms", r.symptoms());
            found.add(new Finding(ViolationCode.SYMPTOMS, day, e, plan.citationFor(HEALTH_OBLIGATIONS)));
        }
        if (r.testResult() == TestResult.POSITIVE) {
            Map<String, Object> e = evidence(r, localTime, day, "Positive test reported at " + localTime + ".");
            e.put("testResult", r.testResult().name());
            found.add(new Finding(ViolationCode.POSITIVE_TEST, day, e, plan.citationFor(TEST_OBLIGATIONS)));
        }
        List<MonitoringPlan.Window> travel = plan.covering(MonitoringPlan.TRAVEL_RESTRICTIONS, day);
        if (r.transport() == Transport.PUBLIC_TRANSPORT && !travel.isEmpty()) {
            MonitoringPlan.Window w = travel.get(0);
            Map<String, Object> e = evidence(r, localTime, day, "Public transport used at " + localTime + " (day " + day
                    + "), during " + w.code() + " (" + w.from() + " to " + w.until() + ").");
            e.put("transport", r.transport().name());
            found.add(new Finding(ViolationCode.PUBLIC_TRANSPORT, day, e, w.citation()));
        }
        outsideAllowedPlace(r, plan, day, localTime, allowedPlaces).ifPresent(found::add);
        return found;
    }

    private Optional<Finding> outsideAllowedPlace(Reading r, MonitoringPlan plan, int day, String localTime, List<Place> places) {
        List<MonitoringPlan.Window> restricted = plan.covering(MonitoringPlan.PLACE_RESTRICTIONS, day);
        if (restricted.isEmpty()) {
            return Optional.empty();
        }
        Optional<MonitoringPlan.Window> movement = restricted.stream().filter(w -> w.code().equals("RESTRICTED_MOVEMENT")).findFirst();
        // QUARANTINE alone: the registered address only
        List<Place> allowed = movement.isPresent() ? places : places.subList(0, Math.min(1, places.size()));
        Place nearest = null;
        double distance = Double.MAX_VALUE;
        for (Place p : allowed) {
            double d = Geo.distanceMeters(r.lat(), r.lon(), p.lat(), p.lon());
            if (d < distance) {
                distance = d;
                nearest = p;
            }
        }
        if (nearest == null || distance <= radiusMeters) {
            return Optional.empty();
        }
        MonitoringPlan.Window w = movement.orElse(restricted.get(0));
        Map<String, Object> e = evidence(r, localTime, day, "Checked in at " + localTime + " " + Math.round(distance)
                + " m from the nearest allowed place (" + nearest.name() + "), farther than " + Math.round(radiusMeters)
                + " m, during " + w.code() + ".");
        e.put("distanceMeters", Math.round(distance));
        e.put("radiusMeters", radiusMeters);
        e.put("nearestPlace", nearest.name());
        return Optional.of(new Finding(ViolationCode.OUTSIDE_ALLOWED_PLACE, day, e, w.citation()));
    }

    /** A departure before release (on or before the last day of QUARANTINE or NO_EXIT) is an EARLY_EXIT. */
    public Optional<Finding> departure(Instant departedAt, String airport, MonitoringPlan plan, ZoneId zone) {
        LocalDate date = departedAt.atZone(zone).toLocalDate();
        int day = (int) ChronoUnit.DAYS.between(plan.arrivalDate(), date);
        Optional<Integer> lastRestricted = plan.lastRestrictedDay();
        if (lastRestricted.isEmpty() || day > lastRestricted.get()) {
            return Optional.empty();
        }
        LocalDate release = plan.releaseDate().orElseThrow();
        MonitoringPlan.Window w = plan.windows().stream()
                .filter(x -> MonitoringPlan.EXIT_RESTRICTIONS.contains(x.code()) && x.covers(day)).findFirst()
                .orElse(plan.window("NO_EXIT").or(() -> plan.window("QUARANTINE")).orElseThrow());
        String local = departedAt.atZone(zone).toOffsetDateTime().toString();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("summary", "Departure recorded at " + local + " (day " + day + "), before release on " + release + ".");
        e.put("departedAt", local);
        e.put("day", day);
        e.put("releaseOn", release.toString());
        if (airport != null) {
            e.put("airport", airport);
        }
        return Optional.of(new Finding(ViolationCode.EARLY_EXIT, day, e, w.citation()));
    }

    private static Map<String, Object> evidence(Reading r, String localTime, int day, String summary) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("summary", summary);
        e.put("checkInId", r.checkInId());
        e.put("at", localTime);
        e.put("day", day);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("lat", r.lat());
        location.put("lon", r.lon());
        e.put("location", location);
        return e;
    }
}
