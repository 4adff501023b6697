package com.tracklane.intake.repository;

import com.tracklane.intake.model.ApplicationEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Every query of {@code application_event}, an application's history (only ever inserted). */
@ApplicationScoped
public class ApplicationEventRepository implements PanacheRepositoryBase<ApplicationEvent, Long> {

    /** An application's history, oldest first. */
    public List<ApplicationEvent> ofApplication(String applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }
}
