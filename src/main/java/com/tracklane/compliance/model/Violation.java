package com.tracklane.compliance.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A violation of an obligation, recorded once per monitoring, code and local date (a unique constraint). */
@Entity
@Table(name = "compliance_violation")
public class Violation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "monitoring_id")
    public String monitoringId;
    @Column(name = "application_id")
    public String applicationId;
    public String code;
    @Column(name = "local_date")
    public LocalDate localDate;
    @Column(name = "day_number")
    public int dayNumber;
    @Column(name = "check_in_id")
    public String checkInId;
    @Column(name = "detected_at")
    public Instant detectedAt;
    /** What was observed. */
    @Convert(converter = JsonColumns.Tree.class)
    public JsonNode evidence;
    /** The rule set, version, obligation and its source. */
    @Convert(converter = JsonColumns.Tree.class)
    public JsonNode citation;
}
