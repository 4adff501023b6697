package com.tracklane.compliance.repository;

import com.tracklane.compliance.model.Violation;
import com.tracklane.compliance.model.ViolationCode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ViolationRepository implements PanacheRepositoryBase<Violation, Long> {

    public List<Violation> ofMonitoring(String monitoringId) {
        return list("monitoringId = ?1 order by localDate, code", monitoringId);
    }

    public List<Violation> ofCheckIn(String checkInId) {
        return list("checkInId", checkInId);
    }

    public boolean recorded(String monitoringId, ViolationCode code, LocalDate date) {
        return count("monitoringId = ?1 and code = ?2 and localDate = ?3", monitoringId, code.name(), date) > 0;
    }

    public record Found(List<Violation> items, long total) {
    }

    /**
     * One page of all violations, by id.
     *
     * @param sinceDate    violations of that local day or later (or null)
     * @param sinceInstant violations detected at or after it (or null)
     */
    public Found find(LocalDate sinceDate, Instant sinceInstant, ViolationCode code, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (sinceDate != null) {
            query.append(" and localDate >= :sinceDate");
            params.put("sinceDate", sinceDate);
        }
        if (sinceInstant != null) {
            query.append(" and detectedAt >= :sinceInstant");
            params.put("sinceInstant", sinceInstant);
        }
        if (code != null) {
            query.append(" and code = :code");
            params.put("code", code.name());
        }
        var found = find(query.toString(), Sort.ascending("id"), params);
        return new Found(found.page(Page.of(page, size)).list(), found.count());
    }
}
