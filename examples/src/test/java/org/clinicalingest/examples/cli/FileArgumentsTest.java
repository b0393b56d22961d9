package org.clinicalingest.examples.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class FileArgumentsTest {

  @TempDir Path dir;

  private final CommandLine commandLine = new CommandLine(new ClinicalIngestCommand());

  @Test
  void acceptsAReadableFile() throws IOException {
    Path file = Files.writeString(dir.resolve("p.ndjson"), "{}");

    assertThatCode(() -> FileArguments.requireReadable(commandLine, "--input", file))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAMissingFileOrADirectoryToReadNamingOptionAndPath() {
    Path missing = dir.resolve("missing.ndjson");

    assertThatThrownBy(() -> FileArguments.requireReadable(commandLine, "--input", missing))
        .isInstanceOf(ParameterException.class)
        .hasMessage("--input " + missing + ": no such file");
    assertThatThrownBy(() -> FileArguments.requireReadable(commandLine, "--gold", dir))
        .isInstanceOf(ParameterException.class)
        .hasMessage("--gold " + dir + ": a directory, not a file");
  }

  @Test
  void acceptsANewOrExistingFileInAnExistingDirectory() throws IOException {
    Path existing = Files.writeString(dir.resolve("summary.json"), "{}");

    assertThatCode(
            () -> FileArguments.requireWritable(commandLine, "--json", dir.resolve("new.json")))
        .doesNotThrowAnyException();
    assertThatCode(() -> FileArguments.requireWritable(commandLine, "--json", existing))
        .doesNotThrowAnyException();
    assertThatCode(() -> FileArguments.requireWritable(commandLine, "--json", Path.of("rel.json")))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesToWriteIntoAMissingDirectoryOrOverADirectory() throws IOException {
    Path inMissing = dir.resolve("nowhere").resolve("summary.json");
    Path underAFile = Files.writeString(dir.resolve("a-file"), "").resolve("summary.json");

    assertThatThrownBy(() -> FileArguments.requireWritable(commandLine, "--out", inMissing))
        .isInstanceOf(ParameterException.class)
        .hasMessage("--out " + inMissing + ": no such directory " + dir.resolve("nowhere"));
    assertThatThrownBy(() -> FileArguments.requireWritable(commandLine, "--out", underAFile))
        .hasMessage("--out " + underAFile + ": no such directory " + dir.resolve("a-file"));
    assertThatThrownBy(() -> FileArguments.requireWritable(commandLine, "--out", dir))
        .hasMessage("--out " + dir + ": a directory, not a file");
  }
}
