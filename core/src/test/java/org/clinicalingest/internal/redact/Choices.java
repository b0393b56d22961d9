package org.clinicalingest.internal.redact;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators of test strings written compactly. */
final class Choices {

  private Choices() {}

  /** One of the {@code |}-separated strings, any of which may be empty. */
  static Arbitrary<String> oneOf(String separated) {
    return Arbitraries.of(separated.split("\\|", -1));
  }
}
