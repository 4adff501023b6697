package com.tracklane.compliance.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.tracklane.common.RuleSetRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the compliance endpoints answer. */
public final class ComplianceViews {

    private ComplianceViews() {
    }

    public record Arrival(Instant arrivedAt, String airport, String zone, LocalDate localDate, Place quarantineAddress) {
    }

    public record Departure(Instant departedAt, String airport, LocalDate localDate, int day) {
    }

    public record CheckInCounts(int expected, int received, int total) {
    }

    public record Report(String applicationId, String monitoringId, String status, RuleSetRef ruleSet, Arrival arrival,
                         List<MonitoringPlan.Window> windows, LocalDate checkInsFrom, LocalDate checkInsUntil,
                         LocalDate retestOn, LocalDate releaseOn, LocalDate endsOn, CheckInCounts checkIns,
                         Departure departure, List<Place> allowedPlaces, List<ViolationView> violations,
                         Instant closedAt) {
    }

    public record ViolationView(long id, String applicationId, String code, LocalDate localDate, int day,
                                Instant detectedAt, String checkInId, JsonNode evidence, JsonNode citation) {
    }

    public record Location(double lat, double lon) {
    }

    public record CheckInView(String id, String applicationId, Instant at, LocalDate localDate, int day,
                              double temperatureC, List<String> symptoms, Location location, String transport,
                              String testResult, Instant receivedAt, List<String> violations) {
    }

    public record SweepResult(Instant at, int examined, Map<String, Integer> found, int recorded, int closed,
                              long tookMs) {
    }
}
