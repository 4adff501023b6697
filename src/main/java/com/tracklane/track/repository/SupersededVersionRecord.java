package com.tracklane.track.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A published version replaced by a later edition of a shipped rule set, kept unchanged so that stored decisions
 * that name it still replay exactly (see V6__superseded_rule_versions.sql).
 */
@Entity
@Table(name = "rule_set_version_superseded")
public class SupersededVersionRecord extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "rule_set_id") String ruleSetId, @Column(name = "superseded_at") Instant supersededAt,
                      @Column(name = "number") int number) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "header_json", length = 20_000)
    public String headerJson;
    @Column(length = 1_000_000)
    public String document;
    public String status;
    @Column(name = "effective_from")
    public Instant effectiveFrom;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
}
