package org.clinicalingest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.clinicalingest.IngestionPipeline;
import org.clinicalingest.RecordCounts;
import org.clinicalingest.RunSummary;
import org.clinicalingest.examples.generate.GenerationSummary;
import org.clinicalingest.examples.generate.LeakCheck;
import org.clinicalingest.examples.generate.LeakReport;
import org.clinicalingest.examples.generate.SyntheticDataGenerator;
import org.clinicalingest.examples.generate.TextLookup;
import org.clinicalingest.ner.corenlp.CoreNlpRedactor;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.store.duckdb.DuckDbAppenderWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated data with bad records of every kind of FORMAT.md, ingested into a real DuckDB file:
 * exactly the invalid units are quarantined, the rest is written, and the PHI put into the notes
 * does not reach the table.
 */
class GeneratedDataIngestIT {

  @TempDir Path dir;

  @Test
  void quarantinesExactlyTheInvalidUnitsAndWritesTheRest() throws SQLException {
    Path input = dir.resolve("patients.ndjson");
    GenerationSummary generated =
        SyntheticDataGenerator.builder()
            .patients(400)
            .seed(5)
            .ndjson(true)
            .invalidRate(0.08)
            .duplicateRate(0.02)
            .build()
            .write(input, dir.resolve("gold.jsonl"));
    Path database = dir.resolve("clinical.duckdb");

    RunSummary summary;
    try (IngestionPipeline pipeline =
        IngestionPipeline.builder()
            .writer(DuckDbAppenderWriter.builder(database).build())
            .chunkRows(500)
            .build()) {
      summary = pipeline.run(input);
    }

    assertThat(generated.defects().values()).allMatch(count -> count > 0);
    assertThat(summary.read()).isEqualTo(generated.records());
    assertThat(summary.quarantined()).isEqualTo(generated.expectedQuarantined());
    assertThat(summary.duplicates()).isEqualTo(generated.duplicates());
    assertThat(summary.isBalanced()).isTrue();
    RecordCounts rows = minus(summary.written(), summary.duplicates());
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database)) {
      assertThat(count(connection, "patients")).isEqualTo(rows.patients());
      assertThat(count(connection, "encounters")).isEqualTo(rows.encounters());
      assertThat(count(connection, "observations")).isEqualTo(rows.observations());
      assertThat(count(connection, "ingest_quarantine")).isEqualTo(summary.quarantined().total());
      assertThat(count(connection, "ingest_quarantine WHERE len(reasons) = 0")).isZero();

      LeakReport leaks;
      try (TextLookup written = TextLookup.jdbc(connection, "observations")) {
        leaks = LeakCheck.run(dir.resolve("gold.jsonl"), written);
      }
      for (PhiType patternCategory : List.of(PhiType.EMAIL, PhiType.SSN, PhiType.URL, PhiType.IP)) {
        assertThat(leaks.phi().get(patternCategory).found()).as(patternCategory.name()).isZero();
      }
    }
  }

  @Test
  void coreNlpRedactorRemovesNamesFromNotesEndToEnd() throws SQLException {
    Path input = dir.resolve("patients.ndjson");
    Path gold = dir.resolve("gold.jsonl");
    SyntheticDataGenerator.builder().patients(60).seed(9).ndjson(true).build().write(input, gold);
    Path database = dir.resolve("ner.duckdb");

    try (IngestionPipeline pipeline =
        IngestionPipeline.builder()
            .writer(DuckDbAppenderWriter.builder(database).build())
            .redactor(CoreNlpRedactor.builder().threads(2).build())
            .build()) {
      pipeline.run(input);
    }

    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
        TextLookup written = TextLookup.jdbc(connection, "observations")) {
      LeakReport leaks = LeakCheck.run(gold, written);
      LeakReport.Count names = leaks.phi().get(PhiType.NAME);
      assertThat(names.checked()).isPositive();
      assertThat((double) names.found() / names.checked()).isLessThan(0.01);
      LeakReport.Count places = leaks.phi().get(PhiType.LOCATION);
      assertThat(places.checked()).isPositive();
      assertThat((double) places.found() / places.checked()).isLessThan(0.03);
      assertThat(leaks.keep().foundShare()).isGreaterThan(0.98);
    }
  }

  private static RecordCounts minus(RecordCounts counts, RecordCounts subtracted) {
    return new RecordCounts(
        counts.patients() - subtracted.patients(),
        counts.encounters() - subtracted.encounters(),
        counts.observations() - subtracted.observations());
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
