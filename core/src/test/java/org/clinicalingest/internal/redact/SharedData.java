package org.clinicalingest.internal.redact;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the public data of {@code shared/data} beside the repository: under the system property
 * {@code clinicalingest.sharedData} if set, otherwise the first {@code shared/data} found walking
 * up from the working directory. Fails rather than skips, so that an evaluation cannot silently
 * stop running.
 */
final class SharedData {

  private SharedData() {}

  static Path resolve(String relative) {
    String configured = System.getProperty("clinicalingest.sharedData");
    if (configured != null) {
      return Path.of(configured).resolve(relative);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/data/"
            + relative
            + " not found above the working directory;"
            + " set -Dclinicalingest.sharedData=/path/to/shared/data");
  }
}
