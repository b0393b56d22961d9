package org.clinicalingest.ner.corenlp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Names and places that the words around them give away, added after the model, which misses names
 * that are also common words ("Hope", "Wells", "Day"), places that are ("Mobile", "Billings"), and
 * both in notes written in one case. Names:
 *
 * <ul>
 *   <li>after a relation, title or nursing role: "daughter Hope", "dtr frank", "Dr. Day", "RN
 *       Crystal", "report given to rn ava";
 *   <li>before a credential after a comma: "Dylan Moody, MD", "chloe ward, pa-c", "MARK JUNG, MD";
 *   <li>next to a name already found, or known from the record: "report called to Summer [Lee]",
 *       "[Garcia] trout, pa-c".
 * </ul>
 *
 * <p>Places: a city name ({@link Cities}) after "in", "from" or "near": "moved from Lubbock in
 * 2012", "works at Renner Logistics in grand rapids". In mixed-case text its words are capitalised;
 * in text written in one case, a city of one word must be one that is usually capitalised ("fargo",
 * not "mobile"). A state or country ({@code nonPhiPlace}) is not PHI and not taken.
 *
 * <p>Design: a context takes up to {@link #MOST_WORDS} words, joined by spaces or hyphens (or the
 * full stop of a title or an initial), each of which may be a name. In mixed-case text that is a
 * capitalised word; in text written in one case, and next to a name or after a role in any text,
 * the word must also be one the vocabulary allows as a name ({@link TokenKinds#mayBeName}: unknown
 * to the model in lower case, written capitalised by the truecaser, or a name that is also a common
 * word), so that "RN note", "skin intact, md aware" and "[Smith] will call" stay text. Function
 * words, clinical terms, allow-listed terms, titles, relations, roles and credentials are never
 * taken, nor a month before a number. After a relation or title in mixed-case text, any capitalised
 * word is taken, as a relation makes even a common word a name ("wife Joy"). One instance per text,
 * whose methods add to one list of spans; not thread-safe.
 */
final class EntitiesInContext {

  /** Most words taken from one context: a given name, a middle name and a surname. */
  private static final int MOST_WORDS = 3;

  /** Words before a city's name, by the hash of their normalised form: every word is looked up. */
  private static final WordTable<String> PLACE_PREPOSITIONS =
      WordTable.ofWords(Set.of("in", "from", "near")).orElseThrow();

  private final TokenKinds kinds;
  private final Words words;
  private final boolean oneCase;
  private final List<int[]> allowed;
  private final List<PhiSpan> known;
  private final List<PhiSpan> added = new ArrayList<>();

  /**
   * The characters of the spans found or known, as disjoint ranges (start to end), so that a text
   * with many spans tests each new one in logarithmic time.
   */
  private final NavigableMap<Integer, Integer> taken = new TreeMap<>();

  /**
   * @param kinds the vocabulary
   * @param words the words of the text the model read (after case restoration)
   * @param oneCase whether the text is written in one case
   * @param allowed character ranges of allow-listed terms
   * @param known spans found outside the recogniser: no name is added over them, and their names
   *     count as names found
   */
  EntitiesInContext(
      TokenKinds kinds, Words words, boolean oneCase, List<int[]> allowed, List<PhiSpan> known) {
    this.kinds = kinds;
    this.words = words;
    this.oneCase = oneCase;
    this.allowed = allowed;
    this.known = known;
    known.forEach(this::take);
  }

  /**
   * Adds to {@code spans} the names given away by their context that overlap none of them or of the
   * known spans.
   *
   * @param spans the spans found so far in the text; names are added
   */
  void addNames(List<PhiSpan> spans) {
    spans.forEach(this::take);
    addAnnounced();
    addBeforeCredentials();
    addNextToNames(spans);
    spans.addAll(added);
    added.clear();
  }

  /**
   * Adds to {@code spans} the cities after "in", "from" or "near" that overlap none of them or of
   * the known spans.
   *
   * @param spans the spans found so far in the text; places are added
   * @param cities the city names
   * @param nonPhiPlace whether the characters {@code [start, end)} name a place that is not PHI
   */
  void addPlaces(List<PhiSpan> spans, Cities cities, BiPredicate<Integer, Integer> nonPhiPlace) {
    spans.forEach(this::take);
    for (int i = 0; i + 1 < words.count(); i++) {
      if (PLACE_PREPOSITIONS.getByHash(words.normalizedHash(i)) == null
          || !words.adjacent(i, i + 1)
          || !oneCase && !isCapitalised(i + 1)) {
        continue;
      }
      int length = cities.longestAt(words, i + 1);
      int last = i + length;
      if (length > 0
          && isPlaceName(i + 1, last)
          && !nonPhiPlace.test(words.start(i + 1), words.surfaceEnd(last))
          && add(i + 1, last, PhiType.LOCATION)) {
        i = last;
      }
    }
    spans.addAll(added);
    added.clear();
  }

  /**
   * Whether words {@code [first, last]} may be a city's name: each capitalised in mixed-case text
   * (or a particle, "Rio de Janeiro"); in one-case text, a name of one word must be usually
   * capitalised. No word may be a term, title, relation, role or credential.
   */
  private boolean isPlaceName(int first, int last) {
    for (int index = first; index <= last; index++) {
      boolean particle = index > first && TokenKinds.isParticle(words.surface(index));
      if (!particle && (oneCase ? isNeverName(index) : !isCapitalised(index))) {
        return false;
      }
    }
    return !oneCase || first < last || kinds.isUsuallyCapitalised(words.normalized(first));
  }

  private void addAnnounced() {
    for (int i = 0; i + 1 < words.count(); i++) {
      Titles.Announcer announcer = Titles.announcer(words, i);
      if (announcer == null || announcer == Titles.Announcer.TITLE && isStreet(i)) {
        continue;
      }
      boolean role = announcer == Titles.Announcer.ROLE;
      int last = i;
      while (last + 1 < words.count()
          && last - i < MOST_WORDS
          && joined(last, last + 1)
          && (role || oneCase ? mayBeName(last + 1) : isCapitalised(last + 1))) {
        last++;
      }
      if (last > i) {
        add(i + 1, last);
        i = last;
      }
    }
  }

  private void addBeforeCredentials() {
    for (int last = 0; last < words.count(); last++) {
      if (!credentialFollows(last)) {
        continue;
      }
      int first = last + 1;
      boolean anyMayBeName = false;
      while (first > 0
          && last - first + 1 < MOST_WORDS
          && (first == last + 1 || joined(first - 1, first))
          && (oneCase ? mayBeName(first - 1) : isCapitalised(first - 1))) {
        first--;
        anyMayBeName |= mayBeName(first);
      }
      if (first <= last && anyMayBeName) {
        add(first, last);
      }
    }
  }

  /** Adds the name words next to the names of {@code spans}, of those added and of the known. */
  private void addNextToNames(List<PhiSpan> spans) {
    List<PhiSpan> names = new ArrayList<>();
    for (List<PhiSpan> list : List.of(spans, added, known)) {
      for (PhiSpan span : list) {
        if (span.type() == PhiType.NAME) {
          names.add(span);
        }
      }
    }
    for (PhiSpan name : names) {
      int first = wordStartingAt(name.start());
      int last = wordEndingAt(name.end());
      if (first < 0 || last < first || holdsAllowedTerm(first, last)) {
        continue;
      }
      for (int step = 0; first > 0 && step < MOST_WORDS - 1; step++) {
        if (!joined(first - 1, first) || !mayBeName(first - 1) || !add(first - 1, first - 1)) {
          break;
        }
        first--;
      }
      for (int step = 0; last + 1 < words.count() && step < MOST_WORDS - 1; step++) {
        if (!joined(last, last + 1) || !mayBeName(last + 1) || !add(last + 1, last + 1)) {
          break;
        }
        last++;
      }
    }
  }

  /**
   * Whether the title at word {@code index} is the "Dr" of a street ("mailed to 5101 Mill Dr.
   * Driver license scanned"): "Dr" right after a word is a title only after a function word or a
   * verb in the past ("seen by Dr.", "called Dr.").
   */
  private boolean isStreet(int index) {
    if (index == 0 || !words.adjacent(index - 1, index) || !words.normalized(index).equals("dr")) {
      return false;
    }
    String before = words.normalized(index - 1);
    return !TokenKinds.isFunctionWord(before) && !before.endsWith("ed");
  }

  /**
   * Whether one of words {@code [first, last]} lies in an allow-listed term: such a span may be a
   * clinical term taken for a name ("hodgkin", "g. mallampati"), and its neighbours are then
   * clinical words ("lymphoma", "class").
   */
  private boolean holdsAllowedTerm(int first, int last) {
    for (int index = first; index <= last; index++) {
      if (isAllowed(index)) {
        return true;
      }
    }
    return false;
  }

  private boolean isAllowed(int index) {
    return TermMatcher.covers(allowed, words.start(index), words.end(index));
  }

  private boolean add(int first, int last) {
    return add(first, last, PhiType.NAME);
  }

  /**
   * Adds words {@code [first, last]} as a span of {@code type} unless they overlap a span found or
   * known; returns whether.
   */
  private boolean add(int first, int last, PhiType type) {
    PhiSpan span = new PhiSpan(words.start(first), words.surfaceEnd(last), type);
    Map.Entry<Integer, Integer> before = taken.lowerEntry(span.end());
    if (before != null && before.getValue() > span.start()) {
      return false;
    }
    added.add(span);
    take(span);
    return true;
  }

  /** Marks the characters of {@code span} taken, merging the ranges it meets. */
  private void take(PhiSpan span) {
    int start = span.start();
    int end = span.end();
    Map.Entry<Integer, Integer> before = taken.floorEntry(start);
    if (before != null && before.getValue() >= start) {
      start = before.getKey();
      end = Math.max(end, before.getValue());
    }
    for (Map.Entry<Integer, Integer> next = taken.ceilingEntry(start);
        next != null && next.getKey() <= end;
        next = taken.higherEntry(next.getKey())) {
      end = Math.max(end, next.getValue());
    }
    taken.subMap(start, true, end, true).clear();
    taken.put(start, end);
  }

  /**
   * Whether word {@code index} may be part of a name: capitalised in mixed-case text, and a word
   * the vocabulary allows as a name.
   */
  private boolean mayBeName(int index) {
    if (oneCase ? isNeverName(index) : !isCapitalised(index)) {
      return false;
    }
    String word = words.normalized(index);
    return (oneCase ? word.length() >= 3 || kinds.isNameWord(word) : word.length() >= 2)
        && kinds.mayBeName(word)
        && !(TokenKinds.isFunctionWord(word) && (oneCase || words.startsSentence(index)))
        && !isMonthBeforeNumber(index);
  }

  /**
   * Whether word {@code index} is a capitalised word ("Hope", "O'Neil") that is not a term, title,
   * relation, role or credential.
   */
  private boolean isCapitalised(int index) {
    String surface = words.surface(index);
    if (surface.length() < 2
        || !Character.isUpperCase(surface.codePointAt(0))
        || isNeverName(index)) {
      return false;
    }
    for (int c = 1; c < surface.length(); c++) {
      if (Character.isLowerCase(surface.charAt(c))) {
        return true;
      }
    }
    return false;
  }

  private boolean isNeverName(int index) {
    String word = words.normalized(index);
    return !isLettersOnly(word)
        || Titles.isLeadingNonName(words.surface(index))
        || Titles.isCredential(words.surface(index))
        || kinds.isClinical(word)
        || isAllowed(index);
  }

  /**
   * Whether {@code word} is letters only, or a name with an apostrophe after a short prefix
   * ("o'neil", "d'angelo"), not a contraction ("i'm", "you've", "don't").
   */
  private static boolean isLettersOnly(String word) {
    int apostrophe = word.indexOf('\'');
    if (apostrophe >= 0 && (apostrophe > 2 || word.length() - apostrophe - 1 < 3)) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isLetter(word.charAt(i)) && i != apostrophe) {
        return false;
      }
    }
    return true;
  }

  private boolean isMonthBeforeNumber(int index) {
    if (!TokenKinds.isMonth(words.normalized(index))) {
      return false;
    }
    String text = words.text();
    int position = words.end(index);
    while (position < text.length() && text.charAt(position) == ' ') {
      position++;
    }
    return position < text.length() && Character.isDigit(text.charAt(position));
  }

  /**
   * Whether only spaces or hyphens separate word {@code index} from word {@code next}, or a full
   * stop after a title or an initial and spaces ("Dr. Day", "J. Smith").
   */
  private boolean joined(int index, int next) {
    if (words.adjacent(index, next)) {
      return true;
    }
    if (!words.followedByPeriod(index)
        || !(words.surfaceLength(index) == 1 || Titles.isTitle(words, index))) {
      return false;
    }
    String text = words.text();
    for (int position = words.end(index) + 1; position < words.start(next); position++) {
      if (text.charAt(position) != ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a comma and a credential follow word {@code index} ("Moody, MD", "ward, pa-c"): in
   * mixed-case text, a credential starting with a capital.
   */
  private boolean credentialFollows(int index) {
    String text = words.text();
    int position = words.end(index);
    if (position >= text.length() || text.charAt(position) != ',') {
      return false;
    }
    position++;
    while (position < text.length() && text.charAt(position) == ' ') {
      position++;
    }
    int start = position;
    while (position < text.length()
        && (Character.isLetter(text.charAt(position))
            || text.charAt(position) == '.'
            || text.charAt(position) == '-')) {
      position++;
    }
    if (start == position
        || position < text.length() && Character.isLetterOrDigit(text.charAt(position))
        || !oneCase && !Character.isUpperCase(text.charAt(start))) {
      return false;
    }
    String credential = text.substring(start, position);
    return Titles.isCredential(credential);
  }

  /** The word starting at {@code offset}, or -1. */
  private int wordStartingAt(int offset) {
    int index = words.firstFrom(offset);
    return index < words.count() && words.start(index) == offset ? index : -1;
  }

  /** The word whose surface or possessive ends at {@code offset}, or -1. */
  private int wordEndingAt(int offset) {
    int index = words.firstFrom(offset) - 1;
    if (index < 0) {
      return -1;
    }
    return words.end(index) == offset || words.surfaceEnd(index) == offset ? index : -1;
  }
}
