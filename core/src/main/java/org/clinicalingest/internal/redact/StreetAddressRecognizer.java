package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * US street addresses and PO boxes, with the city and ZIP code that follow them.
 *
 * <p>Design: a street address is a house number, an optional direction, one to four street-name
 * words and a street suffix ({@code 1234 Elm Street}, {@code 55 W. 4th Ave, Apt 3B}), with an
 * optional unit. Many suffixes are also ordinary words ({@code Way}, {@code Place}, {@code Ct},
 * {@code Dr}), so the street name must be capitalised (or in capitals) unless the suffix is
 * unambiguous ({@code street}, {@code avenue}, {@code road}...), which lets {@code 12 main st} in a
 * lower-case note through; and no street-name word may be a function word or a unit ({@code 2
 * blocks down the road}, {@code 5 pm Dr}); {@code Dr} before a capitalised word is a title ({@code
 * 2 Tylenol Dr Smith}). After the street or box, a {@code City, ST 12345} tail gives the city as
 * {@link PhiType#LOCATION} and the ZIP as {@link PhiType#ZIP}; the state is not PHI and stays.
 * Boxes are found as {@code PO Box 77}, {@code Postbox 53} and the military {@code PSC 1437, Box
 * 3833} with its {@code APO AA 66791} line; an apartment or suite number alone ({@code Apt. 3B}) is
 * part of an address too. The street pattern is tried only at a number followed on its line by a
 * few words shaped as street names and then a street suffix, the others only at their cue words
 * ({@code box}, {@code apt}).
 */
final class StreetAddressRecognizer implements Recognizer {

  private static final String STRONG_SUFFIXES =
      "street|st|avenue|ave|boulevard|blvd|road|rd|lane|drive|highway|hwy|parkway|pkwy|terrace"
          + "|turnpike|tpke|expressway|expy|freeway|fwy";

  private static final String WEAK_SUFFIXES =
      "av|ln|dr|court|ct|place|pl|way|ter|circle|cir|route|rte|square|sq|trail|trl|station|sta"
          + "|alley|aly|crescent|cres|close|plaza|plz|loop|row|pike|crossing|xing|path|walk"
          + "|ridge|heights|hts|hollow|park|green|grove|commons|landing|junction|jct|center|ctr"
          + "|estates|gardens|gdns|manor|mews|meadows?|oval|spur|summit|vista|view|village"
          + "|causeway|cswy|bypass|knoll|glen|bend|corner|ferry|mill|gateway|harbor|port|point";

  private static final String DIRECTION =
      "(?:north|south|east|west|northeast|northwest|southeast|southwest|n\\.?e\\.?|n\\.?w\\.?"
          + "|s\\.?e\\.?|s\\.?w\\.?|[nsew]\\.?)";

  private static final String NAME_WORD = "(?:\\d{1,3}(?:st|nd|rd|th)|\\p{L}[\\p{L}'’-]*\\.?)";

  private static final String UNIT =
      "(?<unit>,?[ \\t]*(?:apt|apartment|suite|ste|unit|bldg|building|fl|floor|rm|room|#)\\.?"
          + "[ \\t]*#?[ \\t]*[A-Za-z0-9-]{1,6}(?![\\w]))?";

  static final Pattern STREET =
      Pattern.compile(
          "(?i)(?=\\d)(?<![\\w.,/$#:-])\\d{1,6}[A-Za-z]?(?:-\\d{1,5})?[ \\t]+"
              + "(?:"
              + DIRECTION
              + "(?![\\w])[ \\t]+)?"
              + "(?<name>(?:"
              + NAME_WORD
              + "[ \\t]+){0,3}?"
              + NAME_WORD
              + ")[ \\t]+"
              + "(?<suffix>"
              + STRONG_SUFFIXES
              + "|"
              + WEAK_SUFFIXES
              + ")(?![\\w'’-])\\.?"
              + "(?:[ \\t]+"
              + DIRECTION
              + "(?![\\w]))?"
              + UNIT);

  private static final Pattern PO_BOX =
      Pattern.compile(
          "(?i)\\b(?:(?:p\\.?[ \\t]?o\\.?[ \\t]*|post[ \\t]*office[ \\t]+|post[ \\t]*)box"
              + "|(?-i:PSC|CMR|Unit)[ \\t]+\\d{1,5},?[ \\t]+(?i:box))[ \\t]*#?[ \\t]*\\d{1,6}\\b"
              + "(?:[ \\t]*,?[ \\t]*\\n?[ \\t]*(?-i:[AFD]PO[ \\t]+A[AEP])[ \\t]+\\d{5}\\b)?");

  private static final Pattern MILITARY_POST_OFFICE =
      Pattern.compile("\\b[AFD]PO[ \\t]+A[AEP][ \\t]+\\d{5}(?:-\\d{4})?\\b");

  private static final Pattern UNIT_ALONE =
      Pattern.compile(
          "(?i)(?<![\\w,])(?:apt|apartment|suite|ste)\\.?[ \\t]*#?[ \\t]*\\d[A-Za-z0-9-]{0,5}(?![\\w])");

  static final Pattern TAIL = tail(UsPlaces.CITY);

  /**
   * {@link #TAIL} with each city word taken whole: faster, since {@code TAIL} gives a word back a
   * letter at a time to look for a state after each shorter city, and the same match wherever no
   * state can start inside a city word ({@link UsPlaces#stateStartsInsideCityWord}), because the
   * city ends it tries are then the same, in the same order.
   */
  static final Pattern TAIL_WHOLE_CITY_WORDS = tail(UsPlaces.CITY_WHOLE_WORDS);

  private static final Pattern DOCTOR_NAME_AFTER = Pattern.compile("\\.?[ \\t]+\\p{Lu}\\p{Ll}");

  private static final Set<String> STRONG = Set.of(STRONG_SUFFIXES.split("\\|"));
  private static final Pattern BLANKS = Pattern.compile("[ \t]+");

  /** A direction and four street-name words: the most chunks between a number and its suffix. */
  private static final int MAX_CHUNKS_BEFORE_SUFFIX = 5;

  private static final Set<String> NOT_STREET_WORDS =
      Set.of(
          "the",
          "a",
          "an",
          "of",
          "to",
          "in",
          "on",
          "at",
          "by",
          "for",
          "with",
          "from",
          "and",
          "or",
          "his",
          "her",
          "their",
          "my",
          "your",
          "per",
          "via",
          "times",
          "time",
          "blocks",
          "block",
          "miles",
          "mile",
          "minutes",
          "min",
          "hours",
          "hrs",
          "days",
          "weeks",
          "months",
          "years",
          "am",
          "pm",
          "mg",
          "mcg",
          "ml",
          "units",
          "tabs",
          "tablets",
          "tablet",
          "caps",
          "pills",
          "doses",
          "puffs",
          "drops",
          "x",
          "views",
          "view",
          "patients",
          "visits",
          "down",
          "up",
          "across",
          "along",
          "off",
          "over",
          "this",
          "that",
          "is",
          "was",
          "were");

  @Override
  public void find(ScannedText text, List<PhiSpan> spans) {
    if (text.numbers() == 0) {
      return;
    }
    if (text.has(Cue.STREET_SUFFIX)) {
      int next = 0;
      for (int number = 0; number < text.numbers(); number++) {
        int start = text.numberStart(number);
        if (start < next || text.numberLength(number) > 6 || !suffixMayFollow(text, number)) {
          continue;
        }
        Matcher street = text.lookingAt(STREET, start);
        if (street == null) {
          continue;
        }
        next = street.end();
        if (isStreet(street.group("name"), street.group("suffix"))
            && !isDoctorTitle(text, street.group("suffix"), street.end("suffix"))) {
          spans.add(new PhiSpan(street.start(), street.end(), PhiType.ADDRESS));
          addTail(text, street.end(), spans);
        }
      }
    }
    if (text.has(Cue.BOX)) {
      IntList starts = new IntList();
      for (int word = 0; word < text.words(); word++) {
        if (text.wordHas(word, Cue.BOX)) {
          for (int before = Math.max(0, word - 2); before <= word; before++) {
            starts.add(text.wordStart(before));
          }
        }
      }
      int next = 0;
      for (int start : starts.sorted()) {
        Matcher box = start < next ? null : text.lookingAt(PO_BOX, start);
        if (box != null) {
          spans.add(new PhiSpan(box.start(), box.end(), PhiType.ADDRESS));
          addTail(text, box.end(), spans);
          next = box.end();
        }
      }
    }
    text.addAtCuedWords(MILITARY_POST_OFFICE, 0, PhiType.ADDRESS, spans, Cue.MILITARY_POST);
    text.addAtCuedWords(UNIT_ALONE, 0, PhiType.ADDRESS, spans, Cue.UNIT);
  }

  /**
   * Whether {@link #STREET} may match at the number, judged from the blank-separated chunks after
   * it (a test looser than the pattern, never stricter): no word character or {@code .,/$#:-} glued
   * before the number, a blank after it and its letter or range ({@code 12B Main}, {@code 10-12
   * Main}), then one to {@link #MAX_CHUNKS_BEFORE_SUFFIX} chunks on the same line, each shaped as a
   * direction or a street-name word can be ({@link #isNameShaped}), and then a chunk starting with
   * a street suffix. A number followed by a date, a dose or another number before the suffix
   * ({@code 23 Feb 2008 ... Dr. Morgan}) is not tried.
   */
  static boolean suffixMayFollow(ScannedText text, int number) {
    if (!text.isFreeBefore(text.numberStart(number), ".,/$#:-")) {
      return false;
    }
    int at = text.numberEnd(number);
    if (ScannedText.isLetter(text.charAt(at))) {
      at++;
    }
    if (text.charAt(at) == '-') {
      do {
        at++;
      } while (text.isDigitAt(at));
    }
    for (int chunks = 0; ; chunks++) {
      int chunkStart = text.skip(at, " \t");
      if (chunkStart == at || chunkStart == text.length()) {
        return false;
      }
      int word = text.wordFrom(chunkStart);
      if (chunks > 0
          && word < text.words()
          && text.wordStart(word) == chunkStart
          && text.wordHas(word, Cue.STREET_SUFFIX)) {
        return true;
      }
      at = chunkStart;
      while (at < text.length() && text.charAt(at) != ' ' && text.charAt(at) != '\t') {
        at++;
      }
      if (chunks == MAX_CHUNKS_BEFORE_SUFFIX || !isNameShaped(text.text(), chunkStart, at)) {
        return false;
      }
    }
  }

  /**
   * Whether {@code text[start, end)} may be a direction or a street-name word of {@link #STREET}: a
   * letter and then letters, apostrophes, hyphens and full stops ({@code O'Neil}, {@code N.E.}), or
   * digits and then letters ({@code 4th}).
   */
  private static boolean isNameShaped(String text, int start, int end) {
    int at = start;
    if (ScannedText.isDigit(text.charAt(start))) {
      while (at < end && ScannedText.isDigit(text.charAt(at))) {
        at++;
      }
      if (at == end) {
        return false;
      }
      for (; at < end; at++) {
        if (!ScannedText.isLetter(text.charAt(at))) {
          return false;
        }
      }
      return true;
    }
    if (!Character.isLetter(text.codePointAt(start))) {
      return false;
    }
    while (at < end) {
      int codePoint = text.codePointAt(at);
      if (!Character.isLetter(codePoint) && "'’-.".indexOf(codePoint) < 0) {
        return false;
      }
      at += Character.charCount(codePoint);
    }
    return true;
  }

  private static boolean isStreet(String name, String suffix) {
    boolean capitalised = true;
    for (String word : BLANKS.split(name)) {
      String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
      if (NOT_STREET_WORDS.contains(bare.toLowerCase(Locale.ROOT))) {
        return false;
      }
      char first = bare.charAt(0);
      capitalised &= Character.isUpperCase(first) || Character.isDigit(first);
    }
    capitalised &= Character.isUpperCase(suffix.charAt(0));
    return capitalised || STRONG.contains(suffix.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a suffix {@code Dr} is a title: followed by a capitalised word, as in {@code Dr Smith}.
   */
  private static boolean isDoctorTitle(ScannedText text, String suffix, int end) {
    return suffix.equalsIgnoreCase("dr") && text.lookingAt(DOCTOR_NAME_AFTER, end) != null;
  }

  /**
   * A city, state and ZIP code after a street address ({@code , Boston, MA 02115}), or a ZIP code
   * alone, with the city given by {@code city}. The blanks, commas and line break before the city
   * and before the state are taken whole (possessively): the city and every state start with a
   * capital, which none of them is, so giving one back could not let a match start there. That
   * saves most of the time a tail that is no tail took (a few microseconds each, as the regex
   * engine divided two blanks among three runs for every shorter city).
   */
  private static Pattern tail(String city) {
    return Pattern.compile(
        "\\G(?:,?+[ \\t]*+\\n?+[ \\t]*+(?<city>"
            + city
            + ")[ \\t]*+,?+[ \\t]*+\\n?+[ \\t]*+(?<state>"
            + UsPlaces.STATE_CODE
            + "|"
            + UsPlaces.STATE_NAME
            + ")(?![\\w])\\.?(?:,?[ \\t]+(?<zip1>"
            + UsPlaces.ZIP
            + "))?|,?[ \\t]+(?<zip2>"
            + UsPlaces.ZIP
            + "))");
  }

  private static void addTail(ScannedText text, int from, List<PhiSpan> spans) {
    boolean wholeWords =
        !UsPlaces.stateStartsInsideCityWord(text.text(), text.skip(from, ", \t\n"));
    Matcher tail = text.lookingAt(wholeWords ? TAIL_WHOLE_CITY_WORDS : TAIL, from);
    if (tail == null) {
      return;
    }
    if (tail.group("city") != null) {
      spans.add(new PhiSpan(tail.start("city"), tail.end("city"), PhiType.LOCATION));
    }
    String zip = tail.group("zip1") != null ? "zip1" : "zip2";
    if (tail.group(zip) != null) {
      spans.add(new PhiSpan(tail.start(zip), tail.end(zip), PhiType.ZIP));
    }
  }
}
