package com.tracklane.eligibility.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tracklane.common.EvaluationException;
import com.tracklane.support.ShippedRuleSets;
import com.tracklane.support.Trips;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.Localized;
import com.tracklane.track.model.ObligationSpec;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.RuleSpec;
import com.tracklane.track.model.Template;
import com.tracklane.track.model.VersionSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The texts prepared once per version and language give exactly what rendering each template in full gives, for every
 * template of every shipped version in every language (edition 2 and the same versions as edition 1), and the decision
 * that renders only the answered track is the one built from every track rendered in full.
 */
class PreparedTextsTest {

    private static final Instant ALL_KNOWN = Instant.parse("2100-01-01T00:00:00Z");

    @Test
    void shouldRenderEveryTemplateOfEveryShippedVersionAsTheTemplateItselfDoes() {
        int compared = 0;
        for (String id : ShippedRuleSets.IDS) {
            RuleSetSpec people = ShippedRuleSets.get(id);
            RuleSetSpec edition1 = new RuleSetSpec(id, people.track(), people.origin(), people.destination(), people.title(),
                    people.versions(), 1);
            RuleSetSpec edition2 = new RuleSetSpec(id, people.track(), people.origin(), people.destination(), people.title(),
                    people.versions(), 2);
            for (RuleSetSpec ruleSet : List.of(people, edition2, edition1)) {
                for (VersionSpec version : ruleSet.versions()) {
                    for (Facts facts : factsAround(ruleSet, version)) {
                        RuleBindings bindings = new RuleBindings(facts, version.values());
                        for (String language : Localized.LANGUAGES) {
                            PreparedTexts texts = PreparedTexts.of(ruleSet, version, language);
                            for (Template template : templates(version, language)) {
                                String expected = renderedOrFailure(() -> template.render(bindings, language, ruleSet.edition()));
                                String actual = renderedOrFailure(() -> texts.render(template, bindings));
                                assertThat(actual).as(id + " v" + version.number() + " " + language + " edition "
                                        + ruleSet.edition() + ": " + template).isEqualTo(expected);
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(5_000);
    }

    @Test
    void shouldEvaluateAPlaceholderOfParametersOnceAndAPlaceholderOfFactsPerCheck() {
        AtomicInteger parameterReads = new AtomicInteger();
        AtomicInteger factReads = new AtomicInteger();
        Expression ofParameters = b -> {
            parameterReads.incrementAndGet();
            return b.lookup("params.limit");
        };
        Expression ofFacts = b -> {
            factReads.incrementAndGet();
            return b.lookup("stayDays");
        };
        Template template = new Template(List.of(new Template.Text("Stay of "), new Template.Value("stayDays", ofFacts),
                new Template.Text(" days; the limit is "), new Template.Value("params.limit", ofParameters),
                new Template.Text(" days.")));
        VersionSpec version = versionWith(template, Map.of("limit", 14L));
        RuleSetSpec ruleSet = new RuleSetSpec("test-kh-jp", com.tracklane.track.model.Track.RESIDENT, "KH", "JP",
                new Localized<>(Map.of("en", "Test")), List.of(version), 2);
        PreparedTexts texts = PreparedTexts.of(ruleSet, version, "en");
        assertThat(parameterReads.get()).as("the parameter placeholder, evaluated when prepared").isEqualTo(1);
        assertThat(PreparedTexts.of(ruleSet, version, "en")).isSameAs(texts);
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (long days : new long[] {3, 20, 1500}) {
            expected.add(template.render(new RuleBindings(new Facts(null, Map.of("stayDays", days)), version.values()), "en", true));
        }
        parameterReads.set(0);
        factReads.set(0);
        for (long days : new long[] {3, 20, 1500}) {
            actual.add(texts.render(template, new RuleBindings(new Facts(null, Map.of("stayDays", days)), version.values())));
        }
        assertThat(actual).isEqualTo(expected).last().isEqualTo("Stay of 1,500 days; the limit is 14 days.");
        assertThat(parameterReads.get()).as("the parameter placeholder, per check").isZero();
        assertThat(factReads.get()).as("the fact placeholder, per check").isEqualTo(3);
    }

    @Test
    void shouldFailAPlaceholderThatFailsPerCheckExactlyAsRenderingInFullDoes() {
        Expression failing = b -> {
            throw new EvaluationException("1 / params.zero", "division by zero", null);
        };
        Template template = new Template(List.of(new Template.Text("Share: "), new Template.Value("1 / params.zero", failing)));
        VersionSpec version = versionWith(template, Map.of("zero", 0L));
        RuleSetSpec ruleSet = new RuleSetSpec("test-kh-jp", com.tracklane.track.model.Track.RESIDENT, "KH", "JP",
                new Localized<>(Map.of("en", "Test")), List.of(version), 2);
        RuleBindings bindings = new RuleBindings(new Facts(null, Map.of()), version.values());
        assertThatThrownBy(() -> PreparedTexts.of(ruleSet, version, "en").render(template, bindings))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.reason()).isEqualTo("division by zero"));
    }

    @Test
    void shouldDecideAsFromEveryTrackRenderedInFullWhenOnlyTheAnsweredTrackIsRendered() {
        int decided = 0;
        for (String id : List.of("resident-kh-jp", "resident-jp-kh")) {
            RuleSetSpec first = ShippedRuleSets.get(id);
            List<RuleSetSpec> route = ShippedRuleSets.IDS.stream().map(ShippedRuleSets::get)
                    .filter(r -> r.origin().equals(first.origin()) && r.destination().equals(first.destination())).toList();
            for (VersionSpec version : first.versions()) {
                for (Facts base : factsAround(first, version)) {
                    Facts facts = FactsCalculator.withOpenTracks(base, route, ALL_KNOWN);
                    for (String language : Localized.LANGUAGES) {
                        List<Evaluation> full = new ArrayList<>();
                        List<Judgement> judged = new ArrayList<>();
                        for (RuleSetSpec ruleSet : route) {
                            Evaluator.evaluate(ruleSet, facts, ALL_KNOWN, language).ifPresent(full::add);
                            Evaluator.judge(ruleSet, facts, ALL_KNOWN, Expression.Bindings.NO_DEADLINE).ifPresent(judged::add);
                        }
                        Decision expected = Decision.of(facts.journey(), ALL_KNOWN, full);
                        assertThat(Decision.decide(facts.journey(), ALL_KNOWN, judged, language)).isEqualTo(expected);
                        decided++;
                    }
                }
            }
        }
        assertThat(decided).isGreaterThan(50);
    }

    private static VersionSpec versionWith(Template template, Map<String, Object> values) {
        RuleSpec rule = new RuleSpec("STAY", com.tracklane.track.model.Severity.BLOCKING, new Localized<>(Map.of("en", "Stay")),
                new RuleSpec.Source(null, null, "true"), null, null, b -> true,
                Map.of(RuleOutcome.PASS, new Localized<>(Map.of("en", template))), null);
        return new VersionSpec(1, java.time.OffsetDateTime.parse("2020-09-08T00:00+09:00"), Instant.parse("2020-09-01T00:00:00Z"),
                com.tracklane.track.model.VersionStatus.OPEN, null, null, Map.of(), values, List.of(rule), List.of(), "hash");
    }

    private static String renderedOrFailure(java.util.function.Supplier<String> render) {
        try {
            return render.get();
        } catch (EvaluationException e) {
            return "failed: " + e.reason();
        }
    }

    /** Every template of a version in a language: each rule's message for each outcome, obligations, the grace's. */
    private static List<Template> templates(VersionSpec version, String language) {
        List<Template> out = new ArrayList<>();
        for (RuleSpec rule : version.rules()) {
            rule.messages().values().forEach(m -> out.add(m.in(language)));
        }
        for (ObligationSpec obligation : version.obligations()) {
            out.add(obligation.detail().in(language));
        }
        if (version.trackOpenGrace() != null) {
            version.trackOpenGrace().messages().values().forEach(m -> out.add(m.in(language)));
        }
        return out;
    }

    /** Facts of trips entering on the version's first day and a month later: bare, and with every document. */
    private static List<Facts> factsAround(RuleSetSpec ruleSet, VersionSpec version) {
        boolean toJapan = ruleSet.origin().equals("KH");
        String from = toJapan ? "PNH" : "NRT";
        String to = toJapan ? "NRT" : "PNH";
        List<Facts> out = new ArrayList<>();
        for (LocalDate entry : List.of(version.effectiveFrom().toLocalDate(), version.effectiveFrom().toLocalDate().plusDays(30))) {
            for (Integer nights : java.util.Arrays.asList(10, 20, null)) {
                for (boolean complete : List.of(false, true)) {
                    Trips trips = Trips.trip().leg(from, entry + "T06:00", to, entry + "T14:00");
                    if (nights != null) {
                        trips.leg(to, entry.plusDays(nights) + "T16:00", from, entry.plusDays(nights) + "T21:00");
                    }
                    if (complete) {
                        trips.traveller("KH", "KH", "INTRA_COMPANY_TRANSFEREE", true)
                                .sponsor(Trip.SponsorKind.ORGANISATION, "JP", true)
                                .insurance(toJapan ? Trip.InsuranceKind.PRIVATE_MEDICAL : Trip.InsuranceKind.KH_COVID19_PACKAGE, 100000.0)
                                .visa(Trip.VisaKind.EMBASSY, entry.minusDays(20).toString())
                                .guarantee(entry.minusDays(10).toString())
                                .health(entry.minusDays(20).toString(), 36.5)
                                .negativePcr(entry.minusDays(2) + "T09:00")
                                .schedule(true, 1, 0);
                    }
                    Trip trip = trips.build();
                    out.add(FactsCalculator.compute(trip, JourneyAnalyzer.analyze(trip)));
                }
            }
        }
        return out;
    }
}
