package com.tracklane.compliance.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    @Enumerated(EnumType.STRING)
    public Transport transport;
    @Column(name = "test_result")
    @Enumerated(EnumType.STRING)
    public TestResult testResult;
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
}
