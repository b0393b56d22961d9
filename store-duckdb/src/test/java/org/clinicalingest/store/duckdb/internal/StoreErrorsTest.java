package org.clinicalingest.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** DuckDB 1.4 messages, as its JDBC driver reported them. */
class StoreErrorsTest {

  private static final String APPENDER =
      "Appender error, catalog: 'null', schema: 'main', table: 'patients', message: ";

  @Test
  void notNullViolationIsRowErrorNamingColumn() {
    SQLException error =
        new SQLException(APPENDER + "Failed to append: NOT NULL constraint failed: patients.city");

    assertThat(StoreErrors.isRowError(error)).isTrue();
    assertThat(StoreErrors.rowReason(error))
        .isEqualTo("Constraint Error: NOT NULL constraint failed: patients.city");
  }

  @Test
  void duplicateKeyReasonLeavesOutTheKeyValue() {
    SQLException appended =
        new SQLException(
            APPENDER
                + "Failed to append: PRIMARY KEY or UNIQUE constraint violation: duplicate key"
                + " \"Jane Doe\"");
    SQLException inserted =
        new SQLException(
            "Constraint Error: Duplicate key \"patient_id: Jane Doe\" violates primary key"
                + " constraint.");

    for (SQLException error : new SQLException[] {appended, inserted}) {
      assertThat(StoreErrors.isRowError(error)).isTrue();
      assertThat(StoreErrors.rowReason(error))
          .isEqualTo("Constraint Error: duplicate key violates PRIMARY KEY or UNIQUE constraint")
          .doesNotContain("Jane");
    }
  }

  @Test
  void conversionErrorReasonLeavesOutTheValue() {
    SQLException error =
        new SQLException(
            "Conversion Error: Could not convert string 'Jane Doe' to INT32\n\nLINE 1: SELECT");

    assertThat(StoreErrors.isRowError(error)).isTrue();
    assertThat(StoreErrors.rowReason(error)).isEqualTo("Conversion Error");
  }

  @Test
  void openFailureKeepsTheFirstLineOfAnIoErrorOnly() {
    SQLException locked =
        new SQLException(
            "IO Error: Could not set lock on file \"/data/x.duckdb\": Conflicting lock is held in"
                + " /usr/bin/java (PID 42)\nSee also https://duckdb.org/docs");
    SQLException replayed =
        new SQLException(
            "Constraint Error: PRIMARY KEY or UNIQUE constraint violation: duplicate key"
                + " \"Jane Doe\"");

    assertThat(StoreErrors.openFailure(locked))
        .isEqualTo(
            "IO Error: Could not set lock on file \"/data/x.duckdb\": Conflicting lock is held in"
                + " /usr/bin/java (PID 42)");
    assertThat(StoreErrors.openFailure(replayed)).isEqualTo("Constraint Error");
  }

  @Test
  void ioAndTransactionErrorsAreStoreFailures() {
    SQLException io =
        new SQLException("IO Error: Could not read from file \"/data/x\": Is a directory");
    SQLException aborted =
        new SQLException(
            "TransactionContext Error: Current transaction is aborted (please ROLLBACK)");
    SQLException readOnly =
        new SQLException(
            "Invalid Input Error: Cannot execute statement of type INSERT on database \"x\""
                + " which is attached in read-only mode!");
    SQLException closed = new SQLException("Connection was closed");

    assertThat(StoreErrors.isRowError(io)).isFalse();
    assertThat(StoreErrors.isRowError(aborted)).isFalse();
    assertThat(StoreErrors.isRowError(readOnly)).isFalse();
    assertThat(StoreErrors.isRowError(closed)).isFalse();
    assertThat(StoreErrors.errorType(io)).isEqualTo("IO Error");
    assertThat(StoreErrors.errorType(aborted)).isEqualTo("TransactionContext Error");
    assertThat(StoreErrors.errorType(readOnly)).isEqualTo("Invalid Input Error");
    assertThat(StoreErrors.errorType(closed)).isEqualTo("connection closed");
  }

  @Test
  void memoryLimitReachedIsOutOfMemoryWithTheSizesInUse() {
    SQLException commit =
        new SQLException(
            "TransactionContext Error: Failed to commit: failed to pin block of size 256.0 KiB"
                + " (15.8 MiB/16.0 MiB used)");
    SQLException plain =
        new SQLException(
            "Out of Memory Error: could not allocate block of size 256.0 KiB (1.9 GiB/2.0 GiB"
                + " used)");

    assertThat(StoreErrors.isRowError(commit)).isFalse();
    assertThat(StoreErrors.errorType(commit))
        .isEqualTo("Out of Memory Error (15.8 MiB of DuckDB's 16.0 MiB memory limit in use)");
    assertThat(StoreErrors.errorType(plain))
        .isEqualTo("Out of Memory Error (1.9 GiB of DuckDB's 2.0 GiB memory limit in use)");
  }

  @Test
  void unknownMessageGivesGenericTypeInsteadOfItsText() {
    SQLException error = new SQLException("Jane Doe Error: something");

    assertThat(StoreErrors.errorType(error)).isEqualTo("database error");
  }
}
