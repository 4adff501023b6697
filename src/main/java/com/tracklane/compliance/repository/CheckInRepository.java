package com.tracklane.compliance.repository;

import com.tracklane.compliance.model.CheckIn;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CheckInRepository implements PanacheRepositoryBase<CheckIn, String> {

    public List<CheckIn> ofMonitoring(String monitoringId) {
        return list("monitoringId = ?1 order by at, id", monitoringId);
    }

    public Optional<CheckIn> byIdempotencyKey(String monitoringId, String idempotencyKey) {
        return find("monitoringId = ?1 and idempotencyKey = ?2", monitoringId, idempotencyKey).firstResultOptional();
    }

    public boolean anyAfter(String monitoringId, Instant at) {
        return count("monitoringId = ?1 and at > ?2", monitoringId, at) > 0;
    }
}
