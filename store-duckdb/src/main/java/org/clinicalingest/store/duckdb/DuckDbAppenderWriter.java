package org.clinicalingest.store.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.clinicalingest.WriteException;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.SourceCheckpoint;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.clinicalingest.store.duckdb.internal.ChunkWriter;
import org.clinicalingest.store.duckdb.internal.CommittedRanges;
import org.clinicalingest.store.duckdb.internal.Identifiers;
import org.clinicalingest.store.duckdb.internal.StoreErrors;
import org.clinicalingest.store.duckdb.internal.TableLayout;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * A {@link BulkWriter} into an embedded DuckDB database, loading rows with the DuckDB Appender.
 *
 * <pre>{@code
 * try (DuckDbAppenderWriter writer =
 *     DuckDbAppenderWriter.builder(Path.of("clinical.duckdb"))
 *         .schema("clinical")
 *         .tablePrefix("ci_")
 *         .build()) {
 *   WriteResult result = writer.write(chunk);
 * }
 * }</pre>
 *
 * <p>{@link Builder#build()} opens (or creates) the database and creates the tables of {@link
 * Table} that are missing, in the table's column order, with {@code NOT NULL} on the non-nullable
 * columns and a {@code PRIMARY KEY} on {@link Table#keyColumns()}. Types: TEXT is {@code VARCHAR},
 * TEXT_ARRAY {@code VARCHAR[]}, BOOLEAN {@code BOOLEAN}, DOUBLE {@code DOUBLE}, BIGINT {@code
 * BIGINT}, and TIMESTAMP is {@code TIMESTAMPTZ} ({@code TIMESTAMP WITH TIME ZONE}): an instant,
 * kept to the microsecond (finer digits are dropped) and shown in the session's time zone. Tables
 * that exist already must have exactly these columns and key.
 *
 * <p>DuckDB first logs committed rows in its write-ahead log and moves them into the database file
 * at a checkpoint, which it runs when the log reaches {@link Builder#checkpointThreshold}: 256 MiB
 * by default here, 16 MiB by DuckDB's. {@link #close()} runs the last checkpoint.
 *
 * <p>{@link #write} replaces rows by key: a row whose key is in the table replaces it, so writing
 * the same chunk again leaves the same rows. A chunk is written in one transaction. If the database
 * refuses a row (a {@code NULL} in a {@code NOT NULL} column) or a value is not of the Java type
 * its {@link org.clinicalingest.spi.ColumnType} names, the row is isolated, reported in {@link
 * WriteResult#failures()} with the error type and constraint (never a value), and the rest of the
 * chunk is written; each table's remaining rows then commit in parts. Text is stored as UTF-8; an
 * unpaired surrogate in a Java string is stored as {@code ?}.
 *
 * <p>Thread-safety: the writer is safe to share, but writes one chunk at a time: concurrent calls
 * to {@link #write} wait for each other, and {@link #maxConcurrentWrites()} is 1. One DuckDB
 * database file can be opened by one process at a time.
 */
public final class DuckDbAppenderWriter implements BulkWriter {

  private final ReentrantLock lock = new ReentrantLock();
  private final DuckDBConnection connection;
  private final TableLayout layout;
  private final ChunkWriter chunkWriter;
  private boolean closed;

  private DuckDbAppenderWriter(DuckDBConnection connection, TableLayout layout) {
    this.connection = connection;
    this.layout = layout;
    this.chunkWriter = new ChunkWriter(connection, layout);
  }

  /**
   * A builder of a writer into the database file {@code databaseFile}, created if missing; its
   * directory must exist.
   *
   * @throws IllegalArgumentException if the path holds a {@code ;}, which the DuckDB JDBC URL
   *     reserves
   */
  public static Builder builder(Path databaseFile) {
    Objects.requireNonNull(databaseFile, "databaseFile");
    String path = databaseFile.toAbsolutePath().toString();
    if (path.indexOf(';') >= 0) {
      throw new IllegalArgumentException(
          "databaseFile must not contain ';', was " + databaseFile.toAbsolutePath());
    }
    return new Builder("jdbc:duckdb:" + path, "DuckDB database " + path);
  }

  /**
   * A builder of a writer into a new private in-memory database, gone when the writer closes; for
   * tests and dry runs.
   */
  public static Builder inMemory() {
    return new Builder("jdbc:duckdb:", "in-memory DuckDB database");
  }

  /**
   * A builder of a writer into the named in-memory database, which other connections of this
   * process can open as {@code jdbc:duckdb::memory:<name>} while the writer is open.
   *
   * @throws IllegalArgumentException if the name does not match {@code [A-Za-z_][A-Za-z0-9_]*}
   */
  public static Builder inMemory(String name) {
    Identifiers.require("name", name);
    return new Builder("jdbc:duckdb::memory:" + name, "in-memory DuckDB database " + name);
  }

  /**
   * Writes and commits one chunk: see the class description.
   *
   * @return rows written per table, and the rows left out with their reasons
   * @throws WriteException naming the table and chunk if the store fails (I/O error, full disk,
   *     invalidated database), with the {@link SQLException} chained
   * @throws IllegalStateException if the writer is closed
   */
  @Override
  public WriteResult write(Chunk chunk) {
    Objects.requireNonNull(chunk, "chunk");
    lock.lock();
    try {
      requireOpen();
      return chunkWriter.write(chunk);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The ranges of a source committed by earlier runs, for resuming: those with a {@link
   * Table#CHECKPOINTS} row for every part of {@link Table#checkpointedTables()}, and the run that
   * committed the latest of them. A chunk's checkpoint rows commit in the chunk's transaction, or
   * after all its other rows when a row error splits the chunk. Waits for a running write.
   *
   * @return the committed ranges sorted by first record, or empty if there are none
   * @throws WriteException naming the source key if the database cannot be read
   * @throws IllegalStateException if the writer is closed
   */
  @Override
  public Optional<SourceCheckpoint> checkpoint(String sourceKey) {
    Objects.requireNonNull(sourceKey, "sourceKey");
    lock.lock();
    try {
      requireOpen();
      return CommittedRanges.read(connection, layout, sourceKey);
    } catch (SQLException exception) {
      throw new WriteException(
          "reading the checkpoints of source "
              + sourceKey
              + " from "
              + layout.qualifiedName(Table.CHECKPOINTS)
              + " failed: "
              + StoreErrors.errorType(exception),
          exception);
    } finally {
      lock.unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("writer is closed");
    }
  }

  /**
   * Returns 1. Chunks written at once through several connections would commit in any order, so a
   * later row could be replaced by an earlier one with the same key, and such rows conflict in
   * DuckDB's optimistic concurrency control.
   */
  @Override
  public int maxConcurrentWrites() {
    return 1;
  }

  /**
   * The quoted, fully qualified name of the table, e.g. {@code "store"."clinical"."ci_patients"}
   * for the schema {@code clinical} and the prefix {@code ci_} in {@code store.duckdb}; for
   * queries. Thread-safe.
   */
  public String qualifiedName(Table table) {
    return layout.qualifiedName(table);
  }

  /**
   * Closes the connection, waiting for a running write; further calls do nothing. If no other
   * connection of this process uses the database, DuckDB checkpoints it (which may take seconds
   * after a large load) or, for an in-memory database, drops it.
   *
   * @throws WriteException if the connection fails to close
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      connection.close();
    } catch (SQLException exception) {
      throw new WriteException("closing the DuckDB connection failed", exception);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Configures a {@link DuckDbAppenderWriter}. Not thread-safe; {@link #build()} may be called more
   * than once, each time opening a new connection.
   */
  public static final class Builder {

    /** The default {@link #checkpointThreshold}: 256 MiB. */
    public static final long DEFAULT_CHECKPOINT_THRESHOLD = 256L << 20;

    private final String url;
    private final String description;
    private String schema = "main";
    private String tablePrefix = "";
    private long checkpointThreshold = DEFAULT_CHECKPOINT_THRESHOLD;
    private long memoryLimit;

    private Builder(String url, String description) {
      this.url = url;
      this.description = description;
    }

    /**
     * The schema of the tables, created if missing; {@code main} by default.
     *
     * @throws IllegalArgumentException unless it matches {@code [A-Za-z_][A-Za-z0-9_]*}
     */
    public Builder schema(String schema) {
      this.schema = Identifiers.require("schema", schema);
      return this;
    }

    /**
     * A prefix put before each table name, e.g. {@code ci_} for {@code ci_patients}; none by
     * default. An empty prefix means none.
     *
     * @throws IllegalArgumentException unless it is empty or matches {@code [A-Za-z_][A-Za-z0-9_]*}
     */
    public Builder tablePrefix(String tablePrefix) {
      Objects.requireNonNull(tablePrefix, "tablePrefix");
      this.tablePrefix =
          tablePrefix.isEmpty() ? "" : Identifiers.require("tablePrefix", tablePrefix);
      return this;
    }

    /**
     * The size in bytes of DuckDB's write-ahead log at which DuckDB checkpoints the database,
     * moving the committed rows into the database file; {@value #DEFAULT_CHECKPOINT_THRESHOLD} (256
     * MiB) by default, where DuckDB's own default is 16 MiB.
     *
     * <p>Checkpoints cost far more than their share of rows: at 16 MiB DuckDB checkpointed every
     * two or three chunks of 10,000 rows, each checkpoint took seconds and growing, and loading
     * 200,000 rows took about twice as long as at 256 MiB (see {@code DuckDbAppenderBenchmark}).
     * Above 256 MiB the gain was small. The price of a larger log: committed rows that are not
     * checkpointed yet take memory (about 300 MB for a 232 MB log), a process that dies replays the
     * log when the database is next opened, and {@link DuckDbAppenderWriter#close()} runs the last
     * checkpoint. Committed chunks are durable either way: the log is written and synced at every
     * commit.
     *
     * <p>The setting is global to the database instance, so other connections of this process to
     * the same database share it.
     *
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public Builder checkpointThreshold(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("checkpointThreshold must be > 0, was " + bytes);
      }
      this.checkpointThreshold = bytes;
      return this;
    }

    /**
     * The most memory DuckDB may use for this database, in bytes ({@code memory_limit}); by default
     * DuckDB's own limit, 80 % of the machine's memory.
     *
     * <p>DuckDB allocates outside the Java heap, so {@code -Xmx} does not bound it. Loading a 5.1
     * GiB file (9.2 million rows, NER off, {@code -Xmx512m}) took a peak resident set of 2,719 MiB
     * without a limit and 1,928 MiB with a limit of 1 GiB, at about the same speed (334 s and 353
     * s). A chunk that does not fit under the limit fails with a {@link WriteException} naming an
     * {@code Out of Memory Error} and how much DuckDB had in use: 16 MiB was too little for chunks
     * of 10,000 rows, while 64 MiB loaded 320,000 rows. Like {@link #checkpointThreshold}, the
     * setting is global to the database instance.
     *
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public Builder memoryLimit(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("memoryLimit must be > 0, was " + bytes);
      }
      this.memoryLimit = bytes;
      return this;
    }

    /**
     * Opens the database, sets its checkpoint threshold (and memory limit, if one was given) and
     * creates the missing schema and tables.
     *
     * @throws WriteException if the database cannot be opened (a directory, no permission, locked
     *     by another process) or an existing table does not match, with the cause chained
     */
    public DuckDbAppenderWriter build() {
      DuckDBConnection connection = open();
      try {
        try (Statement statement = connection.createStatement()) {
          statement.execute(
              "SET GLOBAL checkpoint_threshold = '" + checkpointThreshold + " bytes'");
          if (memoryLimit > 0) {
            statement.execute("SET GLOBAL memory_limit = '" + memoryLimit + " bytes'");
          }
        }
        return new DuckDbAppenderWriter(
            connection, TableLayout.create(connection, schema, tablePrefix));
      } catch (SQLException exception) {
        closeAfterFailure(connection, exception);
        throw new WriteException(
            "creating the tables in "
                + description
                + " failed: "
                + StoreErrors.errorType(exception),
            exception);
      } catch (RuntimeException exception) {
        closeAfterFailure(connection, exception);
        throw exception;
      }
    }

    private DuckDBConnection open() {
      try {
        Connection connection = new DuckDBDriver().connect(url, new Properties());
        return connection.unwrap(DuckDBConnection.class);
      } catch (SQLException exception) {
        throw new WriteException(
            "opening the " + description + " failed: " + StoreErrors.openFailure(exception),
            exception);
      }
    }

    private static void closeAfterFailure(Connection connection, Exception cause) {
      try {
        connection.close();
      } catch (SQLException closeFailure) {
        cause.addSuppressed(closeFailure);
      }
    }
  }
}
