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
 * <p>Installed on the console and file handlers ({@code quarkus.log.console.filter=sql-redaction}).
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
            return true;
        }
        String redacted = redact(message, thrown, sql);
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(redacted);
        }
        record.setParameters(null);
        record.setThrown(null);
        return true;
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
