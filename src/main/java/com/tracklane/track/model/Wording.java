package com.tracklane.track.model;

import com.tracklane.common.CountryNames;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How values read in a sentence for people, in each served language (rule sets of edition 2 and later): value
 * codes in words, instants as the local date and time with the zone's abbreviation, durations in the language's
 * words, amounts with thousands separators and no needless decimals; from edition 3, country codes as the country's
 * name ({@code KH} → Cambodia, カンボジア, កម្ពុជា). Ids and codes in the response fields never change; only the texts
 * do, and an edition's texts never change once shipped (stored decisions replay identically).
 */
public final class Wording {

    private Wording() {
    }

    /** A code's words: en, ja, km. */
    private record Words(String en, String ja, String km) {
        String in(String language) {
            return switch (language) {
                case "ja" -> ja;
                case "km" -> km;
                default -> en;
            };
        }
    }

    private static final Map<String, Words> CODES = new HashMap<>();

    private static void code(String code, String en, String ja, String km) {
        CODES.put(code, new Words(en, ja, km));
    }

    static {
        // Track statuses.
        code("PLANNED", "planned (not yet open)", "運用開始前", "គ្រោងទុក (មិនទាន់បើក)");
        code("OPEN", "open", "運用中", "បើក");
        code("SUSPENDED", "suspended", "停止中", "ផ្អាក");
        code("CLOSED", "closed", "終了", "បិទ");
        // Test methods (PCR and LAMP are the names people use), specimens, results.
        code("OTHER_NAAT", "other nucleic-acid amplification", "その他の核酸増幅", "ការពង្រីកអាស៊ីតនុយក្លេអ៊ីកផ្សេងទៀត");
        code("QUANTITATIVE_ANTIGEN", "quantitative antigen", "抗原定量", "អង់ទីហ្សែនបរិមាណ");
        code("QUALITATIVE_ANTIGEN", "qualitative antigen", "抗原定性", "អង់ទីហ្សែនគុណភាព");
        code("ANTIBODY", "antibody", "抗体", "អង់ទីគ័រ");
        code("NASOPHARYNGEAL", "nasopharyngeal swab", "鼻咽頭ぬぐい液", "សំណាកច្រមុះ-បំពង់ក");
        code("SALIVA", "saliva", "唾液", "ទឹកមាត់");
        code("NASAL", "nasal swab", "鼻腔ぬぐい液", "សំណាកច្រមុះ");
        code("NASOPHARYNGEAL_AND_OROPHARYNGEAL", "nasopharyngeal and oropharyngeal swab", "鼻咽頭・咽頭混合ぬぐい液",
                "សំណាកច្រមុះ-បំពង់ក និងមាត់-បំពង់ក");
        code("THROAT", "throat swab", "咽頭ぬぐい液", "សំណាកបំពង់ក");
        code("NEGATIVE", "negative", "陰性", "អវិជ្ជមាន");
        code("POSITIVE", "positive", "陽性", "វិជ្ជមាន");
        // Insurance, visas, sponsors.
        code("PRIVATE_MEDICAL", "private medical insurance", "民間医療保険", "ការធានារ៉ាប់រងសុខភាពឯកជន");
        code("KH_COVID19_PACKAGE", "the Cambodian COVID-19 insurance package", "カンボジアのCOVID-19保険パッケージ",
                "កញ្ចប់ធានារ៉ាប់រង COVID-19 របស់កម្ពុជា");
        code("EMBASSY", "visa from an embassy or consulate", "大使館・領事館で取得した査証", "ទិដ្ឋាការពីស្ថានទូត ឬស្ថានកុងស៊ុល");
        code("ON_ARRIVAL", "visa on arrival", "到着時査証", "ទិដ្ឋាការពេលមកដល់");
        code("E_VISA", "e-visa", "電子査証", "ទិដ្ឋាការអេឡិចត្រូនិក");
        code("ORGANISATION", "organisation", "企業・団体", "ស្ថាប័ន");
        code("INDIVIDUAL", "individual", "個人", "បុគ្គល");
        // Statuses of residence.
        code("TECHNICAL_INTERN", "Technical Intern Training", "技能実習", "កម្មសិក្សាបច្ចេកទេស");
        code("SPECIFIED_SKILLED_WORKER", "Specified Skilled Worker", "特定技能", "កម្មករជំនាញជាក់លាក់");
        code("BUSINESS_MANAGER", "Business Manager", "経営・管理", "អ្នកគ្រប់គ្រងអាជីវកម្ម");
        code("INTRA_COMPANY_TRANSFEREE", "Intra-company Transferee", "企業内転勤", "ការផ្ទេរបុគ្គលិកក្នុងក្រុមហ៊ុន");
        code("ENGINEER_HUMANITIES_INTERNATIONAL", "Engineer / Specialist in Humanities / International Services",
                "技術・人文知識・国際業務", "វិស្វករ / អ្នកឯកទេសមនុស្សសាស្ត្រ / សេវាអន្តរជាតិ");
        code("NURSING_CARE", "Nursing Care", "介護", "ការថែទាំ");
        code("HIGHLY_SKILLED_PROFESSIONAL", "Highly Skilled Professional", "高度専門職", "អ្នកជំនាញកម្រិតខ្ពស់");
        code("START_UP", "Start-up", "起業", "ការចាប់ផ្តើមអាជីវកម្ម");
        // Obligations (named in warnings).
        code("QUARANTINE", "the quarantine", "待機・隔離", "ការធ្វើចត្តាឡីស័ក");
        code("NO_PUBLIC_TRANSPORT", "the ban on public transport", "公共交通機関の不使用", "ការហាមប្រើមធ្យោបាយដឹកជញ្ជូនសាធារណៈ");
        code("LOCATION_RECORD", "the location record", "位置情報の記録", "កំណត់ត្រាទីតាំង");
        code("DAILY_HEALTH_REPORT", "the daily health report", "毎日の健康状態の報告", "របាយការណ៍សុខភាពប្រចាំថ្ងៃ");
        code("RESTRICTED_MOVEMENT", "the restricted movement", "行動制限", "ការដាក់កម្រិតលើការធ្វើដំណើរ");
        code("NO_EXIT", "the ban on leaving the country", "出国禁止", "ការហាមចាកចេញពីប្រទេស");
        code("RETEST", "the re-test", "再検査", "ការធ្វើតេស្តម្តងទៀត");
        code("ARRIVAL_TEST", "the arrival test", "到着時検査", "ការធ្វើតេស្តពេលមកដល់");
        code("EXIT_TEST", "the exit test", "出国前検査", "ការធ្វើតេស្តមុនចាកចេញ");
        code("DEPOSIT", "the deposit", "保証金", "ប្រាក់កក់");
    }

    /** Every code that has words: a text for people must not show one of these as it is. */
    public static java.util.Set<String> codes() {
        return java.util.Collections.unmodifiableSet(CODES.keySet());
    }

    /** A code in words; an unknown code is returned as it is. */
    public static String code(String code, String language) {
        Words words = CODES.get(code);
        return words == null ? code : words.in(language);
    }

    private static final Pattern INSTANT = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_])");
    private static final Pattern DURATION = Pattern.compile("(-?\\d+) h(?: (\\d+) min)?(?![A-Za-z])");
    private static final Pattern WHOLE_DECIMAL = Pattern.compile("(?<![\\d.])(\\d+)\\.0(?![\\d.])");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The abbreviation people read for an offset: the served zones by name, others as UTC±h. */
    static String zone(ZoneOffset offset) {
        return switch (offset.getTotalSeconds()) {
            case 9 * 3600 -> "JST";
            case 7 * 3600 -> "ICT";
            case 0 -> "UTC";
            default -> "UTC" + offset.getId().replaceFirst(":00$", "");
        };
    }

    /** An instant as the local date and time where it happens, with the zone's abbreviation: 2021-01-13 00:00 JST. */
    public static String instant(OffsetDateTime at) {
        return at.format(LOCAL) + " " + zone(at.getOffset());
    }

    /** A whole number with thousands separators: 50,000. */
    public static String amount(long value) {
        // As String.format(Locale.ROOT, "%,d", value), without a Formatter: groups of three digits, commas between.
        String digits = Long.toString(value);
        int start = value < 0 ? 1 : 0;
        int length = digits.length() - start;
        if (length <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + (length - 1) / 3);
        out.append(digits, 0, start);
        int head = length % 3 == 0 ? 3 : length % 3;
        out.append(digits, start, start + head);
        for (int i = start + head; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** A duration given in hours: "72 h 1 min" in English, "72 時間 1 分", "72 ម៉ោង 1 នាទី". */
    public static String hours(String hoursAndMinutes, String language) {
        // Only Japanese and Khmer reword a duration (English keeps it as it is), and every duration contains " h".
        if (!language.equals("ja") && !language.equals("km") || !hoursAndMinutes.contains(" h")) {
            return hoursAndMinutes;
        }
        return DURATION.matcher(hoursAndMinutes).replaceAll(m -> Matcher.quoteReplacement(duration(m, language)));
    }

    private static String duration(java.util.regex.MatchResult m, String language) {
        String h = m.group(1);
        String min = m.group(2);
        return switch (language) {
            case "ja" -> h + " 時間" + (min == null ? "" : " " + min + " 分");
            case "km" -> h + " ម៉ោង" + (min == null ? "" : " " + min + " នាទី");
            default -> m.group();
        };
    }

    /** The first edition whose texts name countries instead of showing their codes. */
    public static final int COUNTRIES_IN_WORDS = 3;

    /** English names read with "the" inside a sentence ("a stay in the United Kingdom"), beyond the rule below. */
    private static final java.util.Set<String> WITH_THE = java.util.Set.of("NL", "PH", "BS", "GM", "MV", "VA");

    /** A country as it reads inside a sentence: Cambodia, the United Kingdom, カンボジア, កម្ពុជា. */
    static String country(String code, String language) {
        String name = CountryNames.name(code, language);
        if (language.equals("en") && !name.equals(code) && (WITH_THE.contains(code) || name.startsWith("United ")
                || name.endsWith(" Islands") || name.endsWith(" Republic"))) {
            return "the " + name;
        }
        return name;
    }

    /** A value as it reads in a sentence of the given language, as edition 2 words it. */
    public static String value(Object value, String language) {
        return value(value, language, 2);
    }

    /** A value as it reads in a sentence of the given language, in a rule set of {@code edition} (2 or later). */
    public static String value(Object value, String language, int edition) {
        if (value instanceof Long l) {
            return Math.abs(l) >= 1_000 ? amount(l) : Long.toString(l);
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) >= 1_000) {
            return amount(d.longValue());
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "—" : String.join(", ", list.stream().map(v -> value(v, language, edition)).toList());
        }
        if (value instanceof String s) {
            return text(s, language, edition);
        }
        return Template.format(value);
    }

    /** The words of an expression's text as edition 2 has them. */
    static String text(String s, String language) {
        return text(s, language, 2);
    }

    /** The words of an expression's text: instants, codes, durations and whole decimals made readable. */
    static String text(String s, String language, int edition) {
        if (s.isEmpty()) {
            return s;
        }
        // Each pass runs only when its pattern can match at all (an instant has a 'T' and a ':', a whole decimal a
        // ".0"); a pass that cannot match would return the same text. This runs for every placeholder of a check.
        String out = s;
        if (out.indexOf(':') >= 0 && out.indexOf('T') >= 0) {
            out = INSTANT.matcher(out).replaceAll(m -> {
                try {
                    return Matcher.quoteReplacement(instant(OffsetDateTime.parse(m.group().endsWith("Z")
                            ? m.group().replace("Z", "+00:00") : m.group())));
                } catch (DateTimeParseException e) {
                    return Matcher.quoteReplacement(m.group());
                }
            });
        }
        out = codes(out, language, edition >= COUNTRIES_IN_WORDS);
        if (out.contains(".0")) {
            out = WHOLE_DECIMAL.matcher(out).replaceAll(m -> {
                long whole = Long.parseLong(m.group(1));
                return Matcher.quoteReplacement(whole >= 1_000 ? amount(whole) : Long.toString(whole));
            });
        }
        return hours(out, language);
    }

    private static boolean wordChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * What {@code CODE.matcher(s).replaceAll(code(…))} gives, in one scan without a regular expression. A match of
     * {@link #CODE} is always a whole run of ASCII word characters (its look-behind and look-ahead exclude a word
     * character on either side), and {@link #code} changes only the codes that have words, each of which has the
     * pattern's form ({@link #CODES_HAVE_THE_FORM}); so: every whole run that is such a code is replaced.
     */
    static String codes(String s, String language) {
        return codes(s, language, false);
    }

    /** As {@link #codes(String, String)}, and with {@code countries} a country code as the country's name too. */
    static String codes(String s, String language, boolean countries) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (!wordChar(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && wordChar(s.charAt(i))) {
                i++;
            }
            char first = s.charAt(start);
            if (first >= 'A' && first <= 'Z') {
                String token = s.substring(start, i);
                Words words = CODES.get(token);
                String replacement = words != null ? words.in(language)
                        : countries && CountryNames.isCode(token) ? country(token, language) : null;
                if (replacement != null) {
                    if (out == null) {
                        out = new StringBuilder(n + 32);
                    }
                    out.append(s, copied, start).append(replacement);
                    copied = i;
                }
            }
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, n).toString();
    }

    /** Checked once: every code with words has the form of {@link #CODE} (what {@link #codes} relies on). */
    static final boolean CODES_HAVE_THE_FORM = CODES.keySet().stream().allMatch(c -> CODE.matcher(c).matches());

    static {
        if (!CODES_HAVE_THE_FORM) {
            throw new IllegalStateException("a code with words does not have the form of a code");
        }
    }
}
