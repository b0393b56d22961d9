package org.clinicalingest.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicalingest.store.duckdb.TestRow.chunk;
import static org.clinicalingest.store.duckdb.TestRow.encounter;
import static org.clinicalingest.store.duckdb.TestRow.observation;
import static org.clinicalingest.store.duckdb.TestRow.patient;
import static org.clinicalingest.store.duckdb.TestRow.quarantine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.clinicalingest.WriteException;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.RowFailure;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbAppenderWriterTest {

  @TempDir Path directory;

  private Path database() {
    return directory.resolve("clinical.duckdb");
  }

  private DuckDbAppenderWriter writer() {
    return DuckDbAppenderWriter.builder(database()).build();
  }

  @Test
  void createsEveryTableWithColumnsTypesNullabilityAndPrimaryKey() throws Exception {
    try (DuckDbAppenderWriter writer = writer()) {
      assertThat(Files.isRegularFile(database())).isTrue();
      try (Connection connection = StoredRows.connect(database())) {
        for (Table table : Table.values()) {
          List<String> expected = new ArrayList<>();
          for (Column column : table.columns()) {
            expected.add(column.name() + " " + duckDbType(column) + " " + column.nullable());
          }
          assertThat(columns(connection, table.tableName())).containsExactlyElementsOf(expected);
          assertThat(primaryKey(connection, table.tableName()))
              .containsExactlyElementsOf(table.keyColumns().stream().map(Column::name).toList());
        }
      }
    }
  }

  @Test
  void roundTripsEveryColumnTypeAndAwkwardText() throws Exception {
    String longText = "long ".repeat(200_000) + "end";
    List<TestRow> rows =
        List.of(
            patient("pat-unicode")
                .set("identifiers", List.of("SSN:[REDACTED]", "DL:[REDACTED]"))
                .set("family_name", "😀 漢字 café e\u0301 ﷺ nul\u0000inside")
                .set("given_names", List.of("Zoë", "李", "a\u0301", "nul\u0000", "\u0000"))
                .set("name_prefix", List.of())
                .set("name_suffix", Arrays.asList("Jr.", null, ""))
                .set("deceased", true)
                .set("address_line1", "tab\there\nnew line\r\nback\\slash 'single' \"double\"")
                .set("address_line2", "")
                .set("city", null),
            patient("pat-long").set("deceased", false).set("address_line1", longText),
            patient("pat-nulls"));
    List<TestRow> observations =
        List.of(
            observation("obs-1").set("value_quantity", 120.5).set("notes", longText),
            observation("obs-2").set("value_quantity", -0.0).set("notes", ""),
            observation("obs-3").set("value_quantity", Double.MAX_VALUE),
            observation("obs-4").set("value_quantity", Double.NaN));
    List<TestRow> quarantine =
        List.of(
            quarantine(Long.MAX_VALUE, "encounters[0].observations[2]")
                .set("reasons", List.of("code is required", "status is unknown"))
                .set("rejected_at", Instant.parse("1969-12-31T23:59:59.999999Z")),
            quarantine(0, "").set("raw_record", "{\"patient_id\": \"x\"}"));
    List<TestRow> all = new ArrayList<>(rows);
    all.addAll(observations);
    all.addAll(quarantine);
    all.add(encounter("enc-1", "pat-unicode").set("period_end", null));

    try (DuckDbAppenderWriter writer = writer()) {
      WriteResult result = writer.write(chunk(0, all));

      assertThat(result.failures()).isEmpty();
      assertThat(result.rowsWritten(Table.PATIENTS)).isEqualTo(3);
      assertThat(result.rowsWritten(Table.OBSERVATIONS)).isEqualTo(4);
      assertThat(result.rowsWritten(Table.QUARANTINE)).isEqualTo(2);
      assertThat(result.rowsWritten(Table.ENCOUNTERS)).isEqualTo(1);
      try (Connection connection = StoredRows.connect(database())) {
        for (Table table : Table.values()) {
          assertThat(StoredRows.read(connection, table, writer.qualifiedName(table)))
              .as(table.tableName())
              .containsExactlyInAnyOrderElementsOf(rowsOf(all, table));
        }
        assertThat(
                StoredRows.count(
                    connection,
                    "SELECT count(*) FROM patients WHERE address_line2 = '' AND city IS NULL"))
            .isEqualTo(1);
        assertThat(StoredRows.count(connection, "SELECT len(name_prefix) FROM patients LIMIT 1"))
            .isZero();
      }
    }
  }

  @Test
  void setsTheCheckpointThresholdOfTheDatabase() throws Exception {
    try (DuckDbAppenderWriter writer = writer();
        Connection connection = StoredRows.connect(database())) {
      assertThat(checkpointThreshold(connection)).isEqualTo("256.0 MiB");
    }
    try (DuckDbAppenderWriter writer =
            DuckDbAppenderWriter.builder(database()).checkpointThreshold(16L << 20).build();
        Connection connection = StoredRows.connect(database())) {
      assertThat(checkpointThreshold(connection)).isEqualTo("16.0 MiB");
    }
  }

  @Test
  void rejectsCheckpointThresholdThatIsNotPositive() {
    assertThatThrownBy(() -> DuckDbAppenderWriter.builder(database()).checkpointThreshold(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("checkpointThreshold must be > 0, was 0");
  }

  @Test
  void setsTheMemoryLimitOfTheDatabaseWhenGiven() throws Exception {
    try (DuckDbAppenderWriter writer =
            DuckDbAppenderWriter.builder(database()).memoryLimit(256L << 20).build();
        Connection connection = StoredRows.connect(database())) {
      assertThat(setting(connection, "memory_limit")).isEqualTo("256.0 MiB");
      assertThat(writer.write(chunk(0, patient("pat-1"))).failures()).isEmpty();
    }
  }

  @Test
  void rejectsMemoryLimitThatIsNotPositive() {
    assertThatThrownBy(() -> DuckDbAppenderWriter.builder(database()).memoryLimit(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memoryLimit must be > 0, was -1");
  }

  @Test
  void committedChunksAreDurableBeforeTheCheckpoint() throws Exception {
    Path copy = directory.resolve("copy");
    Files.createDirectory(copy);
    try (DuckDbAppenderWriter writer = writer()) {
      writer.write(chunk(0, patient("pat-1").set("city", "a"), quarantine(1, "")));
      writer.write(chunk(1, patient("pat-1").set("city", "b"), patient("pat-2")));

      Path wal = directory.resolve("clinical.duckdb.wal");
      assertThat(wal).as("the rows wait in the write-ahead log").exists();
      Files.copy(database(), copy.resolve("clinical.duckdb"));
      Files.copy(wal, copy.resolve("clinical.duckdb.wal"));
    }

    Path reopened = copy.resolve("clinical.duckdb");
    assertThat(StoredRows.read(reopened, Table.PATIENTS, "patients"))
        .containsExactly(patient("pat-1").set("city", "b").row(), patient("pat-2").row());
    assertThat(StoredRows.read(reopened, Table.QUARANTINE, "ingest_quarantine"))
        .containsExactly(quarantine(1, "").row());
  }

  @Test
  void replacesRowsAlreadyCheckpointedIntoTheFile() throws Exception {
    List<TestRow> first = new ArrayList<>();
    List<TestRow> second = new ArrayList<>();
    for (int index = 0; index < 3000; index++) {
      first.add(observation("obs-" + index).set("notes", "first " + index));
      second.add(observation("obs-" + (index + 1500)).set("notes", "second " + index));
    }
    first.add(quarantine(1, "").set("reasons", List.of("first")));
    second.add(quarantine(1, "").set("reasons", List.of("second")));
    try (DuckDbAppenderWriter writer =
        DuckDbAppenderWriter.builder(database()).checkpointThreshold(1).build()) {
      writer.write(chunk(0, first));
      WriteResult result = writer.write(chunk(1, second));

      assertThat(result.failures()).isEmpty();
      assertThat(directory.resolve("clinical.duckdb.wal"))
          .as("every commit was checkpointed")
          .satisfiesAnyOf(
              wal -> assertThat(wal).doesNotExist(), wal -> assertThat(wal).isEmptyFile());
    }
    List<Row> stored = StoredRows.read(database(), Table.OBSERVATIONS, "observations");
    assertThat(stored).hasSize(4500);
    assertThat(stored)
        .filteredOn(row -> String.valueOf(row.values().get(13)).startsWith("second"))
        .hasSize(3000);
    assertThat(StoredRows.read(database(), Table.QUARANTINE, "ingest_quarantine"))
        .containsExactly(quarantine(1, "").set("reasons", List.of("second")).row());
  }

  @Test
  void keepsInstantsToTheMicrosecond() throws Exception {
    Instant precise = Instant.parse("2024-02-29T12:34:56.123456789Z");
    try (DuckDbAppenderWriter writer = writer()) {
      writer.write(chunk(0, quarantine(1, "").set("rejected_at", precise)));

      List<Row> stored = StoredRows.read(database(), Table.QUARANTINE, "ingest_quarantine");
      assertThat(stored.get(0).values().get(10))
          .isEqualTo(Instant.parse("2024-02-29T12:34:56.123456Z"));
    }
  }

  @Test
  void rerunOfSameChunkLeavesSameRows() throws Exception {
    List<TestRow> rows = new ArrayList<>();
    for (int index = 0; index < 5000; index++) {
      rows.add(observation("obs-" + index).set("notes", "note " + index));
      rows.add(quarantine(index, "encounters[0]"));
    }
    rows.add(patient("pat-1"));
    Chunk chunk = chunk(3, rows);
    try (DuckDbAppenderWriter writer = writer()) {
      WriteResult first = writer.write(chunk);
      List<Row> afterFirst = StoredRows.read(database(), Table.OBSERVATIONS, "observations");
      WriteResult second = writer.write(chunk);

      assertThat(second).isEqualTo(first);
      assertThat(second.rowsWritten(Table.OBSERVATIONS)).isEqualTo(5000);
      assertThat(StoredRows.read(database(), Table.OBSERVATIONS, "observations"))
          .hasSize(5000)
          .isEqualTo(afterFirst);
      assertThat(StoredRows.read(database(), Table.QUARANTINE, "ingest_quarantine")).hasSize(5000);
      assertThat(StoredRows.read(database(), Table.PATIENTS, "patients")).hasSize(1);
    }
  }

  @Test
  void laterRowWithSameKeyReplacesEarlierOne() throws Exception {
    try (DuckDbAppenderWriter writer = writer()) {
      writer.write(
          chunk(
              0,
              patient("pat-1").set("family_name", "[NAME]").set("given_names", List.of("a")),
              patient("pat-2"),
              quarantine(7, "encounters[1]").set("reasons", List.of("first"))));
      writer.write(
          chunk(
              1,
              patient("pat-1").set("family_name", "[REDACTED]").set("given_names", null),
              quarantine(7, "encounters[1]").set("reasons", List.of("second")),
              quarantine(7, "encounters[2]").set("reasons", List.of("other path"))));

      List<Row> patients = StoredRows.read(database(), Table.PATIENTS, "patients");
      assertThat(patients)
          .containsExactly(
              patient("pat-1").set("family_name", "[REDACTED]").set("given_names", null).row(),
              patient("pat-2").row());
      List<Row> quarantined = StoredRows.read(database(), Table.QUARANTINE, "ingest_quarantine");
      assertThat(quarantined)
          .containsExactly(
              quarantine(7, "encounters[1]").set("reasons", List.of("second")).row(),
              quarantine(7, "encounters[2]").set("reasons", List.of("other path")).row());
    }
  }

  @Test
  void replacesCorrectlyWhileSwitchingBetweenNewAndExistingKeys() throws Exception {
    try (DuckDbAppenderWriter writer = writer()) {
      writer.write(chunk(0, patient("pat-1").set("city", "a"), patient("pat-2").set("city", "a")));
      writer.write(chunk(1, patient("pat-1").set("city", "b"), patient("pat-2").set("city", "b")));
      writer.write(chunk(2, patient("pat-3").set("city", "c")));
      writer.write(chunk(3, patient("pat-4").set("city", "d")));
      writer.write(chunk(4, patient("pat-5").set("city", "e"), patient("pat-3").set("city", "e")));
      writer.write(chunk(5, quarantine(1, "").set("record_id", "x")));
      writer.write(chunk(6, quarantine(1, "").set("record_id", "y"), quarantine(2, "")));

      assertThat(StoredRows.read(database(), Table.PATIENTS, "patients"))
          .containsExactly(
              patient("pat-1").set("city", "b").row(),
              patient("pat-2").set("city", "b").row(),
              patient("pat-3").set("city", "e").row(),
              patient("pat-4").set("city", "d").row(),
              patient("pat-5").set("city", "e").row());
      assertThat(StoredRows.read(database(), Table.QUARANTINE, "ingest_quarantine"))
          .containsExactly(quarantine(1, "").set("record_id", "y").row(), quarantine(2, "").row());
    }
  }

  @Test
  void laterRowWithSameKeyInSameChunkWins() throws Exception {
    try (DuckDbAppenderWriter writer = writer()) {
      WriteResult result =
          writer.write(
              chunk(
                  0,
                  patient("pat-1").set("city", "first"),
                  patient("pat-2"),
                  patient("pat-1").set("city", "second")));

      assertThat(result.failures()).isEmpty();
      assertThat(StoredRows.read(database(), Table.PATIENTS, "patients"))
          .containsExactly(patient("pat-1").set("city", "second").row(), patient("pat-2").row());
    }
  }

  @Test
  void reopensExistingFileAndUpsertsIntoIt() throws Exception {
    try (DuckDbAppenderWriter writer = writer()) {
      writer.write(chunk(0, patient("pat-1").set("city", "old"), patient("pat-2")));
    }
    try (DuckDbAppenderWriter writer = writer()) {
      WriteResult result =
          writer.write(chunk(1, patient("pat-1").set("city", "new"), patient("pat-3")));

      assertThat(result.rowsWritten(Table.PATIENTS)).isEqualTo(2);
    }
    assertThat(StoredRows.read(database(), Table.PATIENTS, "patients"))
        .containsExactly(
            patient("pat-1").set("city", "new").row(),
            patient("pat-2").row(),
            patient("pat-3").row());
  }

  @Test
  void writesIntoNamedInMemoryDatabase() throws Exception {
    try (DuckDbAppenderWriter writer = DuckDbAppenderWriter.inMemory("ingest_test").build();
        Connection reader = DriverManager.getConnection("jdbc:duckdb::memory:ingest_test")) {
      writer.write(chunk(0, patient("pat-1"), observation("obs-1")));
      writer.write(chunk(0, patient("pat-1"), observation("obs-1")));

      assertThat(StoredRows.read(reader, Table.PATIENTS, "patients"))
          .containsExactly(patient("pat-1").row());
      assertThat(StoredRows.read(reader, Table.OBSERVATIONS, "observations")).hasSize(1);
    }
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void writesIntoPrivateInMemoryDatabase() {
    try (DuckDbAppenderWriter writer = DuckDbAppenderWriter.inMemory().build()) {
      WriteResult first = writer.write(chunk(0, patient("pat-1"), patient("pat-2")));
      WriteResult again = writer.write(chunk(0, patient("pat-1"), patient("pat-2")));

      assertThat(first.failures()).isEmpty();
      assertThat(first.rowsWritten(Table.PATIENTS)).isEqualTo(2);
      assertThat(again).isEqualTo(first);
    }
  }

  @Test
  void createsTablesInConfiguredSchemaWithPrefix() throws Exception {
    try (DuckDbAppenderWriter writer =
        DuckDbAppenderWriter.builder(database()).schema("Clinical").tablePrefix("ci_").build()) {
      writer.write(chunk(0, patient("pat-1"), quarantine(1, "")));

      assertThat(writer.qualifiedName(Table.PATIENTS))
          .isEqualTo("\"clinical\".\"Clinical\".\"ci_patients\"");
      try (Connection connection = StoredRows.connect(database())) {
        assertThat(
                StoredRows.count(
                    connection,
                    "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'Clinical'"
                        + " AND table_name LIKE 'ci\\_%' ESCAPE '\\'"))
            .isEqualTo(Table.values().length);
        assertThat(
                StoredRows.read(connection, Table.PATIENTS, writer.qualifiedName(Table.PATIENTS)))
            .containsExactly(patient("pat-1").row());
        assertThat(StoredRows.count(connection, "SELECT count(*) FROM duckdb_tables()"))
            .isEqualTo(Table.values().length);
      }
    }
  }

  @Test
  void rejectsSqlInjectionThroughSchemaAndPrefix() {
    DuckDbAppenderWriter.Builder builder = DuckDbAppenderWriter.builder(database());

    assertThatThrownBy(() -> builder.tablePrefix("x;drop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tablePrefix must match [A-Za-z_][A-Za-z0-9_]*, was \"x;drop\"");
    assertThatThrownBy(() -> builder.schema("main\".\"patients\"; DROP TABLE patients; --"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("schema must match [A-Za-z_][A-Za-z0-9_]*, was \"main\"");
    assertThatThrownBy(() -> builder.schema("a\nb"))
        .hasMessage("schema must match [A-Za-z_][A-Za-z0-9_]*, was \"a\\u000ab\"");
    assertThatThrownBy(() -> builder.schema("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.schema("1abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DuckDbAppenderWriter.inMemory("x' OR '1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DuckDbAppenderWriter.builder(directory.resolve("a;b.duckdb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("databaseFile must not contain ';'");
    assertThat(database()).doesNotExist();
  }

  @Test
  void isolatesRowViolatingNotNullAndWritesTheRest() throws Exception {
    List<TestRow> rows = new ArrayList<>();
    for (int index = 0; index < 5000; index++) {
      TestRow row = observation(String.format("obs-%05d", index)).set("notes", "note " + index);
      if (index == 537 || index == 4999) {
        row.set("code", null).set("notes", "PHI-LIKE Jane Doe 555-0100");
      }
      rows.add(row);
    }
    rows.add(patient("pat-1"));
    rows.add(encounter("enc-1", null));
    rows.add(quarantine(3, "").set("record_kind", null));
    rows.add(quarantine(4, ""));

    try (DuckDbAppenderWriter writer = writer()) {
      WriteResult result = writer.write(chunk(0, rows));

      assertThat(result.failures())
          .containsExactlyInAnyOrder(
              new RowFailure(
                  Table.OBSERVATIONS,
                  "obs-00537",
                  "Constraint Error: NOT NULL constraint failed: observations.code"),
              new RowFailure(
                  Table.OBSERVATIONS,
                  "obs-04999",
                  "Constraint Error: NOT NULL constraint failed: observations.code"),
              new RowFailure(
                  Table.ENCOUNTERS,
                  "enc-1",
                  "Constraint Error: NOT NULL constraint failed: encounters.patient_id"),
              new RowFailure(
                  Table.QUARANTINE,
                  "run-1 / synthetic.ndjson / 3 / ",
                  "Constraint Error: NOT NULL constraint failed: ingest_quarantine.record_kind"));
      assertThat(result.rowsWritten(Table.OBSERVATIONS)).isEqualTo(4998);
      assertThat(result.rowsWritten(Table.PATIENTS)).isEqualTo(1);
      assertThat(result.rowsWritten(Table.ENCOUNTERS)).isZero();
      assertThat(result.rowsWritten(Table.QUARANTINE)).isEqualTo(1);
      List<Row> stored = StoredRows.read(database(), Table.OBSERVATIONS, "observations");
      assertThat(stored).hasSize(4998);
      assertThat(stored).extracting(Row::key).doesNotContain("obs-00537", "obs-04999");
      assertThat(stored.get(537).key()).isEqualTo("obs-00538");
      assertThat(StoredRows.read(database(), Table.QUARANTINE, "ingest_quarantine"))
          .containsExactly(quarantine(4, "").row());
    }
  }

  @Test
  void reportsRowWithValueOfWrongJavaTypeWithoutItsValue() throws Exception {
    try (DuckDbAppenderWriter writer = writer()) {
      WriteResult result =
          writer.write(
              chunk(
                  0,
                  observation("obs-1").set("value_quantity", "Jane Doe"),
                  observation("obs-2").set("value_quantity", 1.0),
                  patient("pat-1").set("given_names", List.of("ok", 42)),
                  quarantine(1, "").set("rejected_at", Instant.MAX)));

      assertThat(result.failures())
          .containsExactly(
              integerInGivenNames("pat-1"),
              textInValueQuantity("obs-1"),
              new RowFailure(
                  Table.QUARANTINE,
                  "run-1 / synthetic.ndjson / 1 / ",
                  "column rejected_at: instant out of the range of TIMESTAMP WITH TIME ZONE"));
      assertThat(StoredRows.read(database(), Table.OBSERVATIONS, "observations"))
          .containsExactly(observation("obs-2").set("value_quantity", 1.0).row());
    }
  }

  @Test
  void reportsRowOfWrongJavaTypeOnceWhenTheChunkIsReplacedAndItsRowErrorsIsolated()
      throws Exception {
    try (DuckDbAppenderWriter writer = writer()) {
      writer.write(chunk(0, observation("obs-1"), observation("obs-2")));

      WriteResult result =
          writer.write(
              chunk(
                  1,
                  observation("obs-1").set("notes", "again"),
                  observation("obs-2").set("value_quantity", "Jane Doe"),
                  observation("obs-3").set("code", null),
                  observation("obs-4"),
                  patient("pat-1").set("given_names", List.of(42)),
                  patient("pat-2")));

      assertThat(result.failures())
          .containsExactly(
              integerInGivenNames("pat-1"),
              textInValueQuantity("obs-2"),
              new RowFailure(
                  Table.OBSERVATIONS,
                  "obs-3",
                  "Constraint Error: NOT NULL constraint failed: observations.code"));
      assertThat(result.rowsWritten(Table.OBSERVATIONS)).isEqualTo(2);
      assertThat(result.rowsWritten(Table.PATIENTS)).isEqualTo(1);
      assertThat(StoredRows.read(database(), Table.OBSERVATIONS, "observations"))
          .containsExactly(
              observation("obs-1").set("notes", "again").row(),
              observation("obs-2").row(),
              observation("obs-4").row());
      assertThat(StoredRows.read(database(), Table.PATIENTS, "patients"))
          .containsExactly(patient("pat-2").row());
    }
  }

  /** The failure of a patient row with an Integer among its given names. */
  private static RowFailure integerInGivenNames(String patientId) {
    return new RowFailure(
        Table.PATIENTS,
        patientId,
        "column given_names: expected a List of String for TEXT_ARRAY, got an element of"
            + " java.lang.Integer");
  }

  /** The failure of an observation row with a String as its value quantity. */
  private static RowFailure textInValueQuantity(String observationId) {
    return new RowFailure(
        Table.OBSERVATIONS,
        observationId,
        "column value_quantity: expected Double for DOUBLE, got java.lang.String");
  }

  @Test
  void throwsWriteExceptionWhenDatabaseFileIsADirectory() throws Exception {
    Path directoryAsFile = Files.createDirectory(directory.resolve("not-a-file.duckdb"));

    assertThatThrownBy(() -> DuckDbAppenderWriter.builder(directoryAsFile).build())
        .isInstanceOf(WriteException.class)
        .hasMessage(
            "opening the DuckDB database "
                + directoryAsFile
                + " failed: IO Error: Could not read from file \""
                + directoryAsFile
                + "\": Is a directory")
        .hasCauseInstanceOf(SQLException.class);
  }

  @Test
  void throwsWriteExceptionWhenDirectoryIsMissing() {
    Path missing = directory.resolve("missing").resolve("clinical.duckdb");

    assertThatThrownBy(() -> DuckDbAppenderWriter.builder(missing).build())
        .isInstanceOf(WriteException.class)
        .hasMessage(
            "opening the DuckDB database "
                + missing
                + " failed: IO Error: Cannot open file \""
                + missing
                + "\": No such file or directory")
        .hasCauseInstanceOf(SQLException.class);
  }

  @Test
  void throwsWriteExceptionNamingTheProcessThatHoldsTheDatabase() throws Exception {
    Process holder = DatabaseHolder.start(database());
    try {
      assertThatThrownBy(() -> DuckDbAppenderWriter.builder(database()).build())
          .isInstanceOf(WriteException.class)
          .hasMessageStartingWith(
              "opening the DuckDB database "
                  + database()
                  + " failed: IO Error: Could not set lock on file \""
                  + database()
                  + "\": Conflicting lock is held in ")
          .hasMessageContaining("(PID " + holder.pid() + ")");
    } finally {
      holder.destroy();
      holder.waitFor();
    }
  }

  @Test
  void throwsWriteExceptionNamingTableAndChunkWhenStoreFailsDuringWrite() throws Exception {
    try (DuckDbAppenderWriter writer = writer()) {
      try (Connection other = StoredRows.connect(database());
          Statement statement = other.createStatement()) {
        statement.execute("DROP TABLE observations");
      }
      Chunk chunk = chunk(12, patient("pat-1"), observation("obs-1"));

      assertThatThrownBy(() -> writer.write(chunk))
          .isInstanceOf(WriteException.class)
          .hasMessage(
              "DuckDB write into \"clinical\".\"main\".\"observations\" failed for chunk 12 of"
                  + " synthetic.ndjson (records 12000-12999): Appender creation error")
          .hasCauseInstanceOf(SQLException.class);
      assertThat(StoredRows.read(database(), Table.PATIENTS, "patients"))
          .as("the chunk's transaction was rolled back")
          .isEmpty();
    }
  }

  @Test
  void refusesExistingTableWithDifferentColumns() throws Exception {
    try (Connection connection = StoredRows.connect(database());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE patients (patient_id VARCHAR PRIMARY KEY, name VARCHAR)");
    }

    assertThatThrownBy(() -> writer())
        .isInstanceOf(WriteException.class)
        .hasMessage(
            "table \"clinical\".\"main\".\"patients\" exists but does not match the patients table of this"
                + " library version: column 2 is name VARCHAR NULL, expected identifiers"
                + " VARCHAR[] NULL");
  }

  @Test
  void refusesExistingTableWithoutPrimaryKey() throws Exception {
    try (DuckDbAppenderWriter writer = writer();
        Connection connection = StoredRows.connect(database());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE encounters");
      statement.execute(
          "CREATE TABLE encounters (encounter_id VARCHAR NOT NULL, patient_id VARCHAR NOT NULL,"
              + " status VARCHAR, class_code VARCHAR, period_start VARCHAR, period_end VARCHAR,"
              + " reason_code VARCHAR, reason_display VARCHAR, provider_name VARCHAR,"
              + " facility_name VARCHAR)");
    }

    assertThatThrownBy(() -> writer())
        .isInstanceOf(WriteException.class)
        .hasMessageEndingWith("its primary key is none, expected (encounter_id)");
  }

  @Test
  void concurrentWritesWaitForEachOtherAndAllLand() throws Exception {
    try (DuckDbAppenderWriter writer = writer()) {
      List<Thread> threads = new ArrayList<>();
      List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
      for (int thread = 0; thread < 4; thread++) {
        List<TestRow> rows = new ArrayList<>();
        for (int index = 0; index < 500; index++) {
          rows.add(observation("obs-" + thread + "-" + index));
        }
        Chunk chunk = chunk(thread, rows);
        Thread worker = new Thread(() -> writer.write(chunk));
        worker.setUncaughtExceptionHandler((failed, error) -> errors.add(error));
        threads.add(worker);
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }

      assertThat(errors).isEmpty();
      assertThat(StoredRows.read(database(), Table.OBSERVATIONS, "observations")).hasSize(2000);
    }
  }

  @Test
  void closeIsIdempotentAndWriteAfterCloseIsRefused() {
    DuckDbAppenderWriter writer = writer();
    writer.close();
    writer.close();

    assertThatThrownBy(() -> writer.write(chunk(0, patient("pat-1"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("writer is closed");
    assertThat(writer.maxConcurrentWrites()).isEqualTo(1);
  }

  private static String checkpointThreshold(Connection connection) throws SQLException {
    return setting(connection, "checkpoint_threshold");
  }

  private static String setting(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT current_setting('" + name + "')")) {
      result.next();
      return result.getString(1);
    }
  }

  private static List<Row> rowsOf(List<TestRow> rows, Table table) {
    return rows.stream().filter(row -> row.table() == table).map(TestRow::row).toList();
  }

  private static String duckDbType(Column column) {
    return switch (column.type()) {
      case TEXT -> "VARCHAR";
      case TEXT_ARRAY -> "VARCHAR[]";
      case BOOLEAN -> "BOOLEAN";
      case DOUBLE -> "DOUBLE";
      case BIGINT -> "BIGINT";
      case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
    };
  }

  private static List<String> columns(Connection connection, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT column_name, data_type, is_nullable FROM information_schema.columns"
                    + " WHERE table_schema = 'main' AND table_name = '"
                    + table
                    + "' ORDER BY ordinal_position")) {
      while (result.next()) {
        columns.add(
            result.getString(1)
                + " "
                + result.getString(2)
                + " "
                + result.getString(3).equals("YES"));
      }
    }
    return columns;
  }

  private static List<String> primaryKey(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT constraint_column_names FROM duckdb_constraints()"
                    + " WHERE constraint_type = 'PRIMARY KEY' AND table_name = '"
                    + table
                    + "'")) {
      assertThat(result.next()).as("primary key of " + table).isTrue();
      List<String> names = new ArrayList<>();
      for (Object name : (Object[]) result.getArray(1).getArray()) {
        names.add((String) name);
      }
      return names;
    }
  }
}
