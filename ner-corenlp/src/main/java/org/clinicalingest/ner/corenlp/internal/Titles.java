package org.clinicalingest.ner.corenlp.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Words that announce a name: personal titles ("Dr.", "Mrs."), relations or roles ("daughter",
 * "wife", "chaplain", and "née" before a birth name) and nursing roles ("RN"), used to keep names
 * that look like clinical terms, to find names the model misses, and to trim such words off the
 * model's name spans; and the credentials written after a name ("MD").
 *
 * <p>Design: fixed, small sets compared on normalised words, looked up by the words' hashes ({@link
 * Words#normalizedHash}) where every word of a text is; stateless.
 */
final class Titles {

  private static final Set<String> TITLES =
      Set.of("dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor");

  private static final Set<String> RELATIONS =
      Set.of(
          "daughter",
          "dtr",
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

  /** Nursing roles written before a name ("RN Crystal", "report given to rn ava"). */
  private static final Set<String> ROLES = Set.of("rn", "lpn", "lvn", "np", "cna", "aprn", "crna");

  /**
   * Credentials written after a name and a comma ("Dylan Moody, MD"), without dots or hyphens and
   * in lower case; "DO" counts only in capitals.
   */
  private static final Set<String> CREDENTIALS =
      Set.of(
          "md", "do", "rn", "np", "pa", "pac", "lpn", "lvn", "cna", "aprn", "crna", "cnm", "dnp",
          "phd", "pharmd", "rph", "msw", "lcsw", "licsw", "dpm", "dds", "dmd", "fnp", "fnpc",
          "fnpbc", "anp", "acnp", "mbbs", "mph");

  /**
   * Titles and relations as tokens may spell them: lower case, capitalised, capitals, with a dot.
   */
  private static final Set<String> ANNOUNCER_TOKENS = announcerTokens();

  private static final Set<String> NOT_NAMES =
      Set.of("patient", "pt", "family", "the", "per", "called", "attending", "resident");

  /** What a word announcing a name is. */
  enum Announcer {
    TITLE,
    RELATION,
    ROLE
  }

  /** Titles, relations and roles by normalised word, to find any of them in one lookup. */
  private static final Map<String, Announcer> ANNOUNCERS = announcers();

  /**
   * {@link #ANNOUNCERS} by the hash of the normalised word, which a text's {@link Words} keep:
   * every word of every text is looked up, and most are none of them.
   */
  private static final WordTable<Announcer> ANNOUNCERS_BY_HASH =
      WordTable.of(ANNOUNCERS).orElseThrow();

  /** The words a model NAME span should not start with ({@link #isLeadingNonName}), by hash. */
  private static final WordTable<String> LEADING_NON_NAMES =
      WordTable.ofWords(union(ANNOUNCERS.keySet(), NOT_NAMES)).orElseThrow();

  private Titles() {}

  /** Each word of the three sets with its kind; a word in two of them fails the class's load. */
  private static Map<String, Announcer> announcers() {
    return Stream.of(
            TITLES.stream().map(word -> Map.entry(word, Announcer.TITLE)),
            RELATIONS.stream().map(word -> Map.entry(word, Announcer.RELATION)),
            ROLES.stream().map(word -> Map.entry(word, Announcer.ROLE)))
        .flatMap(entries -> entries)
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Set<String> union(Set<String> some, Set<String> others) {
    Set<String> union = new HashSet<>(some);
    union.addAll(others);
    return union;
  }

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

  /**
   * Whether a model NAME span should not start with {@code word}: a title, relation or role word
   * that the model sometimes pulls into the name ("Mother Keisha Brown", "RN Ana Diaz").
   */
  static boolean isLeadingNonName(String word) {
    String dotless = word.replace(".", "");
    return LEADING_NON_NAMES.getByHash(Words.normalizedHash(dotless, 0, dotless.length())) != null;
  }

  /** Whether a token ("Dr.", "daughter") is a title or relation word that a name may follow. */
  static boolean announcesName(String word) {
    return ANNOUNCER_TOKENS.contains(word);
  }

  /** Whether word {@code index} exists and is a personal title. */
  static boolean isTitle(Words words, int index) {
    return index >= 0 && announcer(words, index) == Announcer.TITLE;
  }

  /** What word {@code index} announces a name as, or null if it announces none. */
  static Announcer announcer(Words words, int index) {
    return ANNOUNCERS_BY_HASH.getByHash(words.normalizedHash(index));
  }

  /** Whether {@code written} ("MD", "M.D.", "pa-c") is a credential written after a name. */
  static boolean isCredential(String written) {
    String credential = written.replace(".", "").replace("-", "").toLowerCase(Locale.ROOT);
    return CREDENTIALS.contains(credential)
        && (!credential.equals("do") || written.startsWith("DO") || written.startsWith("D.O"));
  }
}
