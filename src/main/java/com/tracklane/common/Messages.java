package com.tracklane.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Library messages made fit for a problem's {@code detail} or an error's {@code message}: no Java type names, no
 * method references, no source locations, no stack traces. Jackson says {@code Cannot deserialize value of type
 * `java.lang.Integer` from String "x"} or {@code Number value length (1502) exceeds the maximum allowed (1000, from
 * `StreamReadConstraints.getMaxNumberLength()`)}; callers see {@code Cannot deserialize value of type integer from
 * String "x"} and {@code Number value length (1502) exceeds the maximum allowed (1000)}.
 */
public final class Messages {

    private static final Pattern FROM_CONSTRAINT = Pattern.compile(",\\s*from\\s*`[^`]*`");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:java|javax|jakarta|jdk|sun|com|org|io|dev|net)(?:\\.[A-Za-z_$][\\w$]*)+(?:\\$[\\w$]+)*(?:\\(\\))?");
    private static final Pattern SOURCE = Pattern.compile("\\s*(?:\\(through reference chain:|at \\[Source:|\\(start marker).*",
            Pattern.DOTALL);
    private static final int MAX = 300;

    private Messages() {
    }

    public static String sanitize(String message) {
        if (message == null || message.isBlank()) {
            return "invalid value";
        }
        String s = message;
        int newline = s.indexOf('\n');
        if (newline >= 0) {
            s = s.substring(0, newline);
        }
        s = SOURCE.matcher(s).replaceAll("");
        s = FROM_CONSTRAINT.matcher(s).replaceAll("");
        Matcher m = BACKTICKED.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(typeWord(m.group(1))));
        }
        m.appendTail(out);
        s = QUALIFIED.matcher(out.toString()).replaceAll("value");
        s = s.replace("Exception", "error").replace("Throwable", "error").strip();
        if (s.length() > MAX) {
            s = s.substring(0, MAX) + "…";
        }
        return s.isEmpty() ? "invalid value" : s;
    }

    /** A JSON-ish word for a Java type named in a message. */
    static String typeWord(String type) {
        String simple = type.replaceAll("\\(.*", "");
        simple = simple.substring(simple.lastIndexOf('.') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        return switch (simple) {
            case "String", "char", "Character", "CharSequence" -> "string";
            case "int", "Integer", "long", "Long", "short", "Short", "byte", "Byte", "BigInteger" -> "integer";
            case "double", "Double", "float", "Float", "BigDecimal", "Number" -> "number";
            case "boolean", "Boolean" -> "boolean";
            case "LocalDate" -> "date";
            case "Instant", "OffsetDateTime", "LocalDateTime", "ZonedDateTime" -> "date-time";
            case "List", "ArrayList", "Set", "Collection" -> "array";
            default -> type.contains(".") || type.contains("(") ? "value" : type;
        };
    }
}
