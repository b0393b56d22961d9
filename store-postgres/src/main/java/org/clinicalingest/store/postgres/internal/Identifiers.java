package org.clinicalingest.store.postgres.internal;

import java.util.regex.Pattern;
import org.clinicalingest.spi.Table;

/**
 * Checks and quotes the SQL identifiers that come from configuration (schema and table prefix).
 *
 * <p>Design: a configuration value reaches SQL text only as part of an identifier. It must match a
 * strict pattern (lower-case ASCII letters, digits and underscores, starting with a letter or
 * underscore) and is double-quoted anyway, so no value can close the identifier, change its case or
 * inject SQL. Names stay within PostgreSQL's 63-byte identifier limit so the server never truncates
 * them into a different name.
 */
public final class Identifiers {

  /** PostgreSQL's longest identifier, in bytes. */
  public static final int MAX_LENGTH = 63;

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final int LONGEST_TABLE_NAME = longestTableName();

  private Identifiers() {}

  /**
   * Returns the schema name if it is a valid schema identifier.
   *
   * @throws IllegalArgumentException naming option and value if it is not
   */
  public static String checkSchema(String schema) {
    if (schema == null
        || schema.length() > MAX_LENGTH
        || !IDENTIFIER.matcher(schema).matches()
        || schema.startsWith("pg_")) {
      throw new IllegalArgumentException(
          "schema must match [a-z_][a-z0-9_]* (at most "
              + MAX_LENGTH
              + " characters, not starting with pg_), was "
              + show(schema));
    }
    return schema;
  }

  /**
   * Returns the table prefix if it is empty or a valid identifier start that keeps every table name
   * within {@link #MAX_LENGTH}.
   *
   * @throws IllegalArgumentException naming option and value if it is not
   */
  public static String checkTablePrefix(String prefix) {
    int longest = MAX_LENGTH - LONGEST_TABLE_NAME;
    if (prefix == null
        || prefix.length() > longest
        || !(prefix.isEmpty() || IDENTIFIER.matcher(prefix).matches())) {
      throw new IllegalArgumentException(
          "tablePrefix must be empty or match [a-z_][a-z0-9_]* (at most "
              + longest
              + " characters), was "
              + show(prefix));
    }
    return prefix;
  }

  /** Double-quotes a name that already passed one of the checks or comes from {@link Table}. */
  public static String quote(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a checked identifier: " + show(name));
    }
    return '"' + name + '"';
  }

  /** A configuration value for an error message: quoted, control characters escaped, shortened. */
  static String show(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder shown = new StringBuilder("\"");
    int limit = Math.min(value.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        shown.append(String.format("\\u%04x", (int) c));
      } else {
        shown.append(c);
      }
    }
    if (value.length() > limit) {
      shown.append("...");
    }
    return shown.append('"').toString();
  }

  private static int longestTableName() {
    int longest = 0;
    for (Table table : Table.values()) {
      longest = Math.max(longest, table.tableName().length());
    }
    return longest;
  }
}
