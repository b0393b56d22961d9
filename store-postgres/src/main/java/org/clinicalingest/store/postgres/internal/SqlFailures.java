package org.clinicalingest.store.postgres.internal;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Sorts database failures by what the writer does with them, and turns them into text that holds no
 * row value.
 *
 * <p>Design: a PostgreSQL error message may quote the row it failed on (the DETAIL of a constraint
 * violation is {@code Failing row contains (...)}, and some messages quote the bad input itself),
 * and row values may be PHI. So the writer never copies a server message anywhere: reasons, logs
 * and exception messages hold the SQLSTATE and the names of schema objects (constraint, column),
 * and the cause chained to a {@link org.clinicalingest.WriteException} is a {@link
 * RedactedSqlException} copy that keeps class names, SQLSTATEs and stack traces only.
 *
 * <ul>
 *   <li>Transient (retry on a fresh connection): class 08 (connection exception), 40001
 *       (serialization failure), 40P01 (deadlock), 53300 (too many connections), 57P01, 57P02,
 *       57P03 (admin shutdown, crash shutdown, cannot connect now); a pool timeout without a
 *       SQLSTATE too.
 *   <li>Row-level (isolate the row by splitting): class 22 (data exception), class 23 (integrity
 *       constraint violation) and 54000 (program limit, e.g. an index row too large).
 *   <li>Anything else fails the chunk at once.
 * </ul>
 */
public final class SqlFailures {

  private static final Set<String> TRANSIENT_STATES =
      Set.of("40001", "40P01", "53300", "57P01", "57P02", "57P03");

  private SqlFailures() {}

  /** Whether retrying on a fresh connection may succeed. */
  public static boolean isTransient(Throwable failure) {
    String state = sqlState(failure);
    if (state != null) {
      return state.startsWith("08") || TRANSIENT_STATES.contains(state);
    }
    for (Throwable cause : chain(failure)) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLRecoverableException) {
        return true;
      }
    }
    return false;
  }

  /** Whether the failure is caused by the data of some row, so the row can be isolated. */
  static boolean isRowLevel(SQLException failure) {
    String state = sqlState(failure);
    return state != null
        && (state.startsWith("22") || state.startsWith("23") || state.equals("54000"));
  }

  /** The first SQLSTATE along the cause chain, or {@code null}. */
  public static String sqlState(Throwable failure) {
    for (Throwable cause : chain(failure)) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  /**
   * The reason of a refused row: SQLSTATE plus the constraint's name, or the column's if there is
   * no constraint; e.g. {@code SQLSTATE 23502, column code}.
   */
  static String reason(SQLException failure) {
    StringBuilder reason = new StringBuilder("SQLSTATE ").append(sqlState(failure));
    if (failure instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
      ServerErrorMessage server = psql.getServerErrorMessage();
      if (server.getConstraint() != null) {
        reason.append(", constraint ").append(server.getConstraint());
      } else if (server.getColumn() != null) {
        reason.append(", column ").append(server.getColumn());
      }
    }
    return reason.toString();
  }

  /** A copy of the failure and its causes without any message text but SQLSTATEs. */
  public static RedactedSqlException redact(Throwable failure) {
    return RedactedSqlException.of(failure, new IdentityHashMap<>());
  }

  /** The failure, its causes and chained next exceptions, each once, in order. */
  private static List<Throwable> chain(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    List<Throwable> chain = new ArrayList<>();
    Deque<Throwable> pending = new ArrayDeque<>();
    pending.add(failure);
    while (!pending.isEmpty()) {
      Throwable next = pending.poll();
      if (seen.put(next, Boolean.TRUE) != null) {
        continue;
      }
      chain.add(next);
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
      if (next instanceof SQLException sql && sql.getNextException() != null) {
        pending.add(sql.getNextException());
      }
    }
    return chain;
  }
}
