package com.tracklane.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances sharing one PostgreSQL database sweep the same monitorings at the same moment, again and
 * again: every sweep succeeds, every missed day is recorded exactly once, and what the sweeps report recording adds
 * up to what is in the table (a sweep that raced the other would fail on the unique constraint or count twice).
 * Runs on CI's PostgreSQL build only ({@code TRACKLANE_DB_KIND=postgresql}).
 */
class ComplianceSweepPostgresIT {

    static final int MONITORINGS = 3_000;
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldRecordEveryMissedDayOnceWhenTwoInstancesSweepConcurrently() throws Exception {
        assumeTrue(ServiceProcess.postgresBuild(), "needs the PostgreSQL build (TRACKLANE_DB_KIND=postgresql)");
        Path data = Files.createTempDirectory("tracklane-sweep-pg");
        String monitor = ServiceProcess.token("monitor");
        try (ServiceProcess a = ServiceProcess.start(data.resolve("a"), ServiceProcess.postgres(true));
             ServiceProcess b = ServiceProcess.start(data.resolve("b"), ServiceProcess.postgres(false));
             Connection db = connect()) {
            generate(db, MONITORINGS);

            // days 1..14 are required (16..29 September, Tokyo); each traveller checked in on one day only (day 1)
            String[] instants = {"2020-09-18T00:00:00+09:00", "2020-09-18T00:00:00+09:00", "2020-09-23T12:00:00+09:00",
                    "2020-09-30T00:00:00+09:00", "2020-09-30T00:00:00+09:00"};
            ExecutorService pool = Executors.newFixedThreadPool(4);
            long recorded = 0;
            long closed = 0;
            try {
                for (String at : instants) {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<HttpResponse<String>>> sweeps = new ArrayList<>();
                    for (ServiceProcess instance : List.of(a, b, a, b)) {
                        sweeps.add(pool.submit(() -> {
                            start.await();
                            return instance.send("POST", "/api/v1/compliance/sweeps", monitor, "{\"at\": \"" + at + "\"}", Map.of());
                        }));
                    }
                    start.countDown();
                    for (Future<HttpResponse<String>> f : sweeps) {
                        HttpResponse<String> r = f.get();
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                        JsonNode body = JSON.readTree(r.body());
                        recorded += body.path("recorded").asLong();
                        closed += body.path("closed").asLong();
                    }
                }
            } finally {
                pool.shutdownNow();
            }

            long expected = MONITORINGS * 13L; // days 2..14 of every traveller
            assertThat(count(db, "SELECT COUNT(*) FROM compliance_violation WHERE code = 'MISSED_CHECK_IN' AND monitoring_id LIKE 'it-mon-%'"))
                    .isEqualTo(expected);
            assertThat(count(db, "SELECT COUNT(*) FROM (SELECT monitoring_id, code, local_date FROM compliance_violation"
                    + " GROUP BY monitoring_id, code, local_date HAVING COUNT(*) > 1) d")).isZero();
            assertThat(recorded).as("violations the sweeps say they recorded").isEqualTo(expected);
            assertThat(closed).as("monitorings the sweeps say they closed").isEqualTo(MONITORINGS);
            assertThat(count(db, "SELECT COUNT(*) FROM compliance_monitoring WHERE status = 'COMPLETED' AND id LIKE 'it-mon-%'"))
                    .isEqualTo(MONITORINGS);
            assertThat(a.log() + b.log()).doesNotContain("ERROR");
        }
    }

    static Connection connect() throws Exception {
        Map<String, String> pg = ServiceProcess.postgres(false);
        return DriverManager.getConnection(pg.get("TRACKLANE_DB_URL"), pg.get("TRACKLANE_DB_USER"), pg.get("TRACKLANE_DB_PASSWORD"));
    }

    /** Approved applications with an open monitoring (resident-kh-jp, arrived 2020-09-15 JST) and a check-in on day 1. */
    static void generate(Connection db, int n) throws Exception {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO travel_application (id, reference, status, track, origin, destination, rule_set_id, given_name,
                        family_name, passport_number, nationality, date_of_birth, email, request_json, submitted_by, org, submitted_at,
                        updated_at, version)
                    SELECT 'it-app-' || g, 'IT-' || g, 'APPROVED', 'RESIDENT', 'KH', 'JP', 'resident-kh-jp', 'Test', 'Traveller',
                        'T' || g, 'KH', DATE '1990-01-01', 'test@example.com', '{}', 'it', 'it', now(), now(), 1
                    FROM generate_series(1, %d) g""".formatted(n));
            s.executeUpdate("""
                    INSERT INTO compliance_monitoring (id, application_id, rule_set_id, rule_set_version, zone, airport, arrived_at,
                        arrival_date, arrival_day, quarantine_address, quarantine_lat, quarantine_lon, arrival_hash, report_from_day,
                        report_until_day, report_citation, ends_on, status, windows_json, places_json, created_by, created_at)
                    SELECT 'it-mon-' || g, 'it-app-' || g, 'resident-kh-jp', 2, 'Asia/Tokyo', 'NRT',
                        TIMESTAMP WITH TIME ZONE '2020-09-14 22:30:00+00', DATE '2020-09-15', 18520, 'Registered address', 35.68, 139.76,
                        'h', 1, 14, '{"ruleSetId":"resident-kh-jp","version":2,"obligation":"DAILY_HEALTH_REPORT"}',
                        DATE '2020-09-29', 'ACTIVE', '[]',
                        '[{"name":"Quarantine address","address":"Registered address","lat":35.68,"lon":139.76}]', 'it', now()
                    FROM generate_series(1, %d) g""".formatted(n));
            s.executeUpdate("""
                    INSERT INTO compliance_check_in (id, monitoring_id, at, local_date, temperature_c, symptoms, lat, lon, transport,
                        received_at, submitted_by, request_hash)
                    SELECT 'it-ci-' || g, 'it-mon-' || g, TIMESTAMP WITH TIME ZONE '2020-09-16 00:00:00+00', DATE '2020-09-16',
                        36.5, '', 35.68, 139.76, 'NONE', now(), 'it', 'h'
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
