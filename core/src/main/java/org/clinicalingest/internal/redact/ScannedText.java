package org.clinicalingest.internal.redact;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * A text cut once into runs of ASCII letters (words, each with its {@link Cue cues}) and runs of
 * ASCII digits (numbers), shared by every recogniser that looks at it.
 *
 * <p>Design: running each recogniser's patterns over the whole text with {@link Matcher#find()}
 * cost most of the redaction time: the regex engine tries every position of every text for every
 * pattern. Here one pass over the characters finds the words and numbers and looks each word up in
 * a trie of all cue words; a recogniser then tries its patterns only where they can start (a number
 * of the right length, a word with its cue) with {@link #lookingAt}. A pattern tried this way at
 * every position where it could match, in order, skipping positions inside the previous match,
 * finds exactly what {@code find()} finds, since the region is the rest of the text and its bounds
 * are transparent: look-behinds see what comes before. The matchers and position arrays are kept
 * per thread and reused from text to text; letters and digits are ASCII only, as {@code \w}, {@code
 * \d} and {@code [a-z]} are in the patterns. The same pass hashes each run in lower case, so that
 * the words record terms are matched on ({@link RecordWords}) are made from the runs of a text
 * whose letters and digits are ASCII without reading its characters again: that second cut was a
 * tenth of the free-text redaction's time. One instance per text and thread: not thread-safe.
 */
final class ScannedText {

  private static final CueTrie CUES = new CueTrie();

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final String text;
  private int[] wordStarts;
  private int[] wordEnds;
  private long[] wordCues;
  private int[] wordHashes;
  private int words;
  private int[] numberStarts;
  private int[] numberEnds;
  private int[] numberHashes;
  private int numbers;
  private long cues;
  private int digits;
  private boolean asciiWords = true;

  private final Scratch scratch;

  ScannedText(String text) {
    this.text = text;
    this.scratch = Scratch.borrow();
    wordStarts = scratch.wordStarts;
    wordEnds = scratch.wordEnds;
    wordCues = scratch.wordCues;
    wordHashes = scratch.wordHashes;
    numberStarts = scratch.numberStarts;
    numberEnds = scratch.numberEnds;
    numberHashes = scratch.numberHashes;
    int length = text.length();
    int position = 0;
    while (position < length) {
      char c = text.charAt(position);
      if (c >= '0' && c <= '9') {
        int start = position;
        int hash = c;
        position++;
        while (position < length && isDigit(c = text.charAt(position))) {
          hash = 31 * hash + c;
          position++;
        }
        addNumber(start, position, hash);
      } else if (isLetter(c)) {
        int start = position;
        int node = CUES.next(CueTrie.ROOT, c);
        long found = CUES.prefixCues(node);
        int hash = c | 0x20;
        position++;
        while (node != CueTrie.DEAD && position < length && isLetter(c = text.charAt(position))) {
          node = CUES.next(node, c);
          found |= CUES.prefixCues(node);
          hash = 31 * hash + (c | 0x20);
          position++;
        }
        while (position < length && isLetter(c = text.charAt(position))) {
          hash = 31 * hash + (c | 0x20); // no cue word starts as this word does: its cues are known
          position++;
        }
        found |= CUES.exactCues(node);
        addWord(start, position, found, hash);
      } else {
        asciiWords &= c < 0x80 || !Character.isLetterOrDigit(c);
        position++;
      }
    }
  }

  String text() {
    return text;
  }

  /**
   * Whether every letter and digit of the text is ASCII ({@code °} or {@code ’} may stand in it).
   */
  boolean hasAsciiWords() {
    return asciiWords;
  }

  int length() {
    return text.length();
  }

  /** The character at {@code index}, or {@code 0} outside the text. */
  char charAt(int index) {
    return index >= 0 && index < text.length() ? text.charAt(index) : 0;
  }

  boolean isDigitAt(int index) {
    return isDigit(charAt(index));
  }

  int words() {
    return words;
  }

  int wordStart(int word) {
    return wordStarts[word];
  }

  int wordEnd(int word) {
    return wordEnds[word];
  }

  int wordLength(int word) {
    return wordEnds[word] - wordStarts[word];
  }

  boolean wordHas(int word, Cue cue) {
    return (wordCues[word] & cue.bit()) != 0;
  }

  boolean wordHasAny(int word, Cue... cues) {
    for (Cue cue : cues) {
      if (wordHas(word, cue)) {
        return true;
      }
    }
    return false;
  }

  boolean hasAny(Cue... cues) {
    for (Cue cue : cues) {
      if (has(cue)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some word of the text has the cue. */
  boolean has(Cue cue) {
    return (cues & cue.bit()) != 0;
  }

  /** Whether the word equals {@code lowerCase} in any case. */
  boolean wordIs(int word, String lowerCase) {
    return wordLength(word) == lowerCase.length()
        && text.regionMatches(true, wordStarts[word], lowerCase, 0, lowerCase.length());
  }

  /**
   * Whether neither a word character nor one of {@code marks} stands right before {@code position},
   * as a pattern's look-behind {@code (?<![\w...])} requires.
   */
  boolean isFreeBefore(int position, String marks) {
    char before = charAt(position - 1);
    return !isWordChar(before) && (before == 0 || marks.indexOf(before) < 0);
  }

  /** The first word that starts at or after {@code position}, or {@link #words()} if none. */
  int wordFrom(int position) {
    int low = 0;
    int high = words;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (wordStarts[middle] < position) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The first number that starts at or after {@code position}, or {@link #numbers()} if none. */
  int numberFrom(int position) {
    int low = 0;
    int high = numbers;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (numberStarts[middle] < position) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The number that starts at {@code position}, or -1 if none does. */
  int numberAt(int position) {
    int number = numberFrom(position);
    return number < numbers && numberStarts[number] == position ? number : -1;
  }

  /**
   * Whether the number after {@code number} starts right after it and one {@code separator}, as in
   * {@code 3/12}.
   */
  boolean joinedToNext(int number, char separator) {
    int end = numberEnds[number];
    return number + 1 < numbers && charAt(end) == separator && numberStarts[number + 1] == end + 1;
  }

  /** The first position from {@code position} on whose character is not one of {@code chars}. */
  int skip(int position, String chars) {
    int at = position;
    while (at < text.length() && chars.indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    return at;
  }

  /**
   * Whether {@code word}, in lower-case ASCII, stands at {@code position} in any ASCII case, as a
   * pattern's {@code CASE_INSENSITIVE} flag compares (not {@link String#regionMatches(boolean, int,
   * String, int, int)}, which folds Unicode case).
   */
  boolean hasAtIgnoringCase(int position, String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = charAt(position + i);
      char expected = word.charAt(i);
      if (c != expected && !(isLetter(c) && (c | 0x20) == expected)) {
        return false;
      }
    }
    return true;
  }

  /** The position after the full stop at {@code position}, or {@code position} if there is none. */
  int afterFullStop(int position) {
    return charAt(position) == '.' ? position + 1 : position;
  }

  /** Whether a number starts at or after {@code position} on the same line. */
  boolean numberFollowsOnLine(int position) {
    int number = numberFrom(position);
    if (number == numbers) {
      return false;
    }
    for (int at = position; at < numberStarts[number]; at++) {
      if (text.charAt(at) == '\n') {
        return false;
      }
    }
    return true;
  }

  int numbers() {
    return numbers;
  }

  /** The hash of the word's characters in lower case, as {@link RecordWords} hashes a word. */
  int wordHash(int word) {
    return wordHashes[word];
  }

  /** The hash of the number's digits, as {@link RecordWords} hashes a word. */
  int numberHash(int number) {
    return numberHashes[number];
  }

  int numberStart(int number) {
    return numberStarts[number];
  }

  int numberEnd(int number) {
    return numberEnds[number];
  }

  int numberLength(int number) {
    return numberEnds[number] - numberStarts[number];
  }

  /** The value of a number of at most nine digits. */
  int numberValue(int number) {
    int value = 0;
    for (int i = numberStarts[number]; i < numberEnds[number]; i++) {
      value = value * 10 + text.charAt(i) - '0';
    }
    return value;
  }

  /** How many ASCII digits the text holds. */
  int digits() {
    return digits;
  }

  /**
   * Tries {@code pattern} at {@code from} against the rest of the text, with transparent and
   * non-anchoring bounds, so that look-arounds, {@code ^} and {@code $} see the whole text.
   *
   * @return the matcher, positioned on the match, or null if the pattern does not match there; it
   *     stays valid until the next call with the same pattern
   */
  Matcher lookingAt(Pattern pattern, int from) {
    Matcher matcher = matcher(pattern);
    matcher.region(from, text.length());
    matcher.useAnchoringBounds(false);
    matcher.useTransparentBounds(true);
    return matcher.lookingAt() ? matcher : null;
  }

  /**
   * Adds group {@code group} of each match of {@code pattern} at the start of a word with one of
   * the cues, as a span of {@code type}; a match starting inside the previous one is skipped.
   */
  void addAtCuedWords(
      Pattern pattern, int group, PhiType type, List<PhiSpan> spans, Cue... wordCues) {
    if (!hasAny(wordCues)) {
      return;
    }
    int next = 0;
    for (int word = 0; word < words(); word++) {
      if (wordHasAny(word, wordCues) && wordStart(word) >= next) {
        Matcher matcher = lookingAt(pattern, wordStart(word));
        if (matcher != null) {
          spans.add(new PhiSpan(matcher.start(group), matcher.end(group), type));
          next = matcher.end();
        }
      }
    }
  }

  /**
   * Tries {@code pattern} at {@code from} against the text up to {@code to}, where {@code $}
   * matches; look-arounds and word boundaries see the text beyond both ends. The same as the match
   * {@link #findIn} would find starting at {@code from}.
   *
   * @return the matcher, positioned on the match, or null if the pattern does not match there
   */
  Matcher lookingAtUpTo(Pattern pattern, int from, int to) {
    Matcher matcher = matcher(pattern);
    matcher.region(from, to);
    matcher.useAnchoringBounds(true);
    matcher.useTransparentBounds(true);
    return matcher.lookingAt() ? matcher : null;
  }

  /**
   * Finds {@code pattern} in {@code from..to}, with {@code ^} and {@code $} anchored at the
   * region's ends.
   *
   * @param transparent whether look-arounds and word boundaries see the text beyond the region
   * @return the matcher after its first match, or null if there is none; further matches in the
   *     region follow with {@link Matcher#find()}
   */
  Matcher findIn(Pattern pattern, int from, int to, boolean transparent) {
    Matcher matcher = matcher(pattern);
    matcher.region(from, to);
    matcher.useAnchoringBounds(true);
    matcher.useTransparentBounds(transparent);
    return matcher.find() ? matcher : null;
  }

  /**
   * The most digits in a chain of numbers that follow each other with at most two characters of
   * {@code separators} between them, e.g. 10 for {@code (555) 814-8772} with {@code " ()-"}.
   */
  int longestDigitChain(String separators) {
    int longest = 0;
    int chain = 0;
    for (int number = 0; number < numbers; number++) {
      boolean joined = number > 0 && joins(number - 1, separators);
      chain = (joined ? chain : 0) + numberEnds[number] - numberStarts[number];
      longest = Math.max(longest, chain);
    }
    return longest;
  }

  /** Whether numbers {@code number} and the next one are separated by one or two separators. */
  boolean joins(int number, String separators) {
    int gap = numberStarts[number + 1] - numberEnds[number];
    if (gap < 1 || gap > 2) {
      return false;
    }
    for (int i = numberEnds[number]; i < numberStarts[number + 1]; i++) {
      if (separators.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tries {@code pattern} on exactly {@code from..to}.
   *
   * @return whether the whole region matches
   */
  boolean matches(Pattern pattern, int from, int to) {
    Matcher matcher = matcher(pattern);
    matcher.region(from, to);
    matcher.useAnchoringBounds(true);
    matcher.useTransparentBounds(true);
    return matcher.matches();
  }

  /**
   * Gives the matchers and arrays this scan borrowed back to its thread, for the next text; the
   * scan must not be used afterwards.
   */
  void release() {
    scratch.giveBack(this);
  }

  private Matcher matcher(Pattern pattern) {
    return scratch.boundTo(pattern, text);
  }

  private void addWord(int start, int end, long found, int hash) {
    if (words == wordStarts.length) {
      wordStarts = Arrays.copyOf(wordStarts, words * 2);
      wordEnds = Arrays.copyOf(wordEnds, words * 2);
      wordCues = Arrays.copyOf(wordCues, words * 2);
      wordHashes = Arrays.copyOf(wordHashes, words * 2);
    }
    wordStarts[words] = start;
    wordEnds[words] = end;
    wordCues[words] = found;
    wordHashes[words] = hash;
    words++;
    cues |= found;
  }

  private void addNumber(int start, int end, int hash) {
    if (numbers == numberStarts.length) {
      numberStarts = Arrays.copyOf(numberStarts, numbers * 2);
      numberEnds = Arrays.copyOf(numberEnds, numbers * 2);
      numberHashes = Arrays.copyOf(numberHashes, numbers * 2);
    }
    numberStarts[numbers] = start;
    numberEnds[numbers] = end;
    numberHashes[numbers] = hash;
    numbers++;
    digits += end - start;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Whether {@code c} is a word character as {@code \w} in the patterns: ASCII letter, digit, _.
   */
  static boolean isWordChar(char c) {
    return isLetterOrDigit(c) || c == '_';
  }

  /** Whether {@code c} is an ASCII letter or digit. */
  static boolean isLetterOrDigit(char c) {
    return isLetter(c) || isDigit(c);
  }

  static boolean isLetter(char c) {
    return (char) ((c | 0x20) - 'a') < 26;
  }

  /** A test of a scanned text at an index: a position, or a number's. */
  @FunctionalInterface
  interface IndexTest {
    boolean test(ScannedText text, int index);
  }

  /**
   * The working memory of a scan, kept per thread so that a text does not pay for making it: one
   * matcher per pattern, and the arrays of word and number positions.
   *
   * <p>Design: {@link Pattern#matcher} allocates the matcher's group and state arrays, which cost
   * as much as trying a pattern at a few places, and the position arrays were two fifths of what
   * pattern redaction allocated. A scan borrows its thread's scratch and gives it back when it is
   * done, with the arrays it grew; a scan made while it is lent out (one scan inside another) gets
   * a scratch of its own. Arrays grown past {@link #KEPT_POSITIONS} are not kept, so one huge text
   * does not hold memory for the life of the thread. Each borrowing is a new scan number; a matcher
   * is reset to the scan's text the first time the scan asks for it, which a hash lookup tells by
   * the scan number it was last reset for.
   */
  private static final class Scratch {
    private static final int KEPT_POSITIONS = 1 << 14;

    private int[] wordStarts = new int[64];
    private int[] wordEnds = new int[64];
    private long[] wordCues = new long[64];
    private int[] wordHashes = new int[64];
    private int[] numberStarts = new int[16];
    private int[] numberEnds = new int[16];
    private int[] numberHashes = new int[16];
    private Pattern[] patterns = new Pattern[64];
    private Matcher[] matchers = new Matcher[64];
    private long[] resetForScan = new long[64];
    private int size;
    private boolean lent;
    private long scan = 1;

    static Scratch borrow() {
      Scratch scratch = SCRATCH.get();
      if (scratch.lent) {
        return new Scratch();
      }
      scratch.lent = true;
      scratch.scan++;
      return scratch;
    }

    /**
     * Takes back the arrays of {@code scan}, which may have grown them, unless they grew too big.
     */
    void giveBack(ScannedText scan) {
      if (scan.wordStarts.length <= KEPT_POSITIONS) {
        wordStarts = scan.wordStarts;
        wordEnds = scan.wordEnds;
        wordCues = scan.wordCues;
        wordHashes = scan.wordHashes;
      }
      if (scan.numberStarts.length <= KEPT_POSITIONS) {
        numberStarts = scan.numberStarts;
        numberEnds = scan.numberEnds;
        numberHashes = scan.numberHashes;
      }
      lent = false;
    }

    /** The matcher of {@code pattern}, reset to {@code text} once per scan. */
    Matcher boundTo(Pattern pattern, String text) {
      int slot = slotOf(pattern);
      if (resetForScan[slot] != scan) {
        matchers[slot].reset(text);
        resetForScan[slot] = scan;
      }
      return matchers[slot];
    }

    private int slotOf(Pattern pattern) {
      int mask = patterns.length - 1;
      int slot = System.identityHashCode(pattern) & mask;
      while (patterns[slot] != null) {
        if (patterns[slot] == pattern) {
          return slot;
        }
        slot = (slot + 1) & mask;
      }
      if (2 * (size + 1) > patterns.length) {
        grow();
        return slotOf(pattern);
      }
      patterns[slot] = pattern;
      matchers[slot] = pattern.matcher("");
      size++;
      return slot;
    }

    private void grow() {
      Pattern[] oldPatterns = patterns;
      Matcher[] oldMatchers = matchers;
      long[] oldResetForScan = resetForScan;
      patterns = new Pattern[oldPatterns.length * 2];
      matchers = new Matcher[oldPatterns.length * 2];
      resetForScan = new long[oldPatterns.length * 2];
      int mask = patterns.length - 1;
      for (int i = 0; i < oldPatterns.length; i++) {
        if (oldPatterns[i] != null) {
          int slot = System.identityHashCode(oldPatterns[i]) & mask;
          while (patterns[slot] != null) {
            slot = (slot + 1) & mask;
          }
          patterns[slot] = oldPatterns[i];
          matchers[slot] = oldMatchers[i];
          resetForScan[slot] = oldResetForScan[i];
        }
      }
    }
  }

  /**
   * The cue words of every {@link Cue}, in a trie over the letters a–z.
   *
   * <p>Design: a flat array of 26 children per node, so that looking a word up costs one array read
   * per letter and stops at the first letter no cue word has there.
   */
  private static final class CueTrie {
    static final int ROOT = 1;
    static final int DEAD = 0;

    private int[] children = new int[26 * 64];
    private long[] prefixCues = new long[64];
    private long[] exactCues = new long[64];
    private int nodes = 2;

    CueTrie() {
      for (Cue cue : Cue.values()) {
        for (String word : cue.words()) {
          boolean prefix = word.endsWith("*");
          String letters = prefix ? word.substring(0, word.length() - 1) : word;
          int node = ROOT;
          for (int i = 0; i < letters.length(); i++) {
            int index = node * 26 + letters.charAt(i) - 'a';
            if (children[index] == DEAD) {
              int child = newNode();
              children[index] = child;
            }
            node = children[index];
          }
          if (prefix) {
            prefixCues[node] |= cue.bit();
          } else {
            exactCues[node] |= cue.bit();
          }
        }
      }
    }

    /** The child of a live node for a letter, {@link #DEAD} if no cue word continues so. */
    int next(int node, char letter) {
      return children[node * 26 + (letter | 0x20) - 'a'];
    }

    long prefixCues(int node) {
      return prefixCues[node];
    }

    long exactCues(int node) {
      return exactCues[node];
    }

    private int newNode() {
      if (nodes == prefixCues.length) {
        children = Arrays.copyOf(children, nodes * 2 * 26);
        prefixCues = Arrays.copyOf(prefixCues, nodes * 2);
        exactCues = Arrays.copyOf(exactCues, nodes * 2);
      }
      return nodes++;
    }
  }
}
