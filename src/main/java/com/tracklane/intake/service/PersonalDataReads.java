package com.tracklane.intake.service;

import com.tracklane.intake.model.PersonalDataRead;
import com.tracklane.intake.repository.PersonalDataReadRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The record of officers' reads of unmasked personal data: written with every answer that shows it, listed per application. */
@ApplicationScoped
public class PersonalDataReads {

    private final PersonalDataReadRepository reads;
    private final ApplicationAccess access;
    private final Clock clock;

    public PersonalDataReads(PersonalDataReadRepository reads, ApplicationAccess access, Clock clock) {
        this.reads = reads;
        this.access = access;
        this.clock = clock;
    }

    /** Records that {@code subject} was shown the unmasked personal data of {@code applicationIds} through {@code via}. */
    @Transactional
    public void record(List<String> applicationIds, String subject, String via) {
        Instant now = clock.instant();
        for (String id : applicationIds) {
            PersonalDataRead r = new PersonalDataRead();
            r.applicationId = id;
            r.subject = subject;
            r.at = now;
            r.via = via;
            reads.persist(r);
        }
    }

    /** An application's recorded reads, oldest first. */
    public List<PersonalDataRead> of(String id, Caller caller) {
        access.find(id, caller);
        return reads.ofApplication(id);
    }
}
