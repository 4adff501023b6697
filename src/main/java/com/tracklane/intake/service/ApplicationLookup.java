package com.tracklane.intake.service;

import com.tracklane.intake.TravelApplication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** Intake's read API for the features after it (compliance): applications as values, never the entity. */
@ApplicationScoped
public class ApplicationLookup {

    public boolean exists(String id) {
        return TravelApplication.findByIdOptional(id).isPresent();
    }

    /**
     * The application with its row lock (PESSIMISTIC_WRITE, held until the caller's transaction ends): a concurrent
     * review or a second arrival waits, so the status read here stays true while the arrival is recorded.
     */
    public Optional<ApplicationForMonitoring> lockForArrival(String id) {
        return TravelApplication.<TravelApplication>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(ApplicationLookup::of);
    }

    private static ApplicationForMonitoring of(TravelApplication a) {
        return new ApplicationForMonitoring(a.id, a.status, a.ruleSetId, a.destination, a.requestJson);
    }
}
