package org.clinicalingest.store.postgres.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.RowFailure;
import org.clinicalingest.spi.Table;

/**
 * One table's rows of a chunk, checked and encoded for COPY: the rows PostgreSQL can take, their
 * keys, and the rows refused before reaching the server.
 *
 * <p>Design: everything that can be decided without the server is decided here, once, before any
 * connection is taken: a value of the wrong Java type or a row of the wrong width is a caller bug
 * ({@link IllegalArgumentException}); two rows with the same key break the chunk contract ({@link
 * IllegalArgumentException}, since an upsert cannot touch a row twice); text PostgreSQL cannot
 * store follows {@link TextRule}. Retries then re-send the same encoded bytes.
 */
public final class PreparedPart {

  private final Table table;
  private final List<String> keys;
  private final Object[][] keyValues;
  private final EncodedRows encoded;
  private final List<RowFailure> refused;

  private PreparedPart(
      Table table,
      List<String> keys,
      Object[][] keyValues,
      EncodedRows encoded,
      List<RowFailure> refused) {
    this.table = table;
    this.keys = keys;
    this.keyValues = keyValues;
    this.encoded = encoded;
    this.refused = refused;
  }

  /**
   * Checks and encodes the rows of one table.
   *
   * @param position names the chunk in messages
   * @throws IllegalArgumentException if a row has the wrong number of values, a value has the wrong
   *     type, or two rows share a key
   */
  public static PreparedPart prepare(Table table, List<Row> rows, String position) {
    List<Column> columns = table.columns();
    List<Row> accepted = new ArrayList<>(rows.size());
    List<String> keys = new ArrayList<>(rows.size());
    List<RowFailure> refused = new ArrayList<>();
    Set<List<Object>> seenKeys = new HashSet<>();
    for (Row row : rows) {
      String key = key(table, row);
      if (row.values().size() != columns.size()) {
        throw new IllegalArgumentException(
            "row "
                + key
                + " of table "
                + table.tableName()
                + " in "
                + position
                + " has "
                + row.values().size()
                + " values, the table has "
                + columns.size()
                + " columns");
      }
      if (!seenKeys.add(row.values().subList(0, table.keyColumns().size()))) {
        throw new IllegalArgumentException(
            "key "
                + key
                + " occurs twice in table "
                + table.tableName()
                + " of "
                + position
                + "; a chunk holds at most one row per key");
      }
      String problem = problem(table, columns, row, key, position);
      if (problem == null) {
        accepted.add(row);
        keys.add(key);
      } else {
        refused.add(new RowFailure(table, key, problem));
      }
    }
    Object[][] keyValues = new Object[table.keyColumns().size()][accepted.size()];
    for (int row = 0; row < accepted.size(); row++) {
      for (int column = 0; column < keyValues.length; column++) {
        Object value = accepted.get(row).values().get(column);
        keyValues[column][row] = value instanceof Number number ? number.longValue() : value;
      }
    }
    return new PreparedPart(
        table,
        List.copyOf(keys),
        keyValues,
        BinaryCopyEncoder.encode(columns, accepted),
        List.copyOf(refused));
  }

  /** The key of a row for messages and failures: its key values, joined by {@code /}. */
  public static String key(Table table, Row row) {
    int keyColumns = Math.min(table.keyColumns().size(), row.values().size());
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < keyColumns; i++) {
      if (i > 0) {
        key.append('/');
      }
      key.append(row.values().get(i));
    }
    return key.toString();
  }

  /** The table of the rows. */
  public Table table() {
    return table;
  }

  /** How many rows go to the server. */
  public int size() {
    return encoded.size();
  }

  /** Rows refused before reaching the server, in input order. */
  public List<RowFailure> refused() {
    return refused;
  }

  String key(int index) {
    return keys.get(index);
  }

  /** The values of one key column over the rows that go to the server, in row order. */
  Object[] keyValues(int keyColumn) {
    return keyValues[keyColumn];
  }

  EncodedRows encoded() {
    return encoded;
  }

  private static String problem(
      Table table, List<Column> columns, Row row, String key, String position) {
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      Object value = row.values().get(i);
      if (value == null) {
        continue;
      }
      Where where = new Where(table, column, key, position);
      String problem =
          switch (column.type()) {
            case TEXT -> {
              where.require(value instanceof String, "String", value);
              yield TextRule.problem((String) value);
            }
            case TEXT_ARRAY -> arrayProblem(value, where);
            case BOOLEAN -> {
              where.require(value instanceof Boolean, "Boolean", value);
              yield null;
            }
            case DOUBLE -> {
              where.require(value instanceof Double || value instanceof Float, "Double", value);
              yield null;
            }
            case BIGINT -> {
              where.require(
                  value instanceof Long
                      || value instanceof Integer
                      || value instanceof Short
                      || value instanceof Byte,
                  "Long",
                  value);
              yield null;
            }
            case TIMESTAMP -> timestampProblem(value, where);
          };
      if (problem != null) {
        return problem + ", column " + column.name();
      }
    }
    return null;
  }

  private static String arrayProblem(Object value, Where where) {
    where.require(value instanceof List<?>, "List<String>", value);
    for (Object element : (List<?>) value) {
      if (element != null) {
        where.require(element instanceof String, "List<String>", element);
        String problem = TextRule.problem((String) element);
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static String timestampProblem(Object value, Where where) {
    where.require(value instanceof Instant, "Instant", value);
    try {
      BinaryCopyEncoder.microsSincePostgresEpoch((Instant) value);
      return null;
    } catch (ArithmeticException overflow) {
      return "SQLSTATE 22008 (timestamp out of range)";
    }
  }

  /** Where a value sits, for the message of a type error; never the value itself. */
  private record Where(Table table, Column column, String key, String position) {

    void require(boolean ok, String expected, Object value) {
      if (!ok) {
        throw new IllegalArgumentException(
            "column "
                + column.name()
                + " of table "
                + table.tableName()
                + " must hold a "
                + expected
                + ", row "
                + key
                + " in "
                + position
                + " holds a "
                + value.getClass().getName());
      }
    }
  }
}
