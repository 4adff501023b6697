package com.tracklane.intake.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in an application's history; only ever inserted. */
@Entity
@Table(name = "application_event")
public class ApplicationEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_event_seq")
    @SequenceGenerator(name = "application_event_seq", sequenceName = "application_event_seq", allocationSize = 50)
    public Long id;
    @Column(name = "application_id")
    public String applicationId;
    public Instant at;
    public String subject;
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ApplicationStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ApplicationStatus toStatus;
    public String reason;
    @Column(name = "snapshot_id")
    public String snapshotId;
    @Column(name = "override_decision")
    public boolean overrideDecision;
    /** For a patch: the fields it changed, comma-separated paths such as {@code request.itinerary[1].departure}. */
    @Column(name = "changed_fields")
    public String changedFields;
}
