package org.clinicalingest.internal.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.clinicalingest.RecordCounts;
import org.clinicalingest.Stage;
import org.clinicalingest.internal.redact.RecordTerms;
import org.clinicalingest.internal.validate.RecordValidator;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.FieldProblem;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.RecordKind;
import org.clinicalingest.spi.RecordPosition;
import org.clinicalingest.spi.Rejection;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.SourceRecord;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.UnreadableRecord;

/**
 * Validates and redacts one batch: each record's problems (from the reader and from validation)
 * quarantine the smallest invalid unit and everything nested in it, the valid rest becomes rows
 * with structured PHI redacted, and the free text of the whole batch is redacted at once.
 *
 * <p>Stateless apart from its collaborators, so several workers share one instance.
 */
final class RecordProcessor {
  static final String PARENT_REJECTED = "parent rejected";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final RecordValidator validator;
  private final RowMapper mapper;
  private final FreeTextRedaction freeText;
  private final StageTimes times;

  RecordProcessor(
      RecordValidator validator, RowMapper mapper, FreeTextRedaction freeText, StageTimes times) {
    this.validator = validator;
    this.mapper = mapper;
    this.freeText = freeText;
    this.times = times;
  }

  PreparedBatch process(RecordBatch batch) {
    BatchBuilder builder = new BatchBuilder();
    for (SourceRecord record : batch.records()) {
      if (record instanceof UnreadableRecord unreadable) {
        builder.readPatients++;
        builder.reject(
            unreadable.position(),
            RecordKind.PATIENT,
            "",
            "",
            List.of(unreadable.reason()),
            unreadable.raw());
      } else {
        processParsed((ParsedRecord) record, builder);
      }
    }
    freeText.redact(builder.textSlots, batch.describe(), builder.spanCounts);
    return builder.finish(batch.withoutRecords());
  }

  private void processParsed(ParsedRecord record, BatchBuilder builder) {
    Patient patient = record.patient();
    builder.countRead(patient);
    builder.unknownFields += record.unknownFields();

    long start = System.nanoTime();
    List<FieldProblem> problems = new ArrayList<>(record.problems());
    problems.addAll(validator.validate(patient));
    ProblemIndex index = ProblemIndex.of(problems);
    times.add(Stage.VALIDATE, System.nanoTime() - start);

    RecordPosition position = record.position();
    String raw = record.raw();
    List<String> patientReasons = index.patientReasons();
    if (!patientReasons.isEmpty()) {
      builder.reject(
          position, RecordKind.PATIENT, safeId(patient.patientId()), "", patientReasons, raw);
      for (int i = 0; i < patient.encounters().size(); i++) {
        rejectEncounter(patient.encounters().get(i), i, List.of(PARENT_REJECTED), record, builder);
      }
      return;
    }

    start = System.nanoTime();
    RecordTerms terms = RecordTerms.of(patient);
    String patientId = RowMapper.trim(patient.patientId());
    builder.add(
        Table.PATIENTS,
        mapper.patient(patient),
        new RowOrigin(position, RecordKind.PATIENT, "", raw));
    for (int i = 0; i < patient.encounters().size(); i++) {
      Encounter encounter = patient.encounters().get(i);
      List<String> encounterReasons = index.encounterReasons(i);
      if (!encounterReasons.isEmpty()) {
        rejectEncounter(encounter, i, encounterReasons, record, builder);
        continue;
      }
      String encounterPath = encounterPath(i);
      String encounterId = RowMapper.trim(encounter.encounterId());
      builder.add(
          Table.ENCOUNTERS,
          mapper.encounter(encounter, patientId),
          new RowOrigin(position, RecordKind.ENCOUNTER, encounterPath, raw));
      for (int j = 0; j < encounter.observations().size(); j++) {
        Observation observation = encounter.observations().get(j);
        String observationPath = observationPath(i, j);
        List<String> observationReasons = index.observationReasons(i, j);
        if (!observationReasons.isEmpty()) {
          builder.reject(
              position,
              RecordKind.OBSERVATION,
              safeId(observation.observationId()),
              observationPath,
              observationReasons,
              raw);
          continue;
        }
        Object[] row = mapper.observation(observation, encounterId, patientId);
        builder.add(
            Table.OBSERVATIONS,
            row,
            new RowOrigin(position, RecordKind.OBSERVATION, observationPath, raw));
        builder.addText(row, RowMapper.OBSERVATION_VALUE_STRING, terms);
        builder.addText(row, RowMapper.OBSERVATION_INTERPRETATION, terms);
        builder.addText(row, RowMapper.OBSERVATION_NOTES, terms);
      }
    }
    times.add(Stage.REDACT, System.nanoTime() - start);
  }

  private static void rejectEncounter(
      Encounter encounter,
      int index,
      List<String> reasons,
      ParsedRecord record,
      BatchBuilder builder) {
    builder.reject(
        record.position(),
        RecordKind.ENCOUNTER,
        safeId(encounter.encounterId()),
        encounterPath(index),
        reasons,
        record.raw());
    for (int j = 0; j < encounter.observations().size(); j++) {
      builder.reject(
          record.position(),
          RecordKind.OBSERVATION,
          safeId(encounter.observations().get(j).observationId()),
          observationPath(index, j),
          List.of(PARENT_REJECTED),
          record.raw());
    }
  }

  /**
   * The id to name a rejected record by: ids are keys, not PHI, but the id of an invalid record may
   * hold anything, so only one that looks like an id is kept.
   */
  static String safeId(String id) {
    if (id == null) {
      return "";
    }
    String trimmed = id.trim();
    return SAFE_ID.matcher(trimmed).matches() ? trimmed : "";
  }

  private static String encounterPath(int encounter) {
    return "encounters[" + encounter + "]";
  }

  private static String observationPath(int encounter, int observation) {
    return encounterPath(encounter) + ".observations[" + observation + "]";
  }

  /** Mutable state of one batch while it is processed. */
  private static final class BatchBuilder {
    private final Map<Table, List<Object[]>> rows = new EnumMap<>(Table.class);
    private final Map<Table, List<RowOrigin>> origins = new EnumMap<>(Table.class);
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<TextSlot> textSlots = new ArrayList<>();
    private final Map<PhiType, Long> spanCounts = new EnumMap<>(PhiType.class);
    private long readPatients;
    private long readEncounters;
    private long readObservations;
    private long unknownFields;

    BatchBuilder() {
      for (Table table : Table.dataTables()) {
        rows.put(table, new ArrayList<>());
        origins.put(table, new ArrayList<>());
      }
    }

    void countRead(Patient patient) {
      readPatients++;
      readEncounters += patient.encounters().size();
      for (Encounter encounter : patient.encounters()) {
        readObservations += encounter.observations().size();
      }
    }

    void add(Table table, Object[] row, RowOrigin origin) {
      rows.get(table).add(row);
      origins.get(table).add(origin);
    }

    void addText(Object[] row, int column, RecordTerms terms) {
      Object text = row[column];
      if (text instanceof String value && !value.isBlank()) {
        textSlots.add(new TextSlot(row, column, terms));
      }
    }

    void reject(
        RecordPosition position,
        RecordKind kind,
        String recordId,
        String path,
        List<String> reasons,
        String raw) {
      rejections.add(new Rejection(position, kind, recordId, path, reasons, raw));
    }

    /** Keeps the last row of each key per table (a later record replaces an earlier one). */
    PreparedBatch finish(RecordBatch batch) {
      Map<Table, List<Row>> uniqueRows = new EnumMap<>(Table.class);
      Map<Table, List<RowOrigin>> uniqueOrigins = new EnumMap<>(Table.class);
      long[] dropped = new long[Table.dataTables().size()];
      for (Table table : Table.dataTables()) {
        List<Object[]> tableRows = rows.get(table);
        List<RowOrigin> tableOrigins = origins.get(table);
        List<Row> keptRows = new ArrayList<>(tableRows.size());
        List<RowOrigin> keptOrigins = new ArrayList<>(tableRows.size());
        Set<Object> keys = new HashSet<>();
        for (int i = tableRows.size() - 1; i >= 0; i--) {
          Object[] row = tableRows.get(i);
          if (keys.add(row[0])) {
            keptRows.add(Row.of(row));
            keptOrigins.add(tableOrigins.get(i));
          } else {
            dropped[table.ordinal()]++;
          }
        }
        Collections.reverse(keptRows);
        Collections.reverse(keptOrigins);
        uniqueRows.put(table, keptRows);
        uniqueOrigins.put(table, keptOrigins);
      }
      return new PreparedBatch(
          batch,
          uniqueRows,
          uniqueOrigins,
          List.copyOf(rejections),
          new RecordCounts(readPatients, readEncounters, readObservations),
          new RecordCounts(dropped[0], dropped[1], dropped[2]),
          unknownFields,
          spanCounts);
    }
  }
}
