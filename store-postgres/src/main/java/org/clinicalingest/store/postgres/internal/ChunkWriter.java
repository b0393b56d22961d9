package org.clinicalingest.store.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicalingest.WriteException;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.RecordRange;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.RowFailure;
import org.clinicalingest.spi.SourceCheckpoint;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes chunks: creates schema and tables once, then persists each table's part of a chunk, in
 * parallel on separate connections when the writer has enough of them, else one after another.
 *
 * <p>Design: a chunk has up to four parts (patients, encounters, observations, quarantine). Each
 * part is one unit of work on one connection in its own transaction ({@link PartLoad}), retried as
 * a whole ({@link ResilientCalls}). Parts of a chunk commit independently: no foreign keys are
 * declared between the tables, so the order of commits cannot fail a write, and a repeated run
 * rewrites the same rows; a reader may for a moment see a chunk's observations before its patients.
 * Parallel parts run on a fixed executor with one thread per connection; no task ever waits for
 * another task or holds two connections, so the writer cannot deadlock, even with one connection.
 * If a part fails for good the other parts of the chunk still finish (committed parts stay, a rerun
 * repairs the rest) and one {@link WriteException} is thrown. The chunk's checkpoint rows are not a
 * part of their own: each goes into the transaction of the part it names, so a resumed run skips a
 * range only when every part of it is committed.
 */
public final class ChunkWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChunkWriter.class);
  private static final AtomicInteger WRITERS = new AtomicInteger();
  private static final Set<String> CONCURRENT_CREATION = Set.of("23505", "42P06", "42P07");
  private static final int CHECKPOINT_TABLE_COLUMN = 2;

  private final String schema;
  private final Map<Table, TableStatements> statements = new EnumMap<>(Table.class);
  private final ConnectionSource connections;
  private final ResilientCalls resilience;
  private final int partsInParallel;
  private final int maxConcurrentWrites;
  private final ExecutorService executor;
  private final Object setupLock = new Object();
  private volatile boolean tablesReady;

  /**
   * A writer into {@code schema}, table names prefixed by {@code tablePrefix}, using at most {@code
   * maxConnections} connections of {@code connections} at once.
   */
  public ChunkWriter(
      String schema,
      String tablePrefix,
      ConnectionSource connections,
      int maxConnections,
      boolean parallelTables,
      ResilienceSettings resilience) {
    this.schema = Identifiers.checkSchema(schema);
    for (Table table : Table.values()) {
      statements.put(table, new TableStatements(table, schema, tablePrefix));
    }
    this.connections = connections;
    String name = "clinicalingest-postgres-" + WRITERS.incrementAndGet();
    this.resilience = new ResilientCalls(name, resilience);
    this.partsInParallel =
        parallelTables ? Math.min(Table.checkpointedTables().size(), maxConnections) : 1;
    this.maxConcurrentWrites = Math.max(1, maxConnections / partsInParallel);
    this.executor =
        partsInParallel > 1 ? Executors.newFixedThreadPool(maxConnections, threads(name)) : null;
  }

  /** How many chunks may be written at once without waiting for connections. */
  public int maxConcurrentWrites() {
    return maxConcurrentWrites;
  }

  /** Attempts that failed transiently so far. */
  public long transientFailures() {
    return resilience.transientFailures();
  }

  /**
   * Writes and commits one chunk.
   *
   * @throws WriteException if a part fails for good or the circuit is open
   * @throws IllegalArgumentException if a row breaks the {@link Chunk} contract
   */
  public WriteResult write(Chunk chunk) {
    String position = chunk.describe();
    Map<String, Checkpoint> checkpoints = new HashMap<>();
    for (Row row : chunk.rows(Table.CHECKPOINTS)) {
      checkpoints.put(
          (String) row.values().get(CHECKPOINT_TABLE_COLUMN),
          new Checkpoint(statements.get(Table.CHECKPOINTS), row));
    }
    List<PreparedPart> parts = new ArrayList<>();
    List<Checkpoint> partCheckpoints = new ArrayList<>();
    for (Table table : Table.values()) {
      Checkpoint checkpoint = checkpoints.get(table.tableName());
      if (table != Table.CHECKPOINTS && (!chunk.rows(table).isEmpty() || checkpoint != null)) {
        parts.add(PreparedPart.prepare(table, chunk.rows(table), position));
        partCheckpoints.add(checkpoint);
      }
    }
    ensureTables(position);
    List<List<RowFailure>> serverFailures =
        partsInParallel > 1 && parts.size() > 1
            ? writeInParallel(parts, partCheckpoints, position)
            : writeInSequence(parts, partCheckpoints, position);
    Map<Table, Long> written = new EnumMap<>(Table.class);
    List<RowFailure> failures = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      PreparedPart part = parts.get(i);
      List<RowFailure> partFailures = new ArrayList<>(part.refused());
      partFailures.addAll(serverFailures.get(i));
      written.put(part.table(), (long) (part.size() - serverFailures.get(i).size()));
      for (RowFailure failure : partFailures) {
        LOG.warn(
            "row {} of {} in {} not written: {}",
            failure.key(),
            statements.get(failure.table()).displayName(),
            position,
            failure.reason());
      }
      failures.addAll(partFailures);
    }
    return new WriteResult(written, failures);
  }

  @Override
  public void close() {
    try {
      if (executor != null) {
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
          executor.shutdownNow();
        }
      }
    } catch (InterruptedException interrupted) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      connections.close();
    }
  }

  private List<List<RowFailure>> writeInSequence(
      List<PreparedPart> parts, List<Checkpoint> checkpoints, String position) {
    List<List<RowFailure>> failures = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      failures.add(writePart(parts.get(i), checkpoints.get(i), position));
    }
    return failures;
  }

  private List<List<RowFailure>> writeInParallel(
      List<PreparedPart> parts, List<Checkpoint> checkpoints, String position) {
    List<Future<List<RowFailure>>> futures = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      PreparedPart part = parts.get(i);
      Checkpoint checkpoint = checkpoints.get(i);
      futures.add(executor.submit(() -> writePart(part, checkpoint, position)));
    }
    List<List<RowFailure>> failures = new ArrayList<>();
    RuntimeException thrown = null;
    for (Future<List<RowFailure>> future : futures) {
      try {
        failures.add(future.get());
      } catch (InterruptedException interrupted) {
        futures.forEach(pending -> pending.cancel(true));
        Thread.currentThread().interrupt();
        throw new WriteException("writing " + position + " interrupted");
      } catch (ExecutionException execution) {
        RuntimeException failure =
            execution.getCause() instanceof RuntimeException runtime
                ? runtime
                : new WriteException("writing " + position + " failed", execution.getCause());
        if (thrown == null) {
          thrown = failure;
        } else {
          thrown.addSuppressed(failure);
        }
      }
    }
    if (thrown != null) {
      throw thrown;
    }
    return failures;
  }

  private List<RowFailure> writePart(PreparedPart part, Checkpoint checkpoint, String position) {
    if (part.size() == 0 && checkpoint == null) {
      return List.of();
    }
    TableStatements table = statements.get(part.table());
    return resilience.call(
        "COPY into " + table.displayName(),
        position,
        () -> onConnection(connection -> PartLoad.run(connection, table, part, checkpoint)));
  }

  /**
   * The ranges of a source whose every table part is committed, and the latest run that committed
   * any part of a range: a run killed before its first complete range still leaves parts (its
   * quarantine rows, say) that a resume must rewrite under the same run id, not duplicate.
   *
   * @throws WriteException if the store cannot be read
   */
  public Optional<SourceCheckpoint> checkpoint(String sourceKey) {
    ensureTables("checkpoints of source " + sourceKey);
    return resilience.call(
        "reading " + statements.get(Table.CHECKPOINTS).displayName(),
        "checkpoints of source " + sourceKey,
        () ->
            onConnection(
                connection -> {
                  List<RecordRange> ranges = new ArrayList<>();
                  String runId = null;
                  try (PreparedStatement query =
                      connection.prepareStatement(
                          statements.get(Table.CHECKPOINTS).checkpointedRanges())) {
                    query.setString(1, sourceKey);
                    try (ResultSet result = query.executeQuery()) {
                      while (result.next()) {
                        if (runId == null) {
                          runId = result.getString(3);
                        }
                        if (result.getInt(4) == Table.checkpointedTables().size()) {
                          ranges.add(new RecordRange(result.getLong(1), result.getLong(2)));
                        }
                      }
                    }
                  }
                  return runId == null
                      ? Optional.<SourceCheckpoint>empty()
                      : Optional.of(new SourceCheckpoint(runId, ranges));
                }));
  }

  private void ensureTables(String position) {
    if (tablesReady) {
      return;
    }
    synchronized (setupLock) {
      if (tablesReady) {
        return;
      }
      resilience.call(
          "creating tables in schema " + schema,
          position,
          () -> {
            try {
              return onConnection(this::createMissingTables);
            } catch (SQLException failure) {
              if (!CONCURRENT_CREATION.contains(SqlFailures.sqlState(failure))) {
                throw failure;
              }
              return onConnection(this::createMissingTables);
            }
          });
      tablesReady = true;
    }
  }

  /**
   * Creates what is missing, checking the catalog first so a role without CREATE privilege can
   * still write into tables that exist. A concurrent writer creating the same objects makes this
   * fail once with a duplicate-object error; the caller then runs it again.
   */
  private Void createMissingTables(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    Set<String> existing = new HashSet<>();
    boolean schemaExists;
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
      query.setString(1, schema);
      try (ResultSet result = query.executeQuery()) {
        schemaExists = result.next();
      }
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.relname FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ?")) {
      query.setString(1, schema);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          existing.add(result.getString(1));
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      if (!schemaExists) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
      }
      for (TableStatements table : statements.values()) {
        if (!existing.contains(table.tableName())) {
          statement.execute(table.createTable());
          LOG.info("created table {}", table.displayName());
        }
      }
    }
    connection.commit();
    connection.setAutoCommit(true);
    return null;
  }

  private <T> T onConnection(ConnectionWork<T> work) throws SQLException, InterruptedException {
    try (ConnectionSource.Lease lease = connections.lease()) {
      try {
        return work.run(lease.connection());
      } catch (SQLException | RuntimeException failure) {
        lease.fail();
        throw failure;
      }
    }
  }

  @FunctionalInterface
  private interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
