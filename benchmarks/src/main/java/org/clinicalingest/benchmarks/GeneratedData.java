package org.clinicalingest.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinicalingest.JsonInputFormat;
import org.clinicalingest.examples.generate.SyntheticDataGenerator;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
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

  /** The patients of a file, as read. */
  public static List<Patient> patients(Path file) {
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

  /** The notes of the patients' observations. */
  public static List<String> notes(List<Patient> patients) {
    List<String> notes = new ArrayList<>();
    for (Patient patient : patients) {
      for (Encounter encounter : patient.encounters()) {
        for (Observation observation : encounter.observations()) {
          if (observation.notes() != null) {
            notes.add(observation.notes());
          }
        }
      }
    }
    return notes;
  }

  /** Patients, encounters and observations of the patients. */
  public static long records(List<Patient> patients) {
    long records = 0;
    for (Patient patient : patients) {
      records += 1 + patient.encounters().size();
      for (Encounter encounter : patient.encounters()) {
        records += encounter.observations().size();
      }
    }
    return records;
  }
}
