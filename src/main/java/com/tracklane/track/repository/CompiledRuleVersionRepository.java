package com.tracklane.track.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The compiled rule-set cache ({@code compiled_rule_version}, V9): rows are only read whole, inserted and replaced,
 * never updated in place. Plain SQL: the rows are bytes for the service, not entities.
 */
@ApplicationScoped
public class CompiledRuleVersionRepository {

    /** One stored entry, as it was written; {@link #digest} tells whether it can be trusted. */
    public record Row(String contentHash, byte[] payload, String digest) {
    }

    private final EntityManager em;

    public CompiledRuleVersionRepository(EntityManager em) {
        this.em = em;
    }

    /** Every entry made under this compiling environment (within a transaction). */
    public List<Row> ofEnvironment(String environment) {
        List<?> rows = em.createNativeQuery("SELECT content_hash, payload, digest FROM compiled_rule_version WHERE environment = ?1")
                .setParameter(1, environment).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new Row((String) r[0], (byte[]) r[1], (String) r[2])).toList();
    }

    /**
     * Writes an entry (within a transaction); with {@code replace}, the one stored under the same key first goes. Two
     * instances writing the same key at once: one of them fails on the primary key, and its caller ignores that.
     */
    public void write(String contentHash, String environment, byte[] payload, String digest, boolean replace) {
        if (replace) {
            em.createNativeQuery("DELETE FROM compiled_rule_version WHERE content_hash = ?1 AND environment = ?2")
                    .setParameter(1, contentHash).setParameter(2, environment).executeUpdate();
        }
        em.createNativeQuery("INSERT INTO compiled_rule_version (content_hash, environment, payload, digest, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, CURRENT_TIMESTAMP)")
                .setParameter(1, contentHash).setParameter(2, environment).setParameter(3, payload).setParameter(4, digest)
                .executeUpdate();
    }
}
