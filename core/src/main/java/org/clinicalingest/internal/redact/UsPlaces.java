package org.clinicalingest.internal.redact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Pattern pieces for US places, shared by the address and ZIP recognisers.
 *
 * <p>Design: constants, so each recogniser compiles them into its own patterns once, and a cheap
 * test of a word that a recogniser runs before trying them.
 */
final class UsPlaces {

  /** Two-letter codes of the states, DC and the territories; match them case-sensitively. */
  static final String STATE_CODE =
      "(?:A[KLRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEINOPST]|N[CDEHJMVY]|O[HKR]"
          + "|P[AR]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])";

  /** State codes that are also credentials ({@code Smith, MD}), trusted only before a ZIP code. */
  static final Set<String> CREDENTIAL_STATE_CODES = Set.of("MD", "PA", "MA", "DC");

  /** The state names; the District of Columbia and the territories go by their codes. */
  private static final List<String> STATE_NAMES =
      List.of(
          ("Alabama,Alaska,Arizona,Arkansas,California,Colorado,Connecticut,Delaware,Florida"
                  + ",Georgia,Hawaii,Idaho,Illinois,Indiana,Iowa,Kansas,Kentucky,Louisiana,Maine"
                  + ",Maryland,Massachusetts,Michigan,Minnesota,Mississippi,Missouri,Montana"
                  + ",Nebraska,Nevada,New Hampshire,New Jersey,New Mexico,New York,North Carolina"
                  + ",North Dakota,Ohio,Oklahoma,Oregon,Pennsylvania,Rhode Island,South Carolina"
                  + ",South Dakota,Tennessee,Texas,Utah,Vermont,Virginia,Washington,West Virginia"
                  + ",Wisconsin,Wyoming,Puerto Rico")
              .split(","));

  /**
   * Full state names, in title case or capitals.
   *
   * <p>Design: grouped by first letter ({@code A(?:labama|laska|...)}), so that where no state
   * starts the regex engine fails after one character instead of trying every name; no name is a
   * prefix of another, so the grouping matches exactly what the plain alternation does.
   */
  static final String STATE_NAME = byFirstLetter(STATE_NAMES);

  /** Whether two capitals are a state code, by {@code 26 * (first - 'A') + second - 'A'}. */
  private static final boolean[] STATE_CODE_PAIRS = stateCodePairs();

  /**
   * The state names as {@link #STATE_NAME} writes them, in title case and in capitals, by first
   * letter: {@code 'A'} at 0.
   */
  private static final List<List<String>> WRITTEN_STATE_NAMES = writtenStateNames();

  /** The state codes and the last words of the state names, in lower case. */
  private static final Set<String> STATE_END_WORDS = stateEndWords();

  /** A ZIP or ZIP+4 code, not glued to further digits. */
  static final String ZIP = "\\d{5}(?:-\\d{4})?(?![\\d-]|\\.\\d)";

  /**
   * One to three capitalised words, e.g. {@code Springfield}, {@code St. Louis}, {@code EL PASO}.
   */
  static final String CITY = "\\p{Lu}[\\p{L}'’.-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’.-]*){0,2}";

  /**
   * {@link #CITY} with each word taken whole (possessively): the regex engine does not give a word
   * back a letter at a time when what follows fails.
   */
  static final String CITY_WHOLE_WORDS =
      "\\p{Lu}[\\p{L}'’.-]*+(?:[ \\t]+\\p{Lu}[\\p{L}'’.-]*+){0,2}";

  private UsPlaces() {}

  /**
   * Whether {@link #CITY} matches from {@code start} with a comma right after it, as in {@code
   * Woburn, MA}: one to three words, each a capital letter and then letters, apostrophes, full
   * stops or hyphens, with blanks between them.
   */
  static boolean cityBeforeComma(String text, int start) {
    return anyCityWord(
        text,
        start,
        (city, wordStart, wordEnd) -> wordEnd < city.length() && city.charAt(wordEnd) == ',');
  }

  /**
   * Whether a state ({@link #stateAt}) starts inside one of the words that {@link #CITY} matches
   * from {@code start}, after its first letter: {@code PENSACOLA} holds {@code LA}, {@code PORTAL}
   * holds {@code AL}. Only there can {@code CITY} match other than {@link #CITY_WHOLE_WORDS} when a
   * state may follow the city without a blank. Every state starts with a capital A to Z, so only
   * those are tried.
   */
  static boolean stateStartsInsideCityWord(String text, int start) {
    return anyCityWord(text, start, UsPlaces::holdsState);
  }

  /** Whether a state starts inside the word, after its first letter. */
  private static boolean holdsState(String text, int wordStart, int wordEnd) {
    for (int inside = wordStart + 1; inside < wordEnd; inside++) {
      char c = text.charAt(inside);
      if (c >= 'A' && c <= 'Z' && stateAt(text, inside)) {
        return true;
      }
    }
    return false;
  }

  /** A test of one word of a city: the text and where the word starts and ends. */
  private interface CityWordTest {
    boolean test(String text, int wordStart, int wordEnd);
  }

  /**
   * Whether {@code test} holds for one of the words that {@link #CITY} matches from {@code start},
   * tried in order: up to three, each a capital letter and then letters, apostrophes, full stops or
   * hyphens ({@link #cityWordEnd}), with blanks between them.
   */
  private static boolean anyCityWord(String text, int start, CityWordTest test) {
    int at = start;
    for (int word = 0; word < 3; word++) {
      int end = cityWordEnd(text, at);
      if (end < 0) {
        return false;
      }
      if (test.test(text, at, end)) {
        return true;
      }
      at = blanksEnd(text, end);
      if (at == end) {
        return false;
      }
    }
    return false;
  }

  /**
   * Where a word of {@link #CITY} that starts at {@code start} ends: a capital letter and then
   * letters, apostrophes, full stops or hyphens; -1 if no capital starts there.
   */
  private static int cityWordEnd(String text, int start) {
    if (start >= text.length()
        || Character.getType(text.codePointAt(start)) != Character.UPPERCASE_LETTER) {
      return -1;
    }
    int at = start;
    do {
      at += Character.charCount(text.codePointAt(at));
    } while (at < text.length() && isCityCharacter(text.codePointAt(at)));
    return at;
  }

  private static int blanksEnd(String text, int from) {
    int at = from;
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
    return at;
  }

  /**
   * Whether a city, a state and the blanks, commas and full stop between them and a ZIP code can
   * hold the character: what {@link #CITY}, {@link #STATE_CODE} and {@link #STATE_NAME} match.
   */
  static boolean isCityOrStateCharacter(int codePoint) {
    return isCityCharacter(codePoint) || codePoint == ' ' || codePoint == '\t' || codePoint == ',';
  }

  private static boolean isCityCharacter(int codePoint) {
    return Character.isLetter(codePoint)
        || codePoint == '\''
        || codePoint == '’'
        || codePoint == '.'
        || codePoint == '-';
  }

  /**
   * Whether a word may be the end of a state as {@link #STATE_CODE} or {@link #STATE_NAME} match
   * it, in any case: {@code MA}, {@code ma}, {@code Texas}, {@code YORK} (of {@code New York}).
   */
  static boolean mayEndState(String word) {
    return STATE_END_WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a state, as {@link #STATE_CODE} or {@link #STATE_NAME} matches it, starts at {@code
   * position} and is not followed by a word character ({@code \w}).
   */
  static boolean stateAt(String text, int position) {
    char first = position < text.length() ? text.charAt(position) : 0;
    if (first < 'A' || first > 'Z') {
      return false;
    }
    if (position + 2 <= text.length()
        && isStateCode(text.charAt(position), text.charAt(position + 1))
        && !isWordCharacterAt(text, position + 2)) {
      return true;
    }
    for (String name : WRITTEN_STATE_NAMES.get(first - 'A')) {
      int end = nameEnd(text, position, name);
      if (end >= 0 && !isWordCharacterAt(text, end)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where {@code name} ends if written at {@code position}, its blanks as blanks or tabs; or -1.
   */
  private static int nameEnd(String text, int position, String name) {
    int at = position;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == ' ') {
        int blanks = at;
        at = blanksEnd(text, blanks);
        if (at == blanks) {
          return -1;
        }
      } else if (at < text.length() && text.charAt(at) == name.charAt(i)) {
        at++;
      } else {
        return -1;
      }
    }
    return at;
  }

  private static boolean isWordCharacterAt(String text, int position) {
    return position < text.length() && ScannedText.isWordChar(text.charAt(position));
  }

  private static boolean isStateCode(char first, char second) {
    return first >= 'A'
        && first <= 'Z'
        && second >= 'A'
        && second <= 'Z'
        && STATE_CODE_PAIRS[26 * (first - 'A') + second - 'A'];
  }

  private static List<List<String>> writtenStateNames() {
    List<List<String>> byFirstLetter = new ArrayList<>();
    for (char first = 'A'; first <= 'Z'; first++) {
      byFirstLetter.add(new ArrayList<>());
    }
    for (String name : STATE_NAMES) {
      for (String written : List.of(name, name.toUpperCase(Locale.ROOT))) {
        byFirstLetter.get(written.charAt(0) - 'A').add(written);
      }
    }
    return byFirstLetter.stream().map(List::copyOf).toList();
  }

  private static boolean[] stateCodePairs() {
    boolean[] pairs = new boolean[26 * 26];
    Pattern code = Pattern.compile(STATE_CODE);
    for (char first = 'A'; first <= 'Z'; first++) {
      for (char second = 'A'; second <= 'Z'; second++) {
        pairs[26 * (first - 'A') + second - 'A'] = code.matcher("" + first + second).matches();
      }
    }
    return pairs;
  }

  private static Set<String> stateEndWords() {
    Set<String> words = new HashSet<>();
    for (char first = 'A'; first <= 'Z'; first++) {
      for (char second = 'A'; second <= 'Z'; second++) {
        if (isStateCode(first, second)) {
          words.add(("" + first + second).toLowerCase(Locale.ROOT));
        }
      }
    }
    for (String name : STATE_NAMES) {
      words.add(name.substring(name.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(words);
  }

  /**
   * An alternation of the names in title case and in capitals, grouped by first letter, with blanks
   * between words.
   */
  private static String byFirstLetter(List<String> names) {
    Map<Character, List<String>> rests = new TreeMap<>();
    for (String name : names) {
      for (String written : List.of(name, name.toUpperCase(Locale.ROOT))) {
        rests
            .computeIfAbsent(written.charAt(0), first -> new ArrayList<>())
            .add(written.substring(1).replace(" ", "[ \\t]+"));
      }
    }
    StringJoiner alternation = new StringJoiner("|", "(?:", ")");
    rests.forEach((first, rest) -> alternation.add(first + "(?:" + String.join("|", rest) + ")"));
    return alternation.toString();
  }
}
