package org.clinicalingest.examples.bench;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinicalingest.JsonInputFormat;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
import org.clinicalingest.spi.Table;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The design the library replaces, rebuilt for side-by-side measurement: the whole file is loaded
 * into memory, records are validated one by one, each note is sent to the named-entity recogniser
 * on its own inside validation, and rows are written with one plain {@code INSERT} each, committed
 * per chunk of patients.
 *
 * <p>Only the work the original did is done (Bean Validation, names redacted by the recogniser,
 * structured PHI masked), so it does less than the pipeline, which also runs pattern and
 * record-aware redaction; ratios against it are conservative. Not thread-safe.
 */
public final class SeedDesign {
  private static final String MASK = "[REDACTED]";

  private final NerRedactor redactor;
  private final Sql sql;
  private final int chunkPatients;

  /**
   * @param redactor the recogniser called once per note, or null for none
   * @param sql the dialect of the target database
   * @param chunkPatients patients per commit
   */
  public SeedDesign(NerRedactor redactor, Sql sql, int chunkPatients) {
    this.redactor = redactor;
    this.sql = sql;
    this.chunkPatients = chunkPatients;
  }

  /** SQL dialects the seed design writes to. */
  public enum Sql {
    DUCKDB,
    POSTGRES
  }

  /** Loads, validates, redacts and inserts; returns the number of records read. */
  public long run(Path input, Connection connection, String tablePrefix) throws SQLException {
    List<Patient> patients = loadAll(input);
    long records = 0;
    connection.setAutoCommit(false);
    try (ValidatorFactory factory =
            Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        PreparedStatement insertPatient = prepare(connection, Table.PATIENTS, tablePrefix);
        PreparedStatement insertEncounter = prepare(connection, Table.ENCOUNTERS, tablePrefix);
        PreparedStatement insertObservation =
            prepare(connection, Table.OBSERVATIONS, tablePrefix)) {
      Validator validator = factory.getValidator();
      int inChunk = 0;
      for (Patient patient : patients) {
        records += 1 + patient.encounters().size();
        for (Encounter encounter : patient.encounters()) {
          records += encounter.observations().size();
        }
        Patient redacted = validateAndRedact(validator, patient);
        if (redacted == null) {
          continue;
        }
        insert(insertPatient, connection, patientValues(redacted));
        for (Encounter encounter : redacted.encounters()) {
          insert(insertEncounter, connection, encounterValues(encounter, redacted.patientId()));
          for (Observation observation : encounter.observations()) {
            insert(
                insertObservation,
                connection,
                observationValues(observation, encounter.encounterId(), redacted.patientId()));
          }
        }
        if (++inChunk == chunkPatients) {
          connection.commit();
          inChunk = 0;
        }
      }
      connection.commit();
    }
    return records;
  }

  private static List<Patient> loadAll(Path input) {
    List<Patient> patients = new ArrayList<>();
    try (RecordReader reader = JsonInputFormat.defaults().open(input, false)) {
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

  /** Validates a patient and, inside validation, redacts each note with one recogniser call. */
  private Patient validateAndRedact(Validator validator, Patient patient) {
    Set<ConstraintViolation<Patient>> violations = validator.validate(patient);
    if (!violations.isEmpty()) {
      return null;
    }
    List<Encounter> encounters = new ArrayList<>();
    for (Encounter encounter : patient.encounters()) {
      List<Observation> observations = new ArrayList<>();
      for (Observation observation : encounter.observations()) {
        observations.add(observation.toBuilder().notes(redactNote(observation.notes())).build());
      }
      encounters.add(encounter.toBuilder().observations(observations).build());
    }
    return patient.toBuilder().encounters(encounters).build();
  }

  private String redactNote(String note) {
    if (redactor == null || note == null || note.isBlank()) {
      return note;
    }
    List<PhiSpan> spans = new ArrayList<>(redactor.redact(note).spans());
    spans.sort(Comparator.comparingInt(PhiSpan::start).reversed());
    StringBuilder text = new StringBuilder(note);
    int limit = note.length();
    for (PhiSpan span : spans) {
      if (span.end() <= limit) {
        text.replace(span.start(), span.end(), span.type().placeholder());
        limit = span.start();
      }
    }
    return text.toString();
  }

  private PreparedStatement prepare(Connection connection, Table table, String prefix)
      throws SQLException {
    List<String> names = table.columns().stream().map(Column::name).toList();
    String target = prefix + table.tableName();
    String placeholders = String.join(", ", names.stream().map(name -> "?").toList());
    String columns = String.join(", ", names);
    String statement =
        switch (sql) {
          case DUCKDB ->
              "INSERT OR REPLACE INTO "
                  + target
                  + " ("
                  + columns
                  + ") VALUES ("
                  + placeholders
                  + ")";
          case POSTGRES -> {
            String key = table.keyColumns().get(0).name();
            String updates =
                String.join(
                    ", ",
                    names.stream().skip(1).map(name -> name + " = EXCLUDED." + name).toList());
            yield "INSERT INTO "
                + target
                + " ("
                + columns
                + ") VALUES ("
                + placeholders
                + ") ON CONFLICT ("
                + key
                + ") DO UPDATE SET "
                + updates;
          }
        };
    return connection.prepareStatement(statement);
  }

  private void insert(PreparedStatement statement, Connection connection, Object[] values)
      throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value instanceof List<?> list) {
        value =
            connection.createArrayOf(
                sql == Sql.DUCKDB ? "VARCHAR" : "text", list.toArray(new Object[0]));
      }
      statement.setObject(i + 1, value);
    }
    statement.executeUpdate();
  }

  private static Object[] patientValues(Patient patient) {
    return new Object[] {
      patient.patientId().trim(),
      masked(patient.identifiers()),
      mask(patient.familyName()),
      masked(patient.givenNames()),
      patient.namePrefix(),
      patient.nameSuffix(),
      year(patient.dateOfBirth()),
      patient.gender(),
      patient.deceased(),
      year(patient.deceasedDate()),
      patient.maritalStatus(),
      mask(patient.addressLine1()),
      mask(patient.addressLine2()),
      mask(patient.city()),
      patient.state(),
      mask(patient.postalCode()),
      patient.country(),
      mask(patient.phone()),
      mask(patient.fax()),
      mask(patient.email()),
      mask(patient.emergencyContactName()),
      patient.emergencyContactRelationship(),
      mask(patient.emergencyContactPhone()),
      patient.language(),
      patient.managingOrganization()
    };
  }

  private static Object[] encounterValues(Encounter encounter, String patientId) {
    return new Object[] {
      encounter.encounterId().trim(),
      patientId.trim(),
      encounter.status(),
      encounter.classCode(),
      year(encounter.periodStart()),
      year(encounter.periodEnd()),
      encounter.reasonCode(),
      encounter.reasonDisplay(),
      mask(encounter.providerName()),
      encounter.facilityName()
    };
  }

  private static Object[] observationValues(
      Observation observation, String encounterId, String patientId) {
    return new Object[] {
      observation.observationId().trim(),
      encounterId.trim(),
      patientId.trim(),
      observation.status(),
      observation.category(),
      observation.code(),
      observation.codeSystem(),
      observation.display(),
      observation.valueQuantity(),
      observation.valueUnit(),
      observation.valueString(),
      year(observation.effectiveAt()),
      observation.interpretation(),
      observation.notes()
    };
  }

  private static String mask(String value) {
    return value == null ? null : MASK;
  }

  private static List<String> masked(List<String> values) {
    return values.stream().map(value -> MASK).toList();
  }

  private static String year(String date) {
    return date == null || date.length() < 4 ? date : date.substring(0, 4);
  }
}
