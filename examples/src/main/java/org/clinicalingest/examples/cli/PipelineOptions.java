package org.clinicalingest.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.clinicalingest.IngestionPipeline;
import org.clinicalingest.JsonInputFormat;
import org.clinicalingest.Operator;
import org.clinicalingest.PhiField;
import org.clinicalingest.RedactionPolicy;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.store.duckdb.DuckDbAppenderWriter;
import org.clinicalingest.store.postgres.PostgresCopyWriter;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a pipeline, and the pipeline they configure. */
final class PipelineOptions {

  @Mixin NerOptions ner;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: the available processors).")
  Integer threads;

  @Option(
      names = "--chunk-size",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Target rows per chunk, all tables together (default: ${DEFAULT-VALUE}).")
  int chunkRows;

  @Option(
      names = "--schema",
      paramLabel = "NAME",
      description = "Database schema for the tables (default: the store's default).")
  String schema;

  @Option(
      names = "--table-prefix",
      paramLabel = "PREFIX",
      defaultValue = "",
      description = "Prefix for the table names.")
  String tablePrefix;

  @Option(
      names = "--redact",
      paramLabel = "FIELD=OPERATOR",
      description =
          "Override the Safe Harbor policy for one field, e.g. family_name=PSEUDONYM;"
              + " operators: KEEP, DROP, MASK, PLACEHOLDER, PSEUDONYM, GENERALIZE. Repeatable.")
  Map<String, String> fieldOperators;

  @Option(
      names = "--pseudonym-key-file",
      paramLabel = "FILE",
      description = "File holding the secret key for PSEUDONYM (HMAC-SHA256).")
  Path pseudonymKeyFile;

  @Option(
      names = "--quarantine-raw",
      description = "Keep raw rejected records in the quarantine table (they hold unredacted PHI).")
  boolean quarantineRaw;

  @Option(
      names = "--resume",
      description =
          "Continue an interrupted run: skip what the store's checkpoints show committed"
              + " (a plain rerun is idempotent too, only slower).")
  boolean resume;

  @Option(
      names = "--duckdb-memory-mib",
      paramLabel = "N",
      description =
          "Most memory DuckDB may use, in MiB, outside the Java heap (default: DuckDB's,"
              + " 80%% of RAM).")
  Long duckdbMemoryMib;

  @Option(
      names = "--max-record-bytes",
      paramLabel = "N",
      description = "Largest record accepted, in bytes (default: 10 MB).")
  Long maxRecordBytes;

  /**
   * Builds a pipeline from these options; an invalid option value is reported as a usage error
   * (exit status 2).
   */
  IngestionPipeline build(
      CommandLine commandLine,
      IngestCommand.StoreOptions store,
      UnaryOperator<IngestionPipeline.Builder> customizer) {
    if (pseudonymKeyFile != null) {
      FileArguments.requireReadable(commandLine, "--pseudonym-key-file", pseudonymKeyFile);
    }
    try {
      return customizer.apply(configure(IngestionPipeline.builder(), store)).build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage(), e);
    }
  }

  private IngestionPipeline.Builder configure(
      IngestionPipeline.Builder builder, IngestCommand.StoreOptions store) {
    requireValidDuckDbMemory(store);
    builder
        .chunkRows(chunkRows)
        .policy(policy())
        .quarantineRawRecords(quarantineRaw)
        .resume(resume);
    if (threads != null) {
      builder.threads(threads);
    }
    if (maxRecordBytes != null) {
      builder.inputFormat(JsonInputFormat.builder().maxRecordBytes(maxRecordBytes).build());
    }
    NerRedactor recogniser = ner.recogniser(threads);
    if (recogniser != null) {
      builder.redactor(recogniser);
    }
    return builder.writer(writer(store));
  }

  private BulkWriter writer(IngestCommand.StoreOptions store) {
    if (store.duckdb != null) {
      DuckDbAppenderWriter.Builder writer =
          DuckDbAppenderWriter.builder(store.duckdb).tablePrefix(tablePrefix);
      if (schema != null) {
        writer.schema(schema);
      }
      if (duckdbMemoryMib != null) {
        writer.memoryLimit(duckdbMemoryMib << 20);
      }
      return writer.build();
    }
    PostgresCopyWriter.Builder writer =
        PostgresCopyWriter.builder(store.postgres).tablePrefix(tablePrefix);
    if (schema != null) {
      writer.schema(schema);
    }
    return writer.build();
  }

  /** Refuses a DuckDB memory limit out of range or without DuckDB, before anything loads. */
  private void requireValidDuckDbMemory(IngestCommand.StoreOptions store) {
    if (duckdbMemoryMib == null) {
      return;
    }
    if (store.duckdb == null) {
      throw new IllegalArgumentException("--duckdb-memory-mib applies to --duckdb only");
    }
    long most = Long.MAX_VALUE >> 20;
    if (duckdbMemoryMib < 1 || duckdbMemoryMib > most) {
      throw new IllegalArgumentException(
          "--duckdb-memory-mib must be between 1 and " + most + ", was " + duckdbMemoryMib);
    }
  }

  private RedactionPolicy policy() {
    RedactionPolicy.Builder policy = RedactionPolicy.builder();
    if (fieldOperators != null) {
      for (Map.Entry<String, String> entry : fieldOperators.entrySet()) {
        policy.field(
            PhiField.forJsonName(entry.getKey()),
            Operator.valueOf(entry.getValue().trim().toUpperCase(Locale.ROOT)));
      }
    }
    if (pseudonymKeyFile != null) {
      try {
        policy.pseudonymKey(Files.readAllBytes(pseudonymKeyFile));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read --pseudonym-key-file " + pseudonymKeyFile, e);
      }
    }
    return policy.build();
  }
}
