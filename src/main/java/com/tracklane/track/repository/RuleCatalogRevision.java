package com.tracklane.track.repository;

import jakarta.persistence.EntityManager;

/** The catalogue's revision row (rule_catalog, id 1): every change of a rule set locks it and moves it on by one. */
public final class RuleCatalogRevision {

    private RuleCatalogRevision() {
    }

    /** Locks the catalogue's revision row until the transaction ends and returns the revision. */
    public static long lock(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT revision FROM rule_catalog WHERE id = 1 FOR UPDATE")
                .getSingleResult()).longValue();
    }

    /** Sets the revision to {@code revision + 1} (the row must be locked by {@link #lock}) and returns it. */
    public static long bump(EntityManager em, long revision) {
        em.createNativeQuery("UPDATE rule_catalog SET revision = ?1 WHERE id = 1").setParameter(1, revision + 1).executeUpdate();
        return revision + 1;
    }
}
