package com.tracklane.track;

import com.tracklane.track.model.RuleSetLoadException;
import com.tracklane.track.model.RuleSetProblem;
import com.tracklane.track.service.RuleSetCompiler;
import com.tracklane.track.service.CelExpressions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tracklane.common.EvaluationException;
import com.tracklane.support.ShippedRuleSets;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.RuleSpec;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cost limit of rules: refused when drafted (estimated cost, parameter sizes), bounded when evaluated (texts and
 * lists built, time budget of the check), whatever slipped past the draft check.
 */
public class RuleLimitsTest {

    /** The penetration test's rule: 46,000 × 46,000 characters, a 2 GB text per evaluation. */
    public static final String ATTACK = "size(join(params.big, join(params.big, ''))) > 0";

    public static String ruleSet(String condition, int bigSize, String message) {
        String big = String.join(", ", Collections.nCopies(bigSize, "x"));
        return """
                id: test-kh-jp
                track: RESIDENT
                origin: KH
                destination: JP
                title: {en: Test}
                versions:
                  - effectiveFrom: "2020-08-22T00:00+07:00"
                    status: OPEN
                    citation: {title: Source, url: "https://example.org/source"}
                    parameters:
                      big: {type: "list<string>", value: [%s]}
                      text: {type: string, value: "%s"}
                    obligations: []
                    rules:
                      - id: JOIN_ATTACK
                        severity: BLOCKING
                        title: {en: Attack}
                        condition: "%s"
                        messages: {pass: {en: ok}, fail: {en: "%s"}}
                        citation: {title: Source, url: "https://example.org/source"}
                """.formatted(big, "y".repeat(40_000), condition, message);
    }

    private static List<RuleSetProblem> problems(String text) {
        try {
            new RuleSetCompiler(CelExpressions.Limits.DEFAULT).compile("test.yaml", RuleSetCompiler.YAML.readTree(text), 0);
        } catch (RuleSetLoadException e) {
            return e.problems();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the rule set was accepted");
    }

    @Test
    void shouldRefuseTheNestedJoinWhenDraftedNamingTheRuleAndTheParameter() {
        List<RuleSetProblem> problems = problems(ruleSet(ATTACK, 46_000, "no"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("versions[0].rules[0].condition");
            assertThat(p.ruleId()).isEqualTo("JOIN_ATTACK");
            assertThat(p.message()).startsWith("estimated cost ").contains("is over the limit of 100,000 per expression")
                    .contains("may build a text of 2,116,")
                    .doesNotContain("join"); // the expression is not repeated
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("versions[0].parameters.big.value");
            assertThat(p.message()).isEqualTo("has 46000 elements: a parameter list may have at most 10000");
        });
    }

    @Test
    void shouldRefuseTheNestedJoinEvenWithAListUnderTheSizeLimit() {
        // 10,000 × 10,000 characters: every parameter is within its limit, the expression is not.
        List<RuleSetProblem> problems = problems(ruleSet(ATTACK, 10_000, "no"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("versions[0].rules[0].condition");
            assertThat(p.message()).startsWith("estimated cost ");
        });
    }

    @Test
    void shouldRefuseAnExpensivePlaceholderByItsPositionNotItsText() {
        List<RuleSetProblem> problems = problems(ruleSet("true", 10_000, "{join(params.big, join(params.big, ','))}"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("versions[0].rules[0].messages.fail.en placeholder 1");
            assertThat(p.ruleId()).isEqualTo("JOIN_ATTACK");
        });
    }

    @Test
    void shouldAcceptCheapRulesOverLargeParameters() {
        RuleSetSpec spec = new RuleSetCompiler(CelExpressions.Limits.DEFAULT).compile("test.yaml",
                readTree(ruleSet("nationality in params.big && size(params.text) > 0", 10_000, "{join(outboundConnections, ', ')}")), 0);
        assertThat(spec.versions()).hasSize(1);
    }

    @Test
    void shouldAcceptEveryShippedRuleSetFarUnderTheCostLimit() {
        long highest = 0;
        for (String id : ShippedRuleSets.IDS) {
            RuleSetSpec spec = new RuleSetCompiler(CelExpressions.Limits.DEFAULT).compile(id, readTree(ShippedRuleSets.read("rulesets/" + id + ".yaml")), 0);
            for (var version : spec.versions()) {
                for (RuleSpec rule : version.rules()) {
                    for (Expression e : new Expression[] {rule.applicableWhen(), rule.pendingWhen(), rule.condition()}) {
                        if (e != null) {
                            highest = Math.max(highest, CelExpressions.estimate(e, version.values()).cost());
                        }
                    }
                }
            }
        }
        assertThat(highest).isPositive().isLessThan(CelExpressions.Limits.DEFAULT.maxCost() / 10);
    }

    /** What slipped past the draft check (a compiler without limits, as for files and published versions). */
    private static RuleSpec slipped(String condition, int bigSize) {
        return new RuleSetCompiler().compile("test.yaml", ruleSet(condition, bigSize, "no")).versions().get(0).rules().get(0);
    }

    private static Expression.Bindings bindings(Map<String, Object> parameters, long deadline) {
        return new Expression.Bindings() {
            @Override
            public Object lookup(String name) {
                return name.startsWith("params.") ? parameters.get(name.substring(7)) : "KH";
            }

            @Override
            public long deadlineNanos() {
                return deadline;
            }
        };
    }

    @Test
    void shouldStopTheNestedJoinAtTheTextLimitWhenEvaluated() {
        RuleSpec rule = slipped(ATTACK, 46_000);
        Map<String, Object> params = Map.of("big", Collections.nCopies(46_000, "x"), "text", "y");
        long started = System.nanoTime();
        assertThatThrownBy(() -> rule.condition().test(bindings(params, Expression.Bindings.NO_DEADLINE)))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.reason())
                        .contains("join would build a text of more than 65536 characters"));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void shouldStopConcatenationAtTheTextLimitWhenEvaluated() {
        RuleSpec rule = slipped("size(params.text + params.text) > 0", 10);
        assertThatThrownBy(() -> rule.condition().test(bindings(Map.of("text", "y".repeat(40_000)), Expression.Bindings.NO_DEADLINE)))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.reason())
                        .contains("+ would build a text of more than 65536 characters"));
        assertThat(slipped("size(params.text + params.text) > 0", 10).condition()
                .test(bindings(Map.of("text", "y".repeat(30_000)), Expression.Bindings.NO_DEADLINE))).isTrue();
    }

    @Test
    void shouldStopListConcatenationAtTheListLimitWhenEvaluated() {
        RuleSpec rule = slipped("size(params.big + params.big) > 0", 10);
        assertThatThrownBy(() -> rule.condition().test(bindings(Map.of("big", Collections.nCopies(6_000, "x")), Expression.Bindings.NO_DEADLINE)))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.reason())
                        .contains("+ would build a list of more than 10000 elements"));
    }

    @Test
    void shouldFailAnExpressionOnceTheTimeBudgetOfTheCheckIsSpent() {
        RuleSpec rule = slipped("size(join(params.big, '')) > 0", 10);
        Map<String, Object> params = Map.of("big", Collections.nCopies(10, "x"));
        assertThat(rule.condition().test(bindings(params, System.nanoTime() + 10_000_000_000L))).isTrue();
        assertThatThrownBy(() -> rule.condition().test(bindings(params, System.nanoTime() - 1)))
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    assertThat(e.reason()).isEqualTo("the check took longer than its time budget");
                    assertThat(e.in("rule JOIN_ATTACK of test-kh-jp version 1").located())
                            .isEqualTo("rule JOIN_ATTACK of test-kh-jp version 1 (OverBudget)");
                });
    }

    @Test
    void shouldStopALongEvaluationPartWayThroughAtTheDeadline() {
        // 200 joins of 60,000 characters: each within the limits, together far longer than a 1 ms budget.
        String condition = String.join(" || ", Collections.nCopies(200, "size(join(params.big, '')) < 0"));
        RuleSpec rule = slipped(condition, 10);
        Map<String, Object> params = Map.of("big", Collections.nCopies(10_000, "xxxxxx"));
        long started = System.nanoTime();
        assertThatThrownBy(() -> rule.condition().test(bindings(params, System.nanoTime() + 1_000_000)))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.reason()).contains("time budget"));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void shouldLocateAFailureWithoutTheExpressionText() {
        RuleSpec rule = slipped("size(join(params.big, 'FORGED\\\\nLINE')) / 0 > 0", 10);
        assertThatThrownBy(() -> rule.condition().test(bindings(Map.of("big", List.of("a", "b")), Expression.Bindings.NO_DEADLINE)))
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    String logged = e.in("rule JOIN_ATTACK of test-kh-jp version 1").located();
                    assertThat(logged).startsWith("rule JOIN_ATTACK of test-kh-jp version 1 at character ")
                            .doesNotContain("FORGED").doesNotContain("join").doesNotContain("\n");
                });
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return RuleSetCompiler.YAML.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
