package org.clinicalingest.store.postgres;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the throwaway test server through {@code CLINICALINGEST_PG_CTL}, as set by
 * scripts/with-postgres.sh, to cause real faults.
 */
public final class PostgresServer {

  private PostgresServer() {}

  /** Stops the server at once, ending every session ({@code pg_ctl stop -m fast}). */
  public static void stop() {
    pgCtl("-m", "fast", "-w", "stop");
  }

  /** Starts the server with the options it was first started with and waits until it accepts. */
  public static void start() {
    String data = env("CLINICALINGEST_PG_DATA");
    Path log = Path.of(data).getParent().resolve("server.log");
    pgCtl("-o", env("CLINICALINGEST_PG_OPTIONS"), "-l", log.toString(), "-w", "start");
  }

  /** Whether the server is running ({@code pg_ctl status}). */
  public static boolean isRunning() {
    return run(command("status")) == 0;
  }

  private static void pgCtl(String... arguments) {
    List<String> command = command(arguments);
    int exit = run(command);
    if (exit != 0) {
      fail("pg_ctl " + String.join(" ", arguments) + " exited with " + exit);
    }
  }

  private static List<String> command(String... arguments) {
    List<String> command =
        new ArrayList<>(Arrays.asList(env("CLINICALINGEST_PG_CTL").trim().split("\\s+")));
    command.addAll(Arrays.asList(arguments));
    return command;
  }

  private static int run(List<String> command) {
    try {
      Path output = Files.createTempFile("pg_ctl", ".log");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          fail("pg_ctl did not finish in 120 s: " + read(output));
        }
        return process.exitValue();
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      return fail("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted running " + command, e);
    }
  }

  private static String read(Path output) throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      fail(
          name
              + " is not set: the fault tests restart the server and must run through"
              + " scripts/with-postgres.sh (e.g. scripts/with-postgres.sh mvn -B -pl store-postgres"
              + " -am verify) or scripts/test.sh");
    }
    return value;
  }
}
