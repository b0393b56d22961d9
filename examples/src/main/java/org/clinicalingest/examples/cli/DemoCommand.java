package org.clinicalingest.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clinicalingest.IngestionPipeline;
import org.clinicalingest.JsonInputFormat;
import org.clinicalingest.RunSummary;
import org.clinicalingest.examples.generate.GenerationSummary;
import org.clinicalingest.examples.generate.LeakCheck;
import org.clinicalingest.examples.generate.LeakReport;
import org.clinicalingest.examples.generate.SyntheticDataGenerator;
import org.clinicalingest.examples.generate.TextLookup;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: generates synthetic patients (a few of them invalid or repeated on purpose),
 * ingests them into a fresh {@code ./demo.duckdb}, then shows what was written, what was
 * quarantined and why, a note before and after redaction, and the leak check against the gold file
 * of the PHI the generator inserted.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Generate sample data, ingest it into ./demo.duckdb and show the result.")
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--patients",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Patients to generate (default: ${DEFAULT-VALUE}).")
  long patients;

  @Option(
      names = "--database",
      paramLabel = "PATH",
      defaultValue = "demo.duckdb",
      description =
          "DuckDB file to create, replacing an earlier demo's (default: ${DEFAULT-VALUE}).")
  Path database;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "demo-data",
      description = "Where the generated files go (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Mixin PipelineOptions pipelineOptions;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, SQLException {
    if (patients < 1) {
      throw new ParameterException(
          spec.commandLine(), "--patients must be at least 1, was " + patients);
    }
    PrintWriter out = spec.commandLine().getOut();
    Files.createDirectories(dataDir);
    Path input = dataDir.resolve("patients.ndjson");
    Path gold = dataDir.resolve("patients.gold.jsonl");
    out.println("== 1. Generating " + patients + " synthetic patients into " + input);
    GenerationSummary generated =
        SyntheticDataGenerator.builder()
            .patients(patients)
            .seed(7)
            .ndjson(true)
            .invalidRate(0.02)
            .duplicateRate(0.01)
            .build()
            .write(input, gold);
    out.println(generated.table());

    out.println("== 2. Ingesting into " + database + " (NER: " + pipelineOptions.ner + ")");
    Files.deleteIfExists(database);
    Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
    IngestCommand.StoreOptions store = new IngestCommand.StoreOptions();
    store.duckdb = database;
    ProgressLine progress = new ProgressLine(spec.commandLine().getErr());
    RunSummary summary;
    try (IngestionPipeline pipeline =
        pipelineOptions.build(
            spec.commandLine(), store, builder -> builder.progressListener(progress))) {
      summary = pipeline.run(input);
    } finally {
      progress.finish();
    }
    SummaryPrinter.print(summary, out);

    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database)) {
      out.println();
      out.println("== 3. Rows in " + database);
      for (String table :
          new String[] {"patients", "encounters", "observations", "ingest_quarantine"}) {
        out.printf(Locale.ROOT, "%-18s %,10d%n", table, count(connection, table));
      }
      out.println();
      out.println("== 4. One note before and after redaction");
      printSampleNote(connection, input, out);
      out.println();
      out.println(
          "== 5. Leak check: PHI the generator put in the notes, still present after redaction");
      try (TextLookup written = TextLookup.jdbc(connection, "observations")) {
        LeakReport report = LeakCheck.run(gold, written);
        out.println(report.table());
      }
    }
    out.flush();
    return 0;
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void printSampleNote(Connection connection, Path input, PrintWriter out)
      throws SQLException {
    Optional<Observation> sample = firstObservationWithNotes(input);
    if (sample.isEmpty()) {
      out.println("(no note in the input)");
      return;
    }
    Observation observation = sample.get();
    out.println("observation " + observation.observationId() + ", as generated (synthetic PHI):");
    out.println("  " + observation.notes());
    try (var statement =
        connection.prepareStatement("SELECT notes FROM observations WHERE observation_id = ?")) {
      statement.setString(1, observation.observationId());
      try (ResultSet rows = statement.executeQuery()) {
        out.println("as written:");
        out.println("  " + (rows.next() ? rows.getString(1) : "(quarantined)"));
      }
    }
  }

  private static Optional<Observation> firstObservationWithNotes(Path input) {
    try (RecordReader reader = JsonInputFormat.defaults().open(input, false)) {
      for (Optional<SourceRecord> record = reader.next();
          record.isPresent();
          record = reader.next()) {
        if (record.get() instanceof ParsedRecord parsed) {
          for (Encounter encounter : parsed.patient().encounters()) {
            for (Observation observation : encounter.observations()) {
              if (observation.notes() != null && observation.notes().length() > 120) {
                return Optional.of(observation);
              }
            }
          }
        }
      }
    }
    return Optional.empty();
  }
}
