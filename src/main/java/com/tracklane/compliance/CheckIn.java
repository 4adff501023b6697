package com.tracklane.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One daily report of a monitored traveller: temperature, symptoms, where, how they moved, a test result. */
@Entity
@Table(name = "compliance_check_in")
public class CheckIn extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "monitoring_id")
    public String monitoringId;
    public Instant at;
    /** {@code at} in the monitoring's zone: the day the check-in counts for. */
    @Column(name = "local_date")
    public LocalDate localDate;
    @Column(name = "temperature_c")
    public double temperatureC;
    /** Comma-separated symptom words; empty when none. */
    public String symptoms;
    public double lat;
    public double lon;
    public String transport;
    @Column(name = "test_result")
    public String testResult;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;

    public List<String> symptomList() {
        return symptoms == null || symptoms.isEmpty() ? List.of() : List.of(symptoms.split(","));
    }

    public static List<CheckIn> ofMonitoring(String monitoringId) {
        return list("monitoringId = ?1 order by at, id", monitoringId);
    }
}
