package org.clinicalingest.internal.redact;

import java.util.function.Consumer;
import java.util.function.Function;

/** A {@link ScannedText} for a test, released when the test is done with it. */
final class Scanned {

  private Scanned() {}

  /** What {@code use} makes of {@code text}, scanned. */
  static <T> T apply(String text, Function<ScannedText, T> use) {
    ScannedText scanned = new ScannedText(text);
    try {
      return use.apply(scanned);
    } finally {
      scanned.release();
    }
  }

  /** Runs {@code check} on {@code text}, scanned. */
  static void check(String text, Consumer<ScannedText> check) {
    apply(
        text,
        scanned -> {
          check.accept(scanned);
          return null;
        });
  }
}
