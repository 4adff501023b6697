package com.tracklane.intake.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.tracklane.intake.model.ApplicationStatus;
import com.tracklane.intake.model.TravelApplication;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every query of {@code travel_application}. */
@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<TravelApplication, String> {

    /** The application a submitter sent with this {@code Idempotency-Key}, if any. */
    public Optional<TravelApplication> submittedWithKey(String subject, String idempotencyKey) {
        return find("submittedBy = ?1 and idempotencyKey = ?2", subject, idempotencyKey).firstResultOptional();
    }

    /**
     * The application with its row lock (PESSIMISTIC_WRITE, held until the caller's transaction ends).
     */
    /** The application with this public reference (RT-KHJP-2020-000001), if any. */
    public Optional<TravelApplication> byReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    public Optional<TravelApplication> lockedById(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * What a list of applications may be filtered by; null members do not filter.
     *
     * @param org the owning organisation, or null for every organisation's
     */
    public record Filter(String org, ApplicationStatus status, String track, String origin, String destination,
                         Instant submittedFrom, Instant submittedTo) {
    }

    /** One page of applications, newest first, and how many match in all. */
    public record Found(List<TravelApplication> items, long total) {
    }

    public Found page(Filter f, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        where(query, params, "org = :org", "org", f.org());
        where(query, params, "status = :status", "status", f.status());
        where(query, params, "track = :track", "track", f.track());
        where(query, params, "origin = :origin", "origin", f.origin());
        where(query, params, "destination = :destination", "destination", f.destination());
        where(query, params, "submittedAt >= :from", "from", f.submittedFrom());
        where(query, params, "submittedAt < :to", "to", f.submittedTo());
        var found = find(query.toString(), Sort.descending("submittedAt").and("id"), params);
        return new Found(found.page(Page.of(page, size)).list(), found.count());
    }

    private static void where(StringBuilder query, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    /** An application's id, public reference and stored eligibility request. */
    public record StoredRequest(String id, String reference, JsonNode request) {
    }

    /** The applications of a route submitted in {@code [from, to)}, oldest first (then by id), at most {@code limit}. */
    public List<StoredRequest> submittedOnRoute(String origin, String destination, Instant from, Instant to, int limit) {
        return getEntityManager()
                .createQuery("SELECT new com.tracklane.intake.repository.ApplicationRepository$StoredRequest(a.id, a.reference, a.request)"
                        + " FROM TravelApplication a WHERE a.origin = :origin AND a.destination = :destination"
                        + " AND a.submittedAt >= :from AND a.submittedAt < :to ORDER BY a.submittedAt, a.id", StoredRequest.class)
                .setParameter("origin", origin).setParameter("destination", destination)
                .setParameter("from", from).setParameter("to", to)
                .setMaxResults(limit).getResultList();
    }
}
