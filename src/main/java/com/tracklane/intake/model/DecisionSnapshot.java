package com.tracklane.intake.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.tracklane.common.JsonColumn;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One evaluation of an application, kept for ever: the request, the rule-set version and hash, the full decision. */
@Entity
@Table(name = "decision_snapshot")
public class DecisionSnapshot extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "application_id")
    public String applicationId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "known_at")
    public Instant knownAt;
    @Column(name = "rule_set_id")
    public String ruleSetId;
    @Column(name = "rule_set_version")
    public int ruleSetVersion;
    @Column(name = "content_hash")
    public String contentHash;
    public String outcome;
    /** The eligibility request as evaluated (the instant it was evaluated at is {@link #knownAt}). */
    @Column(name = "request_json", length = 300_000)
    @Convert(converter = JsonColumn.Tree.class)
    public JsonNode request;
    /** The full decision, as answered. */
    @Column(name = "decision_json", length = 1_000_000)
    @Convert(converter = JsonColumn.Tree.class)
    public JsonNode decision;
}
