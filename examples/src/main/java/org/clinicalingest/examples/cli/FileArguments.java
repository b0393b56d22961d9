package org.clinicalingest.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks a command's file arguments before it does any work, so that a wrong path is refused at
 * once as a bad argument (exit status 2), naming the option, the path and what is wrong with it,
 * rather than failing later, after a long run, with the JDK's or a driver's words.
 */
final class FileArguments {

  private FileArguments() {}

  /**
   * Requires {@code file} to be an existing, readable regular file.
   *
   * @throws ParameterException naming {@code option} if it is not
   */
  static void requireReadable(CommandLine commandLine, String option, Path file) {
    String problem;
    if (Files.isDirectory(file)) {
      problem = "a directory, not a file";
    } else if (!Files.exists(file)) {
      problem = "no such file";
    } else if (!Files.isRegularFile(file)) {
      problem = "not a regular file";
    } else if (!Files.isReadable(file)) {
      problem = "not readable";
    } else {
      return;
    }
    throw new ParameterException(commandLine, option + " " + file + ": " + problem);
  }

  /**
   * Requires that {@code file} can be created or replaced: it is not a directory, and the directory
   * it goes in exists.
   *
   * @throws ParameterException naming {@code option} if it cannot
   */
  static void requireWritable(CommandLine commandLine, String option, Path file) {
    Path directory = file.toAbsolutePath().getParent();
    String problem;
    if (Files.isDirectory(file)) {
      problem = "a directory, not a file";
    } else if (directory != null && !Files.isDirectory(directory)) {
      problem = "no such directory " + directory;
    } else {
      return;
    }
    throw new ParameterException(commandLine, option + " " + file + ": " + problem);
  }
}
