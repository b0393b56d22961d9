package org.clinicalingest.examples.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.clinicalingest.examples.generate.LeakCheck;
import org.clinicalingest.examples.generate.LeakReport;
import org.clinicalingest.examples.generate.TextLookup;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code leak-check}: counts, by category, the PHI strings of a generator's gold file that are
 * still present in the written notes, and the clinical phrases that survived.
 */
@Command(
    name = "leak-check",
    mixinStandardHelpOptions = true,
    description = "Check written notes against the gold file of a generated input.")
final class LeakCheckCommand implements Callable<Integer> {

  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "The gold file.")
  Path gold;

  @ArgGroup(exclusive = true, multiplicity = "1")
  IngestCommand.StoreOptions store;

  @Option(
      names = "--table",
      paramLabel = "NAME",
      defaultValue = "observations",
      description =
          "The observations table, optionally schema-qualified (default: ${DEFAULT-VALUE}).")
  String table;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws SQLException {
    FileArguments.requireReadable(spec.commandLine(), "--gold", gold);
    if (store.duckdb != null) {
      FileArguments.requireReadable(spec.commandLine(), "--duckdb", store.duckdb);
    }
    String url = store.duckdb != null ? "jdbc:duckdb:" + store.duckdb : store.postgres;
    try (Connection connection = DriverManager.getConnection(url);
        TextLookup written = TextLookup.jdbc(connection, table)) {
      LeakReport report = LeakCheck.run(gold, written);
      spec.commandLine().getOut().println(report.table());
    }
    return 0;
  }
}
