package com.tracklane.compliance.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The monitoring of one arrived traveller: the windows of the obligations in force at the actual arrival instant,
 * in the destination's local days (arrival date = day 0). What sweeps need is in columns, so they run as set-based SQL.
 */
@Entity
@Table(name = "compliance_monitoring")
public class Monitoring extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String COMPLETED = "COMPLETED";

    @Id
    public String id;
    @Column(name = "application_id")
    public String applicationId;
    @Column(name = "rule_set_id")
    public String ruleSetId;
    @Column(name = "rule_set_version")
    public int ruleSetVersion;
    /** IANA zone of the arrival airport: local dates are taken in it. */
    public String zone;
    public String airport;
    @Column(name = "arrived_at")
    public Instant arrivedAt;
    @Column(name = "arrival_date")
    public LocalDate arrivalDate;
    /** {@code arrivalDate} as days since 1970-01-01. */
    @Column(name = "arrival_day")
    public int arrivalDay;
    @Column(name = "quarantine_address")
    public String quarantineAddress;
    @Column(name = "quarantine_lat")
    public double quarantineLat;
    @Column(name = "quarantine_lon")
    public double quarantineLon;
    @Column(name = "arrival_hash")
    public String arrivalHash;
    @Column(name = "report_from_day")
    public Integer reportFromDay;
    @Column(name = "report_until_day")
    public Integer reportUntilDay;
    @Column(name = "report_citation")
    @Convert(converter = JsonColumns.Citation.class)
    public MonitoringPlan.RuleCitation reportCitation;
    /** The re-test day (day number), if the rule set requires one. */
    @Column(name = "retest_day")
    public Integer retestDay;
    @Column(name = "retest_citation")
    @Convert(converter = JsonColumns.Citation.class)
    public MonitoringPlan.RuleCitation retestCitation;
    /** The last local day of any obligation window: a sweep after that day closes the monitoring. */
    @Column(name = "ends_on")
    public LocalDate endsOn;
    public String status;
    @Column(name = "windows_json")
    @Convert(converter = JsonColumns.Windows.class)
    public List<MonitoringPlan.Window> windows;
    /** The quarantine address first, then the accommodation and listed places of the trip. */
    @Column(name = "places_json")
    @Convert(converter = JsonColumns.Places.class)
    public List<Place> places;
    @Column(name = "departed_at")
    public Instant departedAt;
    @Column(name = "departure_airport")
    public String departureAirport;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "closed_at")
    public Instant closedAt;

    public LocalDate retestDate() {
        return retestDay == null ? null : arrivalDate.plusDays(retestDay);
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public MonitoringPlan plan() {
        return new MonitoringPlan(ruleSetId, ruleSetVersion, arrivalDate, windows);
    }
}
