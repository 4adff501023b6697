package com.tracklane.common;

/**
 * An expression that type-checked but failed when evaluated for a trip (a division by zero, a text that is not a
 * date …): a defect of the rule-set version, not of the request. The message names the rule or obligation and the
 * expression, without Java names, so that a dry run can show it.
 */
public class EvaluationException extends RuntimeException {

    private final String where;
    private final String source;
    private final String reason;

    public EvaluationException(String source, String reason, Throwable cause) {
        this(null, source, reason, cause);
    }

    private EvaluationException(String where, String source, String reason, Throwable cause) {
        super((where == null ? "" : where + ": ") + "[" + source + "] failed when evaluated: " + reason, cause);
        this.where = where;
        this.source = source;
        this.reason = reason;
    }

    /** The same failure, located in a rule ({@code rule TRACK_X}) or an obligation ({@code obligation QUARANTINE}). */
    public EvaluationException in(String where) {
        return this.where != null ? this : new EvaluationException(where, source, reason, getCause());
    }

    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("<input>:(\\d+)");

    /**
     * What may be logged: where (rule or obligation, rule set, version), the character position within the expression
     * when the evaluator gave one, and the kind of failure; neither the expression nor the values it read.
     */
    public String located() {
        StringBuilder s = new StringBuilder(where == null ? "an expression" : where);
        java.util.regex.Matcher m = POSITION.matcher(reason == null ? "" : reason);
        if (m.find()) {
            s.append(" at character ").append(m.group(1));
        }
        Throwable root = this;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return s.append(" (").append(root == this ? "failed" : root.getClass().getSimpleName()).append(')').toString();
    }

    public String where() {
        return where;
    }

    public String source() {
        return source;
    }

    public String reason() {
        return reason;
    }
}
