package org.clinicalingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalingest.HostileFixtures.quarantined;
import static org.clinicalingest.HostileFixtures.quarantinedRows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.clinicalingest.GeneratedPatients.EncounterDefect;
import org.clinicalingest.GeneratedPatients.EncounterSpec;
import org.clinicalingest.GeneratedPatients.FileSpec;
import org.clinicalingest.GeneratedPatients.PatientDefect;
import org.clinicalingest.GeneratedPatients.PatientSpec;
import org.clinicalingest.HostileFiles.HostileFile;
import org.clinicalingest.HostileFixtures.Quarantined;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
import org.clinicalingest.spi.Table;
import org.clinicalingest.testing.RecordingWriter;

/**
 * Properties of the whole pipeline, run with {@link RecordingWriter}: for generated patients whose
 * defects are known, exactly the invalid records and everything under them are quarantined (an
 * oracle independent of the validator), the rest is written, and {@code read == written +
 * quarantined} per kind; for hostile files, the run either balances or fails with the reader's own
 * {@link ReadException} after committing, balanced, every record read before it.
 */
class IngestionPipelinePropertyTest {
  private static Path directory;

  @BeforeContainer
  static void createDirectory() throws IOException {
    directory = Files.createTempDirectory("pipeline-properties");
  }

  @AfterContainer
  static void deleteDirectory() throws IOException {
    Files.deleteIfExists(directory);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void quarantinesExactlyTheInvalidRecordsAndEverythingUnderThem(
      @ForAll("files") FileSpec spec,
      @ForAll @IntRange(min = 1, max = 40) int chunkRows,
      @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll long refusalSeed)
      throws IOException {
    Random random = new Random(refusalSeed);
    List<String> refused =
        spec.writableObservationIds().stream().filter(id -> random.nextInt(6) == 0).toList();
    Path path =
        write(
            spec.layout().fileName("generated") + (spec.compressed() ? ".gz" : ""),
            spec.compressed() ? HostileFixtures.gzip(spec.content()) : spec.content());
    RecordingWriter writer = new RecordingWriter().refusing(row -> refused.contains(row.key()));

    RunSummary summary;
    try {
      summary = pipeline(writer, chunkRows, threads, false, new ArrayList<>()).run(path);
    } finally {
      Files.delete(path);
    }

    RecordCounts expectedQuarantined = spec.quarantined(refused);
    assertThat(summary.read()).isEqualTo(spec.read());
    assertThat(summary.quarantined()).isEqualTo(expectedQuarantined);
    assertThat(summary.isBalanced()).isTrue();
    assertThat(summary.duplicates()).isEqualTo(RecordCounts.ZERO);
    assertThat(quarantinedRows(writer)).isEqualTo(expectedQuarantined);
    assertThat(writer.rows(Table.PATIENTS).keySet()).isEqualTo(validPatientIds(spec));
    assertThat(writer.rows(Table.OBSERVATIONS).size()).isEqualTo(summary.written().observations());
    for (Quarantined row : quarantined(writer)) {
      assertThat(row.reasons()).isNotEmpty();
      if (row.reasons().contains("parent rejected")) {
        assertThat(row.reasons()).containsExactly("parent rejected");
        assertThat(row.kind()).isNotEqualTo("patient");
      }
    }
    assertThat(parentRejected(writer)).isEqualTo(expectedParentRejected(spec));
    Statistics.label("quarantined observations")
        .collect(expectedQuarantined.observations() > 0 ? "some" : "none");
    Statistics.label("quarantined observations")
        .coverage(coverage -> coverage.check("some").percentage(p -> p > 30));
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void everyRecordReadBeforeAnEndOrAFailureIsWrittenOrQuarantined(
      @ForAll("hostileFiles") HostileFile file,
      @ForAll @IntRange(min = 1, max = 40) int chunkRows,
      @ForAll @IntRange(min = 1, max = 3) int threads,
      @ForAll boolean keepRaw)
      throws IOException {
    Path path = write(file.name(), file.bytes());
    List<Progress> progress = new CopyOnWriteArrayList<>();
    RecordingWriter writer = new RecordingWriter();
    RunSummary summary = null;
    ReadException failure = null;
    ReaderPass pass = ReaderPass.of(path, keepRaw);
    try {
      summary = pipeline(writer, chunkRows, threads, keepRaw, progress).run(path);
    } catch (ReadException e) {
      failure = e;
    } finally {
      Files.delete(path);
    }

    Statistics.label("outcome").collect(failure == null ? "balanced summary" : "read failure");
    if (failure == null) {
      assertThat(pass.failure()).isEmpty();
      assertThat(summary.read()).isEqualTo(pass.read());
      assertThat(summary.isBalanced()).isTrue();
      assertThat(summary.quarantined()).isEqualTo(quarantinedRows(writer));
    } else {
      assertThat(pass.failure()).contains(failure.getMessage());
      long read = pass.read().total();
      if (read == 0) {
        assertThat(writer.chunks()).isEmpty();
      } else {
        Progress last = progress.get(progress.size() - 1);
        assertThat(last.recordsRead()).isEqualTo(read);
        assertThat(last.recordsWritten() + last.recordsQuarantined()).isEqualTo(read);
      }
    }
  }

  @Provide
  Arbitrary<FileSpec> files() {
    return GeneratedPatients.files(0, 8);
  }

  @Provide
  Arbitrary<HostileFile> hostileFiles() {
    return HostileFiles.files();
  }

  private static IngestionPipeline pipeline(
      RecordingWriter writer,
      int chunkRows,
      int threads,
      boolean keepRaw,
      List<Progress> progress) {
    return HostileFixtures.pipeline(writer, JsonInputFormat.defaults()).toBuilder()
        .chunkRows(chunkRows)
        .threads(threads)
        .quarantineRawRecords(keepRaw)
        .progressListener(progress::add)
        .build();
  }

  private static Path write(String name, byte[] content) throws IOException {
    return Files.write(directory.resolve(name), content);
  }

  private static Set<String> validPatientIds(FileSpec spec) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < spec.patients().size(); i++) {
      PatientSpec patient = spec.patients().get(i);
      if (!patient.unreadable() && patient.defect() == PatientDefect.NONE) {
        ids.add(GeneratedPatients.patientId(i));
      }
    }
    return ids;
  }

  /** Quarantined children of a rejected parent, as (kind) counts. */
  private static RecordCounts parentRejected(RecordingWriter writer) {
    long encounters = 0;
    long observations = 0;
    for (Quarantined row : quarantined(writer)) {
      if (row.reasons().equals(List.of("parent rejected"))) {
        if (row.kind().equals("encounter")) {
          encounters++;
        } else {
          observations++;
        }
      }
    }
    return new RecordCounts(0, encounters, observations);
  }

  private static RecordCounts expectedParentRejected(FileSpec spec) {
    long encounters = 0;
    long observations = 0;
    for (PatientSpec patient : spec.patients()) {
      boolean patientRejected = patient.defect() != PatientDefect.NONE;
      for (EncounterSpec encounter : patient.encounters()) {
        if (patientRejected) {
          encounters++;
          observations += encounter.observations().size();
        } else if (encounter.defect() != EncounterDefect.NONE) {
          observations += encounter.observations().size();
        }
      }
    }
    return new RecordCounts(0, encounters, observations);
  }

  /** What the reader alone returns from a file: counts by kind, and its failure if any. */
  private record ReaderPass(RecordCounts read, Optional<String> failure) {
    static ReaderPass of(Path path, boolean captureRaw) {
      long patients = 0;
      long encounters = 0;
      long observations = 0;
      try (RecordReader reader = JsonInputFormat.defaults().open(path, captureRaw)) {
        for (Optional<SourceRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
          patients++;
          if (next.get() instanceof ParsedRecord parsed) {
            encounters += parsed.patient().encounters().size();
            observations +=
                parsed.patient().encounters().stream()
                    .mapToLong(encounter -> encounter.observations().size())
                    .sum();
          }
        }
      } catch (ReadException e) {
        return new ReaderPass(
            new RecordCounts(patients, encounters, observations), Optional.of(e.getMessage()));
      }
      return new ReaderPass(new RecordCounts(patients, encounters, observations), Optional.empty());
    }
  }
}
