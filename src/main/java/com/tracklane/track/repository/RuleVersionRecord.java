package com.tracklane.track.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One version of a rule set: a DRAFT (changeable, deletable) or PUBLISHED (immutable). */
@Entity
@Table(name = "rule_set_version")
public class RuleVersionRecord extends PanacheEntityBase {

    public enum State { DRAFT, PUBLISHED }

    @Embeddable
    public record Key(@Column(name = "rule_set_id") String ruleSetId, @Column(name = "number") int number) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public State state;
    /** The track status the version gives (PLANNED, OPEN, SUSPENDED, CLOSED). */
    public String status;
    @Column(name = "effective_from")
    public Instant effectiveFrom;
    /** The version as written (JSON): one entry of a rule-set file's {@code versions}. */
    @Column(length = 1_000_000)
    public String document;
    /** Bumped by every change of a draft; the ETag. */
    public long etag;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public String ruleSetId() {
        return key.ruleSetId();
    }

    public int number() {
        return key.number();
    }
}
