package com.tracklane.track.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A rule set as stored: its header (id, track, route, title) and the catalogue revision of its last publication. */
@Entity
@Table(name = "rule_set")
public class RuleSetRecord extends PanacheEntityBase {

    @Id
    public String id;
    public String track;
    public String origin;
    public String destination;
    /** id, track, origin, destination and title, as in the rule-set file (JSON). */
    @Column(name = "header_json", length = 20_000)
    public String headerJson;
    public long revision;
    @Column(name = "created_at")
    public Instant createdAt;
}
