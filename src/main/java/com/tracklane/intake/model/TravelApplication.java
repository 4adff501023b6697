package com.tracklane.intake.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.tracklane.common.JsonColumn;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** An application from an embassy intake form: the applicant, the trip as submitted, and where its review is. */
@Entity
@Table(name = "travel_application")
public class TravelApplication extends PanacheEntityBase {

    @Id
    public String id;
    public String reference;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    public String track;
    public String origin;
    public String destination;
    @Column(name = "rule_set_id")
    public String ruleSetId;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name")
    public String familyName;
    @Column(name = "passport_number")
    public String passportNumber;
    public String nationality;
    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;
    public String email;
    /** The eligibility request as last submitted or patched; replace it, never change it in place. */
    @Column(name = "request_json", length = 300_000)
    @Convert(converter = JsonColumn.Tree.class)
    public JsonNode request;
    @Column(name = "current_snapshot_id")
    public String currentSnapshotId;
    @Column(name = "current_outcome")
    public String currentOutcome;
    @Column(name = "submitted_by")
    public String submittedBy;
    /** The organisation the application belongs to (the submitter's org claim, else its subject). */
    public String org;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    /** When the applicant's identity was erased (retention or an officer's erasure); null while it is held. */
    @Column(name = "personal_data_erased_at")
    public Instant personalDataErasedAt;
    /** Optimistic lock; also the ETag. */
    @Version
    public long version;

    /** The applicant's personal data, in full. */
    public Applicant applicant() {
        return new Applicant(givenName, familyName, passportNumber, nationality, dateOfBirth, email);
    }

    public boolean personalDataErased() {
        return personalDataErasedAt != null;
    }

    public void setApplicant(Applicant applicant) {
        givenName = applicant.givenName();
        familyName = applicant.familyName();
        passportNumber = applicant.passportNumber();
        nationality = applicant.nationality();
        dateOfBirth = applicant.dateOfBirth();
        email = applicant.email();
    }
}
