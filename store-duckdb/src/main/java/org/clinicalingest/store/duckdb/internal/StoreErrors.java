package org.clinicalingest.store.duckdb.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads DuckDB's error messages: is the error caused by a row, and what may be said about it.
 *
 * <p>Design: DuckDB's JDBC driver reports no SQLSTATE, only a message starting with an error type
 * ({@code Constraint Error: NOT NULL constraint failed: observations.code}); the Appender wraps it
 * ({@code Appender error, ..., message: Failed to append: ...}). Messages may quote values ({@code
 * Duplicate key "patient_id: p-1"}, {@code Could not convert string '...'}), which may be PHI, so a
 * reason is rebuilt from a short list of known shapes and never copies free text from the message,
 * except DuckDB's own words on a file it cannot open. Only constraint, conversion and range errors
 * count as row errors; anything else (I/O, a closed connection, a missing table, out of memory) is
 * a store failure.
 */
public final class StoreErrors {

  /** DuckDB's exception types; only these are copied from a message. */
  private static final Pattern ERROR_TYPE =
      Pattern.compile(
          "\\b(Invalid Input|Invalid Configuration|Invalid type|Invalid|Out of Range|Out of Memory"
              + "|Conversion|Unknown Type|Decimal|Mismatch Type|Divide by Zero|Object Size"
              + "|Serialization|TransactionContext|Not implemented|Expression|Catalog|Parser"
              + "|Planner|Scheduler|Executor|Constraint|Index|Stat|Connection|Syntax|Settings"
              + "|Binder|Network|Optimizer|NullPointer|IO|INTERRUPT|FATAL|INTERNAL|Permission"
              + "|Dependency|HTTP|Missing Extension|Sequence) Error\\b");

  /** DuckDB's buffer manager out of room, e.g. {@code (15.8 MiB/16.0 MiB used)}; no values. */
  private static final Pattern MEMORY_LIMIT_REACHED =
      Pattern.compile(
          "(?:failed to pin block|could not allocate block) of size [0-9.]+ [KMGTP]?i?B"
              + " \\(([0-9.]+ [KMGTP]?i?B)/([0-9.]+ [KMGTP]?i?B) used\\)");

  private static final Pattern NOT_NULL =
      Pattern.compile("NOT NULL constraint failed: ([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)");

  private StoreErrors() {}

  /** Whether a row's values caused the error, so that writing without that row may succeed. */
  static boolean isRowError(SQLException exception) {
    String message = message(exception);
    return isConstraintError(message)
        || message.contains("Conversion Error")
        || message.contains("Out of Range Error");
  }

  /**
   * The reason of a row error, holding the error type and constraint but no value, e.g. {@code
   * Constraint Error: NOT NULL constraint failed: observations.code}.
   */
  static String rowReason(SQLException exception) {
    String message = message(exception);
    Matcher notNull = NOT_NULL.matcher(message);
    if (notNull.find()) {
      return "Constraint Error: NOT NULL constraint failed: " + notNull.group(1);
    }
    if (message.toLowerCase(Locale.ROOT).contains("duplicate key")) {
      return "Constraint Error: duplicate key violates PRIMARY KEY or UNIQUE constraint";
    }
    if (message.contains("CHECK constraint failed")) {
      return "Constraint Error: CHECK constraint failed";
    }
    return errorType(exception);
  }

  /**
   * DuckDB's error type, e.g. {@code IO Error}; for memory, {@code Out of Memory Error} with what
   * DuckDB had in use of its limit (DuckDB may wrap it in another type, such as a failed commit);
   * {@code Appender creation error} (the table is missing or changed), {@code connection closed} or
   * {@code database error} if the message names none.
   */
  public static String errorType(SQLException exception) {
    String message = message(exception);
    if (isConstraintError(message)) {
      return "Constraint Error";
    }
    Matcher memory = MEMORY_LIMIT_REACHED.matcher(message);
    if (memory.find()) {
      return "Out of Memory Error ("
          + memory.group(1)
          + " of DuckDB's "
          + memory.group(2)
          + " memory limit in use)";
    }
    Matcher type = ERROR_TYPE.matcher(message);
    if (type.find()) {
      return type.group(1) + " Error";
    }
    if (message.contains("appender_create")) {
      return "Appender creation error";
    }
    return message.contains("was closed") ? "connection closed" : "database error";
  }

  /**
   * Why a database could not be opened: DuckDB's own first line when it is an {@code IO Error},
   * which names the file and what is wrong with it ({@code IO Error: Cannot open file
   * "/data/x.duckdb": No such file or directory}, a directory, a lock held by another process, not
   * a DuckDB file) and no value; otherwise {@link #errorType}, since opening replays the
   * write-ahead log, whose errors may quote values.
   */
  public static String openFailure(SQLException exception) {
    String message = message(exception);
    if (!message.startsWith("IO Error: ")) {
      return errorType(exception);
    }
    int lineEnd = message.indexOf('\n');
    return lineEnd < 0 ? message : message.substring(0, lineEnd);
  }

  /** Appender errors lose the error type: {@code Failed to append: NOT NULL constraint failed}. */
  private static boolean isConstraintError(String message) {
    String lowerCase = message.toLowerCase(Locale.ROOT);
    return lowerCase.contains("constraint") || lowerCase.contains("duplicate key");
  }

  private static String message(SQLException exception) {
    return exception.getMessage() == null ? "" : exception.getMessage();
  }
}
