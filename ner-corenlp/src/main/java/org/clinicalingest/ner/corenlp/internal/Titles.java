package org.clinicalingest.ner.corenlp.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words that announce a name: personal titles ("Dr.", "Mrs.") and relations or roles ("daughter",
 * "wife", "chaplain", and "née" before a birth name), used to keep names that look like clinical
 * terms, to find names the model misses, and to trim such words off the model's name spans.
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
          "interpreter",
          "née", // as written, for the announcer tokens; compared normalised, it is "nee"
          "nee");

  /**
   * Titles and relations as tokens may spell them: lower case, capitalised, capitals, with a dot.
   */
  private static final Set<String> ANNOUNCER_TOKENS = announcerTokens();

  private static final Set<String> NOT_NAMES =
      Set.of("patient", "pt", "family", "the", "per", "called", "attending", "resident");

  private Titles() {}

  private static Set<String> announcerTokens() {
    Set<String> tokens = new HashSet<>();
    for (Set<String> words : List.of(TITLES, RELATIONS)) {
      for (String word : words) {
        String capitalised = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        for (String form : List.of(word, capitalised, word.toUpperCase(Locale.ROOT))) {
          tokens.add(form);
          tokens.add(form + ".");
        }
      }
    }
    return Set.copyOf(tokens);
  }

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

  /** Whether a token ("Dr.", "daughter") is a title or relation word that a name may follow. */
  static boolean announcesName(String word) {
    return ANNOUNCER_TOKENS.contains(word);
  }

  /** Whether word {@code index} exists and is a personal title. */
  static boolean isTitle(Words words, int index) {
    return index >= 0 && TITLES.contains(words.normalized(index));
  }
}
