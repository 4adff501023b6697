package com.tracklane.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tracklane.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances sharing one PostgreSQL database run the scheduled retention every second on the same
 * applications: every ended application is erased exactly once (one {@code ERASED} event each), nothing personal is
 * left in its row, and neither instance logs an error. Runs on CI's PostgreSQL build only
 * ({@code TRACKLANE_DB_KIND=postgresql}).
 */
class RetentionPostgresIT {

    static final int APPLICATIONS = 1_000;

    static Map<String, String> retentionEverySecond(boolean clean) {
        Map<String, String> props = new LinkedHashMap<>(ServiceProcess.postgres(clean));
        props.put("tracklane.retention.enabled", "true");
        props.put("tracklane.retention.every", "1s");
        props.put("tracklane.retention.delayed", "0s");
        props.put("tracklane.retention.personal-data", "P0D");
        props.put("tracklane.retention.batch-size", "200");
        return props;
    }

    @Test
    void shouldEraseEveryEndedApplicationOnceWhenTwoInstancesRunTheRetentionAtOnce() throws Exception {
        assumeTrue(ServiceProcess.postgresBuild(), "needs the PostgreSQL build (TRACKLANE_DB_KIND=postgresql)");
        Path data = Files.createTempDirectory("tracklane-retention-pg");
        try (ServiceProcess a = ServiceProcess.start(data.resolve("a"), retentionEverySecond(true));
             ServiceProcess b = ServiceProcess.start(data.resolve("b"), retentionEverySecond(false));
             Connection db = connect()) {
            generate(db, APPLICATIONS);

            long deadline = System.nanoTime() + 180_000_000_000L;
            while (count(db, "SELECT COUNT(*) FROM travel_application WHERE id LIKE 'it-ret-%' AND personal_data_erased_at IS NULL") > 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            Thread.sleep(3_000); // a few more runs of both instances: they must find nothing left to erase

            assertThat(count(db, "SELECT COUNT(*) FROM travel_application WHERE id LIKE 'it-ret-%' AND personal_data_erased_at IS NULL"))
                    .as("applications not erased").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM application_event WHERE action = 'ERASED' AND application_id LIKE 'it-ret-%'"))
                    .isEqualTo(APPLICATIONS);
            assertThat(count(db, "SELECT COUNT(*) FROM (SELECT application_id FROM application_event WHERE action = 'ERASED'"
                    + " GROUP BY application_id HAVING COUNT(*) > 1) d")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM travel_application WHERE id LIKE 'it-ret-%' AND (given_name IS NOT NULL"
                    + " OR family_name IS NOT NULL OR passport_number IS NOT NULL OR date_of_birth IS NOT NULL OR email IS NOT NULL)"))
                    .isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM application_event WHERE application_id LIKE 'it-ret-%' AND reason LIKE '%Retentiontest%'"))
                    .isZero();
            assertThat(a.log() + b.log()).contains("applications erased").doesNotContain("ERROR")
                    .doesNotContain("retention failed");
        }
    }

    static Connection connect() throws Exception {
        Map<String, String> pg = ServiceProcess.postgres(false);
        return DriverManager.getConnection(pg.get("TRACKLANE_DB_URL"), pg.get("TRACKLANE_DB_USER"), pg.get("TRACKLANE_DB_PASSWORD"));
    }

    /** Rejected applications (rejected a minute ago, the reason naming the applicant); event ids far above the sequence's. */
    static void generate(Connection db, int n) throws Exception {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO travel_application (id, reference, status, track, origin, destination, rule_set_id, given_name,
                        family_name, passport_number, nationality, date_of_birth, email, request_json, submitted_by, org, submitted_at,
                        updated_at, version)
                    SELECT 'it-ret-' || g, 'IT-RET-' || g, 'REJECTED', 'RESIDENT', 'KH', 'JP', 'resident-kh-jp', 'Test',
                        'Retentiontest', 'T' || g, 'KH', DATE '1990-01-01', 'retention' || g || '@example.com', '{}', 'it', 'it',
                        now() - INTERVAL '2 minutes', now() - INTERVAL '1 minute', 1
                    FROM generate_series(1, %d) g""".formatted(n));
            s.executeUpdate("""
                    INSERT INTO application_event (id, application_id, at, subject, action, from_status, to_status, reason, override_decision)
                    SELECT 1000000000 + g, 'it-ret-' || g, now() - INTERVAL '1 minute', 'officer', 'REJECT', 'SUBMITTED', 'REJECTED',
                        'Retentiontest did not qualify', false
                    FROM generate_series(1, %d) g""".formatted(n));
        }
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
