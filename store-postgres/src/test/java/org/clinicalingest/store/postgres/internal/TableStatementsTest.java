package org.clinicalingest.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicalingest.spi.Table;
import org.junit.jupiter.api.Test;

class TableStatementsTest {

  private final TableStatements quarantine =
      new TableStatements(Table.QUARANTINE, "clinical", "ci_");

  @Test
  void createsTableWithQuotedNamesTypesNotNullAndPrimaryKey() {
    assertThat(quarantine.createTable())
        .startsWith(
            "CREATE TABLE IF NOT EXISTS \"clinical\".\"ci_ingest_quarantine\" (\"run_id\" text NOT"
                + " NULL, \"source\" text NOT NULL, \"record_index\" bigint NOT NULL,")
        .contains(
            "\"reasons\" text[] NOT NULL, \"raw_record\" text, \"rejected_at\" timestamptz NOT NULL")
        .endsWith(", PRIMARY KEY (\"run_id\", \"source\", \"record_index\", \"path\"))");
  }

  @Test
  void upsertsOnKeyAndSkipsUnchangedRows() {
    assertThat(new TableStatements(Table.ENCOUNTERS, "s", "").upsertFromStaging())
        .startsWith("INSERT INTO \"s\".\"encounters\" AS target (\"encounter_id\", \"patient_id\",")
        .contains(
            " FROM pg_temp.\"clinicalingest_stage_encounters\" ON CONFLICT (\"encounter_id\")")
        .contains("DO UPDATE SET \"patient_id\" = EXCLUDED.\"patient_id\",")
        .contains(" WHERE (target.\"patient_id\", ")
        .endsWith(
            ") IS DISTINCT FROM (EXCLUDED.\"patient_id\", EXCLUDED.\"status\", EXCLUDED.\"class_code\", EXCLUDED.\"period_start\", EXCLUDED.\"period_end\", EXCLUDED.\"reason_code\", EXCLUDED.\"reason_display\", EXCLUDED.\"provider_name\", EXCLUDED.\"facility_name\")");
  }

  @Test
  void looksUpCompositeKeysWithOneTypedArrayPerKeyColumn() {
    assertThat(quarantine.anyKeyExists())
        .isEqualTo(
            "SELECT EXISTS (SELECT 1 FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[]) AS k"
                + " (\"run_id\", \"source\", \"record_index\", \"path\") JOIN"
                + " \"clinical\".\"ci_ingest_quarantine\" AS target ON target.\"run_id\" ="
                + " k.\"run_id\" AND target.\"source\" = k.\"source\" AND target.\"record_index\" ="
                + " k.\"record_index\" AND target.\"path\" = k.\"path\")");
  }

  @Test
  void copiesBinaryIntoStagingOrStraightIntoTable() {
    assertThat(quarantine.copyIntoStaging())
        .startsWith("COPY pg_temp.\"clinicalingest_stage_ingest_quarantine\" (\"run_id\",")
        .endsWith(") FROM STDIN (FORMAT binary)");
    assertThat(quarantine.copyIntoTable())
        .startsWith("COPY \"clinical\".\"ci_ingest_quarantine\" (\"run_id\",")
        .endsWith(") FROM STDIN (FORMAT binary)");
    assertThat(quarantine.createStaging())
        .startsWith("CREATE TEMP TABLE pg_temp.\"clinicalingest_stage_ingest_quarantine\" (")
        .endsWith(") ON COMMIT DROP");
  }
}
