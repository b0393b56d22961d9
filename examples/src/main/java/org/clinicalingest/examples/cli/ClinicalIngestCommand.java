package org.clinicalingest.examples.cli;

import java.io.PrintWriter;
import org.clinicalingest.IngestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code clinical-ingest} command line: {@code ingest}, {@code generate}, {@code demo}, {@code
 * leak-check}, {@code redact} and {@code bench}.
 *
 * <p>Exit status: 0 when the command completes (quarantined records included), 2 on bad arguments,
 * 1 on a fatal error, reported as one line naming the cause. {@code redact} returns 3 when it
 * completed but skipped malformed input lines.
 */
@Command(
    name = "clinical-ingest",
    mixinStandardHelpOptions = true,
    version = "clinical-ingest 0.1.0",
    description = "Streams clinical JSON into a database, validated and with PHI redacted.",
    subcommands = {
      IngestCommand.class,
      GenerateCommand.class,
      DemoCommand.class,
      LeakCheckCommand.class,
      RedactCommand.class,
      BenchCommand.class
    })
public final class ClinicalIngestCommand implements Runnable {

  private static final String ERROR_PREFIX = "clinical-ingest: error: ";

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of fatal errors (they may show PHI from drivers).")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * Runs the command line and exits with its status. A thread of the run that dies of an {@link
   * OutOfMemoryError} ends the process at once, with one line and status 1: the run's other threads
   * may wait forever for the work the dead thread held (a run with {@code -Xmx40m} hung so, its
   * reader and two workers gone, its calling thread waiting for a chunk).
   */
  public static void main(String[] args) {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, failure) -> {
          if (failure instanceof OutOfMemoryError outOfMemory) {
            haltOutOfMemory(outOfMemory);
          }
          System.err.print("Exception in thread \"" + thread.getName() + "\" ");
          failure.printStackTrace();
        });
    System.exit(execute(args));
  }

  /** Prints one line for the error (a fixed one if even that finds no memory) and halts with 1. */
  private static void haltOutOfMemory(OutOfMemoryError error) {
    try {
      String line;
      try {
        line = ERROR_PREFIX + describe(error);
      } catch (OutOfMemoryError stillOut) {
        line = ERROR_PREFIX + "the JVM ran out of memory";
      }
      System.err.println(line);
      System.err.flush();
    } finally {
      Runtime.getRuntime().halt(1);
    }
  }

  /** Runs the command line on the standard streams and returns its exit status. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line on the given streams and returns its exit status, for embedding. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    System.setProperty("org.jboss.logging.provider", "slf4j");
    CommandLine commandLine = new CommandLine(new ClinicalIngestCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(ClinicalIngestCommand::reportFailure);
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError outOfMemory) {
      return report(err, describe(outOfMemory), outOfMemory, commandLine.getParseResult());
    }
  }

  /**
   * One line for a JVM that ran out of memory, with the heap limit when the heap is what ran out;
   * the JVM's message names the kind of memory and holds no data.
   */
  static String describe(OutOfMemoryError error) {
    String message = error.getMessage() == null ? "out of memory" : error.getMessage();
    if (message.contains("Java heap space") || message.contains("GC overhead")) {
      return "the JVM ran out of heap ("
          + message
          + ", -Xmx "
          + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB); rerun with a larger -Xmx";
    }
    return "the JVM ran out of memory (" + message + ")";
  }

  private static int reportFailure(
      Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    return report(commandLine.getErr(), describe(failure), failure, parseResult);
  }

  /** Prints the error's line, and its stack trace under {@code --debug}; returns status 1. */
  private static int report(
      PrintWriter err, String line, Throwable failure, CommandLine.ParseResult parseResult) {
    err.println(ERROR_PREFIX + line);
    if (debugRequested(parseResult)) {
      failure.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  /** Whether {@code --debug} was given, before the command's name or after it. */
  private static boolean debugRequested(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /**
   * One line naming the cause. Our own exceptions hold no PHI; other exceptions (from drivers or
   * the JDK) may quote data, so only their type is shown unless {@code --debug} is given.
   */
  static String describe(Exception failure) {
    if (failure instanceof IngestException
        || failure instanceof IllegalArgumentException
        || failure instanceof IllegalStateException
        || failure instanceof java.io.UncheckedIOException) {
      return failure.getMessage();
    }
    return failure.getClass().getName() + " (details withheld; rerun with --debug to see them)";
  }
}
