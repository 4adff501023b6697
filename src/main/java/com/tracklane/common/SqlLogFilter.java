package com.tracklane.common;

import io.quarkus.logging.LoggingFilter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Keeps personal data out of the logs when the database refuses a statement. A SQL exception's message can quote the
 * values of the statement (H2: {@code Value too long for column "EMAIL …": "sokha@…"}; PostgreSQL: {@code Key
 * (passport_number)=(N01234567) already exists}), and so can every exception that wraps it (Hibernate, the
 * transaction manager). A log record that carries such an exception, or whose text quotes a statement, is rewritten
 * to what the operator needs and nothing else: the logger's message up to the point where it starts quoting, the
 * exception class chain and the SQLState / vendor code.
 *
 * <p>It also keeps every log record on one line: every control character (CR, LF, tab and the other C0 and C1
 * characters, DEL) and the Unicode line and paragraph separators (U+2028, U+2029) in the formatted message and in the
 * messages of the logged exception, its causes and suppressed exceptions, is written as an escape ({@code \n},
 * {@code \r}, {@code \t}, and a backslash-uXXXX escape for the others). So a request path with {@code %0A}, a rule expression or any other
 * text that reaches a log message cannot split a line or forge a record. (A logged exception's stack trace still
 * spans lines, one frame a line, as always; none of that text comes from input.)
 *
 * <p>Installed on the console and file handlers ({@code quarkus.log.console.filter=sql-redaction}); a handler
 * takes one filter, so both jobs are this one.
 */
@LoggingFilter(name = "sql-redaction")
public final class SqlLogFilter implements Filter {

    private static final List<String> QUOTES_SQL = List.of("SQL statement", "could not execute", "Value too long", "insert into ",
            "update travel_application", "Detail: Key (", "violates ", "values (");

    @Override
    public boolean isLoggable(LogRecord record) {
        Throwable thrown = record.getThrown();
        SQLException sql = sqlCause(thrown);
        String message = formatted(record);
        boolean quotes = message != null && quotesSql(message);
        if (sql == null && !quotes && !mentionsJdbcException(thrown)) {
            if (message != null && hasLineBreaking(message)) {
                setMessage(record, escapeControl(message));
            }
            if (thrown != null && chainHasLineBreaking(thrown, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()))) {
                record.setThrown(EscapedThrowable.of(thrown, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
            }
            return true;
        }
        setMessage(record, escapeControl(redact(message, thrown, sql)));
        record.setThrown(null);
        return true;
    }

    /** Replaces the record's text by {@code text}, taken literally (no parameters, no format). */
    private static void setMessage(LogRecord record, String text) {
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(text, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(text);
        }
        record.setParameters(null);
    }

    /** True for a character that can end or break a line in a log file or terminal. */
    static boolean isLineBreaking(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    static boolean hasLineBreaking(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isLineBreaking(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with every control character and line/paragraph separator written as an escape; {@code null} stays null. */
    public static String escapeControl(String text) {
        if (text == null || !hasLineBreaking(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isLineBreaking(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean chainHasLineBreaking(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        String m = t.getMessage();
        if (m != null && hasLineBreaking(m)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (chainHasLineBreaking(s, seen)) {
                return true;
            }
        }
        return chainHasLineBreaking(t.getCause(), seen);
    }

    /**
     * Stands in for a logged exception whose message (or a cause's) holds control characters: it prints as the
     * original ({@code class: message}, same stack frames, causes and suppressed exceptions) with the message escaped.
     */
    static final class EscapedThrowable extends RuntimeException {
        private final String shown;

        private EscapedThrowable(Throwable original, Throwable cause) {
            super(escapeControl(original.getMessage()), cause, true, true);
            String message = escapeControl(original.getLocalizedMessage());
            this.shown = message == null ? original.getClass().getName() : original.getClass().getName() + ": " + message;
            setStackTrace(original.getStackTrace());
        }

        static Throwable of(Throwable original, java.util.Set<Throwable> seen) {
            if (original == null || !seen.add(original)) {
                return null;
            }
            EscapedThrowable copy = new EscapedThrowable(original, of(original.getCause(), seen));
            for (Throwable s : original.getSuppressed()) {
                Throwable escaped = of(s, seen);
                if (escaped != null) {
                    copy.addSuppressed(escaped);
                }
            }
            return copy;
        }

        @Override
        public String toString() {
            return shown;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the original's frames are set in the constructor
        }
    }

    /** The record's text, with its parameters filled in. */
    private static String formatted(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return record.getMessage();
    }

    static boolean quotesSql(String message) {
        for (String marker : QUOTES_SQL) {
            if (message.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code message} cut where it starts quoting an exception or a statement, followed by the class chain of
     * {@code thrown} and the SQLState and vendor code of its SQL cause.
     */
    public static String redact(String message, Throwable thrown, SQLException sql) {
        String head = message == null ? "" : message;
        int cut = head.length();
        for (String marker : QUOTES_SQL) {
            int at = head.indexOf(marker);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            int at = head.indexOf(t.getClass().getName());
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
            if (t.getMessage() != null && !t.getMessage().isEmpty()) {
                at = head.indexOf(t.getMessage().length() > 40 ? t.getMessage().substring(0, 40) : t.getMessage());
                if (at >= 0) {
                    cut = Math.min(cut, at);
                }
            }
        }
        head = head.substring(0, cut).strip();
        StringBuilder s = new StringBuilder(head.isEmpty() ? "Database error" : head);
        s.append(" [redacted: ");
        List<String> chain = chain(thrown);
        s.append(chain.isEmpty() ? "SQL text" : String.join(" < ", chain));
        if (sql != null) {
            s.append("; SQLState ").append(sql.getSQLState()).append(", vendor code ").append(sql.getErrorCode());
        }
        return s.append(']').toString();
    }

    static List<String> chain(Throwable thrown) {
        List<String> out = new ArrayList<>();
        for (Throwable t = thrown; t != null && out.size() < 10; t = t.getCause() == t ? null : t.getCause()) {
            out.add(t.getClass().getName());
        }
        return out;
    }

    static SQLException sqlCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                SQLException inner = sqlCause(suppressed);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static boolean mentionsJdbcException(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("org.hibernate.exception.") || name.endsWith("JDBCException") || name.startsWith("org.h2.")
                    || name.startsWith("org.postgresql.")) {
                return true;
            }
        }
        return false;
    }
}
