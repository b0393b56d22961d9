package org.clinicalingest.benchmarks.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time the benchmark's PostgreSQL backends spent, read from {@code /proc/PID/stat} of the
 * backends whose {@code application_name} starts with {@code bench-}.
 *
 * <p>Design: on a shared machine wall-clock times of a server-bound benchmark mostly measure how
 * long the server waited for a core. CPU time per chunk is far less sensitive to that, so the
 * benchmark reports it next to JMH's time per chunk. It works only when the server runs on this
 * machine and its processes are readable (as under scripts/with-postgres.sh as root); otherwise it
 * reports nothing.
 */
final class PostgresServerCpu {

  private static final double TICKS_PER_SECOND = 100.0;

  private final String url;
  private final Map<Long, Long> baseline;

  private PostgresServerCpu(String url, Map<Long, Long> baseline) {
    this.url = url;
    this.baseline = baseline;
  }

  /** Starts counting from the backends' current CPU time. */
  static PostgresServerCpu start(String url) throws SQLException {
    return new PostgresServerCpu(url, ticksByBackend(url));
  }

  /** CPU milliseconds the benchmark backends spent since {@link #start}, or -1 if unreadable. */
  double millisSinceStart() throws SQLException {
    Map<Long, Long> now = ticksByBackend(url);
    if (now.isEmpty()) {
      return -1;
    }
    long ticks = 0;
    for (Map.Entry<Long, Long> backend : now.entrySet()) {
      ticks += backend.getValue() - baseline.getOrDefault(backend.getKey(), 0L);
    }
    return ticks * 1000 / TICKS_PER_SECOND;
  }

  private static Map<Long, Long> ticksByBackend(String url) throws SQLException {
    Map<Long, Long> ticks = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'bench-%'")) {
      while (result.next()) {
        long pid = result.getLong(1);
        Long cpu = cpuTicks(pid);
        if (cpu != null) {
          ticks.put(pid, cpu);
        }
      }
    }
    return ticks;
  }

  /** utime + stime of a process, the 14th and 15th fields of /proc/PID/stat, or null. */
  private static Long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}
