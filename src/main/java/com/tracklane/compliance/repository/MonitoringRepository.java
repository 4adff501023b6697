package com.tracklane.compliance.repository;

import com.tracklane.compliance.model.Monitoring;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class MonitoringRepository implements PanacheRepositoryBase<Monitoring, String> {

    public Optional<Monitoring> ofApplication(String applicationId) {
        return find("applicationId", applicationId).firstResultOptional();
    }

    /** With the row lock (until the transaction ends): one change of a monitoring at a time. */
    public Optional<Monitoring> ofApplicationLocked(String applicationId) {
        return find("applicationId", applicationId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
