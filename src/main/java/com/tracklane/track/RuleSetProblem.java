package com.tracklane.track;

/**
 * One thing wrong with a rule-set file.
 *
 * @param path   where in the file, e.g. {@code versions[1].rules[3].condition}
 * @param ruleId the rule concerned, or null
 * @param line   1-based line within the CEL expression, or 0 when not about an expression
 * @param column 1-based column within the CEL expression, or 0
 */
public record RuleSetProblem(String file, String path, String ruleId, int line, int column, String message) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file).append(": ").append(path);
        if (ruleId != null) {
            s.append(" (rule ").append(ruleId).append(')');
        }
        if (line > 0) {
            s.append(" at ").append(line).append(':').append(column);
        }
        return s.append(": ").append(message).toString();
    }
}
