package org.clinicalingest.examples;

import java.nio.file.Path;
import org.clinicalingest.IngestionPipeline;
import org.clinicalingest.RunSummary;
import org.clinicalingest.ner.corenlp.CoreNlpRedactor;
import org.clinicalingest.store.duckdb.DuckDbAppenderWriter;

/**
 * The library in a few lines: ingest one clinical JSON file into an embedded DuckDB file, names in
 * notes found by CoreNLP, and print the run's summary. DuckDB's own memory, which {@code -Xmx} does
 * not bound, is capped at 1 GiB.
 *
 * <p>{@code java -cp examples/target/clinical-ingest.jar
 * org.clinicalingest.examples.IngestIntoDuckDb patients.ndjson clinical.duckdb}
 */
public final class IngestIntoDuckDb {

  private IngestIntoDuckDb() {}

  /** Ingests {@code args[0]} into the DuckDB file {@code args[1]}. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: IngestIntoDuckDb INPUT.json DATABASE.duckdb");
      System.exit(2);
    }
    IngestionPipeline pipeline =
        IngestionPipeline.builder()
            .redactor(CoreNlpRedactor.builder().build())
            .writer(DuckDbAppenderWriter.builder(Path.of(args[1])).memoryLimit(1L << 30).build())
            .build();
    try (pipeline) {
      RunSummary summary = pipeline.run(Path.of(args[0]));
      System.out.println(summary.toJson());
    }
  }
}
