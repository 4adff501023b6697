package com.tracklane.intake.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.IdentifierGeneratorHelper;
import org.hibernate.id.IntegralDataTypeHolder;
import org.hibernate.id.enhanced.AccessCallback;
import org.hibernate.id.enhanced.Optimizer;
import org.hibernate.id.enhanced.OptimizerFactory;
import org.hibernate.id.enhanced.StandardOptimizerDescriptor;

/**
 * The numbers of application references, from the database sequence {@code application_reference_seq} in blocks of
 * {@link #BLOCK}: the sequence steps by {@link #BLOCK} (V10), each value it hands out is the first number of a block
 * that only this instance uses (Hibernate's pooled-lo optimizer), so one database call numbers {@link #BLOCK}
 * submissions. Unique across instances sharing one database (every instance takes whole blocks, a value is never
 * handed out twice); gap-tolerant (a block not used up when the instance stops is skipped).
 */
@ApplicationScoped
public class ApplicationReferenceSequence {

    /** The sequence's INCREMENT BY (V10__reference_numbers_in_blocks.sql): both must change together. */
    public static final int BLOCK = 50;

    private final EntityManager em;
    /** Per application instance, not static: a test run that cleans the database starts a new instance. */
    private final Optimizer blocks = OptimizerFactory.buildOptimizer(StandardOptimizerDescriptor.POOLED_LO, Long.class, BLOCK, 1);

    public ApplicationReferenceSequence(EntityManager em) {
        this.em = em;
    }

    /** The next reference number; one database round trip per {@link #BLOCK} calls. */
    public long next() {
        return ((Number) blocks.generate(new AccessCallback() {
            @Override
            public IntegralDataTypeHolder getNextValue() {
                return IdentifierGeneratorHelper.getIntegralDataTypeHolder(Long.class).initialize(nextFromDatabase());
            }

            @Override
            public String getTenantIdentifier() {
                return null;
            }
        })).longValue();
    }

    private long nextFromDatabase() {
        Session session = em.unwrap(Session.class);
        String sql = ((SessionFactoryImplementor) session.getSessionFactory()).getJdbcServices().getDialect()
                .getSequenceSupport().getSequenceNextValString("application_reference_seq");
        return ((Number) session.createNativeQuery(sql, Object.class).getSingleResult()).longValue();
    }
}
