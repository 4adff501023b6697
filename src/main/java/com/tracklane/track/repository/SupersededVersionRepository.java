package com.tracklane.track.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Published versions replaced by a later edition of a shipped rule set ({@link SupersededVersionRecord}). */
@ApplicationScoped
public class SupersededVersionRepository implements PanacheRepositoryBase<SupersededVersionRecord, SupersededVersionRecord.Key> {

    /** The edition (every version superseded together) that holds a version with this hash, in version order. */
    public List<SupersededVersionRecord> editionHolding(String ruleSetId, String contentHash) {
        List<SupersededVersionRecord> hits = list("key.ruleSetId = ?1 and contentHash = ?2 order by key.supersededAt desc",
                ruleSetId, contentHash);
        if (hits.isEmpty()) {
            return List.of();
        }
        return list("key.ruleSetId = ?1 and key.supersededAt = ?2 order by key.number", ruleSetId, hits.get(0).key.supersededAt());
    }
}
