package org.clinicalingest.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.SourceCheckpoint;
import org.clinicalingest.spi.WriteResult;
import org.clinicalingest.store.postgres.internal.ChunkWriter;
import org.clinicalingest.store.postgres.internal.ConnectionSource;
import org.clinicalingest.store.postgres.internal.Identifiers;
import org.clinicalingest.store.postgres.internal.ResilienceSettings;

/**
 * A {@link BulkWriter} that loads chunks into PostgreSQL with binary {@code COPY}.
 *
 * <p>On the first write it creates the schema and the four tables of {@link
 * org.clinicalingest.spi.Table} if they are missing (columns in row order, NOT NULL where a column
 * is not nullable, the primary key on the key columns). Each table's part of a chunk is written in
 * one transaction, so it commits atomically: copied into a temporary staging table and upserted
 * into its table ({@code INSERT ... ON CONFLICT (key) DO UPDATE}), so a row whose key exists
 * replaces it and a repeated run leaves the same rows. (When none of a part's keys exists yet, as
 * in a first run, a COPY straight into the table does the same in one pass.) The parts of a chunk
 * are written in parallel on separate connections when the writer has enough of them; no foreign
 * keys join the tables, so they commit independently and a reader may briefly see a chunk's
 * observations before its patients.
 *
 * <p>A row the database refuses (e.g. a NULL in a NOT NULL column) is isolated by splitting the
 * part and reported as a {@link org.clinicalingest.spi.RowFailure} with its SQLSTATE and the
 * constraint's or column's name; the rest is written. A row whose text holds NUL (U+0000) or an
 * unpaired UTF-16 surrogate, which PostgreSQL text cannot store, is reported the same way with the
 * reason {@code text contains NUL (U+0000), column notes} (or {@code text contains an unpaired
 * UTF-16 surrogate, column ...}) and not written; its text is never altered. Transient failures
 * (lost connection, serialization failure, deadlock, too many connections, server shutdown) are
 * retried on a fresh connection with exponential backoff and jitter; after a run of consecutive
 * failed attempts a circuit breaker stops the run with one {@link
 * org.clinicalingest.WriteException}. No message, log line or exception of this writer contains a
 * column value.
 *
 * <pre>{@code
 * try (PostgresCopyWriter writer =
 *     PostgresCopyWriter.builder("jdbc:postgresql://db:5432/clinical")
 *         .username("ingest")
 *         .password(password)
 *         .schema("clinical")
 *         .poolSize(8)
 *         .build()) {
 *   WriteResult result = writer.write(chunk);
 * }
 * }</pre>
 *
 * <p>Thread-safe: up to {@link #maxConcurrentWrites()} chunks may be written at once (more calls
 * wait for connections).
 */
public final class PostgresCopyWriter implements BulkWriter {

  private final ChunkWriter chunkWriter;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PostgresCopyWriter(ChunkWriter chunkWriter) {
    this.chunkWriter = chunkWriter;
  }

  /**
   * A builder for a writer that borrows connections from the host's pool, which it does not close.
   * It uses at most {@link Builder#poolSize} of them at once (by default the maximum pool size of a
   * {@link HikariDataSource}, else 4).
   *
   * @throws NullPointerException if {@code dataSource} is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"), null);
  }

  /**
   * A builder for a writer that opens its own small HikariCP pool to {@code jdbcUrl} (e.g. {@code
   * jdbc:postgresql://host:5432/db?user=ingest&password=secret}, or set {@link Builder#username}
   * and {@link Builder#password}) and closes it in {@link #close()}.
   *
   * @throws IllegalArgumentException if the URL is not a {@code jdbc:postgresql:} URL
   */
  public static Builder builder(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "jdbcUrl must start with jdbc:postgresql:, was " + urlScheme(jdbcUrl));
    }
    return new Builder(null, jdbcUrl);
  }

  /**
   * Writes and commits one chunk; see the class description for what happens to refused rows.
   *
   * @throws org.clinicalingest.WriteException if PostgreSQL fails for good or the circuit is open;
   *     the message names table, chunk and SQLSTATE
   * @throws IllegalArgumentException if a row has the wrong number of values or a value of the
   *     wrong Java type, or two rows of a table share a key
   * @throws IllegalStateException if the writer is closed
   */
  @Override
  public WriteResult write(Chunk chunk) {
    if (closed.get()) {
      throw new IllegalStateException("PostgresCopyWriter is closed");
    }
    return chunkWriter.write(Objects.requireNonNull(chunk, "chunk"));
  }

  /**
   * The ranges of a source committed by earlier runs: those whose every table part's checkpoint row
   * is committed.
   *
   * @throws org.clinicalingest.WriteException if the server cannot be read
   */
  @Override
  public Optional<SourceCheckpoint> checkpoint(String sourceKey) {
    return chunkWriter.checkpoint(sourceKey);
  }

  /**
   * How many chunks can be written at once without waiting for connections: the pool size divided
   * by the connections one chunk uses (four with parallel tables, one without), at least 1.
   */
  @Override
  public int maxConcurrentWrites() {
    return chunkWriter.maxConcurrentWrites();
  }

  /**
   * Attempts that failed transiently and were retried (or stopped by the breaker) since the writer
   * was built; for summaries and monitoring.
   */
  public long transientFailures() {
    return chunkWriter.transientFailures();
  }

  /** Waits for running writes and closes the writer's own pool, if it has one. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      chunkWriter.close();
    }
  }

  private static String urlScheme(String url) {
    if (url == null) {
      return "null";
    }
    int second = url.indexOf(':', url.indexOf(':') + 1);
    return second < 0 ? "a URL without scheme" : "\"" + url.substring(0, second + 1) + "...\"";
  }

  /**
   * Options of a {@link PostgresCopyWriter}. Each setter checks its value at once and throws {@link
   * IllegalArgumentException} naming option and value; {@link #build()} checks the options
   * together. Not thread-safe.
   */
  public static final class Builder {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final DataSource dataSource;
    private final String jdbcUrl;
    private String schema = "public";
    private String tablePrefix = "";
    private Integer poolSize;
    private boolean parallelTables = true;
    private String username;
    private String password;
    private Duration connectionTimeout;
    private int maxAttempts = 6;
    private Duration retryInitialBackoff = Duration.ofMillis(250);
    private Duration retryMaxBackoff = Duration.ofSeconds(10);
    private Integer circuitBreakerFailures;
    private Duration circuitBreakerOpenDuration = Duration.ofSeconds(60);

    private Builder(DataSource dataSource, String jdbcUrl) {
      this.dataSource = dataSource;
      this.jdbcUrl = jdbcUrl;
    }

    /**
     * Schema of the tables, created if missing; default {@code public}. Lower-case letters, digits
     * and underscores, starting with a letter or underscore, at most 63 characters, not {@code
     * pg_...}; always quoted.
     */
    public Builder schema(String schema) {
      this.schema = Identifiers.checkSchema(schema);
      return this;
    }

    /**
     * Prefix of every table name, e.g. {@code ci_} for {@code ci_patients}; default none. Empty or
     * lower-case letters, digits and underscores starting with a letter or underscore, short enough
     * that every table name stays within 63 characters; always quoted.
     */
    public Builder tablePrefix(String tablePrefix) {
      this.tablePrefix = Identifiers.checkTablePrefix(tablePrefix);
      return this;
    }

    /**
     * Most connections the writer uses at once. With a JDBC URL, the size of its own pool (default
     * 4); with a data source, how many of the host's connections it may take (default: the maximum
     * pool size of a {@link HikariDataSource}, which it must not exceed, else 4).
     */
    public Builder poolSize(int poolSize) {
      if (poolSize < 1) {
        throw new IllegalArgumentException("poolSize must be >= 1, was " + poolSize);
      }
      this.poolSize = poolSize;
      return this;
    }

    /**
     * Whether the table parts of a chunk are written in parallel on separate connections (default
     * true); with fewer connections than parts, as many as there are connections.
     */
    public Builder parallelTables(boolean parallelTables) {
      this.parallelTables = parallelTables;
      return this;
    }

    /** User name for the writer's own pool; only with a JDBC URL. Default: the URL's. */
    public Builder username(String username) {
      if (username == null || username.isEmpty()) {
        throw new IllegalArgumentException("username must not be empty, was " + show(username));
      }
      this.username = username;
      return this;
    }

    /** Password for the writer's own pool; only with a JDBC URL. Never shown in messages. */
    public Builder password(String password) {
      if (password == null) {
        throw new IllegalArgumentException("password must not be null");
      }
      this.password = password;
      return this;
    }

    /**
     * How long the writer's own pool waits for a connection before the attempt fails (and is
     * retried); at least 250 ms, default 5 s; only with a JDBC URL.
     */
    public Builder connectionTimeout(Duration connectionTimeout) {
      if (connectionTimeout == null || connectionTimeout.toMillis() < 250) {
        throw new IllegalArgumentException(
            "connectionTimeout must be >= 250 ms, was " + connectionTimeout);
      }
      this.connectionTimeout = connectionTimeout;
      return this;
    }

    /**
     * Attempts per table part of a chunk after transient failures, the first included; default 10.
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Wait before the first retry, default 250 ms; each further wait doubles (±50 % random jitter),
     * up to {@link #retryMaxBackoff}.
     */
    public Builder retryInitialBackoff(Duration retryInitialBackoff) {
      this.retryInitialBackoff = positive("retryInitialBackoff", retryInitialBackoff);
      return this;
    }

    /** Longest wait between two attempts; default 10 s. */
    public Builder retryMaxBackoff(Duration retryMaxBackoff) {
      this.retryMaxBackoff = positive("retryMaxBackoff", retryMaxBackoff);
      return this;
    }

    /**
     * Consecutive failed attempts, counted over all the writer's connections, that open the
     * circuit; default {@code max(5, 2 * poolSize + 1)}, so that a restart, which fails about one
     * attempt per connection, is ridden out.
     */
    public Builder circuitBreakerFailures(int circuitBreakerFailures) {
      if (circuitBreakerFailures < 1) {
        throw new IllegalArgumentException(
            "circuitBreakerFailures must be >= 1, was " + circuitBreakerFailures);
      }
      this.circuitBreakerFailures = circuitBreakerFailures;
      return this;
    }

    /** How long an open circuit refuses writes before letting one try; default 60 s. */
    public Builder circuitBreakerOpenDuration(Duration circuitBreakerOpenDuration) {
      this.circuitBreakerOpenDuration =
          positive("circuitBreakerOpenDuration", circuitBreakerOpenDuration);
      return this;
    }

    /**
     * Checks the options together and builds the writer. With a JDBC URL this creates the pool but
     * opens no connection yet: the first write connects and creates the tables.
     *
     * @throws IllegalArgumentException listing every option that does not fit the others
     */
    public PostgresCopyWriter build() {
      List<String> problems = new ArrayList<>();
      if (retryMaxBackoff.compareTo(retryInitialBackoff) < 0) {
        problems.add(
            "retryMaxBackoff must be >= retryInitialBackoff ("
                + retryInitialBackoff
                + "), was "
                + retryMaxBackoff);
      }
      int maxConnections;
      if (dataSource != null) {
        for (String urlOnly : urlOnlyOptionsSet()) {
          problems.add(urlOnly + " applies only to a writer built from a JDBC URL");
        }
        int hostPoolSize =
            dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : 0;
        if (poolSize != null && hostPoolSize > 0 && poolSize > hostPoolSize) {
          problems.add(
              "poolSize must be <= the data source's maximumPoolSize ("
                  + hostPoolSize
                  + "), was "
                  + poolSize);
        }
        maxConnections = poolSize != null ? poolSize : hostPoolSize > 0 ? hostPoolSize : 4;
      } else {
        maxConnections = poolSize != null ? poolSize : 4;
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      ResilienceSettings resilience =
          new ResilienceSettings(
              maxAttempts,
              retryInitialBackoff,
              retryMaxBackoff,
              circuitBreakerFailures != null
                  ? circuitBreakerFailures
                  : Math.max(5, 2 * maxConnections + 1),
              circuitBreakerOpenDuration);
      ConnectionSource connections =
          dataSource != null
              ? new ConnectionSource(dataSource, false, maxConnections)
              : new ConnectionSource(ownPool(maxConnections), true, maxConnections);
      return new PostgresCopyWriter(
          new ChunkWriter(
              schema, tablePrefix, connections, maxConnections, parallelTables, resilience));
    }

    private List<String> urlOnlyOptionsSet() {
      List<String> set = new ArrayList<>();
      if (username != null) {
        set.add("username");
      }
      if (password != null) {
        set.add("password");
      }
      if (connectionTimeout != null) {
        set.add("connectionTimeout");
      }
      return set;
    }

    /**
     * A pool that opens connections only when asked (the first write connects) and asks pgjdbc to
     * leave the DETAIL of server errors, which may quote row values, out of exception messages.
     */
    private HikariDataSource ownPool(int size) {
      HikariConfig config = new HikariConfig();
      config.setPoolName("clinicalingest-postgres-pool-" + POOLS.incrementAndGet());
      config.setJdbcUrl(jdbcUrl);
      if (username != null) {
        config.setUsername(username);
      }
      if (password != null) {
        config.setPassword(password);
      }
      config.setMaximumPoolSize(size);
      config.setMinimumIdle(0);
      config.setInitializationFailTimeout(-1);
      config.setConnectionTimeout(
          (connectionTimeout != null ? connectionTimeout : Duration.ofSeconds(5)).toMillis());
      config.addDataSourceProperty("logServerErrorDetail", "false");
      config.addDataSourceProperty("ApplicationName", "clinical-ingest");
      return new HikariDataSource(config);
    }

    private static Duration positive(String option, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(option + " must be > 0, was " + value);
      }
      return value;
    }

    private static String show(String value) {
      return value == null ? "null" : "\"" + value + "\"";
    }
  }
}
