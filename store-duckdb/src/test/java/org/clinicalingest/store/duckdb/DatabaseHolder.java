package org.clinicalingest.store.duckdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Another process holding a DuckDB database open, as a user's DuckDB shell would: DuckDB locks the
 * file for the process that opened it, so this one's writers cannot open it.
 */
final class DatabaseHolder {

  private static final String OPEN = "open";

  private DatabaseHolder() {}

  /**
   * Starts a JVM on this test's class path that opens {@code database} and keeps it open until it
   * is destroyed; returns once the database is open.
   */
  static Process start(Path database) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    DatabaseHolder.class.getName(),
                    database.toString()))
            .redirectErrorStream(true)
            .start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = output.readLine();
    if (!OPEN.equals(line)) {
      process.destroy();
      throw new IllegalStateException("the holding process did not open the database: " + line);
    }
    return process;
  }

  /**
   * Opens the database given as the only argument, says {@value #OPEN} and waits for the end of its
   * standard input or to be destroyed.
   */
  public static void main(String[] args) throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
      System.out.println(OPEN);
      System.out.flush();
      System.in.read();
    }
  }
}
