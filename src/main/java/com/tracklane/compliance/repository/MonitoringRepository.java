package com.tracklane.compliance.repository;

import com.tracklane.compliance.model.Monitoring;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every query of {@code compliance_monitoring} by entity. */
@ApplicationScoped
public class MonitoringRepository implements PanacheRepositoryBase<Monitoring, String> {

    public Optional<Monitoring> ofApplication(String applicationId) {
        return find("applicationId", applicationId).firstResultOptional();
    }

    /** With the row lock (until the transaction ends): one change of a monitoring at a time. */
    public Optional<Monitoring> ofApplicationLocked(String applicationId) {
        return find("applicationId", applicationId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** A page of the active monitorings, earliest arrival first (for the monitoring desk). */
    public List<Monitoring> active(int page, int size) {
        return find("status = ?1 order by arrivedAt, id", Monitoring.ACTIVE).page(page, size).list();
    }

    /** How many monitorings are active. */
    public long countActive() {
        return count("status", Monitoring.ACTIVE);
    }

    /** The applications whose monitoring was closed (completed) before {@code cutoff}. */
    public List<String> applicationsClosedBefore(Instant cutoff) {
        return getEntityManager().createQuery("SELECT m.applicationId FROM Monitoring m WHERE m.status = :completed"
                        + " AND m.closedAt < :cutoff ORDER BY m.applicationId", String.class)
                .setParameter("completed", Monitoring.COMPLETED).setParameter("cutoff", cutoff).getResultList();
    }
}
