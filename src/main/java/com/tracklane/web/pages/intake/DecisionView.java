package com.tracklane.web.pages.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * An application's current decision as the result page shows it: the outcome (a word and a tone, never colour
 * alone), what is still missing and by when (pending rules), what is not met (failed rules), and every rule.
 *
 * @param outcome  ELIGIBLE, CONDITIONAL or NOT_ELIGIBLE
 * @param tone     ok, warn or bad (the page's colour, always beside the words)
 */
@TemplateData
public record DecisionView(String outcome, String tone, List<Line> missing, List<Line> notMet, List<Line> rules) {

    /** One rule: its title and message in the page's language, its result, the deadline in words, its source. */
    @TemplateData
    public record Line(String title, String message, String result, String deadline, String sourceTitle, String sourceUrl) {
        public String resultKey() {
            return "result_" + result;
        }
    }

    public String outcomeKey() {
        return "outcome_" + outcome;
    }

    public String outcomeWhatKey() {
        return "outcomeWhat_" + outcome;
    }

    /** Reads a decision as the API serves it; {@code deadline} writes a deadline (an instant with offset) in words. */
    static DecisionView of(JsonNode decision, java.util.function.Function<String, String> deadline) {
        List<Line> missing = new ArrayList<>();
        List<Line> notMet = new ArrayList<>();
        List<Line> rules = new ArrayList<>();
        for (JsonNode r : decision.path("results")) {
            String result = r.path("outcome").asText();
            JsonNode citation = r.path("citation");
            String url = citation.path("url").asText("");
            Line line = new Line(r.path("title").asText(""), r.path("message").asText(""), result,
                    r.hasNonNull("deadline") ? deadline.apply(r.get("deadline").asText()) : "",
                    citation.path("title").asText(""), url.startsWith("https://") || url.startsWith("http://") ? url : "");
            rules.add(line);
            if (result.equals("PENDING")) {
                missing.add(line);
            } else if (result.equals("FAIL")) {
                notMet.add(line);
            }
        }
        String outcome = decision.path("outcome").asText();
        String tone = switch (outcome) {
            case "ELIGIBLE" -> "ok";
            case "CONDITIONAL" -> "warn";
            default -> "bad";
        };
        return new DecisionView(outcome, tone, missing, notMet, rules);
    }
}
