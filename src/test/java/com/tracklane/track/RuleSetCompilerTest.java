package com.tracklane.track;

import com.tracklane.track.model.RuleSetLoadException;
import com.tracklane.track.model.RuleSetProblem;
import com.tracklane.track.service.RuleSetCompiler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tracklane.support.ShippedRuleSets;
import com.tracklane.track.model.RuleSetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A broken rule set refuses to load, naming the file, the place, the rule and the position in the expression. */
class RuleSetCompilerTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    private static final String HEAD = """
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
                  limit: {type: int, value: 14}
                obligations: []
                rules:
            """;

    private static String rule(String condition) {
        return HEAD + """
                      - id: STAY_RULE
                        severity: BLOCKING
                        title: {en: Stay}
                        condition: "%s"
                        messages: {pass: {en: ok}, fail: {en: "{stayDays} days"}}
                        citation: {title: Source, url: "https://example.org/source"}
                """.formatted(condition);
    }

    private List<RuleSetProblem> problems(String text) {
        try {
            compiler.compile("test.yaml", text);
        } catch (RuleSetLoadException e) {
            return e.problems();
        }
        throw new AssertionError("the rule set was accepted");
    }

    @Test
    void shouldAcceptAWellFormedRuleSet() {
        RuleSetSpec spec = compiler.compile("test.yaml", rule("stayDays > params.limit"));
        assertThat(spec.versions()).hasSize(1);
        assertThat(spec.versions().get(0).contentHash()).startsWith("sha256:");
    }

    @Test
    void shouldRefuseAnUnknownVariableWithItsPosition() {
        List<RuleSetProblem> problems = problems(rule("stayDayz > params.limit"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("test.yaml");
            assertThat(p.path()).isEqualTo("versions[0].rules[0].condition");
            assertThat(p.ruleId()).isEqualTo("STAY_RULE");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).contains("undeclared reference to 'stayDayz'");
        });
    }

    @Test
    void shouldRefuseAnUnknownParameter() {
        assertThat(problems(rule("stayDays > params.limitt"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).isEqualTo("unknown parameter 'params.limitt' (this version declares: limit)");
                    assertThat(p.column()).isEqualTo(12);
                });
    }

    @Test
    void shouldRefuseAWrongType() {
        assertThat(problems(rule("stayDays > 'fourteen'"))).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("no matching overload");
            assertThat(p.column()).isEqualTo(10);
        });
    }

    @Test
    void shouldRefuseAConditionThatIsNotBoolean() {
        assertThat(problems(rule("stayDays + 1"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("expected type 'bool' but found 'int'"));
    }

    @Test
    void shouldRefuseBadSyntax() {
        assertThat(problems(rule("stayDays > (1 +"))).isNotEmpty()
                .allSatisfy(p -> assertThat(p.path()).isEqualTo("versions[0].rules[0].condition"));
    }

    @Test
    void shouldRefuseABadPlaceholderInAMessage() {
        String text = rule("stayDays > params.limit").replace("{stayDays} days", "{stayDayz} days");
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("versions[0].rules[0].messages.fail.en {stayDayz}");
            assertThat(p.message()).contains("stayDayz");
        });
    }

    @Test
    void shouldRefuseAMissingCitationByTheSchema() {
        String text = rule("stayDays > params.limit").replace("    citation: {title: Source, url: \"https://example.org/source\"}\n", "");
        assertThat(problems(text)).anySatisfy(p -> assertThat(p.path() + " " + p.message()).contains("citation"));
    }

    @Test
    void shouldRefuseAPendingRuleWithoutAPendingMessage() {
        String text = rule("stayDays > params.limit").replace("        condition:", "        pendingWhen: \"!hasReturn\"\n        condition:");
        assertThat(problems(text)).anySatisfy(p -> assertThat(p.path()).isEqualTo("versions[0].rules[0].messages.pending"));
    }

    @Test
    void shouldRefuseAVersionThatDoesNotComeAfterThePreviousOne() {
        String text = rule("stayDays > params.limit") + """
                  - effectiveFrom: "2020-08-21T00:00+07:00"
                    status: CLOSED
                    citation: {title: Source, url: "https://example.org/source"}
                """;
        assertThat(problems(text)).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("versions[1].effectiveFrom"));
    }

    @Test
    void shouldRefuseAParameterValueOfTheWrongType() {
        String text = rule("stayDays > params.limit").replace("{type: int, value: 14}", "{type: int, value: fourteen}");
        assertThat(problems(text)).anySatisfy(p -> assertThat(p.path()).isEqualTo("versions[0].parameters.limit.value"));
    }

    @Test
    void shouldRefuseInvalidYamlWithItsLine() {
        assertThat(problems("id: [unclosed\n")).singleElement().satisfies(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void shouldListTheProblemInTheExceptionMessage() {
        assertThatThrownBy(() -> compiler.compile("test.yaml", rule("stayDayz > 1")))
                .hasMessageContaining("test.yaml: versions[0].rules[0].condition (rule STAY_RULE) at 1:1: undeclared reference");
    }

    @Test
    void shouldInheritRulesAndObligationsAndMergeParameters() {
        RuleSetSpec spec = ShippedRuleSets.get("resident-kh-jp");
        assertThat(spec.versions()).hasSize(5);
        assertThat(spec.versions().get(2).rules()).isSameAs(spec.versions().get(2).rules());
        assertThat(spec.versions().get(1).values().get("preDepartureTestRequired")).isEqualTo(false);
        assertThat(spec.versions().get(2).values().get("preDepartureTestRequired")).isEqualTo(false);
        assertThat(spec.versions().get(2).obligations()).extracting(o -> o.code()).contains("ARRIVAL_TEST");
        assertThat(spec.versions().get(1).obligations()).extracting(o -> o.code()).doesNotContain("ARRIVAL_TEST");
        assertThat(spec.versions().get(3).values().get("preDepartureTestRequired")).isEqualTo(true);
        assertThat(spec.versions().get(4).values().get("preDepartureTestRequired")).isEqualTo(true);
        assertThat(spec.versions().get(4).rules()).extracting(r -> r.id()).contains("PRE_DEPARTURE_TEST");
        assertThat(spec.versions().get(4).obligations()).extracting(o -> o.code()).contains("ARRIVAL_TEST");
        assertThat(spec.versions()).extracting(v -> v.contentHash()).doesNotHaveDuplicates();
    }
}
