package com.tracklane.compliance.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The sweep's set-based SQL: a handful of statements per destination time zone, whatever the number of travellers.
 * Safe to repeat and to run on several instances at once: the sweep first takes the {@code compliance_lock} row
 * {@code FOR UPDATE} (a second instance waits, then finds everything already recorded), every insert skips what is
 * recorded, and the unique constraint on (monitoring, code, local date) stops anything that would slip through.
 *
 * <p>Day numbers count from the arrival (day 0); {@code :today} is the sweep's local date in the zone as days since
 * 1970-01-01, so "the day has ended" is {@code d.n < :today - arrival_day}, which bounds the index range on
 * {@code compliance_day} instead of filtering dates afterwards.
 */
@ApplicationScoped
public class SweepRepository {

    /** Evidence as JSON built in SQL ({@code ||} and CAST are the same on H2 and PostgreSQL). */
    private static final String MISSED_CHECK_IN = """
            INSERT INTO compliance_violation (monitoring_id, application_id, code, local_date, day_number, detected_at, evidence, citation)
            SELECT m.id, m.application_id, 'MISSED_CHECK_IN', m.arrival_date + d.n, d.n, :now,
                   '{"summary":"No check-in on day ' || CAST(d.n AS VARCHAR(4)) || ' (' || CAST(m.arrival_date + d.n AS VARCHAR(10))
                     || ', ' || m.zone || '): the day ended without any report.","day":' || CAST(d.n AS VARCHAR(4))
                     || ',"localDate":"' || CAST(m.arrival_date + d.n AS VARCHAR(10)) || '","zone":"' || m.zone || '","checkIns":0}',
                   m.report_citation
            FROM compliance_monitoring m
            JOIN compliance_day d ON d.n >= m.report_from_day AND d.n <= m.report_until_day AND d.n < :today - m.arrival_day
            WHERE m.status = 'ACTIVE' AND m.zone = :zone AND m.report_from_day IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM compliance_check_in c
                              WHERE c.monitoring_id = m.id AND c.local_date = m.arrival_date + d.n)
              AND NOT EXISTS (SELECT 1 FROM compliance_violation v
                              WHERE v.monitoring_id = m.id AND v.code = 'MISSED_CHECK_IN' AND v.local_date = m.arrival_date + d.n)
            """;

    private static final String MISSED_RETEST = """
            INSERT INTO compliance_violation (monitoring_id, application_id, code, local_date, day_number, detected_at, evidence, citation)
            SELECT m.id, m.application_id, 'MISSED_RETEST', (m.arrival_date + m.retest_day), m.retest_day, :now,
                   '{"summary":"No test result reported on the re-test day ' || CAST((m.arrival_date + m.retest_day) AS VARCHAR(10)) || ' ('
                     || m.zone || ').","localDate":"' || CAST((m.arrival_date + m.retest_day) AS VARCHAR(10)) || '","zone":"' || m.zone
                     || '","testResults":0}',
                   m.retest_citation
            FROM compliance_monitoring m
            WHERE m.status = 'ACTIVE' AND m.zone = :zone AND m.retest_day IS NOT NULL AND m.retest_day < :today - m.arrival_day
              AND NOT EXISTS (SELECT 1 FROM compliance_check_in c
                              WHERE c.monitoring_id = m.id AND c.local_date = (m.arrival_date + m.retest_day) AND c.test_result IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM compliance_violation v
                              WHERE v.monitoring_id = m.id AND v.code = 'MISSED_RETEST' AND v.local_date = (m.arrival_date + m.retest_day))
            """;

    private static final String CLOSE = """
            UPDATE compliance_monitoring SET status = 'COMPLETED', closed_at = :now
            WHERE status = 'ACTIVE' AND zone = :zone AND ends_on < :today
            """;

    private final EntityManager em;

    public SweepRepository(EntityManager em) {
        this.em = em;
    }

    /** Serialises sweeps across instances: held until the caller's transaction ends. */
    public void lock(Instant now) {
        em.createNativeQuery("SELECT name FROM compliance_lock WHERE name = 'sweep' FOR UPDATE").getResultList();
        em.createNativeQuery("UPDATE compliance_lock SET taken_at = :now WHERE name = 'sweep'").setParameter("now", now).executeUpdate();
    }

    public int countActive() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM compliance_monitoring WHERE status = 'ACTIVE'")
                .getSingleResult()).intValue();
    }

    @SuppressWarnings("unchecked")
    public List<String> activeZones() {
        return em.createNativeQuery("SELECT DISTINCT zone FROM compliance_monitoring WHERE status = 'ACTIVE'").getResultList();
    }

    /** @param todayDay the sweep's local date in {@code zone}, as days since 1970-01-01 */
    public int recordMissedCheckIns(String zone, int todayDay, Instant now) {
        return em.createNativeQuery(MISSED_CHECK_IN)
                .setParameter("now", now).setParameter("zone", zone).setParameter("today", todayDay).executeUpdate();
    }

    public int recordMissedRetests(String zone, int todayDay, Instant now) {
        return em.createNativeQuery(MISSED_RETEST)
                .setParameter("now", now).setParameter("zone", zone).setParameter("today", todayDay).executeUpdate();
    }

    /** Closes the active monitorings of {@code zone} whose last day ended before {@code today}. */
    public int closeEnded(String zone, LocalDate today, Instant now) {
        return em.createNativeQuery(CLOSE)
                .setParameter("now", now).setParameter("zone", zone).setParameter("today", today).executeUpdate();
    }
}
