package org.clinicalingest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.clinicalingest.JsonInputFormat;
import org.clinicalingest.examples.cli.ClinicalIngestCommand;
import org.clinicalingest.examples.generate.GoldLine;
import org.clinicalingest.examples.generate.SyntheticDataGenerator;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs over PHI-rich data, valid and invalid, and captures everything that leaves the run besides
 * the redacted tables — log lines, the printed summary, the summary JSON, the quarantine table and
 * the message of a fatal error — then checks that no PHI value of the input appears in any of it.
 */
class NoPhiOutsideTablesIT {

  /** PHI values shorter than this also occur as ordinary words or numbers, e.g. "May", "1990". */
  private static final int MIN_VALUE_LENGTH = 5;

  /**
   * Numbers this short (ZIP codes) also occur as record indexes, byte offsets and counts, which
   * quarantine rows and summaries hold by design.
   */
  private static final int MIN_NUMBER_LENGTH = 7;

  @TempDir Path dir;

  @Test
  void noPhiValueReachesLogsMessagesSummariesOrQuarantine() throws IOException, SQLException {
    Path input = dir.resolve("patients.ndjson");
    Path gold = dir.resolve("gold.jsonl");
    SyntheticDataGenerator.builder()
        .patients(300)
        .seed(13)
        .ndjson(true)
        .invalidRate(0.15)
        .duplicateRate(0.02)
        .build()
        .write(input, gold);
    Path broken = dir.resolve("broken.json");
    Files.writeString(
        broken, "[" + firstLine(input) + ",\n{\"patient_id\": \"MRN-9\", \"family_name\": }]");
    Path database = dir.resolve("c.duckdb");
    Path summary = dir.resolve("summary.json");

    StringBuilder captured = new StringBuilder();
    captured.append(
        runCapturing(
            "ingest",
            "--input",
            input.toString(),
            "--duckdb",
            database.toString(),
            "--ner",
            "none",
            "--chunk-size",
            "300",
            "--summary-json",
            summary.toString()));
    captured.append(
        runCapturing(
            "ingest",
            "--input",
            broken.toString(),
            "--duckdb",
            database.toString(),
            "--ner",
            "none"));
    captured.append(Files.readString(summary));
    captured.append(quarantineTable(database));

    Set<String> phi = phiValues(input, gold);
    assertThat(phi).hasSizeGreaterThan(1000);
    assertThat(captured).contains("quarantined", "malformed JSON at byte");
    String text = captured.toString();
    List<String> found = phi.stream().filter(text::contains).sorted().toList();
    assertThat(found).as("PHI values found outside the redacted tables").isEmpty();
  }

  private static String runCapturing(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try {
      ClinicalIngestCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    return out + "\n" + err + "\n" + logs.toString(StandardCharsets.UTF_8);
  }

  private static String quarantineTable(Path database) throws SQLException {
    StringBuilder rows = new StringBuilder();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM ingest_quarantine")) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        for (int i = 1; i <= columns; i++) {
          rows.append(result.getString(i)).append('|');
        }
        rows.append('\n');
      }
    }
    assertThat(rows).isNotEmpty();
    return rows.toString();
  }

  /**
   * The PHI values of the input: those inserted into notes, and the PHI structured fields. Record
   * ids are keys, not PHI (FORMAT.md), and messages name records by them; the generator also quotes
   * a patient's MRN in its notes, so values that are part of an id are left out. Names copied into
   * lower-case notes ("fields", "cates") are ordinary words too; the same names are checked in
   * their capitalised form.
   */
  private static Set<String> phiValues(Path input, Path gold) {
    Set<String> values = new HashSet<>();
    Set<String> ids = new HashSet<>();
    GoldLine.forEach(
        gold,
        line -> {
          if (!line.keep()) {
            values.add(line.text());
          }
        });
    try (RecordReader reader = JsonInputFormat.defaults().open(input, false)) {
      for (Optional<SourceRecord> record = reader.next();
          record.isPresent();
          record = reader.next()) {
        if (record.get() instanceof ParsedRecord parsed) {
          values.addAll(structuredPhi(parsed.patient()));
          ids.addAll(ids(parsed.patient()));
        }
      }
    }
    values.removeIf(
        value ->
            value == null
                || value.strip().length() < MIN_VALUE_LENGTH
                || (value.chars().allMatch(Character::isDigit)
                    && value.length() < MIN_NUMBER_LENGTH)
                || value.chars().allMatch(Character::isLowerCase)
                || ids.stream().anyMatch(id -> id.contains(value)));
    return values;
  }

  private static List<String> ids(Patient patient) {
    List<String> ids = new ArrayList<>();
    ids.add(patient.patientId());
    for (Encounter encounter : patient.encounters()) {
      ids.add(encounter.encounterId());
      encounter.observations().forEach(observation -> ids.add(observation.observationId()));
    }
    ids.removeIf(id -> id == null);
    return ids;
  }

  private static List<String> structuredPhi(Patient patient) {
    List<String> values = new ArrayList<>();
    values.addAll(patient.identifiers());
    values.addAll(patient.givenNames());
    Stream.of(
            patient.familyName(),
            patient.dateOfBirth(),
            patient.deceasedDate(),
            patient.addressLine1(),
            patient.addressLine2(),
            patient.city(),
            patient.postalCode(),
            patient.phone(),
            patient.fax(),
            patient.email(),
            patient.emergencyContactName(),
            patient.emergencyContactPhone())
        .forEach(values::add);
    for (Encounter encounter : patient.encounters()) {
      values.add(encounter.providerName());
    }
    return values;
  }

  private static String firstLine(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.findFirst().orElseThrow();
    }
  }
}
