package org.clinicalingest.ner.corenlp.internal;

import java.util.Set;

/**
 * Words that announce a name: personal titles ("Dr.", "Mrs.") and relations or roles ("daughter",
 * "wife", "chaplain"), used to keep names that look like clinical terms, to find names the model
 * misses, and to trim such words off the model's name spans.
 *
 * <p>Design: fixed, small sets compared on normalised words; stateless.
 */
final class Titles {

  private static final Set<String> TITLES =
      Set.of("dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor");

  private static final Set<String> RELATIONS =
      Set.of(
          "daughter",
          "son",
          "wife",
          "husband",
          "mother",
          "father",
          "mom",
          "dad",
          "sister",
          "brother",
          "niece",
          "nephew",
          "aunt",
          "uncle",
          "grandson",
          "granddaughter",
          "grandmother",
          "grandfather",
          "partner",
          "friend",
          "boyfriend",
          "girlfriend",
          "fiance",
          "fiancee",
          "neighbor",
          "neighbour",
          "roommate",
          "guardian",
          "stepfather",
          "stepmother",
          "cousin",
          "caregiver",
          "spouse",
          "sibling",
          "twin",
          "nurse",
          "chaplain",
          "interpreter");

  private static final Set<String> NOT_NAMES =
      Set.of("patient", "pt", "family", "the", "per", "called", "attending", "resident");

  private Titles() {}

  /** Whether word {@code index} names a relative or a role that a name may follow. */
  static boolean isRelation(Words words, int index) {
    return index >= 0 && RELATIONS.contains(words.normalized(index));
  }

  /**
   * Whether a model NAME span should not start with {@code word}: a title, relation or role word
   * that the model sometimes pulls into the name ("Mother Keisha Brown").
   */
  static boolean isLeadingNonName(String word) {
    String normalized = Words.normalize(word).replace(".", "");
    return TITLES.contains(normalized)
        || RELATIONS.contains(normalized)
        || NOT_NAMES.contains(normalized);
  }

  /** Whether word {@code index} exists and is a personal title. */
  static boolean isTitle(Words words, int index) {
    return index >= 0 && TITLES.contains(words.normalized(index));
  }
}
