package com.tracklane.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

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
    @Column(name = "request_json", length = 300_000)
    public String requestJson;
    @Column(name = "decision_json", length = 1_000_000)
    public String decisionJson;

    public static List<DecisionSnapshot> ofApplication(String applicationId) {
        return list("applicationId = ?1 order by createdAt", applicationId);
    }
}
