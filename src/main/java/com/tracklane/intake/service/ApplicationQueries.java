package com.tracklane.intake.service;

import com.tracklane.intake.repository.ApplicationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Intake's read API for stored applications in bulk (rule administration dry-runs drafts against them): values, never
 * the entity, and no other feature's SQL on intake's table.
 */
@ApplicationScoped
public class ApplicationQueries {

    private final ApplicationRepository applications;

    public ApplicationQueries(ApplicationRepository applications) {
        this.applications = applications;
    }

    /** An application's id, public reference and the eligibility request it was submitted with (JSON as stored). */
    public record StoredRequest(String id, String reference, String requestJson) {
    }

    /**
     * The applications of a route submitted in {@code [from, to)}, oldest first (then by id), at most {@code limit}
     * of them: a caller that must refuse larger ranges asks for one more than it accepts.
     */
    public List<StoredRequest> submittedOnRoute(String origin, String destination, Instant from, Instant to, int limit) {
        return applications.submittedOnRoute(origin, destination, from, to, limit).stream()
                .map(r -> new StoredRequest(r.id(), r.reference(), r.request().toString())).toList();
    }
}
