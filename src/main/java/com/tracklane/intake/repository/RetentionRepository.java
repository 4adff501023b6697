package com.tracklane.intake.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The retention run's queries: its lock, and the applications whose review ended (rejected or withdrawn) before a
 * cutoff and still hold personal data. Safe on several instances: a run first takes the {@code retention_lock} row
 * {@code FOR UPDATE} (a second instance waits, then finds nothing left to erase), and each erasure takes the
 * application's row lock and skips an application already erased.
 */
@ApplicationScoped
public class RetentionRepository {

    /** The end of a rejected or withdrawn application is its last event that moved it to that status. */
    private static final String ENDED_BEFORE = """
            SELECT a.id FROM travel_application a
            WHERE a.personal_data_erased_at IS NULL AND a.status IN ('REJECTED', 'WITHDRAWN')
              AND (SELECT MAX(e.at) FROM application_event e WHERE e.application_id = a.id AND e.to_status = a.status) < :cutoff
            ORDER BY a.id
            """;

    private final EntityManager em;

    public RetentionRepository(EntityManager em) {
        this.em = em;
    }

    /** Serialises retention runs across instances: held until the caller's transaction ends. */
    public void lock(Instant now) {
        em.createNativeQuery("SELECT name FROM retention_lock WHERE name = 'personal-data' FOR UPDATE").getResultList();
        em.createNativeQuery("UPDATE retention_lock SET taken_at = :now WHERE name = 'personal-data'")
                .setParameter("now", now).executeUpdate();
    }

    /** Rejected or withdrawn applications that ended before {@code cutoff} and are not erased yet, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<String> reviewEndedBefore(Instant cutoff, int limit) {
        return em.createNativeQuery(ENDED_BEFORE).setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
    }

    /** Which of {@code ids} still hold personal data. */
    @SuppressWarnings("unchecked")
    public List<String> notErased(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("SELECT id FROM travel_application WHERE personal_data_erased_at IS NULL AND id IN (:ids) ORDER BY id")
                .setParameter("ids", ids).getResultList();
    }
}
