package com.tracklane.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tracklane.support.ShippedRuleSets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A version knows only its past: nothing in a version as it applies (its note, citation, grace, and the parameters,
 * rules and obligations it gives or inherits) speaks of a date after its {@code publishedAt}, other than its own
 * {@code effectiveFrom} (and the end of a grace it announces); no citation is dated, or addressed by a dated URL,
 * after it. So a check replayed with an early {@code knownAt} cannot mention what was announced later.
 */
class VersionKnowledgeTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December";
    private static final List<String> MONTHS_KM = List.of("មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា",
            "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ");
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(20\\d\\d)-(\\d\\d)-(\\d\\d)(?!\\d)");
    private static final Pattern EN = Pattern.compile("\\b(\\d{1,2}) (" + MONTHS_EN + ") (20\\d\\d)\\b");
    private static final Pattern JA = Pattern.compile("(20\\d\\d)年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern KM = Pattern.compile("ថ្ងៃទី(\\d{1,2}) ខែ(" + String.join("|", MONTHS_KM) + ") ឆ្នាំ(20\\d\\d)");
    private static final Pattern URL_PATH = Pattern.compile("/(20[12]\\d)/(\\d\\d)/(\\d\\d)/");
    private static final Pattern URL_STAMP = Pattern.compile("(?<!\\d)(20[12]\\d)(\\d\\d)(\\d\\d)(?:\\d{6})?(?!\\d)");
    private static final Pattern URL_DMY = Pattern.compile("_(\\d\\d)(\\d\\d)(20[12]\\d)\\.html");
    private static final Pattern URL_YMD_SHORT = Pattern.compile("_(2[01])(\\d\\d)(\\d\\d)\\.html");

    /** Every date a text speaks of (ISO, English, Japanese and Khmer dates, and dates in addresses). */
    static List<LocalDate> dates(String text) {
        List<LocalDate> out = new ArrayList<>();
        each(ISO, text, m -> LocalDate.of(i(m, 1), i(m, 2), i(m, 3)), out);
        each(EN, text, m -> LocalDate.of(i(m, 3), List.of(MONTHS_EN.split("\\|")).indexOf(m.group(2)) + 1, i(m, 1)), out);
        each(JA, text, m -> LocalDate.of(i(m, 1), i(m, 2), i(m, 3)), out);
        each(KM, text, m -> LocalDate.of(i(m, 3), MONTHS_KM.indexOf(m.group(2)) + 1, i(m, 1)), out);
        if (text.startsWith("http")) {
            each(URL_PATH, text, m -> LocalDate.of(i(m, 1), i(m, 2), i(m, 3)), out);
            each(URL_STAMP, text, m -> LocalDate.of(i(m, 1), i(m, 2), i(m, 3)), out);
            each(URL_DMY, text, m -> LocalDate.of(i(m, 3), i(m, 2), i(m, 1)), out);
            each(URL_YMD_SHORT, text, m -> LocalDate.of(2000 + i(m, 1), i(m, 2), i(m, 3)), out);
        }
        return out;
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static void each(Pattern p, String text, java.util.function.Function<Matcher, LocalDate> date, List<LocalDate> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            try {
                out.add(date.apply(m));
            } catch (java.time.DateTimeException e) {
                // not a date (a number that looks like one)
            }
        }
    }

    @Test
    void shouldReadDatesInEveryLanguageAndInAddresses() {
        assertThat(dates("from 13 January 2021")).containsExactly(LocalDate.of(2021, 1, 13));
        assertThat(dates("2021年1月13日から")).containsExactly(LocalDate.of(2021, 1, 13));
        assertThat(dates("ចាប់ពីថ្ងៃទី13 ខែមករា ឆ្នាំ2021")).containsExactly(LocalDate.of(2021, 1, 13));
        assertThat(dates("https://home.kingsoft.jp/amp/news/transport/traicy/20210109194929")).contains(LocalDate.of(2021, 1, 9));
        assertThat(dates("https://www.my.emb-japan.go.jp/itpr_ja/newinfo_19032021.html")).contains(LocalDate.of(2021, 3, 19));
        assertThat(dates("https://cne.wtf/2020/11/12/new-covid-19-requirements-for-entering-cambodia/")).contains(LocalDate.of(2020, 11, 12));
    }

    @Test
    void shouldMentionNoDateAfterTheVersionWasPublished() throws Exception {
        List<String> violations = new ArrayList<>();
        for (String id : ShippedRuleSets.IDS) {
            JsonNode doc = YAML.readTree(ShippedRuleSets.read("rulesets/" + id + ".yaml"));
            Map<String, JsonNode> inherited = new LinkedHashMap<>();
            ObjectNode parameters = YAML.createObjectNode();
            int number = 0;
            for (JsonNode version : doc.get("versions")) {
                number++;
                OffsetDateTime effectiveFrom = OffsetDateTime.parse(version.get("effectiveFrom").asText());
                OffsetDateTime publishedAt = version.has("publishedAt") ? OffsetDateTime.parse(version.get("publishedAt").asText()) : effectiveFrom;
                LocalDate known = publishedAt.toLocalDate();
                List<LocalDate> allowed = new ArrayList<>(List.of(effectiveFrom.toLocalDate()));
                if (version.has("trackOpenGrace")) {
                    allowed.add(OffsetDateTime.parse(version.get("trackOpenGrace").get("until").asText()).toLocalDate());
                }
                if (version.has("parameters")) {
                    parameters.setAll((ObjectNode) version.get("parameters"));
                }
                for (String part : List.of("rules", "obligations")) {
                    if (version.has(part)) {
                        inherited.put(part, version.get(part));
                    }
                }
                Map<String, JsonNode> applies = new LinkedHashMap<>(inherited);
                applies.put("parameters", parameters.deepCopy());
                for (String own : List.of("note", "citation", "trackOpenGrace")) {
                    if (version.has(own)) {
                        applies.put(own, version.get(own));
                    }
                }
                String where = id + " v" + number + " (published " + known + ")";
                applies.forEach((part, node) -> texts(node, part, (path, text) -> {
                    for (LocalDate date : dates(text)) {
                        if (date.isAfter(known) && !allowed.contains(date)) {
                            violations.add(where + " " + path + " speaks of " + date + ": " + abbreviate(text));
                        }
                    }
                }));
            }
        }
        assertThat(violations).isEmpty();
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static void texts(JsonNode node, String path, java.util.function.BiConsumer<String, String> out) {
        if (node.isTextual()) {
            out.accept(path, node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                texts(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> texts(e.getValue(), path + "." + e.getKey(), out));
        }
    }
}
