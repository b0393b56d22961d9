package org.clinicalingest.ner.corenlp.internal;

import java.util.Set;

/**
 * Personal titles that announce a name ("Dr.", "Mrs."), used to keep names that look like
 * clinical terms and to find names the model misses.
 *
 * <p>Design: a fixed, small set compared on normalised words; stateless.
 */
final class Titles {

  private static final Set<String> TITLES =
      Set.of("dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor");

  private Titles() {}

  /** Whether word {@code index} exists and is a personal title. */
  static boolean isTitle(Words words, int index) {
    return index >= 0 && TITLES.contains(words.normalized(index));
  }
}
