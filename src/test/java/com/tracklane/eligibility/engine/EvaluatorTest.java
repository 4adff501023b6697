package com.tracklane.eligibility.engine;

import com.tracklane.track.model.*;
import static com.tracklane.support.Trips.instant;
import static com.tracklane.support.Trips.trip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tracklane.common.EvaluationException;
import com.tracklane.support.Trips;
import com.tracklane.track.service.RuleSetCompiler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evaluator on tiny rule sets compiled from YAML through the project's own CEL port (or hand-written expressions):
 * outcomes, their order, messages, deadlines, obligations' dates, the built-in TRACK_OPEN and the decision.
 */
class EvaluatorTest {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();
    private static final Instant ALL_KNOWN = instant("2100-01-01T00:00Z");
    private static final String CITATION = "{title: Source, url: \"https://example.org/source\"}";

    /** A stay rule (not applicable when open-ended) and a test rule (pending without a test). */
    private static final String RULES = """
                rules:
                  - id: STAY_LONGER_THAN_14_DAYS
                    severity: BLOCKING
                    title: {en: Stay longer than 14 days, ja: 14日を超える滞在}
                    applicableWhen: "hasReturn"
                    condition: "stayDays > params.minStay"
                    messages:
                      pass: {en: "Stay of {stayDays} days."}
                      fail: {en: "Stay of {stayDays} days: {params.minStay + 1} days or more are needed.", ja: "滞在は{stayDays}日です。"}
                      notApplicable: {en: "The stay is open-ended ({exitDate == '' ? 'no return' : exitDate})."}
                    citation: %1$s
                  - id: PRE_DEPARTURE_TEST
                    severity: REQUIREMENT
                    title: {en: Negative test}
                    pendingWhen: "!hasTest"
                    condition: "testResult == 'NEGATIVE' && testHoursBeforeDeparture <= double(params.testHours)"
                    messages:
                      pass: {en: "Sample taken {testHoursBeforeDeparture} h before {firstLeg}."}
                      fail: {en: "Sample taken {testHoursBeforeDeparture} h before {firstLeg}; the limit is {params.testHours} h."}
                      pending: {en: "Missing: a negative test sampled at most {params.testHours} h before {firstDepartureAt}."}
                    citation: %1$s
            """.formatted(CITATION);

    /** Quarantine from arrival (day 0) through day 13, and health monitoring until the departure for non-Japanese. */
    private static final String OBLIGATIONS = """
                obligations:
                  - code: QUARANTINE
                    fromDay: 0
                    untilDay: 13
                    warnWhenCutShort: true
                    detail: {en: "Stay at home from {entryDate} (day 0)."}
                    citation: %1$s
                  - code: HEALTH_MONITORING
                    fromDay: 1
                    when: "nationality != 'JP'"
                    detail: {en: "Report your health daily until {exitDate == '' ? 'you leave' : exitDate}."}
                    citation: %1$s
            """.formatted(CITATION);

    private static String version(String effectiveFrom, String publishedAt, VersionStatus status) {
        return """
                  - effectiveFrom: "%s"
                    publishedAt: "%s"
                    status: %s
                    citation: %s
                    parameters:
                      minStay: {type: int, value: 14}
                      testHours: {type: int, value: 72}
                """.formatted(effectiveFrom, publishedAt, status, CITATION);
    }

    /** One version, OPEN from 2020-09-01 00:00 JST, published then, with {@link #RULES} and {@link #OBLIGATIONS}. */
    private static final String OPEN_VERSION = version("2020-09-01T00:00+09:00", "2020-09-01T00:00+09:00", VersionStatus.OPEN)
            + RULES + OBLIGATIONS;

    private static RuleSetSpec ruleSet(Track track, String... versions) {
        return COMPILER.compile("test.yaml", """
                id: %s-kh-jp
                track: %s
                origin: KH
                destination: JP
                title: {en: Test}
                versions:
                """.formatted(track.name().toLowerCase(), track) + String.join("", versions));
    }

    private static final RuleSetSpec RESIDENT = ruleSet(Track.RESIDENT, OPEN_VERSION);

    /** PNH→NRT entering 2020-09-15 07:30 JST, leaving Narita after {@code nights} nights (null: open-ended). */
    private static Trips khJp(Integer nights) {
        Trips t = trip().leg("PNH", "2020-09-14T23:50", "NRT", "2020-09-15T07:30");
        return nights == null ? t : t.leg("NRT", LocalDate.of(2020, 9, 15).plusDays(nights) + "T10:30", "PNH",
                LocalDate.of(2020, 9, 15).plusDays(nights) + "T15:00");
    }

    private static Facts facts(Trips trips) {
        Trip trip = trips.build();
        return FactsCalculator.compute(trip, JourneyAnalyzer.analyze(trip));
    }

    private static Evaluation evaluate(RuleSetSpec ruleSet, Trips trips) {
        return evaluate(ruleSet, trips, ALL_KNOWN, "en");
    }

    private static Evaluation evaluate(RuleSetSpec ruleSet, Trips trips, Instant knownAt, String language) {
        return Evaluator.evaluate(ruleSet, facts(trips), knownAt, language).orElseThrow();
    }

    private static Evaluation.RuleResult result(Evaluation evaluation, String ruleId) {
        return evaluation.results().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + ruleId + " in " + evaluation.results()));
    }

    // Rules

    @ParameterizedTest(name = "{0} nights → {1}")
    @CsvSource({"13, FAIL", "14, FAIL", "15, PASS"})
    void aStayRuleComparesDestinationLocalNightsWithItsParameter(int nights, RuleOutcome expected) {
        Evaluation.RuleResult stay = result(evaluate(RESIDENT, khJp(nights).negativePcr("2020-09-13T10:00")), "STAY_LONGER_THAN_14_DAYS");
        assertThat(stay.outcome()).isEqualTo(expected);
        assertThat(stay.message()).isEqualTo(expected == RuleOutcome.PASS ? "Stay of 15 days."
                : "Stay of " + nights + " days: 15 days or more are needed.");
        assertThat(stay.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(stay.title()).isEqualTo("Stay longer than 14 days");
        assertThat(stay.citation().url()).isEqualTo("https://example.org/source");
        assertThat(stay.deadline()).isNull();
    }

    @Test
    void aRuleWhoseApplicableWhenIsFalseIsNotApplicable() {
        Evaluation e = evaluate(RESIDENT, khJp(null).negativePcr("2020-09-13T10:00"));
        Evaluation.RuleResult stay = result(e, "STAY_LONGER_THAN_14_DAYS");
        assertThat(stay.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
        assertThat(stay.message()).isEqualTo("The stay is open-ended (no return).");
        assertThat(stay.deadline()).isNull();
        // Not applicable neither fails nor holds up the track.
        assertThat(e.outcome()).isEqualTo(DecisionOutcome.ELIGIBLE);
        assertThat(e.ruleIdsWith(RuleOutcome.NOT_APPLICABLE)).containsExactly("STAY_LONGER_THAN_14_DAYS");
    }

    @Test
    void aPendingRuleNamesWhatIsMissing() {
        Evaluation e = evaluate(RESIDENT, khJp(20));
        Evaluation.RuleResult test = result(e, "PRE_DEPARTURE_TEST");
        assertThat(test.outcome()).isEqualTo(RuleOutcome.PENDING);
        assertThat(test.message()).isEqualTo("Missing: a negative test sampled at most 72 h before 2020-09-14T23:50+07:00.");
        // The deadline of a pending rule is the first departure, at the departure airport's offset.
        assertThat(test.deadline()).isEqualTo(OffsetDateTime.parse("2020-09-14T23:50+07:00"));
        assertThat(e.outcome()).isEqualTo(DecisionOutcome.CONDITIONAL);
        assertThat(e.ruleIdsWith(RuleOutcome.PENDING)).containsExactly("PRE_DEPARTURE_TEST");
    }

    @Test
    void aTestSampledJustOverTheLimitFailsWithItsHoursInTheMessage() {
        Evaluation e = evaluate(RESIDENT, khJp(20).negativePcr("2020-09-11T23:20"));
        Evaluation.RuleResult test = result(e, "PRE_DEPARTURE_TEST");
        assertThat(test.outcome()).isEqualTo(RuleOutcome.FAIL);
        assertThat(test.message()).isEqualTo("Sample taken 72.5 h before PNH→NRT; the limit is 72 h.");
        assertThat(test.severity()).isEqualTo(Severity.REQUIREMENT);
        assertThat(e.outcome()).isEqualTo(DecisionOutcome.NOT_ELIGIBLE);
        assertThat(result(evaluate(RESIDENT, khJp(20).negativePcr("2020-09-11T23:50")), "PRE_DEPARTURE_TEST").outcome())
                .isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void theOrderIsApplicableWhenThenPendingWhenThenCondition() {
        Expression yes = b -> true;
        Expression no = b -> false;
        Expression never = b -> {
            throw new AssertionError("evaluated although the outcome was already known");
        };
        Expression.Bindings none = name -> null;
        assertThat(Evaluator.outcomeOf(rule(no, never, never), none)).isEqualTo(RuleOutcome.NOT_APPLICABLE);
        assertThat(Evaluator.outcomeOf(rule(yes, yes, never), none)).isEqualTo(RuleOutcome.PENDING);
        assertThat(Evaluator.outcomeOf(rule(null, null, yes), none)).isEqualTo(RuleOutcome.PASS);
        assertThat(Evaluator.outcomeOf(rule(yes, no, no), none)).isEqualTo(RuleOutcome.FAIL);
        // A condition that does not answer true (here: not a boolean) is a FAIL, never a PASS.
        assertThat(Evaluator.outcomeOf(rule(null, null, b -> "true"), none)).isEqualTo(RuleOutcome.FAIL);
    }

    private static RuleSpec rule(Expression applicableWhen, Expression pendingWhen, Expression condition) {
        return new RuleSpec("R", Severity.BLOCKING, null, null, applicableWhen, pendingWhen, condition, java.util.Map.of(), null);
    }

    @Test
    void messagesAreInTheRequestedLanguageWithEnglishAsTheFallback() {
        Evaluation ja = evaluate(RESIDENT, khJp(14), ALL_KNOWN, "ja");
        assertThat(result(ja, "STAY_LONGER_THAN_14_DAYS").title()).isEqualTo("14日を超える滞在");
        assertThat(result(ja, "STAY_LONGER_THAN_14_DAYS").message()).isEqualTo("滞在は14日です。");
        assertThat(result(ja, Evaluator.TRACK_OPEN).title()).isEqualTo("入国日にトラックが運用中であること");
        Evaluation km = evaluate(RESIDENT, khJp(14), ALL_KNOWN, "km");
        assertThat(result(km, "STAY_LONGER_THAN_14_DAYS").message()).isEqualTo("Stay of 14 days: 15 days or more are needed.");
    }

    // TRACK_OPEN and versions

    @Test
    void trackOpenComesFirstAndPassesForAnOpenVersion() {
        Evaluation e = evaluate(RESIDENT, khJp(20).negativePcr("2020-09-13T10:00"));
        assertThat(e.results()).extracting(Evaluation.RuleResult::ruleId)
                .containsExactly(Evaluator.TRACK_OPEN, "STAY_LONGER_THAN_14_DAYS", "PRE_DEPARTURE_TEST");
        Evaluation.RuleResult open = e.results().get(0);
        assertThat(open.outcome()).isEqualTo(RuleOutcome.PASS);
        assertThat(open.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(open.message()).isEqualTo(
                "The track is OPEN for an entry on 2020-09-15 (version 1, in force from 2020-09-01T00:00+09:00).");
        assertThat(e.outcome()).isEqualTo(DecisionOutcome.ELIGIBLE);
        assertThat(e.version().number()).isEqualTo(1);
    }

    /** Open from 1 September; suspended from 1 October 00:00 JST (published 25 September); open again from 1 November. */
    private static final RuleSetSpec SUSPENDED_IN_OCTOBER = ruleSet(Track.RESIDENT, OPEN_VERSION,
            version("2020-10-01T00:00+09:00", "2020-09-25T00:00+09:00", VersionStatus.SUSPENDED),
            version("2020-11-01T00:00+09:00", "2020-10-15T00:00+09:00", VersionStatus.OPEN));

    private static Trips entering(String arrivalJst) {
        return trip().leg("PNH", "2020-09-01T08:00", "NRT", arrivalJst).negativePcr("2020-08-31T10:00");
    }

    @ParameterizedTest(name = "entry {0} JST → version {1}")
    @CsvSource({"2020-09-30T23:59, 1, PASS", "2020-10-01T00:00, 2, FAIL", "2020-10-31T23:59, 2, FAIL", "2020-11-01T00:00, 3, PASS"})
    void theVersionInForceIsTheOneEffectiveAtTheEntryMinute(String arrival, int number, RuleOutcome trackOpen) {
        Evaluation e = evaluate(SUSPENDED_IN_OCTOBER, entering(arrival));
        assertThat(e.version().number()).isEqualTo(number);
        assertThat(e.results().get(0).outcome()).isEqualTo(trackOpen);
    }

    @Test
    void aSuspendedVersionFailsTrackOpenAndNamesTheNextKnownChange() {
        Evaluation e = evaluate(SUSPENDED_IN_OCTOBER, entering("2020-10-02T07:30"));
        Evaluation.RuleResult open = e.results().get(0);
        assertThat(open.outcome()).isEqualTo(RuleOutcome.FAIL);
        assertThat(open.message()).isEqualTo("The track is SUSPENDED, not OPEN, for an entry on 2020-10-02 (version 2, "
                + "in force from 2020-10-01T00:00+09:00). Next known change: OPEN from 2020-11-01T00:00+09:00.");
        assertThat(e.outcome()).isEqualTo(DecisionOutcome.NOT_ELIGIBLE);
        assertThat(e.ruleIdsWith(RuleOutcome.FAIL)).containsExactly(Evaluator.TRACK_OPEN);

        // Before the reopening was published, nothing is known of it.
        Evaluation before = evaluate(SUSPENDED_IN_OCTOBER, entering("2020-10-02T07:30"), instant("2020-10-14T23:59+09:00"), "en");
        assertThat(before.results().get(0).message()).endsWith("in force from 2020-10-01T00:00+09:00).");
    }

    @Test
    void aVersionPublishedAfterKnownAtIsNotUsed() {
        // Known on 24 September: the suspension (published the 25th) is unknown, so version 1 still answers.
        Evaluation e = evaluate(SUSPENDED_IN_OCTOBER, entering("2020-10-02T07:30"), instant("2020-09-24T23:59+09:00"), "en");
        assertThat(e.version().number()).isEqualTo(1);
        assertThat(e.results().get(0).outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void noEvaluationWhenNoVersionWasKnownAtKnownAt() {
        Optional<Evaluation> none = Evaluator.evaluate(RESIDENT, facts(khJp(20)), instant("2020-08-31T23:59+09:00"), "en");
        assertThat(none).isEmpty();
    }

    // Obligations

    @Test
    void obligationsGetDatesFromTheArrivalDay() {
        Evaluation e = evaluate(RESIDENT, khJp(20).traveller("KH", "KH", null, null));
        assertThat(e.obligations()).extracting(Evaluation.ObligationResult::code).containsExactly("QUARANTINE", "HEALTH_MONITORING");
        Evaluation.ObligationResult quarantine = e.obligations().get(0);
        assertThat(quarantine.from()).isEqualTo(LocalDate.of(2020, 9, 15)); // arrival day, in Tokyo (left Phnom Penh on the 14th)
        assertThat(quarantine.until()).isEqualTo(LocalDate.of(2020, 9, 28)); // day 13
        assertThat(quarantine.detail()).isEqualTo("Stay at home from 2020-09-15 (day 0).");
        Evaluation.ObligationResult health = e.obligations().get(1);
        assertThat(health.from()).isEqualTo(LocalDate.of(2020, 9, 16)); // day 1
        assertThat(health.until()).isEqualTo(LocalDate.of(2020, 10, 5)); // no last day: the departure
        assertThat(health.detail()).isEqualTo("Report your health daily until 2020-10-05.");
        assertThat(e.warnings()).isEmpty();
    }

    @Test
    void anObligationUntilTheDepartureHasNoEndWhenTheTripIsOpenEnded() {
        Evaluation e = evaluate(RESIDENT, khJp(null));
        Evaluation.ObligationResult health = e.obligations().get(1);
        assertThat(health.code()).isEqualTo("HEALTH_MONITORING");
        assertThat(health.until()).isNull();
        assertThat(health.detail()).isEqualTo("Report your health daily until you leave.");
        assertThat(e.warnings()).isEmpty(); // open-ended: nothing is cut short
    }

    @Test
    void anObligationWhoseWhenIsFalseIsLeftOut() {
        Evaluation e = evaluate(RESIDENT, khJp(20).traveller("JP", "KH", null, null));
        assertThat(e.obligations()).extracting(Evaluation.ObligationResult::code).containsExactly("QUARANTINE");
    }

    @ParameterizedTest(name = "leaving after {0} nights → warned: {1}")
    @CsvSource({"12, true", "13, true", "14, false"})
    void aDepartureOnOrBeforeTheLastDayOfQuarantineIsWarned(int nights, boolean warned) {
        Evaluation e = evaluate(RESIDENT, khJp(nights));
        if (warned) {
            String exit = LocalDate.of(2020, 9, 15).plusDays(nights).toString();
            assertThat(e.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo("DEPARTS_BEFORE_QUARANTINE_ENDS");
                assertThat(w.message()).isEqualTo("The itinerary leaves the destination on " + exit
                        + ", before QUARANTINE ends on 2020-09-28.");
            });
        } else {
            assertThat(e.warnings()).isEmpty();
        }
    }

    // Failures

    @Test
    void aRuleThatFailsWhenEvaluatedIsNamedWithItsRuleSetAndVersion() {
        RuleSetSpec broken = ruleSet(Track.RESIDENT,
                version("2020-09-01T00:00+09:00", "2020-09-01T00:00+09:00", VersionStatus.OPEN) + """
                            rules:
                              - id: DIVIDES_BY_NIGHTS
                                severity: BLOCKING
                                title: {en: Broken}
                                condition: "100 / stayDays > 1"
                                messages: {pass: {en: "ok"}, fail: {en: "no"}}
                                citation: %s
                            obligations: []
                        """.formatted(CITATION));
        assertThat(evaluate(broken, khJp(20)).results().get(1).outcome()).isEqualTo(RuleOutcome.PASS);
        // Open-ended: stayDays is 0.
        assertThatThrownBy(() -> evaluate(broken, khJp(null)))
                .isInstanceOf(EvaluationException.class)
                .satisfies(x -> {
                    EvaluationException ex = (EvaluationException) x;
                    assertThat(ex.where()).isEqualTo("rule DIVIDES_BY_NIGHTS of resident-kh-jp version 1");
                    assertThat(ex.source()).isEqualTo("100 / stayDays > 1");
                    assertThat(ex.getMessage()).startsWith("rule DIVIDES_BY_NIGHTS of resident-kh-jp version 1: [100 / stayDays > 1]");
                });
    }

    @Test
    void anExpiredDeadlineStopsTheEvaluationInTheFirstRule() {
        Facts facts = facts(khJp(20));
        assertThatThrownBy(() -> Evaluator.evaluate(RESIDENT, facts, ALL_KNOWN, "en", System.nanoTime() - 1))
                .isInstanceOf(EvaluationException.class)
                .satisfies(x -> assertThat(((EvaluationException) x).where())
                        .isEqualTo("rule STAY_LONGER_THAN_14_DAYS of resident-kh-jp version 1"));
        // The same facts with time to spare are evaluated.
        assertThat(Evaluator.evaluate(RESIDENT, facts, ALL_KNOWN, "en", System.nanoTime() + 60_000_000_000L)).isPresent();
    }

    // The decision

    @Test
    void theBestOutcomeWinsAndTiesGoToResident() {
        RuleSetSpec business = ruleSet(Track.BUSINESS, OPEN_VERSION);
        Trip trip = khJp(20).build();
        Journey journey = JourneyAnalyzer.analyze(trip);
        Facts facts = FactsCalculator.compute(trip, journey);
        Evaluation resident = Evaluator.evaluate(RESIDENT, facts, ALL_KNOWN, "en").orElseThrow();
        Evaluation businessEval = Evaluator.evaluate(business, facts, ALL_KNOWN, "en").orElseThrow();
        assertThat(resident.outcome()).isEqualTo(DecisionOutcome.CONDITIONAL);

        // A tie (both CONDITIONAL): RESIDENT, whatever the order of the candidates.
        Decision tie = Decision.of(journey, ALL_KNOWN, List.of(businessEval, resident));
        assertThat(tie.track()).isEqualTo(Track.RESIDENT);
        assertThat(tie.outcome()).isEqualTo(DecisionOutcome.CONDITIONAL);
        assertThat(tie.ruleSet().id()).isEqualTo("resident-kh-jp");
        assertThat(tie.alternatives()).singleElement().satisfies(a -> {
            assertThat(a.track()).isEqualTo(Track.BUSINESS);
            assertThat(a.pending()).containsExactly("PRE_DEPARTURE_TEST");
            assertThat(a.failed()).isEmpty();
        });
        assertThat(tie.stayDays()).isEqualTo(20);
        assertThat(tie.entryAt()).isEqualTo(OffsetDateTime.parse("2020-09-15T07:30+09:00"));
        assertThat(tie.firstDepartureAt()).isEqualTo(OffsetDateTime.parse("2020-09-14T23:50+07:00"));
        assertThat(tie.route()).isEqualTo(new Decision.Route("KH", "JP"));

        // A better outcome wins over the track: a NOT_ELIGIBLE Resident Track loses to a CONDITIONAL Business Track.
        Evaluation failedResident = new Evaluation(resident.ruleSet(), resident.version(), DecisionOutcome.NOT_ELIGIBLE,
                resident.results(), List.of(), List.of());
        Decision better = Decision.of(journey, ALL_KNOWN, List.of(failedResident, businessEval));
        assertThat(better.track()).isEqualTo(Track.BUSINESS);
        assertThat(better.outcome()).isEqualTo(DecisionOutcome.CONDITIONAL);
        assertThat(better.alternatives()).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(DecisionOutcome.NOT_ELIGIBLE));
    }
}
