import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor of the writes benchmark: plain JDBC inserts of the rows one application submission writes — the
 * application, its decision snapshot (request and decision JSON of real size), its SUBMITTED history event, a
 * reference number from the sequence — in one transaction per application, committed durably (H2 file with
 * WRITE_DELAY=0 as the service uses it; PostgreSQL with its default synchronous_commit=on), on the service's own
 * schema (the Flyway migrations are applied to an empty database first). No HTTP, no JSON, no evaluation, no ORM.
 *
 * <p>Usage (drivers on the class path): {@code java -cp H2_AND_PG_JARS bench/lib/JdbcFloor.java JDBC_URL USER
 * MIGRATIONS_DIR REQUEST_FILE DECISION_FILE THREADS SECONDS WARMUP}
 * <br>Prints {@code RESULT per_s=… created=…}.
 */
public class JdbcFloor {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String request = Files.readString(Path.of(args[3])).trim();
        String decision = Files.readString(Path.of(args[4])).trim();
        int threads = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        int warmup = Integer.parseInt(args[7]);
        boolean postgres = url.startsWith("jdbc:postgresql");
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            List<Path> migrations;
            try (var files = Files.list(Path.of(args[2]))) {
                // in version order, as Flyway applies them (V10 after V9, not after V1)
                migrations = files.filter(p -> p.toString().endsWith(".sql"))
                        .sorted(java.util.Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                        .toList();
            }
            for (Path m : migrations) {
                StringBuilder sql = new StringBuilder();
                for (String line : Files.readAllLines(m)) {
                    if (!line.trim().startsWith("--")) {
                        sql.append(line).append('\n');
                    }
                }
                for (String statement : sql.toString().split(";")) {
                    if (!statement.isBlank()) {
                        try (Statement s = c.createStatement()) {
                            s.execute(statement);
                        }
                    }
                }
            }
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes()));
        String nextReference = postgres ? "SELECT nextval('application_reference_seq')" : "SELECT NEXT VALUE FOR application_reference_seq";
        String nextEvent = postgres ? "SELECT nextval('application_event_seq')" : "SELECT NEXT VALUE FOR application_event_seq";
        AtomicLong counter = new AtomicLong();
        EventIds eventIds = new EventIds();
        for (int phase = 0; phase < 2; phase++) {
            int duration = phase == 0 ? warmup : seconds;
            long end = System.nanoTime() + duration * 1_000_000_000L;
            AtomicLong created = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread w = new Thread(() -> {
                    try (Connection c = DriverManager.getConnection(url, user, "")) {
                        c.setAutoCommit(false);
                        PreparedStatement ref = c.prepareStatement(nextReference);
                        PreparedStatement evSeq = c.prepareStatement(nextEvent);
                        PreparedStatement app = c.prepareStatement("INSERT INTO travel_application (id, reference, status, track, origin, destination, rule_set_id, given_name, family_name, passport_number, nationality, date_of_birth, email, request_json, current_snapshot_id, current_outcome, submitted_by, org, submitted_at, updated_at, idempotency_key, request_hash, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                        PreparedStatement snap = c.prepareStatement("INSERT INTO decision_snapshot (id, application_id, created_at, known_at, rule_set_id, rule_set_version, content_hash, outcome, request_json, decision_json) VALUES (?,?,?,?,?,?,?,?,?,?)");
                        PreparedStatement event = c.prepareStatement("INSERT INTO application_event (id, application_id, at, subject, action, from_status, to_status, reason, snapshot_id, override_decision) VALUES (?,?,?,?,?,?,?,?,?,?)");
                        while (System.nanoTime() < end) {
                            long n = counter.incrementAndGet();
                            String id = UUID.randomUUID().toString();
                            String snapshotId = UUID.randomUUID().toString();
                            Timestamp now = Timestamp.from(Instant.now());
                            long number;
                            try (ResultSet rs = ref.executeQuery()) {
                                rs.next();
                                number = rs.getLong(1);
                            }
                            int i = 1;
                            app.setString(i++, id);
                            app.setString(i++, String.format("RT-KHJP-2020-%06d", number));
                            app.setString(i++, "SUBMITTED");
                            app.setString(i++, "RESIDENT");
                            app.setString(i++, "KH");
                            app.setString(i++, "JP");
                            app.setString(i++, "resident-kh-jp");
                            app.setString(i++, "Sokha");
                            app.setString(i++, "Chan");
                            app.setString(i++, String.format("N%08d", n));
                            app.setString(i++, "KH");
                            app.setObject(i++, LocalDate.of(1990, 4, 1));
                            app.setString(i++, "sokha" + n + "@example.com");
                            app.setString(i++, request);
                            app.setString(i++, snapshotId);
                            app.setString(i++, "ELIGIBLE");
                            app.setString(i++, "intake-bench");
                            app.setString(i++, "intake-bench"); // org
                            app.setTimestamp(i++, now);
                            app.setTimestamp(i++, now);
                            app.setString(i++, null);
                            app.setString(i++, hash);
                            app.setLong(i++, 0);
                            app.executeUpdate();
                            i = 1;
                            snap.setString(i++, snapshotId);
                            snap.setString(i++, id);
                            snap.setTimestamp(i++, now);
                            snap.setTimestamp(i++, Timestamp.from(Instant.parse("2020-09-10T00:00:00Z")));
                            snap.setString(i++, "resident-kh-jp");
                            snap.setInt(i++, 2);
                            snap.setString(i++, hash);
                            snap.setString(i++, "ELIGIBLE");
                            snap.setString(i++, request);
                            snap.setString(i++, decision);
                            snap.executeUpdate();
                            i = 1;
                            event.setLong(i++, eventIds.next(evSeq));
                            event.setString(i++, id);
                            event.setTimestamp(i++, now);
                            event.setString(i++, "intake-bench");
                            event.setString(i++, "SUBMITTED");
                            event.setString(i++, null);
                            event.setString(i++, "SUBMITTED");
                            event.setString(i++, null);
                            event.setString(i++, snapshotId);
                            event.setBoolean(i++, false);
                            event.executeUpdate();
                            c.commit();
                            created.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                w.start();
                workers.add(w);
            }
            for (Thread w : workers) {
                w.join();
            }
            if (phase == 1) {
                System.out.printf(java.util.Locale.ROOT, "RESULT per_s=%.1f created=%d%n", created.get() / (double) seconds, created.get());
            }
        }
    }

    /** Event ids as Hibernate's pooled optimiser takes them: one sequence call per 50 ids (the sequence steps by 50). */
    static final class EventIds {
        private long next;
        private long limit;

        synchronized long next(PreparedStatement sequence) throws Exception {
            if (next >= limit) {
                try (ResultSet rs = sequence.executeQuery()) {
                    rs.next();
                    next = rs.getLong(1);
                    limit = next + 50;
                }
            }
            return next++;
        }
    }
}
