package com.tracklane.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.intake.model.ApplicationEvent;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.TravelApplication;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The write path of a submission, counted by Hibernate's statistics (noise-free, unlike a benchmark): each submitted
 * application is one INSERT of the application (already naming its current snapshot: no UPDATE after the snapshot's
 * INSERT), one of its snapshot, one of its SUBMITTED event, one flush, one transaction, no read-back; the reference
 * and event numbers come from their sequences in blocks, so a run of submissions costs about three statements each.
 */
@QuarkusTest
class SubmissionStatementsTest {

    static final int SUBMISSIONS = 10;

    @Inject
    EntityManagerFactory emf;

    @Test
    void shouldWriteEachSubmissionWithThreeInsertsAndNoUpdate() throws Exception {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        String body = ApplicationResourceTest.submission("examples/eligibility-resident.json", "S7000000");
        ApplicationResourceTest.submit(body).then().statusCode(201); // warm: rule sets, sequences' first blocks
        boolean was = stats.isStatisticsEnabled();
        stats.setStatisticsEnabled(true);
        stats.clear();
        Response last = null;
        try {
            for (int i = 0; i < SUBMISSIONS; i++) {
                last = ApplicationResourceTest.submit(body.replace("S7000000", "S70000" + (10 + i)));
                last.then().statusCode(201);
            }
        } finally {
            stats.setStatisticsEnabled(was);
        }
        long statements = stats.getPrepareStatementCount();
        System.out.printf("[statements] %d submissions: %d statements prepared, %d flushes, %d transactions; application"
                        + " inserts %d updates %d, snapshot inserts %d, event inserts %d, entities loaded %d, queries %d%n",
                SUBMISSIONS, statements, stats.getFlushCount(), stats.getTransactionCount(),
                stats.getEntityStatistics(TravelApplication.class.getName()).getInsertCount(),
                stats.getEntityStatistics(TravelApplication.class.getName()).getUpdateCount(),
                stats.getEntityStatistics(DecisionSnapshot.class.getName()).getInsertCount(),
                stats.getEntityStatistics(ApplicationEvent.class.getName()).getInsertCount(),
                stats.getEntityLoadCount(), stats.getQueryExecutionCount());
        assertThat(stats.getEntityStatistics(TravelApplication.class.getName()).getInsertCount()).isEqualTo(SUBMISSIONS);
        assertThat(stats.getEntityStatistics(TravelApplication.class.getName()).getUpdateCount()).isZero();
        assertThat(stats.getEntityStatistics(DecisionSnapshot.class.getName()).getInsertCount()).isEqualTo(SUBMISSIONS);
        assertThat(stats.getEntityStatistics(ApplicationEvent.class.getName()).getInsertCount()).isEqualTo(SUBMISSIONS);
        assertThat(stats.getEntityLoadCount()).as("no read-back").isZero();
        // 3 inserts each, plus at most one block from each sequence (reference, event) in this run; the rule-set
        // refresh polls the catalog every second in the background, which is not the submissions' doing
        long background = java.util.Arrays.stream(stats.getQueries()).filter(q -> q.contains("rule_catalog"))
                .mapToLong(q -> stats.getQueryStatistics(q).getExecutionCount()).sum();
        assertThat(statements - background).isBetween(3L * SUBMISSIONS, 3L * SUBMISSIONS + 2);
        // the first saved state of an application is version 1, as it always was (its ETag)
        assertThat(last.header("ETag")).isEqualTo("\"1\"");
    }
}
