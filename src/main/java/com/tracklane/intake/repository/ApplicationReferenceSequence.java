package com.tracklane.intake.repository;

import com.tracklane.intake.model.TravelApplication;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** The database sequence that numbers application references (application_reference_seq), in the dialect's SQL. */
public final class ApplicationReferenceSequence {

    private ApplicationReferenceSequence() {
    }

    public static long next() {
        Session session = TravelApplication.getEntityManager().unwrap(Session.class);
        String sql = ((SessionFactoryImplementor) session.getSessionFactory()).getJdbcServices().getDialect()
                .getSequenceSupport().getSequenceNextValString("application_reference_seq");
        return ((Number) session.createNativeQuery(sql, Object.class).getSingleResult()).longValue();
    }
}
