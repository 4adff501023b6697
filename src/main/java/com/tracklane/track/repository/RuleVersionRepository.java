package com.tracklane.track.repository;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import java.util.List;

/** The stored versions of rule sets ({@link RuleVersionRecord}): drafts and published versions. */
@ApplicationScoped
public class RuleVersionRepository implements PanacheRepositoryBase<RuleVersionRecord, RuleVersionRecord.Key> {

    /** Every version of a rule set, drafts included, in number order. */
    public List<RuleVersionRecord> ofRuleSet(String ruleSetId) {
        return list("key.ruleSetId = ?1 order by key.number", ruleSetId);
    }

    /** The published versions of a rule set, in number order. */
    public List<RuleVersionRecord> publishedOf(String ruleSetId) {
        return list("key.ruleSetId = ?1 and state = ?2 order by key.number", ruleSetId, RuleVersionRecord.State.PUBLISHED);
    }

    /** A version by rule set and number, or null. */
    public RuleVersionRecord find(String ruleSetId, int number) {
        return findById(new RuleVersionRecord.Key(ruleSetId, number));
    }
}
