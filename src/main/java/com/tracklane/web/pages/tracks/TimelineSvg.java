package com.tracklane.web.pages.tracks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws the timeline of every track as SVG, on the service: one row per rule set, one bar per version from its start
 * to the next version's (the last one runs to the end of the picture), labelled with its number and status in words so
 * that colour is never the only signal; month marks along the top, and a line at the instant shown. Colours only
 * through presentation attributes (the pages' Content-Security-Policy allows no inline style).
 */
public final class TimelineSvg {

    /** One bar: a version's number, status (PLANNED, OPEN …), its label in the language, and when it starts. */
    public record Bar(int version, String status, String label, Instant from) {
    }

    /** One row: a rule set's name and its bars in order. */
    public record Track(String name, List<Bar> bars) {
    }

    public static final Instant START = LocalDate.of(2020, 8, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    static final int WIDTH = 1000;
    static final int LABEL_WIDTH = 260;
    static final int ROW_HEIGHT = 46;
    static final int TOP = 34;
    static final int RIGHT = 16;

    private TimelineSvg() {
    }

    /**
     * The picture from August 2020 to 45 days after the last version starts (so that it shows), with a marker at
     * {@code at} when it falls inside.
     */
    public static String draw(List<Track> tracks, Instant at, String atLabel, String title, String description, Locale locale) {
        Instant last = tracks.stream().flatMap(t -> t.bars().stream()).map(Bar::from).max(Instant::compareTo).orElse(START);
        Instant end = last.plusSeconds(45L * 86_400);
        if (at != null && at.isAfter(end) && at.isBefore(end.plusSeconds(400L * 86_400))) {
            end = at.plusSeconds(20L * 86_400);
        }
        double span = end.getEpochSecond() - START.getEpochSecond();
        int height = TOP + tracks.size() * ROW_HEIGHT + 12;
        int plot = WIDTH - LABEL_WIDTH - RIGHT;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\">");
        s.append("<title id=\"timeline-title\">").append(esc(title)).append("</title>");
        s.append("<desc id=\"timeline-desc\">").append(esc(description)).append("</desc>");
        DateTimeFormatter month = DateTimeFormatter.ofPattern(locale.getLanguage().equals("ja") ? "yyyy年M月" : "MMM yyyy", locale);
        YearMonth m = YearMonth.from(START.atZone(ZoneOffset.UTC));
        YearMonth endMonth = YearMonth.from(end.atZone(ZoneOffset.UTC));
        long months = java.time.temporal.ChronoUnit.MONTHS.between(m, endMonth);
        int step = months > 30 ? 6 : months > 12 ? 3 : 1;
        for (; !m.isAfter(endMonth); m = m.plusMonths(step)) {
            double x = LABEL_WIDTH + plot * (m.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - START.getEpochSecond()) / span;
            if (x > WIDTH - RIGHT) {
                break;
            }
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c4ccd4\" stroke-width=\"1\"/>",
                    x, TOP - 6, x, height - 8));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#4a5560\">", x + 3, TOP - 12))
                    .append(esc(month.format(m))).append("</text>");
        }
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            int y = TOP + i * ROW_HEIGHT;
            s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"13\" font-weight=\"600\" fill=\"#1b1f24\">", y + 27))
                    .append(esc(t.name())).append("</text>");
            for (int b = 0; b < t.bars().size(); b++) {
                Bar bar = t.bars().get(b);
                Instant from = bar.from().isBefore(START) ? START : bar.from();
                Instant to = b + 1 < t.bars().size() ? t.bars().get(b + 1).from() : end;
                double x1 = LABEL_WIDTH + plot * (from.getEpochSecond() - START.getEpochSecond()) / span;
                double x2 = LABEL_WIDTH + plot * (to.getEpochSecond() - START.getEpochSecond()) / span;
                double w = Math.max(2, x2 - x1);
                String[] colours = colours(bar.status());
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"32\" rx=\"3\" fill=\"%s\" stroke=\"%s\"%s/>",
                        x1, y + 8, w, colours[0], colours[2], bar.status().equals("PLANNED") ? " stroke-dasharray=\"4 3\"" : ""));
                String text = w > 90 ? "v" + bar.version() + " " + bar.label() : w > 24 ? "v" + bar.version() : "";
                if (!text.isEmpty()) {
                    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"%s\">", x1 + 5, y + 29, colours[1]))
                            .append(esc(text)).append("</text>");
                }
            }
        }
        if (at != null && !at.isBefore(START) && !at.isAfter(end)) {
            double x = LABEL_WIDTH + plot * (at.getEpochSecond() - START.getEpochSecond()) / span;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#a1262a\" stroke-width=\"2\"/>",
                    x, TOP - 4, x, height - 4));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" font-weight=\"700\" fill=\"#a1262a\" text-anchor=\"end\">",
                    x - 3, height - 2)).append(esc(atLabel)).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** Fill, text and border colour of a status (text on fill meets AA contrast). */
    static String[] colours(String status) {
        return switch (status) {
            case "OPEN" -> new String[] {"#1d6b32", "#ffffff", "#14501f"};
            case "SUSPENDED" -> new String[] {"#7a4d00", "#ffffff", "#5a3900"};
            case "CLOSED" -> new String[] {"#4a5560", "#ffffff", "#333a41"};
            default -> new String[] {"#e3f0f7", "#0b4f71", "#0b4f71"};
        };
    }

    static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
