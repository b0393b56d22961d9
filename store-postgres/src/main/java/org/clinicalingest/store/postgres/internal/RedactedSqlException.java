package org.clinicalingest.store.postgres.internal;

import java.sql.SQLException;
import java.util.Map;

/**
 * Stands in for a database failure in a cause chain: it keeps the original's class name, SQLSTATE
 * and stack trace, and its causes the same way, but none of the message text, which PostgreSQL may
 * fill with row values (see {@link SqlFailures}).
 */
public final class RedactedSqlException extends SQLException {
  private static final long serialVersionUID = 1L;

  private RedactedSqlException(String message, String sqlState) {
    super(message, sqlState);
  }

  static RedactedSqlException of(Throwable failure, Map<Throwable, Boolean> seen) {
    String state = failure instanceof SQLException sql ? sql.getSQLState() : null;
    String message =
        failure.getClass().getName()
            + (state == null ? "" : " (SQLSTATE " + state + ")")
            + ", message withheld: it may hold row values";
    RedactedSqlException copy = new RedactedSqlException(message, state);
    copy.setStackTrace(failure.getStackTrace());
    seen.put(failure, Boolean.TRUE);
    Throwable cause = failure.getCause();
    if (cause != null && !seen.containsKey(cause)) {
      copy.initCause(of(cause, seen));
    }
    return copy;
  }
}
