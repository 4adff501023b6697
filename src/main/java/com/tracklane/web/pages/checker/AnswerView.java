package com.tracklane.web.pages.checker;

import com.tracklane.eligibility.engine.Decision;
import com.tracklane.eligibility.engine.DecisionOutcome;
import com.tracklane.eligibility.engine.Evaluation;
import com.tracklane.reference.Airport;
import com.tracklane.track.model.Citation;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.web.i18n.Msg;
import com.tracklane.web.i18n.PageLanguage;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the answer page shows, in the visitor's language: the outcome in words (and a colour class), the route and the
 * rule set, what is still missing and by when, each rule with its source, the obligations after arrival day by day
 * (day 0 … 14 with dates), warnings and the other track's result. Times are shown in the zone of the airport they
 * happen at, with the zone's name.
 */
@TemplateData
public final class AnswerView {

    static final int STRIP_DAYS = 15;

    @TemplateData
    public record Source(String title, String url, String date, String paragraph) {
    }

    @TemplateData
    public record RuleRow(String title, String outcome, String outcomeLabel, String outcomeClass, String severity, String message,
                          String deadline, Source source) {
    }

    @TemplateData
    public record ObligationRow(String name, String from, String until, String detail, Source source) {
    }

    @TemplateData
    public record Day(int number, String date, String weekday, List<String> obligations) {
    }

    @TemplateData
    public record Other(String track, String outcome, String outcomeClass, String failed, String pending) {
    }

    public final String outcome;
    public final String outcomeClass;
    public final String outcomeLabel;
    public final String lead;
    public final String route;
    public final String track;
    public final String ruleSet;
    public final String entry;
    public final String stay;
    public final String knownAt;
    public final List<RuleRow> rules = new ArrayList<>();
    public final List<RuleRow> missing = new ArrayList<>();
    public final List<ObligationRow> obligations = new ArrayList<>();
    public final List<Day> days = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<Other> others = new ArrayList<>();

    /**
     * @param airports    the airports of the form's fields (for zones)
     * @param ruleSets    rule sets by id (for titles)
     * @param alternative the other tracks' full decisions, by track name (empty when they could not be evaluated)
     */
    public AnswerView(Decision d, Map<String, Airport> airports, Function<String, Optional<RuleSetSpec>> ruleSets,
                      Map<String, Decision> alternative, Labels labels, PageLanguage lang) {
        Msg msg = labels.msg();
        String code = lang.getCode();
        outcome = d.outcome().name();
        outcomeClass = cssClass(d.outcome());
        outcomeLabel = labels.of("answerOutcome", outcome);
        track = labels.of("track", d.track().name());
        lead = switch (d.outcome()) {
            case ELIGIBLE -> msg.answerOutcomeLeadELIGIBLE(track);
            case CONDITIONAL -> msg.answerOutcomeLeadCONDITIONAL(track);
            case NOT_ELIGIBLE -> msg.answerOutcomeLeadNOT_ELIGIBLE(track);
        };
        route = Countries.name(d.route().origin(), lang.getLocale()) + " → " + Countries.name(d.route().destination(), lang.getLocale());
        String title = ruleSets.apply(d.ruleSet().id()).map(r -> r.title().in(code)).orElse(track);
        ruleSet = msg.answerRulesVersion(title, d.ruleSet().version(), labels.of("status", d.ruleSet().status().name()));
        ZoneId entryZone = zoneOfEntry(airports, d.route().destination(), d.entryAt());
        ZoneId departureZone = Optional.ofNullable(airports.get("itinerary[0].from")).map(Airport::zone)
                .orElse(d.firstDepartureAt() == null ? ZoneOffset.UTC : d.firstDepartureAt().getOffset());
        entry = d.entryAt() == null ? "" : lang.zoned(d.entryAt().atZoneSameInstant(entryZone));
        stay = d.stayDays() == null ? msg.answerStayOpen() : msg.answerStayDays(d.stayDays());
        knownAt = lang.zoned(d.knownAt().atZone(ZoneId.of("UTC")));
        for (Evaluation.RuleResult r : d.results()) {
            String deadline = r.deadline() == null ? "" : msg.answerBy(lang.zoned(r.deadline().atZoneSameInstant(departureZone)));
            RuleRow row = new RuleRow(r.title(), r.outcome().name(), labels.of("result", r.outcome().name()), resultClass(r.outcome()),
                    labels.of("severity", r.severity().name()), r.message(), deadline, source(r.citation(), lang));
            rules.add(row);
            if (r.outcome() == RuleOutcome.PENDING) {
                missing.add(row);
            }
        }
        for (Evaluation.ObligationResult o : d.obligations()) {
            String name = Labels.known("obligation", o.code()) ? labels.of("obligation", o.code()) : o.detail();
            obligations.add(new ObligationRow(name, lang.date(o.from()),
                    o.until() == null ? msg.answerObligationOpen() : msg.answerObligationUntil(lang.date(o.until())), o.detail(),
                    source(o.citation(), lang)));
        }
        if (d.entryAt() != null && !d.obligations().isEmpty()) {
            LocalDate day0 = d.entryAt().atZoneSameInstant(entryZone).toLocalDate();
            for (int i = 0; i < STRIP_DAYS; i++) {
                LocalDate date = day0.plusDays(i);
                List<String> applying = new ArrayList<>();
                for (Evaluation.ObligationResult o : d.obligations()) {
                    if (!date.isBefore(o.from()) && (o.until() == null || !date.isAfter(o.until()))) {
                        applying.add(Labels.known("obligation", o.code()) ? labels.of("obligation", o.code()) : o.detail());
                    }
                }
                days.add(new Day(i, lang.date(date), date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, lang.getLocale()),
                        applying));
            }
        }
        d.warnings().forEach(w -> warnings.add(w.message()));
        for (Decision.Alternative a : d.alternatives()) {
            Decision full = alternative.get(a.track().name());
            String failed = full == null ? "" : titles(full, RuleOutcome.FAIL);
            String pending = full == null ? "" : titles(full, RuleOutcome.PENDING);
            others.add(new Other(labels.of("track", a.track().name()), labels.of("answerOutcome", a.outcome().name()),
                    cssClass(a.outcome()), failed.isEmpty() ? "" : msg.answerOtherFailed(failed),
                    pending.isEmpty() ? "" : msg.answerOtherPending(pending)));
        }
    }

    private static String titles(Decision d, RuleOutcome outcome) {
        return String.join("; ", d.results().stream().filter(r -> r.outcome() == outcome).map(Evaluation.RuleResult::title).toList());
    }

    /** The zone of the airport where the trip enters the destination, else the offset's. */
    static ZoneId zoneOfEntry(Map<String, Airport> airports, String destination, OffsetDateTime entryAt) {
        return airports.entrySet().stream()
                .filter(e -> e.getKey().startsWith("itinerary[") && e.getKey().endsWith("].to") && e.getValue().country().equals(destination))
                .map(e -> e.getValue().zone()).findFirst()
                .orElse(entryAt == null ? ZoneOffset.UTC : entryAt.getOffset());
    }

    static Source source(Citation c, PageLanguage lang) {
        if (c == null) {
            return null;
        }
        String date = "";
        if (c.date() != null) {
            try {
                date = lang.date(LocalDate.parse(c.date()));
            } catch (java.time.format.DateTimeParseException notADate) {
                date = c.date();
            }
        }
        return new Source(c.title(), c.url(), date, c.paragraph());
    }

    static String cssClass(DecisionOutcome o) {
        return switch (o) {
            case ELIGIBLE -> "ok";
            case CONDITIONAL -> "warn";
            case NOT_ELIGIBLE -> "bad";
        };
    }

    static String resultClass(RuleOutcome o) {
        return switch (o) {
            case PASS -> "ok-text";
            case FAIL -> "bad-text";
            case PENDING -> "warn-text";
            default -> "";
        };
    }
}
