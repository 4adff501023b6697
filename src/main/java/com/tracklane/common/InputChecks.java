package com.tracklane.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks of raw input that the contract's JSON Schema cannot express: numbers beyond the range of a double
 * ({@code 1e400} parses, but becomes Infinity as soon as it is used), and text that a database cannot store as given
 * (NUL characters, which PostgreSQL refuses in text columns; lone UTF-16 surrogates, which are not Unicode text).
 * Every finding is a {@link FieldError} with the field's path, so the answer is a 400 that says where.
 */
public final class InputChecks {

    public static final String NUMBER_OUT_OF_RANGE = "number out of range";

    private InputChecks() {
    }

    /** Every number in {@code root} that a double cannot hold (infinite or NaN), by path ({@code prefix} first). */
    public static List<FieldError> numbersOutOfRange(JsonNode root, String prefix) {
        List<FieldError> out = new ArrayList<>();
        walkNumbers(root, prefix == null ? "" : prefix, out);
        return out;
    }

    /** Throws a 400 when {@link #numbersOutOfRange} finds anything. */
    public static void requireNumbersInRange(JsonNode root, String prefix) {
        List<FieldError> errors = numbersOutOfRange(root, prefix);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The request has " + errors.size() + " number(s) out of range.", errors);
        }
    }

    private static void walkNumbers(JsonNode node, String path, List<FieldError> out) {
        if (node == null) {
            return;
        }
        if (node.isNumber()) {
            double d = node.doubleValue();
            if (Double.isInfinite(d) || Double.isNaN(d)) {
                out.add(new FieldError(path.isEmpty() ? "(body)" : path, NUMBER_OUT_OF_RANGE));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walkNumbers(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkNumbers(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /**
     * Why a single-line text (a name, an e-mail) cannot be stored as given, or null: control characters
     * (U+0000–U+001F, U+007F) and lone surrogates are refused.
     */
    public static String singleLineTextProblem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "must not contain control characters";
            }
        }
        return surrogateProblem(text);
    }

    /** Why a free text (a reason, several lines allowed) cannot be stored as given, or null: NUL and lone surrogates. */
    public static String freeTextProblem(String text) {
        if (text == null) {
            return null;
        }
        if (text.indexOf('\u0000') >= 0) {
            return "must not contain NUL characters";
        }
        return surrogateProblem(text);
    }

    private static String surrogateProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "is not valid Unicode text (a lone surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "is not valid Unicode text (a lone surrogate)";
            }
        }
        return null;
    }

    /** Length in Unicode code points, as JSON Schema's maxLength counts. */
    public static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
