package com.tracklane.intake.repository;

import com.tracklane.intake.model.PersonalDataRead;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Every query of {@code personal_data_read}: which officer read which application's unmasked data (only inserted). */
@ApplicationScoped
public class PersonalDataReadRepository implements PanacheRepositoryBase<PersonalDataRead, Long> {

    /** An application's reads, oldest first. */
    public List<PersonalDataRead> ofApplication(String applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }
}
