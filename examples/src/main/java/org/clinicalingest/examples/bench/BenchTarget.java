package org.clinicalingest.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.store.duckdb.DuckDbAppenderWriter;
import org.clinicalingest.store.postgres.PostgresCopyWriter;

/**
 * A fresh, empty store for one benchmark variant: a new DuckDB file in a scratch directory, or a
 * new schema in a PostgreSQL database.
 */
public final class BenchTarget {
  private final Path directory;
  private final String postgresUrl;

  private BenchTarget(Path directory, String postgresUrl) {
    this.directory = directory;
    this.postgresUrl = postgresUrl;
  }

  /** DuckDB files under {@code directory}. */
  public static BenchTarget duckDb(Path directory) {
    return new BenchTarget(directory, null);
  }

  /** Schemas in the PostgreSQL database at {@code jdbcUrl}. */
  public static BenchTarget postgres(String jdbcUrl) {
    return new BenchTarget(null, jdbcUrl);
  }

  /** The store's name for reports. */
  public String storeName() {
    return postgresUrl == null ? "duckdb" : "postgres";
  }

  /** The dialect of the seed design's INSERTs. */
  SeedDesign.Sql dialect() {
    return postgresUrl == null ? SeedDesign.Sql.DUCKDB : SeedDesign.Sql.POSTGRES;
  }

  /** A writer on a fresh, empty store named {@code variant}, tables created. */
  public BulkWriter freshWriter(String variant) {
    if (postgresUrl != null) {
      dropSchema(variant);
      return PostgresCopyWriter.builder(postgresUrl).schema(variant).build();
    }
    Path file = directory.resolve(variant + ".duckdb");
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(directory.resolve(variant + ".duckdb.wal"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return DuckDbAppenderWriter.builder(file).build();
  }

  /**
   * Creates the empty tables of {@code variant} for code that writes them itself. A writer creates
   * its tables when first used; reading the checkpoints of a source is a use that writes no row.
   */
  void createEmptyTables(String variant) {
    try (BulkWriter writer = freshWriter(variant)) {
      writer.checkpoint(variant);
    }
  }

  /** A JDBC connection to the store of {@code variant}. */
  Connection connect(String variant) throws SQLException {
    if (postgresUrl != null) {
      return DriverManager.getConnection(postgresUrl);
    }
    return DriverManager.getConnection("jdbc:duckdb:" + directory.resolve(variant + ".duckdb"));
  }

  /** The prefix that qualifies the tables of {@code variant} in SQL. */
  String tablePrefix(String variant) {
    return postgresUrl == null ? "" : variant + ".";
  }

  private void dropSchema(String schema) {
    try (Connection connection = DriverManager.getConnection(postgresUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset schema " + schema + ": " + e.getSQLState(), e);
    }
  }
}
