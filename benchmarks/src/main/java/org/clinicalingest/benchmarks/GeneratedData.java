package org.clinicalingest.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinicalingest.JsonInputFormat;
import org.clinicalingest.examples.bench.Bench;
import org.clinicalingest.examples.generate.SyntheticDataGenerator;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;

/** Benchmark inputs from the project's generator, with a fixed seed. */
public final class GeneratedData {
  private GeneratedData() {}

  /** Writes {@code patients} generated patients to {@code file} (NDJSON or an array). */
  public static Path write(Path file, int patients, boolean ndjson) {
    SyntheticDataGenerator.builder().patients(patients).seed(42).ndjson(ndjson).build().write(file);
    return file;
  }

  /**
   * Writes {@code count} generated patients as NDJSON into a new temporary directory named after
   * {@code directoryPrefix} and returns them as read back.
   */
  public static List<Patient> patients(String directoryPrefix, int count) throws IOException {
    Path file = write(Files.createTempDirectory(directoryPrefix).resolve("p.ndjson"), count, true);
    List<Patient> patients = new ArrayList<>();
    try (RecordReader reader = JsonInputFormat.defaults().open(file, false)) {
      for (Optional<SourceRecord> record = reader.next();
          record.isPresent();
          record = reader.next()) {
        if (record.get() instanceof ParsedRecord parsed) {
          patients.add(parsed.patient());
        }
      }
    }
    return patients;
  }

  /** The free texts of {@code patients} that the pipeline redacts, in record order. */
  public static List<String> freeTexts(List<Patient> patients) {
    return patients.stream().flatMap(patient -> Bench.freeTexts(patient).stream()).toList();
  }
}
