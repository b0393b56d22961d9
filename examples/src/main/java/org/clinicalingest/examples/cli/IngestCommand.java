package org.clinicalingest.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clinicalingest.IngestionPipeline;
import org.clinicalingest.RunSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ingest}: streams files into DuckDB or PostgreSQL and prints the run's summary. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Validate, redact and write clinical JSON files to a database.")
final class IngestCommand implements Callable<Integer> {

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "A JSON array, wrapped or NDJSON file, optionally gzip-compressed; repeatable.")
  List<Path> inputs;

  @ArgGroup(exclusive = true, multiplicity = "1")
  StoreOptions store;

  @Mixin PipelineOptions pipelineOptions;

  @Option(
      names = "--summary-json",
      paramLabel = "PATH",
      description = "Also write the run's summary as JSON to this file.")
  Path summaryJson;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    for (Path input : inputs) {
      FileArguments.requireReadable(spec.commandLine(), "--input", input);
    }
    if (summaryJson != null) {
      FileArguments.requireWritable(spec.commandLine(), "--summary-json", summaryJson);
    }
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine progress = new ProgressLine(err);
    IngestionPipeline pipeline =
        pipelineOptions.build(
            spec.commandLine(), store, builder -> builder.progressListener(progress));
    RunSummary summary;
    try (pipeline;
        MemoryUse memory = MemoryUse.start()) {
      try {
        summary = pipeline.run(inputs);
      } finally {
        progress.finish();
      }
      SummaryPrinter.print(summary, spec.commandLine().getOut());
      spec.commandLine().getOut().println(memory.describe());
    }
    if (summaryJson != null) {
      Files.writeString(summaryJson, summary.toJson());
    }
    return 0;
  }

  /** Where to write: exactly one store. */
  static final class StoreOptions {
    @Option(
        names = "--duckdb",
        paramLabel = "PATH",
        description = "An embedded DuckDB database file, created if missing.")
    Path duckdb;

    @Option(
        names = "--postgres",
        paramLabel = "JDBC_URL",
        description =
            "A PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost/db?user=u&password=p")
    String postgres;
  }
}
