package com.tracklane.track.model;

import java.util.List;
import java.util.Locale;

/**
 * A message with placeholders: literal text and expressions whose values are inserted.
 * Numbers are shown without needless decimals (72, 37.5, 72.02).
 */
public record Template(List<Part> parts) {

    public sealed interface Part permits Text, Value {
    }

    public record Text(String text) implements Part {
    }

    public record Value(String source, Expression expression) implements Part {
    }

    /**
     * Renders for people in {@code language} when {@code forPeople} (rule sets of edition 2 and later; see
     * {@link Wording}); otherwise exactly as edition 1 did, so that stored decisions replay identically.
     */
    public String render(Expression.Bindings bindings, String language, boolean forPeople) {
        return render(bindings, language, forPeople ? 2 : 1);
    }

    /** Renders as the rule set's {@code edition} words its texts (see {@link Wording}); edition 1 exactly as before. */
    public String render(Expression.Bindings bindings, String language, int edition) {
        if (edition < 2) {
            return render(bindings);
        }
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text text) {
                out.append(text.text());
            } else if (part instanceof Value value) {
                out.append(Wording.value(value.expression().evaluate(bindings), language, edition));
            }
        }
        return out.toString();
    }

    public String render(Expression.Bindings bindings) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text text) {
                out.append(text.text());
            } else if (part instanceof Value value) {
                out.append(format(value.expression().evaluate(bindings)));
            }
        }
        return out.toString();
    }

    public static String format(Object value) {
        if (value instanceof Double d) {
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                return Long.toString(d.longValue());
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return String.format(Locale.ROOT, "%.2f", d);
            }
            // As String.format("%.2f") rounds (HALF_UP on the shortest decimal form), without a Formatter and two
            // regular expressions per value; trailing zeros and a trailing point dropped.
            String s = new java.math.BigDecimal(Double.toString(d)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            String shown = s.substring(0, end);
            return d < 0 && shown.equals("0") ? "-0" : shown; // the Formatter keeps the sign of a negative that rounds to 0
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "—" : String.join(", ", list.stream().map(Template::format).toList());
        }
        return String.valueOf(value);
    }
}
