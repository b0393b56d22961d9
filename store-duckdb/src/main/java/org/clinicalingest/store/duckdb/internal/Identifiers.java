package org.clinicalingest.store.duckdb.internal;

import java.util.regex.Pattern;

/**
 * Checks and quotes the SQL identifiers that come from configuration.
 *
 * <p>Design: configuration values (schema, table prefix, database name) end up in SQL text, so they
 * are both restricted to a strict pattern and always double-quoted. Either alone would keep them
 * from injecting SQL; together they also keep names free of case and keyword surprises.
 */
public final class Identifiers {

  /** The pattern every configured identifier must match. */
  public static final String PATTERN = "[A-Za-z_][A-Za-z0-9_]*";

  private static final Pattern IDENTIFIER = Pattern.compile(PATTERN);

  private Identifiers() {}

  /**
   * Returns {@code value} if it matches {@link #PATTERN}.
   *
   * @throws IllegalArgumentException naming the option and the value otherwise
   */
  public static String require(String option, String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          option + " must match " + PATTERN + ", was " + printable(value));
    }
    return value;
  }

  /** The identifier in double quotes, with any double quote inside doubled. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * A configuration value for an error message: quoted, with control characters escaped so that a
   * value cannot forge log lines. Configuration values are not PHI.
   */
  static String printable(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder text = new StringBuilder(value.length() + 2).append('"');
    for (int index = 0; index < value.length(); index++) {
      char character = value.charAt(index);
      if (Character.isISOControl(character)) {
        text.append(String.format("\\u%04x", (int) character));
      } else {
        text.append(character);
      }
    }
    return text.append('"').toString();
  }
}
