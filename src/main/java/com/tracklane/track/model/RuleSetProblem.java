package com.tracklane.track.model;

/**
 * One thing wrong with a rule-set file.
 *
 * @param path   where in the file, e.g. {@code versions[1].rules[3].condition}
 * @param ruleId the rule concerned, or null
 * @param line   1-based line within the CEL expression, or 0 when not about an expression
 * @param column 1-based column within the CEL expression, or 0
 */
public record RuleSetProblem(String file, String path, String ruleId, int line, int column, String message) {

    /**
     * Where the problem is, without what the author wrote: file, path (a message placeholder's expression left out),
     * rule id and position. This is what is logged, so that a rule author cannot write into the service's log.
     */
    public String located() {
        String where = path;
        int placeholder = where.indexOf(" {");
        if (placeholder >= 0) {
            where = where.substring(0, placeholder) + " {…}";
        }
        StringBuilder s = new StringBuilder(oneLine(file)).append(": ").append(oneLine(where));
        if (ruleId != null) {
            s.append(" (rule ").append(oneLine(ruleId)).append(')');
        }
        if (line > 0) {
            s.append(" at ").append(line).append(':').append(column);
        }
        return s.toString();
    }

    /** {@link #located()} and the message's first line (for a developer loading shipped files; never logged per request). */
    @Override
    public String toString() {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return located() + ": " + oneLine(first);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
    }
}
