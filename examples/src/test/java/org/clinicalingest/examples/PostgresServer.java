package org.clinicalingest.examples;

/** The throwaway PostgreSQL server that scripts/with-postgres.sh provides to the tests. */
final class PostgresServer {
  private PostgresServer() {}

  /** Its JDBC URL; fails (never skips) when the tests run without a server. */
  static String url() {
    String url = System.getenv("CLINICALINGEST_PG_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          "CLINICALINGEST_PG_URL is not set: run the tests with scripts/test.sh"
              + " (or scripts/with-postgres.sh mvn verify)");
    }
    return url;
  }
}
