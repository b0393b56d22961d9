package org.clinicalingest.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Eviction against a real pool and server: a failed connection is never handed out again. */
class ConnectionSourceIT {

  @Test
  void evictsFailedConnectionFromHikariPool() throws Exception {
    try (HikariDataSource pool = pool()) {
      ConnectionSource source = new ConnectionSource(pool, false, 1);
      int first;
      try (ConnectionSource.Lease lease = source.lease()) {
        first = backendPid(lease.connection());
      }
      int reused;
      try (ConnectionSource.Lease lease = source.lease()) {
        reused = backendPid(lease.connection());
        lease.fail();
      }
      int fresh;
      try (ConnectionSource.Lease lease = source.lease()) {
        fresh = backendPid(lease.connection());
      }

      assertThat(reused).as("a healthy connection returns to the pool").isEqualTo(first);
      assertThat(fresh).as("a failed connection is evicted").isNotEqualTo(reused);
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(1);
    }
  }

  @Test
  void neverLendsMoreThanItsPermits() throws Exception {
    try (HikariDataSource pool = pool()) {
      ConnectionSource source = new ConnectionSource(pool, false, 1);
      AtomicBoolean secondLent = new AtomicBoolean();
      Thread waiting;
      try (ConnectionSource.Lease held = source.lease()) {
        assertThat(held.connection().isValid(1)).isTrue();
        waiting =
            new Thread(
                () -> {
                  try (ConnectionSource.Lease second = source.lease()) {
                    secondLent.set(second.connection().isValid(1));
                  } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                });
        waiting.start();
        waiting.join(500);
        assertThat(waiting.isAlive()).as("second lease waits while the first is held").isTrue();
      }
      waiting.join(10_000);
      assertThat(secondLent).as("second lease granted once the first is returned").isTrue();
    }
  }

  private static HikariDataSource pool() {
    String url = System.getenv("CLINICALINGEST_PG_URL");
    if (url == null || url.isBlank()) {
      fail(
          "CLINICALINGEST_PG_URL is not set: run the PostgreSQL tests through"
              + " scripts/with-postgres.sh or scripts/test.sh");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(1);
    return new HikariDataSource(config);
  }

  private static int backendPid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
      result.next();
      return result.getInt(1);
    }
  }
}
