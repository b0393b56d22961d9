package org.clinicalingest.store.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.RowFailure;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes one table's part of a chunk in one transaction: COPY into a temporary staging table, then
 * upsert from it into the target, then commit.
 *
 * <p>Design: the upsert through a staging table makes a repeated run leave the same rows, but it
 * writes every row twice. So a part first asks whether any of its keys exists (one query with an
 * array of keys per key column). If none does, as in a first run, a COPY straight into the target
 * under a savepoint is the whole load and leaves exactly the rows the upsert would; should it still
 * fail on a row (a refused value, or a key a concurrent writer inserted meanwhile), the part rolls
 * back to the savepoint and takes the staging path. If some key exists, as in a rerun, the part
 * takes the staging path at once.
 *
 * <p>COPY is all or nothing, so one bad row (a NOT NULL violation, a value out of range) would fail
 * the whole part. Each load therefore runs under a savepoint; when it fails with a row-level error
 * (see {@link SqlFailures#isRowLevel}), the writer rolls back to the savepoint and loads each half
 * of the rows separately, recursively, until the refused rows stand alone. A chunk with k bad rows
 * of n costs about 2k·log2(n) extra loads; a clean chunk costs one. The good rows of every half
 * land in the same transaction, so the part still commits atomically, and the upsert makes a
 * repeated run leave the same rows. The part's checkpoint row is inserted in the same transaction,
 * so it is committed exactly when the rows are. Any other failure leaves this class: the caller
 * evicts the connection and retries the whole part, or gives up.
 */
final class PartLoad {

  private final Connection connection;
  private final TableStatements statements;
  private final PreparedPart part;
  private final CopyManager copyManager;
  private final List<RowFailure> failures = new ArrayList<>();

  private PartLoad(
      Connection connection,
      TableStatements statements,
      PreparedPart part,
      CopyManager copyManager) {
    this.connection = connection;
    this.statements = statements;
    this.part = part;
    this.copyManager = copyManager;
  }

  /**
   * Writes and commits the part on the connection.
   *
   * @return the rows the server refused, in input order
   * @throws SQLException on any failure that is not a refused row; nothing was committed then,
   *     unless the answer to the commit itself was lost, which a repeated upsert makes harmless
   */
  static List<RowFailure> run(
      Connection connection, TableStatements statements, PreparedPart part, Checkpoint checkpoint)
      throws SQLException {
    PartLoad load =
        new PartLoad(
            connection, statements, part, connection.unwrap(PGConnection.class).getCopyAPI());
    connection.setAutoCommit(false);
    if (part.size() > 0 && (load.anyKeyExists() || !load.copyStraightIntoTable())) {
      execute(connection, statements.createStaging());
      load.load(0, part.size());
    }
    if (checkpoint != null) {
      checkpoint.insert(connection);
    }
    connection.commit();
    connection.setAutoCommit(true);
    return load.failures;
  }

  private boolean anyKeyExists() throws SQLException {
    List<Column> keyColumns = part.table().keyColumns();
    try (PreparedStatement query = connection.prepareStatement(statements.anyKeyExists())) {
      for (int i = 0; i < keyColumns.size(); i++) {
        String elementType = TableStatements.arrayElementType(keyColumns.get(i).type());
        query.setArray(i + 1, connection.createArrayOf(elementType, part.keyValues(i)));
      }
      try (ResultSet result = query.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  /** Whether the COPY straight into the table took every row; if not, it left no trace. */
  private boolean copyStraightIntoTable() throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try {
      copy(statements.copyIntoTable(), 0, part.size());
      connection.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException failure) {
      if (!SqlFailures.isRowLevel(failure)) {
        throw failure;
      }
      connection.rollback(savepoint);
      connection.releaseSavepoint(savepoint);
      return false;
    }
  }

  private void load(int from, int to) throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try {
      copy(statements.copyIntoStaging(), from, to);
      execute(connection, statements.upsertFromStaging());
      if (to - from < part.size()) {
        execute(connection, statements.truncateStaging());
      }
      connection.releaseSavepoint(savepoint);
    } catch (SQLException failure) {
      if (!SqlFailures.isRowLevel(failure)) {
        throw failure;
      }
      connection.rollback(savepoint);
      connection.releaseSavepoint(savepoint);
      if (to - from == 1) {
        failures.add(new RowFailure(part.table(), part.key(from), SqlFailures.reason(failure)));
      } else {
        int middle = (from + to) >>> 1;
        load(from, middle);
        load(middle, to);
      }
    }
  }

  private void copy(String sql, int from, int to) throws SQLException {
    CopyIn copyIn = copyManager.copyIn(sql);
    try {
      part.encoded().writeTo(copyIn::writeToCopy, from, to);
      copyIn.endCopy();
    } catch (SQLException | RuntimeException failure) {
      if (copyIn.isActive()) {
        try {
          copyIn.cancelCopy();
        } catch (SQLException cancelFailure) {
          failure.addSuppressed(cancelFailure);
        }
      }
      throw failure;
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
