package org.clinicalingest.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinicalingest.examples.generate.GenerationSummary;
import org.clinicalingest.examples.generate.SyntheticDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: synthetic patients in FORMAT.md with a gold file of the PHI in their notes. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write synthetic patients with PHI in their notes, and a gold file of that PHI.")
final class GenerateCommand implements Callable<Integer> {

  @Option(
      names = "--patients",
      required = true,
      paramLabel = "N",
      description = "Patients to write.")
  long patients;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Output file; gzip-compressed when it ends in .gz.")
  Path out;

  @Option(
      names = "--ndjson",
      description = "Write NDJSON (one patient per line) instead of an array.")
  boolean ndjson;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed; the same seed gives the same bytes (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--gold",
      paramLabel = "FILE",
      description = "Gold file of the PHI inserted (default: the output name + .gold.jsonl).")
  Path gold;

  @Option(
      names = "--invalid-rate",
      paramLabel = "R",
      defaultValue = "0",
      description = "Share of records made invalid on purpose, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double invalidRate;

  @Option(
      names = "--duplicate-rate",
      paramLabel = "R",
      defaultValue = "0",
      description =
          "Share of patients repeated with the same id, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double duplicateRate;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SyntheticDataGenerator generator;
    try {
      generator =
          SyntheticDataGenerator.builder()
              .patients(patients)
              .seed(seed)
              .ndjson(ndjson)
              .invalidRate(invalidRate)
              .duplicateRate(duplicateRate)
              .build();
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Path goldFile = gold != null ? gold : defaultGold(out);
    FileArguments.requireWritable(spec.commandLine(), "--out", out);
    FileArguments.requireWritable(spec.commandLine(), "--gold", goldFile);
    GenerationSummary summary = generator.write(out, goldFile);
    spec.commandLine().getOut().println(summary.table());
    spec.commandLine().getOut().println("data: " + out + "\ngold: " + goldFile);
    return 0;
  }

  static Path defaultGold(Path out) {
    String name = out.getFileName().toString().replaceFirst("\\.gz$", "");
    name = name.replaceFirst("\\.(ndjson|jsonl|json)$", "");
    return out.resolveSibling(name + ".gold.jsonl");
  }
}
