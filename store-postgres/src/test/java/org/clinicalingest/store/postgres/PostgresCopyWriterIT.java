package org.clinicalingest.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.clinicalingest.store.postgres.PostgresTestDatabase.execute;
import static org.clinicalingest.store.postgres.PostgresTestDatabase.queryColumn;
import static org.clinicalingest.store.postgres.PostgresTestDatabase.queryValue;
import static org.clinicalingest.store.postgres.PostgresTestDatabase.readRows;
import static org.clinicalingest.store.postgres.TestRows.observation;
import static org.clinicalingest.store.postgres.TestRows.observations;
import static org.clinicalingest.store.postgres.TestRows.row;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicalingest.WriteException;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.RecordRange;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.RowFailure;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PostgresCopyWriterIT {

  private static final String PLANTED = "Zqxj-PLANTED-PHI-4471";

  private static String schema;
  private static PostgresCopyWriter writer;
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  @BeforeAll
  static void startWriter() {
    schema = PostgresTestDatabase.newSchema("copy_it");
    writer = PostgresCopyWriter.builder(PostgresTestDatabase.url()).schema(schema).build();
  }

  @AfterAll
  static void dropSchema() throws Exception {
    if (writer != null) {
      writer.close();
    }
    PostgresTestDatabase.dropSchema(schema);
  }

  @Test
  void createsSchemaAndTablesWithTypesNotNullAndPrimaryKeys() throws Exception {
    writer.write(observations(0, observation("types-1", "n")));

    List<String> columns =
        queryColumn(
            "SELECT table_name || '.' || column_name || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                + " FROM information_schema.columns c"
                + " JOIN pg_attribute a ON a.attrelid = ('\""
                + schema
                + "\".\"' || c.table_name || '\"')::regclass AND a.attname = c.column_name"
                + " WHERE c.table_schema = '"
                + schema
                + "' ORDER BY c.table_name, c.ordinal_position");
    assertThat(columns)
        .contains(
            "patients.patient_id text not null",
            "patients.identifiers text[]",
            "patients.deceased boolean",
            "observations.observation_id text not null",
            "observations.code text not null",
            "observations.value_quantity double precision",
            "ingest_quarantine.record_index bigint not null",
            "ingest_quarantine.reasons text[] not null",
            "ingest_quarantine.rejected_at timestamp with time zone not null");
    for (Table table : Table.values()) {
      List<String> expected = table.columns().stream().map(c -> c.name()).toList();
      assertThat(
              queryColumn(
                  "SELECT column_name FROM information_schema.columns WHERE table_schema = '"
                      + schema
                      + "' AND table_name = '"
                      + table.tableName()
                      + "' ORDER BY ordinal_position"))
          .as("columns of %s in row order", table)
          .isEqualTo(expected);
      assertThat(
              queryColumn(
                  "SELECT a.attname FROM pg_index i"
                      + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                      + " WHERE i.indisprimary AND i.indrelid = '\""
                      + schema
                      + "\".\""
                      + table.tableName()
                      + "\"'::regclass ORDER BY array_position(i.indkey, a.attnum)"))
          .as("primary key of %s", table)
          .isEqualTo(table.keyColumns().stream().map(c -> c.name()).toList());
    }
  }

  @Test
  void reportsTheRunOfAPartlyCommittedRangeWithoutCountingTheRange() throws Exception {
    String sourceKey = "source-" + newPrefix();
    Map<Table, List<Row>> partial = new EnumMap<>(Table.class);
    partial.put(Table.CHECKPOINTS, checkpointRows(sourceKey, 0, 9, List.of(Table.QUARANTINE)));

    writer.write(TestRows.chunk(0, partial));

    assertThat(writer.checkpoint(sourceKey))
        .hasValueSatisfying(
            checkpoint -> {
              assertThat(checkpoint.runId()).isEqualTo("run-ckpt");
              assertThat(checkpoint.committed()).isEmpty();
            });
  }

  @Test
  void reportsARangeCommittedOnlyWhenEveryTablePartHasItsCheckpoint() throws Exception {
    String sourceKey = "source-" + newPrefix();
    Map<Table, List<Row>> complete = new EnumMap<>(Table.class);
    complete.put(Table.OBSERVATIONS, List.of(observation("ckpt-1", "n")));
    complete.put(Table.CHECKPOINTS, checkpointRows(sourceKey, 0, 9, Table.checkpointedTables()));
    Map<Table, List<Row>> partial = new EnumMap<>(Table.class);
    partial.put(
        Table.CHECKPOINTS,
        checkpointRows(sourceKey, 10, 19, List.of(Table.PATIENTS, Table.ENCOUNTERS)));

    assertThat(writer.checkpoint(sourceKey)).isEmpty();
    writer.write(TestRows.chunk(0, complete));
    writer.write(TestRows.chunk(1, partial));

    assertThat(writer.checkpoint(sourceKey))
        .hasValueSatisfying(
            checkpoint -> {
              assertThat(checkpoint.runId()).isEqualTo("run-ckpt");
              assertThat(checkpoint.committed()).containsExactly(new RecordRange(0, 9));
            });
    assertThat(
            queryValue(
                "SELECT count(*) FROM \""
                    + schema
                    + "\".observations WHERE observation_id = 'ckpt-1'"))
        .isEqualTo(1L);
  }

  @Test
  void reportsTheRunThatCommittedARangesLatestPart() throws Exception {
    String sourceKey = "source-" + newPrefix();
    Instant earlier = Instant.parse("2026-01-01T00:00:00Z");
    Map<Table, List<Row>> first = new EnumMap<>(Table.class);
    first.put(
        Table.CHECKPOINTS,
        checkpointRows(sourceKey, 0, 9, Table.checkpointedTables(), "run-z", earlier));
    Map<Table, List<Row>> rewritten = new EnumMap<>(Table.class);
    rewritten.put(
        Table.CHECKPOINTS,
        checkpointRows(sourceKey, 0, 9, List.of(Table.PATIENTS), "run-a", earlier.plusSeconds(60)));

    writer.write(TestRows.chunk(0, first));
    writer.write(TestRows.chunk(1, rewritten));

    assertThat(writer.checkpoint(sourceKey))
        .hasValueSatisfying(checkpoint -> assertThat(checkpoint.runId()).isEqualTo("run-a"));
  }

  private static List<Row> checkpointRows(
      String sourceKey, long first, long last, List<Table> parts) {
    return checkpointRows(sourceKey, first, last, parts, "run-ckpt", Instant.now());
  }

  private static List<Row> checkpointRows(
      String sourceKey,
      long first,
      long last,
      List<Table> parts,
      String runId,
      Instant committedAt) {
    List<Row> rows = new ArrayList<>();
    for (Table part : parts) {
      rows.add(Row.of(sourceKey, first, part.tableName(), last, runId, "test.ndjson", committedAt));
    }
    return rows;
  }

  @Test
  void roundTripsEveryColumnTypeIncludingNulls() throws Exception {
    String prefix = newPrefix();
    List<Row> rows =
        List.of(
            row(
                Table.QUARANTINE,
                "run_id",
                "r",
                "source",
                "a.ndjson",
                "record_index",
                Long.MAX_VALUE,
                "path",
                "$.encounters[0]",
                "line",
                Long.MIN_VALUE,
                "byte_offset",
                0L,
                "record_kind",
                "ENCOUNTER",
                "record_id",
                null,
                "reasons",
                List.of("a", "", "NULL", "{braces}", "comma,quote\"back\\slash"),
                "raw_record",
                "",
                "rejected_at",
                Instant.parse("2024-02-29T23:59:59.123456Z")),
            row(
                Table.QUARANTINE,
                "run_id",
                "r",
                "source",
                "a.ndjson",
                "record_index",
                2L,
                "path",
                "$",
                "line",
                3L,
                "byte_offset",
                4L,
                "record_kind",
                "PATIENT",
                "reasons",
                List.of(),
                "rejected_at",
                Instant.parse("1969-07-20T20:17:40.000001Z")),
            row(
                Table.QUARANTINE,
                "run_id",
                "r",
                "source",
                "b.ndjson",
                "record_index",
                3L,
                "path",
                "$",
                "line",
                1L,
                "byte_offset",
                1L,
                "record_kind",
                "PATIENT",
                "reasons",
                Arrays.asList("x", null, "y"),
                "rejected_at",
                Instant.parse("1900-01-01T00:00:00Z")));
    List<Row> patients =
        List.of(
            row(
                Table.PATIENTS,
                "patient_id",
                "p-true",
                "deceased",
                true,
                "identifiers",
                List.of("a")),
            row(Table.PATIENTS, "patient_id", "p-false", "deceased", false),
            row(Table.PATIENTS, "patient_id", "p-null"));
    List<Row> values =
        List.of(
            withValue("d-max", Double.MAX_VALUE),
            withValue("d-min", Double.MIN_VALUE),
            withValue("d-nan", Double.NaN),
            withValue("d-neg-inf", Double.NEGATIVE_INFINITY),
            withValue("d-neg-zero", -0.0),
            withValue("d-null", null),
            withValue("d-pi", Math.PI));
    Map<Table, List<Row>> byTable = new EnumMap<>(Table.class);
    byTable.put(Table.QUARANTINE, rows);
    byTable.put(Table.PATIENTS, patients);
    byTable.put(Table.OBSERVATIONS, values);
    PostgresCopyWriter prefixed = writerWithPrefix(prefix);
    try (prefixed) {
      WriteResult result = prefixed.write(TestRows.chunk(1, byTable));
      assertThat(result.failures()).isEmpty();
    }

    assertThat(readRows(schema, prefix, Table.QUARANTINE)).containsExactlyElementsOf(sorted(rows));
    assertThat(readRows(schema, prefix, Table.PATIENTS))
        .containsExactlyInAnyOrderElementsOf(patients);
    assertThat(readRows(schema, prefix, Table.OBSERVATIONS))
        .containsExactlyInAnyOrderElementsOf(values);
  }

  @Test
  void truncatesTimestampsToMicroseconds() throws Exception {
    String prefix = newPrefix();
    Row row =
        row(
            Table.QUARANTINE,
            "run_id",
            "r",
            "source",
            "s",
            "record_index",
            1L,
            "path",
            "$",
            "line",
            1L,
            "byte_offset",
            1L,
            "record_kind",
            "PATIENT",
            "reasons",
            List.of(),
            "rejected_at",
            Instant.parse("2024-01-01T00:00:00.123456789Z"));
    try (PostgresCopyWriter prefixed = writerWithPrefix(prefix)) {
      prefixed.write(TestRows.chunk(1, Table.QUARANTINE, List.of(row)));
    }

    assertThat(
            TestRows.value(
                Table.QUARANTINE, readRows(schema, prefix, Table.QUARANTINE).get(0), "rejected_at"))
        .isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
  }

  static List<Arguments> textCases() {
    return List.of(
        Arguments.of("unicode", "Zoë Nguyễn 患者 Ελληνικά עברית 😀🏥 \u00a0\u200b\ufeff end"),
        Arguments.of("tab", "before\tafter\t"),
        Arguments.of("newlines", "line1\nline2\r\nline3\r"),
        Arguments.of("backslashes", "C:\\temp\\new \\\\ \\t \\n \\"),
        Arguments.of("quotes", "it's \"quoted\" '' \"\" `x`"),
        Arguments.of("literal backslash N", "\\N"),
        Arguments.of("backslash N inside", "a\\Nb \\N"),
        Arguments.of("word NULL", "NULL"),
        Arguments.of("empty", ""),
        Arguments.of("csv specials", "a,b;c|d\"e\"\n"),
        Arguments.of("control characters", "\u0001\u0007\u001b[0m\u007f"),
        Arguments.of("end-of-copy marker", "\\.\n\\.\r\n"),
        Arguments.of("very long", "ab\tc\\N😀".repeat(1_500_000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textCases")
  void roundTripsTextByteForByte(String name, String text) throws Exception {
    String id = "text-" + name.replace(' ', '-');
    Row written = TestRows.with(Table.OBSERVATIONS, observation(id, text), "value_string", text);
    Row withArray =
        row(
            Table.PATIENTS,
            "patient_id",
            id,
            "family_name",
            text,
            "identifiers",
            List.of(text, text));
    Map<Table, List<Row>> rows = new EnumMap<>(Table.class);
    rows.put(Table.OBSERVATIONS, List.of(written));
    rows.put(Table.PATIENTS, List.of(withArray));

    WriteResult result = writer.write(TestRows.chunk(2, rows));

    assertThat(result.failures()).isEmpty();
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(utf8));
    assertThat(
            queryColumn(
                "SELECT octet_length(notes) || ' ' || md5(notes) || ' ' || (notes IS NULL)"
                    + " FROM \""
                    + schema
                    + "\".observations WHERE observation_id = '"
                    + id
                    + "'"))
        .containsExactly(utf8.length + " " + md5 + " false");
    assertThat(
            queryValue(
                "SELECT md5(identifiers[2]) = md5(family_name) AND md5(family_name) = '"
                    + md5
                    + "' FROM \""
                    + schema
                    + "\".patients WHERE patient_id = '"
                    + id
                    + "'"))
        .isEqualTo(true);
    assertThat(readRows(schema, "", Table.OBSERVATIONS, "observation_id = '" + id + "'"))
        .containsExactly(written);
    assertThat(readRows(schema, "", Table.PATIENTS, "patient_id = '" + id + "'"))
        .containsExactly(withArray);
  }

  @Test
  void keepsEmptyStringApartFromNull() throws Exception {
    Row empty =
        TestRows.with(Table.OBSERVATIONS, observation("empty-vs-null-1", ""), "value_string", "");
    Row none =
        TestRows.with(
            Table.OBSERVATIONS, observation("empty-vs-null-2", null), "value_string", null);

    writer.write(observations(3, empty, none));

    assertThat(
            queryColumn(
                "SELECT observation_id || ':' || coalesce('''' || notes || '''', 'NULL')"
                    + " FROM \""
                    + schema
                    + "\".observations WHERE observation_id LIKE 'empty-vs-null-%'"
                    + " ORDER BY observation_id"))
        .containsExactly("empty-vs-null-1:''", "empty-vs-null-2:NULL");
  }

  @Test
  void refusesRowWithNulInTextAndWritesTheRest() throws Exception {
    Row clean = observation("nul-clean", "fine");
    Row withNul = observation("nul-notes", "before\u0000after " + PLANTED);
    Row withNulInArray =
        row(Table.PATIENTS, "patient_id", "nul-array", "given_names", List.of("a", "b\u0000"));
    Row surrogate = observation("nul-surrogate", "broken \ud83d pair");
    Map<Table, List<Row>> rows = new EnumMap<>(Table.class);
    rows.put(Table.OBSERVATIONS, List.of(clean, withNul, surrogate));
    rows.put(Table.PATIENTS, List.of(withNulInArray));

    WriteResult result = writer.write(TestRows.chunk(4, rows));

    assertThat(result.failures())
        .extracting(RowFailure::table, RowFailure::key, RowFailure::reason)
        .containsExactly(
            tuple(Table.PATIENTS, "nul-array", "text contains NUL (U+0000), column given_names"),
            tuple(Table.OBSERVATIONS, "nul-notes", "text contains NUL (U+0000), column notes"),
            tuple(
                Table.OBSERVATIONS,
                "nul-surrogate",
                "text contains an unpaired UTF-16 surrogate, column notes"));
    assertThat(result.rowsWritten(Table.OBSERVATIONS)).isEqualTo(1);
    assertThat(result.rowsWritten(Table.PATIENTS)).isZero();
    assertThat(
            queryColumn(
                "SELECT observation_id FROM \""
                    + schema
                    + "\".observations WHERE observation_id LIKE 'nul-%'"))
        .containsExactly("nul-clean");
  }

  @Test
  void rerunOfSameChunkLeavesSameRows() throws Exception {
    String prefix = newPrefix();
    Chunk chunk = new ClinicalChunks(7, "rerun-").chunk(0, 40);
    try (PostgresCopyWriter prefixed = writerWithPrefix(prefix)) {
      prefixed.write(chunk);
      String before = tableDigests(prefix);
      WriteResult again = prefixed.write(chunk);

      assertThat(again.failures()).isEmpty();
      assertThat(again.rowsWritten(Table.OBSERVATIONS)).isEqualTo(480);
      assertThat(tableDigests(prefix)).isEqualTo(before);
      assertThat(
              queryValue("SELECT count(*) FROM \"" + schema + "\".\"" + prefix + "observations\""))
          .isEqualTo(480L);
    }
  }

  @Test
  void rowWithExistingKeyReplacesIt() throws Exception {
    writer.write(
        observations(5, observation("replace-1", "first"), observation("replace-2", "kept")));

    WriteResult result = writer.write(observations(6, observation("replace-1", "second")));

    assertThat(result.rowsWritten(Table.OBSERVATIONS)).isEqualTo(1);
    assertThat(
            queryColumn(
                "SELECT observation_id || '=' || notes FROM \""
                    + schema
                    + "\".observations WHERE observation_id LIKE 'replace-%' ORDER BY 1"))
        .containsExactly("replace-1=second", "replace-2=kept");
  }

  @Test
  void chunkMixingNewAndExistingKeysUpsertsEveryRow() throws Exception {
    writer.write(observations(13, observation("mixed-1", "old"), observation("mixed-2", "old")));

    WriteResult result =
        writer.write(
            observations(
                14,
                observation("mixed-0", "new"),
                observation("mixed-2", "changed"),
                observation("mixed-3", "new")));

    assertThat(result.failures()).isEmpty();
    assertThat(result.rowsWritten(Table.OBSERVATIONS)).isEqualTo(3);
    assertThat(
            queryColumn(
                "SELECT observation_id || '=' || notes FROM \""
                    + schema
                    + "\".observations WHERE observation_id LIKE 'mixed-%' ORDER BY 1"))
        .containsExactly("mixed-0=new", "mixed-1=old", "mixed-2=changed", "mixed-3=new");
  }

  @Test
  void isolatesRowsViolatingNotNullAndWritesTheRest() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      rows.add(observation(String.format("isolate-%04d", i), "note " + i + " " + PLANTED));
    }
    rows.set(17, TestRows.with(Table.OBSERVATIONS, rows.get(17), "code", null));
    rows.set(18, TestRows.with(Table.OBSERVATIONS, rows.get(18), "patient_id", null));
    rows.set(999, TestRows.with(Table.OBSERVATIONS, rows.get(999), "code", null));

    WriteResult result = writer.write(TestRows.chunk(7, Table.OBSERVATIONS, rows));

    assertThat(result.failures())
        .extracting(RowFailure::key, RowFailure::reason)
        .containsExactly(
            tuple("isolate-0017", "SQLSTATE 23502, column code"),
            tuple("isolate-0018", "SQLSTATE 23502, column patient_id"),
            tuple("isolate-0999", "SQLSTATE 23502, column code"));
    assertThat(result.failures()).allSatisfy(f -> assertThat(f.reason()).doesNotContain(PLANTED));
    assertThat(result.rowsWritten(Table.OBSERVATIONS)).isEqualTo(997);
    assertThat(
            queryValue(
                "SELECT count(*) FROM \""
                    + schema
                    + "\".observations WHERE observation_id LIKE 'isolate-%'"))
        .isEqualTo(997L);
  }

  @Test
  void isolatesRowRefusedByUniqueConstraintWithItsNameOnly() throws Exception {
    String prefix = newPrefix();
    try (PostgresCopyWriter prefixed = writerWithPrefix(prefix)) {
      prefixed.write(observations(8, observation("unique-0", "created")));
      execute(
          "CREATE UNIQUE INDEX \""
              + prefix
              + "notes_unique\" ON \""
              + schema
              + "\".\""
              + prefix
              + "observations\" (notes)");

      WriteResult result =
          prefixed.write(
              observations(
                  9, observation("unique-1", "other"), observation("unique-2", "created")));

      assertThat(result.failures())
          .extracting(RowFailure::key, RowFailure::reason)
          .containsExactly(
              tuple("unique-2", "SQLSTATE 23505, constraint " + prefix + "notes_unique"));
      assertThat(result.rowsWritten(Table.OBSERVATIONS)).isEqualTo(1);
    }
  }

  @Test
  void parallelAndSequentialWritersProduceTheSameRows() throws Exception {
    String parallelPrefix = newPrefix();
    String sequentialPrefix = newPrefix();
    List<Chunk> chunks = new ArrayList<>();
    ClinicalChunks generator = new ClinicalChunks(11, "same-");
    for (int i = 0; i < 3; i++) {
      chunks.add(generator.chunk(i, 60));
    }
    try (PostgresCopyWriter parallel =
            PostgresCopyWriter.builder(PostgresTestDatabase.url())
                .schema(schema)
                .tablePrefix(parallelPrefix)
                .poolSize(4)
                .parallelTables(true)
                .build();
        PostgresCopyWriter sequential =
            PostgresCopyWriter.builder(PostgresTestDatabase.url())
                .schema(schema)
                .tablePrefix(sequentialPrefix)
                .poolSize(4)
                .parallelTables(false)
                .build()) {
      for (Chunk chunk : chunks) {
        assertThat(parallel.write(chunk)).isEqualTo(sequential.write(chunk));
      }
    }

    assertThat(tableDigests(parallelPrefix)).isEqualTo(tableDigests(sequentialPrefix));
    for (Table table : Table.values()) {
      assertThat(readRows(schema, parallelPrefix, table))
          .isEqualTo(readRows(schema, sequentialPrefix, table))
          .hasSize(chunks.stream().mapToInt(c -> c.rows(table).size()).sum());
    }
  }

  @Test
  void poolOfOneNeverDeadlocksUnderConcurrentWrites() throws Exception {
    String prefix = newPrefix();
    try (PostgresCopyWriter single =
        PostgresCopyWriter.builder(PostgresTestDatabase.url())
            .schema(schema)
            .tablePrefix(prefix)
            .poolSize(1)
            .parallelTables(true)
            .build()) {
      assertThat(single.maxConcurrentWrites()).isEqualTo(1);
      ClinicalChunks generator = new ClinicalChunks(13, "one-");
      List<Chunk> chunks = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        chunks.add(generator.chunk(i, 20));
      }
      ExecutorService callers = Executors.newFixedThreadPool(3);
      try {
        assertTimeoutPreemptively(
            Duration.ofSeconds(120),
            () -> {
              List<Future<WriteResult>> results = new ArrayList<>();
              for (Chunk chunk : chunks) {
                results.add(callers.submit(() -> single.write(chunk)));
              }
              for (Future<WriteResult> result : results) {
                assertThat(result.get().failures()).isEmpty();
              }
            });
      } finally {
        callers.shutdownNow();
      }
    }
    assertThat(queryValue("SELECT count(*) FROM \"" + schema + "\".\"" + prefix + "observations\""))
        .isEqualTo(6L * 20 * 12);
  }

  @Test
  void usesHostPoolWithinItsSizeAndLeavesItOpen() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(PostgresTestDatabase.url());
    config.setMaximumPoolSize(2);
    try (HikariDataSource host = new HikariDataSource(config)) {
      String prefix = newPrefix();
      PostgresCopyWriter borrowing =
          PostgresCopyWriter.builder(host).schema(schema).tablePrefix(prefix).build();
      assertThat(borrowing.maxConcurrentWrites()).isEqualTo(1);
      try (borrowing) {
        WriteResult result = borrowing.write(new ClinicalChunks(17, "host-").chunk(0, 10));
        assertThat(result.rowsWritten(Table.ENCOUNTERS)).isEqualTo(30);
      }

      assertThat(host.isClosed()).isFalse();
      assertThat(host.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(2);
      try (var connection = host.getConnection()) {
        assertThat(connection.isValid(1)).isTrue();
      }
    }
  }

  @Test
  void rejectsDuplicateKeysInOneChunk() {
    Chunk duplicated = observations(10, observation("dup-1", "a"), observation("dup-1", "b"));

    assertThatThrownBy(() -> writer.write(duplicated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key dup-1 occurs twice in table observations")
        .hasMessageNotContaining("\"a\"");
  }

  @Test
  void keepsPlantedValuesOutOfExceptionWhenServerMessageQuotesThem() throws Exception {
    String prefix = newPrefix();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(PostgresTestDatabase.url());
    config.setMaximumPoolSize(2);
    try (HikariDataSource host = new HikariDataSource(config);
        PostgresCopyWriter borrowing =
            PostgresCopyWriter.builder(host).schema(schema).tablePrefix(prefix).build()) {
      borrowing.write(observations(11, observation("trigger-0", "created")));
      String table = "\"" + schema + "\".\"" + prefix + "observations\"";
      execute(
          "CREATE FUNCTION \""
              + schema
              + "\".\""
              + prefix
              + "echo\"() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN RAISE EXCEPTION 'refusing %', NEW.notes USING DETAIL = NEW.notes; END $$",
          "CREATE TRIGGER echo BEFORE INSERT ON "
              + table
              + " FOR EACH ROW EXECUTE FUNCTION \""
              + schema
              + "\".\""
              + prefix
              + "echo\"()");

      assertThatThrownBy(() -> borrowing.write(observations(12, observation("trigger-1", PLANTED))))
          .isInstanceOf(WriteException.class)
          .hasMessage(
              "COPY into "
                  + schema
                  + "."
                  + prefix
                  + "observations failed for chunk 12 of test.ndjson (records 1200-1299),"
                  + " SQLSTATE P0001")
          .satisfies(PostgresCopyWriterIT::assertNoPlantedValueInChain);
    }
  }

  static void assertNoPlantedValueInChain(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      assertThat(String.valueOf(cause.getMessage())).doesNotContain(PLANTED);
      assertThat(cause.toString()).doesNotContain(PLANTED);
      for (Throwable suppressed : cause.getSuppressed()) {
        assertNoPlantedValueInChain(suppressed);
      }
    }
  }

  private static Row withValue(String id, Double value) {
    return TestRows.with(Table.OBSERVATIONS, observation(id, "n"), "value_quantity", value);
  }

  private static List<Row> sorted(List<Row> rows) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(
        (a, b) -> {
          int bySource = ((String) a.values().get(1)).compareTo((String) b.values().get(1));
          return bySource != 0
              ? bySource
              : Long.compare((Long) a.values().get(2), (Long) b.values().get(2));
        });
    return sorted;
  }

  private static String newPrefix() {
    return "t" + PREFIXES.incrementAndGet() + "_";
  }

  private static PostgresCopyWriter writerWithPrefix(String prefix) {
    return PostgresCopyWriter.builder(PostgresTestDatabase.url())
        .schema(schema)
        .tablePrefix(prefix)
        .build();
  }

  /** An md5 over every row of every table, in key order, as PostgreSQL renders the rows. */
  private static String tableDigests(String prefix) throws Exception {
    StringBuilder digests = new StringBuilder();
    for (Table table : Table.values()) {
      String keys =
          String.join(
              ", ", table.keyColumns().stream().map(c -> "t.\"" + c.name() + "\"").toList());
      digests
          .append(table)
          .append('=')
          .append(
              queryValue(
                  "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY "
                      + keys
                      + ")), '-') FROM \""
                      + schema
                      + "\".\""
                      + prefix
                      + table.tableName()
                      + "\" t"))
          .append(' ');
    }
    return digests.toString();
  }
}
