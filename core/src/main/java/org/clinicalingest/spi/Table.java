package org.clinicalingest.spi;

import static org.clinicalingest.spi.ColumnType.BIGINT;
import static org.clinicalingest.spi.ColumnType.BOOLEAN;
import static org.clinicalingest.spi.ColumnType.DOUBLE;
import static org.clinicalingest.spi.ColumnType.TEXT;
import static org.clinicalingest.spi.ColumnType.TEXT_ARRAY;
import static org.clinicalingest.spi.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * The output tables of FORMAT.md and their columns, in the order of {@link Row#values()}.
 *
 * <p>PHI date columns are text: the redaction policy decides their granularity (a year by default,
 * {@code 90+} for a birth date of a patient over 89, the full ISO-8601 value when kept). Writers
 * create these tables, may put a prefix or schema before the names, and declare the keys.
 */
public enum Table {
  PATIENTS(
      "patients",
      1,
      key("patient_id"),
      nullable("identifiers", TEXT_ARRAY),
      text("family_name"),
      nullable("given_names", TEXT_ARRAY),
      nullable("name_prefix", TEXT_ARRAY),
      nullable("name_suffix", TEXT_ARRAY),
      text("date_of_birth"),
      text("gender"),
      nullable("deceased", BOOLEAN),
      text("deceased_date"),
      text("marital_status"),
      text("address_line1"),
      text("address_line2"),
      text("city"),
      text("state"),
      text("postal_code"),
      text("country"),
      text("phone"),
      text("fax"),
      text("email"),
      text("emergency_contact_name"),
      text("emergency_contact_relationship"),
      text("emergency_contact_phone"),
      text("language"),
      text("managing_organization")),
  ENCOUNTERS(
      "encounters",
      1,
      key("encounter_id"),
      required("patient_id"),
      text("status"),
      text("class_code"),
      text("period_start"),
      text("period_end"),
      text("reason_code"),
      text("reason_display"),
      text("provider_name"),
      text("facility_name")),
  OBSERVATIONS(
      "observations",
      1,
      key("observation_id"),
      required("encounter_id"),
      required("patient_id"),
      text("status"),
      text("category"),
      required("code"),
      text("code_system"),
      text("display"),
      nullable("value_quantity", DOUBLE),
      text("value_unit"),
      text("value_string"),
      text("effective_at"),
      text("interpretation"),
      text("notes")),
  /** One row per rejected record; raw_record stays null unless the host turns it on. */
  QUARANTINE(
      "ingest_quarantine",
      4,
      key("run_id"),
      key("source"),
      new Column("record_index", BIGINT, false),
      key("path"),
      new Column("line", BIGINT, false),
      new Column("byte_offset", BIGINT, false),
      required("record_kind"),
      text("record_id"),
      new Column("reasons", TEXT_ARRAY, false),
      text("raw_record"),
      new Column("rejected_at", TIMESTAMP, false)),
  /**
   * Which record ranges of which source file are committed, one row per table part of a chunk,
   * written in the same transaction as that part's rows; {@link #checkpointedTables()} lists the
   * parts. A range is committed when every part's row exists. Resumed runs skip those ranges.
   */
  CHECKPOINTS(
      "ingest_checkpoints",
      3,
      key("source_key"),
      new Column("first_record_index", BIGINT, false),
      key("table_name"),
      new Column("last_record_index", BIGINT, false),
      required("run_id"),
      required("source"),
      new Column("committed_at", TIMESTAMP, false));

  private final String tableName;
  private final List<Column> columns;
  private final List<Column> keyColumns;

  Table(String tableName, int keyColumnCount, Column... columns) {
    this.tableName = tableName;
    this.columns = List.of(columns);
    this.keyColumns = this.columns.subList(0, keyColumnCount);
  }

  /** Default table name, before any prefix or schema. */
  public String tableName() {
    return tableName;
  }

  /** All columns, in row order. */
  public List<Column> columns() {
    return columns;
  }

  /** The primary key columns; they lead the column list. */
  public List<Column> keyColumns() {
    return keyColumns;
  }

  /** The tables whose part of a chunk carries a checkpoint row: the data and the quarantine. */
  public static List<Table> checkpointedTables() {
    return List.of(PATIENTS, ENCOUNTERS, OBSERVATIONS, QUARANTINE);
  }

  /** The three data tables, parents first. */
  public static List<Table> dataTables() {
    return List.of(PATIENTS, ENCOUNTERS, OBSERVATIONS);
  }

  private static Column key(String name) {
    return new Column(name, TEXT, false);
  }

  private static Column required(String name) {
    return new Column(name, TEXT, false);
  }

  private static Column text(String name) {
    return nullable(name, TEXT);
  }

  private static Column nullable(String name, ColumnType type) {
    return new Column(name, type, true);
  }
}
