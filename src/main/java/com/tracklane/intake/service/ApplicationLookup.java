package com.tracklane.intake.service;

import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.repository.ApplicationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Intake's read API for the features after it (compliance): applications as values, never the entity. */
@ApplicationScoped
public class ApplicationLookup {

    private final ApplicationRepository applications;

    public ApplicationLookup(ApplicationRepository applications) {
        this.applications = applications;
    }

    public boolean exists(String id) {
        return applications.findByIdOptional(id).isPresent();
    }

    /**
     * The application with its row lock (PESSIMISTIC_WRITE, held until the caller's transaction ends): a concurrent
     * review or a second arrival waits, so the status read here stays true while the arrival is recorded.
     */
    public Optional<ApplicationForMonitoring> lockForArrival(String id) {
        return applications.lockedById(id).map(ApplicationLookup::of);
    }

    private static ApplicationForMonitoring of(TravelApplication a) {
        return new ApplicationForMonitoring(a.id, a.status, a.ruleSetId, a.destination, a.request.toString());
    }
}
