package org.clinicalingest.internal.redact;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the public test data of the repository's {@code testdata} folder (copies of public sets,
 * see its README): under the system property {@code clinicalingest.sharedData} if set, otherwise
 * the first {@code testdata} found walking up from the working directory. Fails rather than skips,
 * so that an evaluation cannot silently stop running.
 */
final class SharedData {

  private SharedData() {}

  static Path resolve(String relative) {
    String configured = System.getProperty("clinicalingest.sharedData");
    if (configured != null) {
      return Path.of(configured).resolve(relative);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("testdata").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "testdata/"
            + relative
            + " not found above the working directory;"
            + " set -Dclinicalingest.sharedData=/path/to/testdata");
  }
}
