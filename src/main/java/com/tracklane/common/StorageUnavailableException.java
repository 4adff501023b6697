package com.tracklane.common;

/** The database could not be reached; the write was not applied. Answered with 503. */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(Throwable cause) {
        super("storage unavailable", cause);
    }

    /** True when {@code e} (or a cause) says the database connection failed rather than the request being wrong. */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || name.endsWith("JDBCConnectionException")
                    || (t instanceof java.sql.SQLException sql && connectionState(sql))
                    || (t.getMessage() != null && t.getMessage().contains("Unable to acquire JDBC Connection"))) {
                return true;
            }
        }
        return false;
    }

    /** SQL states of a lost or refused connection: class 08, PostgreSQL's shutdown states 57P01–57P03, H2's closed database. */
    private static boolean connectionState(java.sql.SQLException e) {
        String state = e.getSQLState();
        int code = e.getErrorCode();
        return (state != null && (state.startsWith("08") || state.startsWith("57P")))
                || code == 90067 || code == 90098 || code == 90121;
    }
}
