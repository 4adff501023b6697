package com.tracklane.intake.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One read of an application's unmasked personal data by an officer: who, when, through which operation. Only inserted. */
@Entity
@Table(name = "personal_data_read")
public class PersonalDataRead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "application_id")
    public String applicationId;
    public String subject;
    public Instant at;
    /** The operation that served the data: GET, LIST, SUBMIT, DECIDE, PATCH, RE_EVALUATE. */
    public String via;
}
