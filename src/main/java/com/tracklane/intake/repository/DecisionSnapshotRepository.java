package com.tracklane.intake.repository;

import com.tracklane.intake.model.DecisionSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Every query of {@code decision_snapshot}: the evaluations of applications, kept for ever. */
@ApplicationScoped
public class DecisionSnapshotRepository implements PanacheRepositoryBase<DecisionSnapshot, String> {

    /** An application's snapshots, oldest first. */
    public List<DecisionSnapshot> ofApplication(String applicationId) {
        return list("applicationId = ?1 order by createdAt", applicationId);
    }
}
