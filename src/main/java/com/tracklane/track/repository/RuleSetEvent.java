package com.tracklane.track.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a rule set's audit history (append-only). */
@Entity
@Table(name = "rule_set_event")
public class RuleSetEvent extends PanacheEntityBase {

    public enum Action { IMPORTED, DRAFTED, DRAFT_UPDATED, DRAFT_DELETED, PUBLISHED, SUSPENDED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rule_set_event_seq")
    @SequenceGenerator(name = "rule_set_event_seq", sequenceName = "rule_set_event_seq", allocationSize = 1)
    public Long id;
    @Column(name = "rule_set_id")
    public String ruleSetId;
    @Column(name = "version_number")
    public int versionNumber;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Action action;
    public Instant at;
    public String actor;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(length = 2000)
    public String detail;

}
