package com.tracklane.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SqlLogFilter} keeps every log record on one line (finding 4): control characters and line separators in the
 * message, its parameters and the logged exception's messages are escaped; the SQL redaction is unchanged.
 */
class SqlLogFilterLineSafetyTest {

    /** The console format of application.properties. */
    static final PatternFormatter FORMAT = new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{2.}] (%t) %s%e%n");

    static ExtLogRecord record(String format, Object parameter, Throwable thrown) {
        ExtLogRecord r = new ExtLogRecord(Level.WARNING, format, ExtLogRecord.FormatStyle.PRINTF, "com.tracklane.Test");
        r.setParameters(parameter == null ? null : new Object[] {parameter});
        r.setThrown(thrown);
        r.setLoggerName("com.tracklane.Test");
        return r;
    }

    static String logged(ExtLogRecord r) {
        assertThat(new SqlLogFilter().isLoggable(r)).isTrue();
        return FORMAT.format(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\r\n", "\u000b", "\f", "\u0000", "\u001b", "\u007f", "\u0085", "\u009b", "\u2028", "\u2029"})
    void shouldEscapeEveryLineBreakingCharacterInTheMessage(String control) {
        String line = logged(record("Unexpected error on %s", "/api/v1/x" + control + "2026-01-01 00:00:00,000 INFO  [forged] (main) ok", null));
        assertThat(line).endsWith("\n");
        String body = line.substring(0, line.length() - 1);
        for (char c : body.toCharArray()) {
            assertThat(SqlLogFilter.isLineBreaking(c)).as("character U+%04X in %s", (int) c, body).isFalse();
        }
        assertThat(body).contains("Unexpected error on /api/v1/x\\").contains("[forged] (main) ok");
    }

    @Test
    void shouldWriteCommonControlsReadably() {
        assertThat(SqlLogFilter.escapeControl("a\nb\rc\td\u2028e\u0085f")).isEqualTo("a\\nb\\rc\\td\\u2028e\\u0085f");
        assertThat(SqlLogFilter.escapeControl("plain text, é ü 日本")).isEqualTo("plain text, é ü 日本");
        assertThat(SqlLogFilter.escapeControl(null)).isNull();
    }

    @Test
    void shouldEscapeAVerbatimMessageWithoutParameters() {
        ExtLogRecord r = new ExtLogRecord(Level.INFO, "rule expression: true\n2026-01-01 ERROR [x] forged", ExtLogRecord.FormatStyle.NO_FORMAT, "c");
        assertThat(logged(r)).contains("rule expression: true\\n2026-01-01 ERROR [x] forged").doesNotContain("true\n");
    }

    @Test
    void shouldEscapeTheMessagesOfTheExceptionAndItsCauses() {
        IllegalStateException cause = new IllegalStateException("inner\nFORGED cause");
        RuntimeException thrown = new RuntimeException("outer\r\nFORGED outer", cause);
        thrown.addSuppressed(new IllegalArgumentException("suppressed\u2028FORGED suppressed"));
        String text = logged(record("Unexpected error on %s", "/p", thrown));
        for (String line : text.split("\n")) {
            assertThat(line).doesNotStartWith("FORGED");
            assertThat(line).doesNotContain("\r").doesNotContain("\u2028");
        }
        assertThat(text).contains("java.lang.RuntimeException: outer\\r\\nFORGED outer")
                .contains("Caused by: java.lang.IllegalStateException: inner\\nFORGED cause")
                .contains("java.lang.IllegalArgumentException: suppressed\\u2028FORGED suppressed")
                .contains("at com.tracklane.common.SqlLogFilterLineSafetyTest.shouldEscapeTheMessagesOfTheExceptionAndItsCauses");
    }

    @Test
    void shouldLeaveAnOrdinaryExceptionAsItIs() {
        RuntimeException thrown = new RuntimeException("plain");
        ExtLogRecord r = record("failed: %s", "x", thrown);
        logged(r);
        assertThat(r.getThrown()).isSameAs(thrown);
        assertThat(r.getFormattedMessage()).isEqualTo("failed: x");
    }

    @Test
    void shouldStillRedactSqlAndKeepItOnOneLine() {
        SQLException sql = new SQLException("Value too long for column \"EMAIL\": \"sokha@example.com\nFORGED\"", "22001", 22001);
        String text = logged(record("Request failed on %s", "/a\nFORGED", new RuntimeException("wrapped", sql)));
        assertThat(text).doesNotContain("sokha").doesNotContain("\nFORGED")
                .contains("Request failed on /a\\nFORGED [redacted: java.lang.RuntimeException < java.sql.SQLException; SQLState 22001, vendor code 22001]");
        assertThat(text.strip().lines()).hasSize(1);
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
