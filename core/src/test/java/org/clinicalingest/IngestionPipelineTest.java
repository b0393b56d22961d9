package org.clinicalingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.Redaction;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;
import org.clinicalingest.testing.RecordingWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestionPipelineTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void writesValidRecordsAndAccountsForEveryRecord() throws IOException {
    Path file =
        ndjson(
            patient(
                "MRN-001",
                "Alva958",
                "Keeling57",
                encounter("enc-1", observation("obs-1", "Stable."))));
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = pipeline(writer).run(file);

    assertThat(summary.read()).isEqualTo(new RecordCounts(1, 1, 1));
    assertThat(summary.written()).isEqualTo(new RecordCounts(1, 1, 1));
    assertThat(summary.quarantined()).isEqualTo(RecordCounts.ZERO);
    assertThat(summary.isBalanced()).isTrue();
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys("MRN-001");
    assertThat(writer.rows(Table.ENCOUNTERS)).containsOnlyKeys("enc-1");
    assertThat(writer.rows(Table.OBSERVATIONS)).containsOnlyKeys("obs-1");
    Row observation = writer.rows(Table.OBSERVATIONS).get("obs-1");
    assertThat(value(Table.OBSERVATIONS, observation, "encounter_id")).isEqualTo("enc-1");
    assertThat(value(Table.OBSERVATIONS, observation, "patient_id")).isEqualTo("MRN-001");
  }

  @Test
  void quarantinesObservationAloneAndKeepsItsEncounter() throws IOException {
    Path file =
        ndjson(
            patient(
                "MRN-002",
                "Ann",
                "Lee",
                encounter("enc-2", observation("obs-2", "ok"), observationWithoutCode("obs-3"))));
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = pipeline(writer).run(file);

    assertThat(writer.rows(Table.OBSERVATIONS)).containsOnlyKeys("obs-2");
    assertThat(writer.rows(Table.ENCOUNTERS)).containsOnlyKeys("enc-2");
    assertThat(summary.quarantined()).isEqualTo(new RecordCounts(0, 0, 1));
    Row rejected = single(writer.quarantineRows());
    assertThat(value(Table.QUARANTINE, rejected, "record_kind")).isEqualTo("observation");
    assertThat(value(Table.QUARANTINE, rejected, "record_id")).isEqualTo("obs-3");
    assertThat(value(Table.QUARANTINE, rejected, "path"))
        .isEqualTo("encounters[0].observations[1]");
    assertThat(value(Table.QUARANTINE, rejected, "record_index")).isEqualTo(0L);
    assertThat(value(Table.QUARANTINE, rejected, "line")).isEqualTo(1L);
    assertThat((List<?>) value(Table.QUARANTINE, rejected, "reasons")).isNotEmpty();
    assertThat(summary.isBalanced()).isTrue();
  }

  @Test
  void quarantinesInvalidEncounterWithItsObservations() throws IOException {
    String badEncounter =
        "{\"encounter_id\":\"enc-3\",\"period_start\":\"2020-01-02T10:00:00Z\","
            + "\"period_end\":\"2020-01-01T10:00:00Z\",\"observations\":["
            + observation("obs-4", "fine")
            + "]}";
    Path file = ndjson(patient("MRN-003", "Bo", "Park", badEncounter, encounter("enc-4")));
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = pipeline(writer).run(file);

    assertThat(writer.rows(Table.ENCOUNTERS)).containsOnlyKeys("enc-4");
    assertThat(writer.rows(Table.OBSERVATIONS)).isEmpty();
    assertThat(summary.quarantined()).isEqualTo(new RecordCounts(0, 1, 1));
    Map<Object, Object> reasonsByKind = reasonsByKind(writer.quarantineRows());
    assertThat(reasonsByKind.get("observation")).isEqualTo(List.of("parent rejected"));
    assertThat(summary.isBalanced()).isTrue();
  }

  @Test
  void quarantinesInvalidPatientWithEverythingNestedInIt() throws IOException {
    Path file =
        ndjson(
            patient("x", "Cy", "Ng", encounter("enc-5", observation("obs-5", "n"))),
            patient("MRN-004", "Di", "Ro"));
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = pipeline(writer).run(file);

    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys("MRN-004");
    assertThat(summary.quarantined()).isEqualTo(new RecordCounts(1, 1, 1));
    assertThat(reasonsByKind(writer.quarantineRows()))
        .containsEntry("encounter", List.of("parent rejected"))
        .containsEntry("observation", List.of("parent rejected"));
    assertThat(summary.isBalanced()).isTrue();
  }

  @Test
  void quarantinesUnreadableLineAndGoesOn() throws IOException {
    Path file = dir.resolve("broken.ndjson");
    Files.writeString(file, "{\"patient_id\": \n" + patient("MRN-005", "Ed", "Fox") + "\n");
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = pipeline(writer).run(file);

    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys("MRN-005");
    assertThat(summary.read().patients()).isEqualTo(2);
    assertThat(summary.quarantined().patients()).isEqualTo(1);
    Row rejected = single(writer.quarantineRows());
    assertThat(value(Table.QUARANTINE, rejected, "record_id")).isNull();
    assertThat(value(Table.QUARANTINE, rejected, "raw_record")).isNull();
  }

  @Test
  void summaryCountsTheQuarantineReasonsByKindMostFrequentFirst() throws IOException {
    Path file = dir.resolve("reasons.ndjson");
    Files.writeString(
        file,
        String.join(
            "\n",
            patient("x", "Cy", "Ng", encounter("enc-20", observation("obs-20", "n"))),
            "{\"patient_id\": ",
            patient(
                "MRN-020",
                "Di",
                "Ro",
                encounter(
                    "enc-21",
                    observationWithoutCode("obs-21"),
                    observationWithoutCode("obs-22"),
                    observation("obs-23", "a")))));
    RecordingWriter writer = new RecordingWriter().refusing(row -> row.key().equals("obs-23"));

    RunSummary summary = pipeline(writer).run(file);

    assertThat(summary.quarantineReasons())
        .containsExactly(
            Map.entry("observation: code is required", 2L),
            Map.entry("encounter: parent rejected", 1L),
            Map.entry("observation: database refused the row: 23514 check_violation", 1L),
            Map.entry("observation: parent rejected", 1L),
            Map.entry("patient: patient_id must be 3-20 characters of A-Z, a-z, 0-9, _ or -", 1L),
            Map.entry("patient: unexpected end of input at column 16", 1L));
    assertThat(summary.toJson())
        .contains("\"quarantine_reasons\" : {\n    \"observation: code is required\" : 2,");
  }

  @Test
  void laterRecordWithSameIdReplacesEarlierAndIsCounted() throws IOException {
    Path file =
        ndjson(
            patient("MRN-006", "Flo", "Gray", encounter("enc-6")),
            patient("MRN-007", "Gus", "Hale", encounter("enc-6")),
            patient("MRN-006", "Flo", "Gray"));
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = pipeline(writer).toBuilder().chunkRows(2).build().run(file);

    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys("MRN-006", "MRN-007");
    assertThat(value(Table.ENCOUNTERS, writer.rows(Table.ENCOUNTERS).get("enc-6"), "patient_id"))
        .isEqualTo("MRN-007");
    assertThat(summary.duplicates()).isEqualTo(new RecordCounts(1, 1, 0));
    assertThat(summary.written()).isEqualTo(new RecordCounts(3, 2, 0));
    assertThat(summary.isBalanced()).isTrue();
  }

  @Test
  void redactsStructuredPhiAndThePatientsNamesInNotes() throws IOException {
    String note = "Alva958 Keeling57 seen today; Alva reports no pain. Call 555-123-4567.";
    Path file =
        ndjson(
            patient(
                "MRN-008", "Alva958", "Keeling57", encounter("enc-8", observation("obs-8", note))));
    RecordingWriter writer = new RecordingWriter();

    pipeline(writer).run(file);

    Row patient = writer.rows(Table.PATIENTS).get("MRN-008");
    assertThat(allText(patient)).doesNotContain("Alva", "Keeling", "1 Main St", "555-867-5309");
    String redacted =
        (String) value(Table.OBSERVATIONS, writer.rows(Table.OBSERVATIONS).get("obs-8"), "notes");
    assertThat(redacted)
        .doesNotContain("Alva", "Keeling", "555-123-4567")
        .contains("[NAME]", "[PHONE]");
    assertThat(redacted).contains("seen today");
  }

  @Test
  void handsNotesToTheRecogniserInBatchesAndAppliesItsSpans() throws IOException {
    List<String> patients = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      patients.add(
          patient(
              "MRN-1" + String.format("%02d", i),
              "Ida",
              "Jay",
              encounter("enc-1" + i, observation("obs-1" + i, "Seen with Quentin at bedside."))));
    }
    Path file = ndjson(patients.toArray(String[]::new));
    RecordingRecogniser recogniser = new RecordingRecogniser("Quentin");
    RecordingWriter writer = new RecordingWriter();

    pipeline(writer).toBuilder().redactor(recogniser).build().run(file);

    assertThat(recogniser.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
    assertThat(recogniser.batchSizes.size()).isLessThan(30);
    assertThat(writer.rows(Table.OBSERVATIONS).values())
        .allSatisfy(
            row ->
                assertThat((String) value(Table.OBSERVATIONS, row, "notes"))
                    .isEqualTo("Seen with [NAME] at bedside."));
  }

  @Test
  void quarantinesRowsTheStoreRefusesAndWritesTheRest() throws IOException {
    Path file =
        ndjson(
            patient(
                "MRN-009",
                "Kim",
                "Lo",
                encounter("enc-9", observation("obs-9", "a"), observation("obs-10", "b"))));
    RecordingWriter writer = new RecordingWriter().refusing(row -> row.key().equals("obs-10"));

    RunSummary summary = pipeline(writer).run(file);

    assertThat(writer.rows(Table.OBSERVATIONS)).containsOnlyKeys("obs-9");
    assertThat(summary.quarantined()).isEqualTo(new RecordCounts(0, 0, 1));
    assertThat(summary.written()).isEqualTo(new RecordCounts(1, 1, 1));
    Row rejected = single(writer.quarantineRows());
    assertThat(value(Table.QUARANTINE, rejected, "reasons"))
        .isEqualTo(List.of("database refused the row: 23514 check_violation"));
    assertThat(summary.isBalanced()).isTrue();
  }

  @Test
  void storeFailureEndsTheRunAfterCommittingEarlierChunks() throws IOException {
    Path file =
        ndjson(
            patient("MRN-010", "Mo", "Ny"),
            patient("MRN-011", "Ola", "Pe"),
            patient("MRN-012", "Qi", "Ra"));
    RecordingWriter writer = new RecordingWriter().failingAt(1);

    assertThatThrownBy(() -> pipeline(writer).toBuilder().chunkRows(1).build().run(file))
        .isInstanceOf(WriteException.class)
        .hasMessageContaining("chunk 1");
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys("MRN-010");
  }

  @Test
  void arraySyntaxErrorEndsTheRunAfterCommittingRecordsBeforeIt() throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(
        file,
        "["
            + patient("MRN-013", "Sal", "Ty")
            + ",\n"
            + patient("MRN-014", "Uma", "Vo")
            + ",\n{\"patient_id\": tru}]");
    RecordingWriter writer = new RecordingWriter();

    assertThatThrownBy(() -> pipeline(writer).run(file))
        .isInstanceOf(ReadException.class)
        .hasMessageContaining("broken.json");
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys("MRN-013", "MRN-014");
  }

  @Test
  void manyThreadsWriteTheSameRowsAsOne() throws IOException {
    assertManyThreadsWriteTheSameRowsAsOne(50);
  }

  @Test
  void workersSharingOneLargeBatchWriteTheSameRowsAsOneThread() throws IOException {
    assertManyThreadsWriteTheSameRowsAsOne(100_000);
  }

  private void assertManyThreadsWriteTheSameRowsAsOne(int chunkRows) throws IOException {
    List<String> patients = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String id = String.format("MRN-%04d", i);
      patients.add(
          i % 7 == 0
              ? patient(id, "Wu", "Xi", encounter("e" + i, observationWithoutCode("o" + i)))
              : patient(
                  id,
                  "Wu",
                  "Xi",
                  encounter("e" + i, observation("o" + i, "Wu Xi is well, call 555-01" + i))));
    }
    Path file = ndjson(patients.toArray(String[]::new));
    RecordingWriter single = new RecordingWriter();
    RecordingWriter parallel = new RecordingWriter();

    RunSummary one = pipeline(single).toBuilder().threads(1).chunkRows(chunkRows).build().run(file);
    RunSummary four =
        pipeline(parallel).toBuilder().threads(4).chunkRows(chunkRows).build().run(file);

    assertThat(four.read()).isEqualTo(one.read());
    assertThat(four.written()).isEqualTo(one.written());
    assertThat(four.quarantined())
        .isEqualTo(one.quarantined())
        .isEqualTo(new RecordCounts(0, 0, 58));
    assertThat(four.isBalanced()).isTrue();
    assertThat(four.redactedSpans()).isEqualTo(one.redactedSpans());
    assertThat(four.redactedSpans().get(PhiType.NAME))
        .isEqualTo(2L * (400 - 58)); // "Wu" and "Xi" in each note
    for (Table table : Table.dataTables()) {
      assertThat(parallel.rows(table)).isEqualTo(single.rows(table));
    }
    assertThat(parallel.chunks()).extracting(chunk -> chunk.sequence()).isSorted();
  }

  @Test
  void resumedRunSkipsCommittedChunksAndWritesTheRestOnce() throws IOException {
    Path file = patientsWithOneEncounter(12, 2);
    RecordingWriter writer = new RecordingWriter().failingAt(3);
    IngestionPipeline pipeline = pipeline(writer).toBuilder().chunkRows(4).build();
    assertThatThrownBy(() -> pipeline.run(file)).isInstanceOf(WriteException.class);
    int chunksBeforeCrash = writer.chunks().size();
    writer.recovered();

    RunSummary resumed = pipeline.toBuilder().resume(true).build().run(file);

    assertThat(chunksBeforeCrash)
        .as("three ranges, each a data and a quarantine chunk")
        .isEqualTo(6);
    assertThat(resumed.alreadyCommitted()).isEqualTo(6);
    assertThat(resumed.read()).isEqualTo(new RecordCounts(6, 6, 0));
    assertThat(resumed.isBalanced()).isTrue();
    assertThat(writer.rows(Table.PATIENTS)).hasSize(12);
    assertThat(writer.chunks()).hasSize(12);
    assertThat(writer.chunks().get(6).firstRecordIndex()).isEqualTo(6);
    assertThat(writer.chunks().get(11).runId()).isEqualTo(writer.chunks().get(0).runId());
  }

  @Test
  void resumeQuarantinesARefusedRowWhoseQuarantineWriteACrashPrevented() throws IOException {
    Path file = patientsWithOneEncounter(6, 4);
    RecordingWriter writer =
        new RecordingWriter()
            .refusing(row -> row.key().equals("enc-42"))
            .failingWhen(chunk -> chunk.firstRecordIndex() == 2 && isQuarantinePart(chunk));
    IngestionPipeline pipeline = pipeline(writer).toBuilder().chunkRows(4).build();
    assertThatThrownBy(() -> pipeline.run(file)).isInstanceOf(WriteException.class);
    assertThat(writer.rows(Table.ENCOUNTERS)).containsKey("enc-43");
    assertThat(writer.quarantineRows()).isEmpty();
    writer.recovered();

    RunSummary resumed = pipeline.toBuilder().resume(true).build().run(file);

    assertThat(resumed.alreadyCommitted()).isEqualTo(2);
    assertThat(resumed.quarantined()).isEqualTo(new RecordCounts(0, 1, 0));
    assertThat(resumed.isBalanced()).isTrue();
    assertThat(writer.rows(Table.ENCOUNTERS)).hasSize(5).doesNotContainKey("enc-42");
    Row rejected = single(writer.quarantineRows());
    assertThat(value(Table.QUARANTINE, rejected, "record_index")).isEqualTo(2L);
  }

  private static boolean isQuarantinePart(Chunk chunk) {
    return chunk.rows(Table.CHECKPOINTS).stream()
        .anyMatch(row -> row.values().get(2).equals(Table.QUARANTINE.tableName()));
  }

  @Test
  void concurrentChunkWritesKeepTheLaterRecordOfAnId() throws IOException {
    List<String> patients = new ArrayList<>();
    Map<String, String> lastGivenName = new java.util.HashMap<>();
    Map<String, String> lastPatientOfEncounter = new java.util.HashMap<>();
    for (int i = 0; i < 300; i++) {
      String id = String.format("MRN-3%03d", i % 120);
      String encounterId = "enc-3" + (i % 90);
      patients.add(patient(id, "Given" + i, "Family", encounter(encounterId)));
      lastGivenName.put(id, "Given" + i);
      lastPatientOfEncounter.put(encounterId, id);
    }
    Path file = ndjson(patients.toArray(String[]::new));
    RecordingWriter writer = new RecordingWriter().concurrently(4);
    RedactionPolicy keepGivenNames =
        RedactionPolicy.builder().field(PhiField.GIVEN_NAMES, Operator.KEEP).build();

    RunSummary summary =
        pipeline(writer).toBuilder()
            .policy(keepGivenNames)
            .chunkRows(6)
            .threads(3)
            .build()
            .run(file);

    assertThat(summary.isBalanced()).isTrue();
    assertThat(summary.duplicates()).isEqualTo(new RecordCounts(180, 210, 0));
    assertThat(writer.rows(Table.PATIENTS)).hasSize(120);
    lastGivenName.forEach(
        (id, given) ->
            assertThat(value(Table.PATIENTS, writer.rows(Table.PATIENTS).get(id), "given_names"))
                .as("patient %s keeps its last record", id)
                .isEqualTo(List.of(given)));
    lastPatientOfEncounter.forEach(
        (encounterId, patientId) ->
            assertThat(
                    value(
                        Table.ENCOUNTERS,
                        writer.rows(Table.ENCOUNTERS).get(encounterId),
                        "patient_id"))
                .isEqualTo(patientId));
  }

  @Test
  void reportsProgressAndClosesItsParts() throws IOException {
    Path file = ndjson(patient("MRN-015", "Ab", "Cd"), patient("MRN-016", "Ef", "Gh"));
    RecordingWriter writer = new RecordingWriter();
    List<Progress> progress = new CopyOnWriteArrayList<>();

    try (IngestionPipeline pipeline =
        pipeline(writer).toBuilder().chunkRows(1).progressListener(progress::add).build()) {
      pipeline.run(file);
    }

    assertThat(progress).hasSize(2);
    assertThat(progress.get(1).recordsRead()).isEqualTo(2);
    assertThat(progress.get(1).bytesRead()).isPositive();
    assertThat(progress.get(1).totalBytes()).isEqualTo(Files.size(file));
    assertThat(writer.isClosed()).isTrue();
  }

  @Test
  void rejectsInvalidOptionsAtOnce() {
    assertThatThrownBy(() -> IngestionPipeline.builder().chunkRows(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chunkRows must be > 0, was -1");
    assertThatThrownBy(() -> IngestionPipeline.builder().threads(0))
        .hasMessage("threads must be > 0, was 0");
    assertThatThrownBy(() -> IngestionPipeline.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("writer");
  }

  private IngestionPipeline pipeline(RecordingWriter writer) {
    return IngestionPipeline.builder().writer(writer).clock(CLOCK).threads(2).build();
  }

  /**
   * An NDJSON file of {@code count} patients {@code MRN-<series>00}, {@code MRN-<series>01}, ...,
   * each with one encounter {@code enc-<series><i>}.
   */
  private Path patientsWithOneEncounter(int count, int series) throws IOException {
    List<String> patients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      patients.add(
          patient(
              String.format("MRN-%d%02d", series, i), "Al", "Bo", encounter("enc-" + series + i)));
    }
    return ndjson(patients.toArray(String[]::new));
  }

  private Path ndjson(String... records) throws IOException {
    Path file = Files.createTempFile(dir, "patients", ".ndjson");
    Files.writeString(file, String.join("\n", records) + "\n");
    return file;
  }

  static String patient(String id, String given, String family, String... encounters) {
    return "{\"patient_id\":\""
        + id
        + "\",\"given_names\":[\""
        + given
        + "\"],\"family_name\":\""
        + family
        + "\",\"date_of_birth\":\"1980-04-02\",\"gender\":\"F\",\"address_line1\":\"1 Main St\","
        + "\"city\":\"Springfield\",\"state\":\"ma\",\"postal_code\":\"01103\","
        + "\"phone\":\"555-867-5309\",\"encounters\":["
        + String.join(",", encounters)
        + "]}";
  }

  static String encounter(String id, String... observations) {
    return "{\"encounter_id\":\""
        + id
        + "\",\"status\":\"finished\",\"class_code\":\"AMB\",\"period_start\":\"2020-01-01T10:00:00Z\","
        + "\"period_end\":\"2020-01-01T11:00:00Z\",\"observations\":["
        + String.join(",", observations)
        + "]}";
  }

  static String observation(String id, String notes) {
    return "{\"observation_id\":\""
        + id
        + "\",\"status\":\"final\",\"code\":\"8480-6\",\"effective_at\":\"2020-01-01T10:30:00Z\","
        + "\"notes\":\""
        + notes
        + "\"}";
  }

  static String observationWithoutCode(String id) {
    return "{\"observation_id\":\"" + id + "\",\"status\":\"final\"}";
  }

  private static Object value(Table table, Row row, String column) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equals(column)) {
        return row.values().get(i);
      }
    }
    throw new IllegalArgumentException(column);
  }

  private static Row single(List<Row> rows) {
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private static String allText(Row row) {
    return row.values().stream().map(String::valueOf).collect(Collectors.joining("|"));
  }

  private static Map<Object, Object> reasonsByKind(List<Row> quarantine) {
    return quarantine.stream()
        .collect(
            Collectors.toMap(
                row -> value(Table.QUARANTINE, row, "record_kind"),
                row -> value(Table.QUARANTINE, row, "reasons"),
                (first, second) -> first));
  }

  /** Finds one given word as a name and records the size of each batch it gets. */
  private static final class RecordingRecogniser implements NerRedactor {
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final Pattern word;

    RecordingRecogniser(String name) {
      this.word = Pattern.compile("\\b" + name + "\\b");
    }

    @Override
    public List<Redaction> redactAll(List<String> texts) {
      batchSizes.add(texts.size());
      List<Redaction> redactions = new ArrayList<>();
      for (String text : texts) {
        List<PhiSpan> spans = new ArrayList<>();
        Matcher matcher = word.matcher(text);
        while (matcher.find()) {
          spans.add(new PhiSpan(matcher.start(), matcher.end(), PhiType.NAME));
        }
        redactions.add(new Redaction(text, spans));
      }
      return redactions;
    }
  }
}
