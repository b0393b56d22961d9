package org.clinicalingest.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class SqlFailuresTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "08000", "08001", "08003", "08006", "40001", "40P01", "53300", "57P01", "57P02", "57P03"
      })
  void retriesTransientStates(String state) {
    assertThat(SqlFailures.isTransient(new SQLException("x", state))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"23502", "23505", "22P02", "42501", "42P01", "53100", "28P01", "P0001", "XX000"})
  void doesNotRetryOtherStates(String state) {
    assertThat(SqlFailures.isTransient(new SQLException("x", state))).isFalse();
  }

  @Test
  void findsStateOfPoolTimeoutInItsCause() {
    SQLException refused = new SQLException("Connection refused", "08001");
    SQLTransientConnectionException timeout =
        new SQLTransientConnectionException("pool timed out", null, refused);

    assertThat(SqlFailures.sqlState(timeout)).isEqualTo("08001");
    assertThat(SqlFailures.isTransient(timeout)).isTrue();
    assertThat(SqlFailures.isTransient(new SQLTransientConnectionException("timed out"))).isTrue();
  }

  @Test
  void isolatesRowsOnlyForDataAndConstraintErrors() {
    assertThat(SqlFailures.isRowLevel(new SQLException("x", "23502"))).isTrue();
    assertThat(SqlFailures.isRowLevel(new SQLException("x", "22008"))).isTrue();
    assertThat(SqlFailures.isRowLevel(new SQLException("x", "54000"))).isTrue();
    assertThat(SqlFailures.isRowLevel(new SQLException("x", "42703"))).isFalse();
    assertThat(SqlFailures.isRowLevel(new SQLException("x", "08006"))).isFalse();
  }

  @Test
  void reasonHoldsStateAndConstraintButNoServerText() {
    PSQLException violation =
        new PSQLException(
            new ServerErrorMessage(
                "SERROR\0C23505\0Mduplicate key value violates unique constraint \"obs_pkey\"\0"
                    + "DKey (observation_id)=(secret-value) already exists.\0nobs_pkey\0"));

    assertThat(SqlFailures.reason(violation)).isEqualTo("SQLSTATE 23505, constraint obs_pkey");
  }

  @Test
  void reasonNamesColumnWhenThereIsNoConstraint() {
    PSQLException violation =
        new PSQLException(
            new ServerErrorMessage(
                "SERROR\0C23502\0Mnull value in column \"code\"\0"
                    + "DFailing row contains (secret-value, null).\0ccode\0"));

    assertThat(SqlFailures.reason(violation)).isEqualTo("SQLSTATE 23502, column code");
  }

  @Test
  void redactedCopyKeepsClassStateAndStackButNoMessage() {
    SQLException failure = new SQLException("Failing row contains (secret-value)", "08006");
    failure.initCause(new EOFException("secret-value too"));

    RedactedSqlException redacted = SqlFailures.redact(failure);

    assertThat(redacted.getSQLState()).isEqualTo("08006");
    assertThat(redacted.getMessage())
        .startsWith("java.sql.SQLException (SQLSTATE 08006)")
        .doesNotContain("secret");
    assertThat(redacted.getStackTrace()).isEqualTo(failure.getStackTrace());
    assertThat(redacted.getCause().getMessage())
        .startsWith("java.io.EOFException")
        .doesNotContain("secret");
  }
}
