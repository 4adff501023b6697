package com.tracklane.intake.service;

import com.tracklane.common.NotFoundException;
import com.tracklane.common.PreconditionException;
import com.tracklane.intake.model.ApplicationStatus;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.repository.ApplicationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Who may see which application: finding one, listing them, and holding one for a change with its ETag. */
@ApplicationScoped
public class ApplicationAccess {

    private final ApplicationRepository applications;

    public ApplicationAccess(ApplicationRepository applications) {
        this.applications = applications;
    }

    /** The application, if the caller may see it; another organisation's is answered exactly like a missing one. */
    public TravelApplication find(String id, Caller caller) {
        TravelApplication a = applications.findById(id);
        if (a == null || !caller.mayAccess(a.org)) {
            throw new NotFoundException("No application with id '" + id + "'.");
        }
        return a;
    }

    /** The application with this public reference, if the caller may see it (else not found, as {@link #find}). */
    public TravelApplication findByReference(String reference, Caller caller) {
        TravelApplication a = applications.byReference(reference).orElse(null);
        if (a == null || !caller.mayAccess(a.org)) {
            throw new NotFoundException("No application with reference '" + reference + "'.");
        }
        return a;
    }

    /** The application for a change, if {@code expectedVersion} (the If-Match) is its current version. */
    TravelApplication forChange(String id, Long expectedVersion, Caller caller) {
        if (expectedVersion == null) {
            throw PreconditionException.required("This change needs If-Match with the application's current ETag.");
        }
        TravelApplication a = find(id, caller);
        if (a.version != expectedVersion) {
            throw PreconditionException.failed("The application has changed (ETag \"" + a.version + "\"); read it again.");
        }
        return a;
    }

    public record Filter(ApplicationStatus status, String track, String origin, String destination, Instant submittedFrom,
                         Instant submittedTo) {
    }

    /** One page of applications, newest first, and how many match in all. */
    public record Found(List<TravelApplication> items, long total) {
    }

    /** The applications the caller may see: officers every organisation's, intake desks their own. */
    public Found list(Filter f, Caller caller, int page, int size) {
        ApplicationRepository.Found found = applications.page(new ApplicationRepository.Filter(
                caller.seesAll() ? null : caller.org(), f.status(), f.track(), f.origin(), f.destination(),
                f.submittedFrom(), f.submittedTo()), page, size);
        return new Found(found.items(), found.total());
    }
}
