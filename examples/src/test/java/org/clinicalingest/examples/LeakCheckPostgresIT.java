package org.clinicalingest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.clinicalingest.examples.cli.ClinicalIngestCommand;
import org.clinicalingest.store.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code leak-check} against a real PostgreSQL server: a table that is not there is named in one
 * line, though the driver only reports it when the query first runs.
 */
class LeakCheckPostgresIT {

  @TempDir Path dir;

  @Test
  void namesATableThatIsNotThere() {
    Path data = dir.resolve("p.ndjson");
    String table = PostgresTestDatabase.newSchema("leak_missing") + ".observations";
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    String[] generate = {"generate", "--patients", "3", "--ndjson", "--out", data.toString()};
    assertThat(ClinicalIngestCommand.execute(outWriter, errWriter, generate)).isZero();

    int status =
        ClinicalIngestCommand.execute(
            outWriter,
            errWriter,
            "leak-check",
            "--gold",
            dir.resolve("p.gold.jsonl").toString(),
            "--postgres",
            PostgresTestDatabase.url(),
            "--table",
            table);

    assertThat(status).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "clinical-ingest: error: cannot read the notes of table "
                + table
                + ": ERROR: relation \""
                + table
                + "\" does not exist");
  }
}
