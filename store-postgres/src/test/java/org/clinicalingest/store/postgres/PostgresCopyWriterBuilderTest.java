package org.clinicalingest.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Option checks; none of these opens a connection (the pool connects on the first write). */
class PostgresCopyWriterBuilderTest {

  private static final String URL = "jdbc:postgresql://127.0.0.1:1/none?user=u&password=s3cret";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "clinical\"; DROP TABLE patients; --",
        "clinical.other",
        "Clinical",
        "\"clinical\"",
        "",
        " clinical",
        "1clinical",
        "pg_catalog",
        "clinical\u0000",
        "ümlaut",
        "a_very_long_schema_name_that_is_more_than_sixty_three_characters_long"
      })
  void rejectsSchemaThatIsNotAStrictIdentifier(String schema) {
    assertThatThrownBy(() -> PostgresCopyWriter.builder(URL).schema(schema))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("schema must match [a-z_][a-z0-9_]*")
        .hasMessageContaining(", was \"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x\"; DROP SCHEMA public CASCADE; --",
        "ci-",
        "ci.",
        "CI_",
        "9ci_",
        "ci_\n",
        "a_prefix_so_long_that_ingest_quarantine_would_pass_63"
      })
  void rejectsTablePrefixThatIsNotAStrictIdentifier(String prefix) {
    assertThatThrownBy(() -> PostgresCopyWriter.builder(URL).tablePrefix(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tablePrefix must be empty or match [a-z_][a-z0-9_]*");
  }

  @Test
  void namesOptionAndValueInMessages() {
    assertThatThrownBy(() -> PostgresCopyWriter.builder(URL).schema("a;b"))
        .hasMessageEndingWith("was \"a;b\"");
    assertThatThrownBy(() -> PostgresCopyWriter.builder(URL).tablePrefix("ci\u0007"))
        .hasMessageEndingWith("was \"ci\\u0007\"");
    assertThatThrownBy(() -> PostgresCopyWriter.builder(URL).poolSize(0))
        .hasMessage("poolSize must be >= 1, was 0");
    assertThatThrownBy(() -> PostgresCopyWriter.builder(URL).maxAttempts(-1))
        .hasMessage("maxAttempts must be >= 1, was -1");
    assertThatThrownBy(
            () -> PostgresCopyWriter.builder(URL).connectionTimeout(Duration.ofMillis(5)))
        .hasMessage("connectionTimeout must be >= 250 ms, was PT0.005S");
    assertThatThrownBy(() -> PostgresCopyWriter.builder(URL).retryInitialBackoff(Duration.ZERO))
        .hasMessage("retryInitialBackoff must be > 0, was PT0S");
    assertThatThrownBy(() -> PostgresCopyWriter.builder(URL).circuitBreakerFailures(0))
        .hasMessage("circuitBreakerFailures must be >= 1, was 0");
  }

  @Test
  void acceptsValidIdentifiers() {
    try (PostgresCopyWriter writer =
        PostgresCopyWriter.builder(URL).schema("clinical_2024").tablePrefix("ci_").build()) {
      assertThat(writer).isNotNull();
    }
    try (PostgresCopyWriter writer = PostgresCopyWriter.builder(URL).tablePrefix("").build()) {
      assertThat(writer).isNotNull();
    }
  }

  @Test
  void rejectsNonPostgresUrlWithoutShowingIt() {
    assertThatThrownBy(() -> PostgresCopyWriter.builder("jdbc:mysql://h/db?password=s3cret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jdbcUrl must start with jdbc:postgresql:, was \"jdbc:mysql:...\"");
  }

  @Test
  void checksOptionsTogetherAndListsEveryProblem() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL);
    config.setMaximumPoolSize(3);
    config.setInitializationFailTimeout(-1);
    try (HikariDataSource host = new HikariDataSource(config)) {
      assertThatThrownBy(
              () ->
                  PostgresCopyWriter.builder(host)
                      .username("ingest")
                      .password("s3cret")
                      .poolSize(5)
                      .retryInitialBackoff(Duration.ofSeconds(20))
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("retryMaxBackoff must be >= retryInitialBackoff (PT20S), was PT10S")
          .hasMessageContaining("username applies only to a writer built from a JDBC URL")
          .hasMessageContaining("password applies only to a writer built from a JDBC URL")
          .hasMessageContaining("poolSize must be <= the data source's maximumPoolSize (3), was 5")
          .hasMessageNotContaining("s3cret");
    }
  }

  @Test
  void maxConcurrentWritesReflectsPoolAndConnectionsPerChunk() {
    assertThat(maxConcurrentWrites(4, true)).isEqualTo(1);
    assertThat(maxConcurrentWrites(8, true)).isEqualTo(2);
    assertThat(maxConcurrentWrites(9, true)).isEqualTo(2);
    assertThat(maxConcurrentWrites(2, true)).isEqualTo(1);
    assertThat(maxConcurrentWrites(1, true)).isEqualTo(1);
    assertThat(maxConcurrentWrites(4, false)).isEqualTo(4);
    assertThat(maxConcurrentWrites(1, false)).isEqualTo(1);
  }

  @Test
  void defaultsToHostPoolSize() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL);
    config.setMaximumPoolSize(12);
    config.setInitializationFailTimeout(-1);
    try (HikariDataSource host = new HikariDataSource(config);
        PostgresCopyWriter writer = PostgresCopyWriter.builder(host).build()) {
      assertThat(writer.maxConcurrentWrites()).isEqualTo(3);
    }
  }

  @Test
  void refusesWritesAfterClose() {
    PostgresCopyWriter writer = PostgresCopyWriter.builder(URL).build();
    writer.close();
    writer.close();

    assertThatThrownBy(() -> writer.write(TestRows.observations(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("PostgresCopyWriter is closed");
  }

  private static int maxConcurrentWrites(int poolSize, boolean parallelTables) {
    try (PostgresCopyWriter writer =
        PostgresCopyWriter.builder(URL).poolSize(poolSize).parallelTables(parallelTables).build()) {
      return writer.maxConcurrentWrites();
    }
  }
}
