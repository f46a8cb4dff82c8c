package io.sluice.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import io.sluice.api.error.SluiceException;

/**
 * Sorts database failures by SQLState class into what the runtime should do with them: a row
 * refused on its own merits (class 22 data exception, 23 integrity constraint), a failure worth
 * retrying ({@link IOException}: connection, transaction rollback, resources, operator
 * intervention, driver or pool timeouts), or one retrying cannot fix (class 28 authorization,
 * 42 syntax or access rule, e.g. a missing table or column).
 */
final class JdbcErrors {
    private JdbcErrors() {}

    /** The first SQLState in the exception's chain of causes and next exceptions, or empty text. */
    static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && !next.getSQLState().isBlank()) {
                        return next.getSQLState();
                    }
                }
            }
        }
        return "";
    }

    /** Whether the database refused a row's values: SQLState class 22 or 23. */
    static boolean isRowRejection(SQLException e) {
        String state = sqlState(e);
        return state.startsWith("22") || state.startsWith("23");
    }

    /** Whether the failure is a unique or primary key violation (the batch marker already stored). */
    static boolean isUniqueViolation(SQLException e) {
        String state = sqlState(e);
        // 23505 (PostgreSQL, H2); MariaDB/MySQL report 23000 for duplicate keys.
        return state.equals("23505") || state.equals("23000");
    }

    /**
     * The exception to throw for a failure that is not a row rejection: an {@link IOException}
     * (retried by the runtime) unless retrying cannot help.
     */
    static Exception translate(String what, SQLException e) {
        String state = sqlState(e);
        String message = "jdbc sink: " + what + " failed (SQLState [" + state + "]): " + e.getMessage();
        if ((state.startsWith("28") || state.startsWith("42")) && !(e instanceof SQLTransientException)
                && !(e instanceof SQLRecoverableException)) {
            return SluiceException.externalFatal(message, e);
        }
        return new IOException(message, e);
    }
}
