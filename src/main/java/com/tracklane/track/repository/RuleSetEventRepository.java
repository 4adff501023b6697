package com.tracklane.track.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The audit history of rule sets ({@link RuleSetEvent}, append-only). */
@ApplicationScoped
public class RuleSetEventRepository implements PanacheRepositoryBase<RuleSetEvent, Long> {

    /** Appends one line to a rule set's history; a detail over 2,000 characters is cut, with an ellipsis. */
    public RuleSetEvent record(String ruleSetId, int version, RuleSetEvent.Action action, Instant at, String actor,
                               String contentHash, String detail) {
        RuleSetEvent e = new RuleSetEvent();
        e.ruleSetId = ruleSetId;
        e.versionNumber = version;
        e.action = action;
        e.at = at;
        e.actor = actor;
        e.contentHash = contentHash;
        e.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "…";
        persist(e);
        return e;
    }

    /** A rule set's history, oldest first. */
    public List<RuleSetEvent> history(String ruleSetId) {
        return list("ruleSetId = ?1 order by id", ruleSetId);
    }
}
