package org.clinicalingest.store.postgres.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Lends the writer's connections: at most {@code maxConnections} at once, and a connection that
 * failed is evicted from its pool instead of being returned to it.
 *
 * <p>Design: the semaphore keeps the writer within the connections it was given even if a caller
 * writes more chunks at once than {@code maxConcurrentWrites()} allows, so it never takes more from
 * a host's pool than configured. Each user holds one lease at a time and never waits for a second
 * connection while holding one, so even a single connection cannot deadlock. COPY runs on the
 * physical pgjdbc connection (reached through {@code unwrap}), so a pool never sees its failures
 * and would hand the broken connection out again: a failed lease is therefore evicted, with {@link
 * HikariDataSource#evictConnection} for a Hikari pool (closes it and lets the pool open a new one)
 * or, for any other pool, by closing the physical connection before returning the handle, so that
 * the pool's validation discards it.
 */
public final class ConnectionSource implements AutoCloseable {

  private final DataSource dataSource;
  private final boolean ownsDataSource;
  private final Semaphore permits;

  /**
   * Lends connections of {@code dataSource}, at most {@code maxConnections} at once; closes the
   * data source on {@link #close()} if {@code ownsDataSource}.
   */
  public ConnectionSource(DataSource dataSource, boolean ownsDataSource, int maxConnections) {
    this.dataSource = dataSource;
    this.ownsDataSource = ownsDataSource;
    this.permits = new Semaphore(maxConnections, true);
  }

  /**
   * Waits for a permit and a connection.
   *
   * @throws SQLException if the pool gives no connection
   * @throws InterruptedException if interrupted while waiting for a permit
   */
  public Lease lease() throws SQLException, InterruptedException {
    permits.acquire();
    try {
      return new Lease(dataSource.getConnection());
    } catch (SQLException | RuntimeException failure) {
      permits.release();
      throw failure;
    }
  }

  @Override
  public void close() {
    if (ownsDataSource && dataSource instanceof HikariDataSource pool) {
      pool.close();
    }
  }

  /** One borrowed connection; closing it returns the connection, or evicts it if it failed. */
  public final class Lease implements AutoCloseable {
    private final Connection connection;
    private boolean failed;

    private Lease(Connection connection) {
      this.connection = connection;
    }

    /** The borrowed connection. */
    public Connection connection() {
      return connection;
    }

    /** Marks the connection as failed: closing the lease evicts it. */
    public void fail() {
      failed = true;
    }

    @Override
    public void close() {
      try {
        if (failed) {
          evict();
        }
        connection.close();
      } catch (SQLException closeFailure) {
        // A failed connection may not close cleanly; it is discarded either way, and the failure
        // that made it fail was already reported by the caller.
      } finally {
        permits.release();
      }
    }

    private void evict() {
      if (dataSource instanceof HikariDataSource pool) {
        pool.evictConnection(connection);
        return;
      }
      try {
        if (connection.unwrap(PGConnection.class) instanceof Connection physical) {
          physical.close();
        }
      } catch (SQLException closeFailure) {
        // Closing a broken physical connection may fail; it is unusable either way.
      }
    }
  }
}
