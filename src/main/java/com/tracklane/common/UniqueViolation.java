package com.tracklane.common;

import java.sql.SQLException;

/** Recognises a unique-constraint violation (SQLState 23505 on H2 and PostgreSQL) anywhere in an exception's causes. */
public final class UniqueViolation {

    public static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    public static boolean in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && SQL_STATE.equals(c.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
