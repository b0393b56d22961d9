package org.clinicalingest.ner.corenlp.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The words of a text as character ranges with a normalised form, for term matching and the cheap
 * pre-model checks.
 *
 * <p>Design: a word is a run of letters, digits and combining marks; an apostrophe between letters
 * stays inside it ("O'Neil"), while a trailing {@code 's} or {@code '} is recorded as a possessive
 * and included in the word's range. The normalised form is lower case without accents, so that
 * "Sjögren" and "SJOGREN" compare equal. Offsets are UTF-16 indexes into the text, so surrogate
 * pairs and combining marks never shift them. The words are fixed once cut; their normalised forms
 * and those forms' hashes are taken when first asked for and kept, so an instance belongs to one
 * thread.
 */
public final class Words {

  /**
   * Characters of text per word the arrays are first made for, so that a note's arrays are seldom
   * grown: the free texts of 3,000 generated patients run at 5.7 (13.6 M characters, 2.37 M words),
   * and 6 % of them have more words than this makes room for.
   */
  private static final int CHARACTERS_PER_WORD = 5;

  private final String text;
  private int count;
  private int[] starts;
  private int[] ends;
  private int[] wordEnds;
  private boolean[] possessives;
  private String[] normalized;
  private long[] normalizedHashes;

  private Words(String text) {
    this.text = text;
    int capacity = Math.max(16, text.length() / CHARACTERS_PER_WORD);
    this.starts = new int[capacity];
    this.ends = new int[capacity];
    this.wordEnds = new int[capacity];
    this.possessives = new boolean[capacity];
    this.normalized = new String[capacity];
    this.normalizedHashes = new long[capacity];
  }

  /** Cuts {@code text} into words. */
  public static Words of(String text) {
    Words words = new Words(text);
    words.cut();
    return words;
  }

  private void cut() {
    int length = text.length();
    int index = 0;
    while (index < length) {
      int codePoint = text.codePointAt(index);
      if (!isWordChar(codePoint)) {
        index += Character.charCount(codePoint);
        continue;
      }
      int start = index;
      int end = index;
      while (end < length) {
        int current = text.codePointAt(end);
        if (isWordChar(current)) {
          end += Character.charCount(current);
        } else if (isApostrophe(current)
            && end + 1 < length
            && Character.isLetter(text.codePointAt(end + 1))
            && !isPossessiveS(end)) {
          end += 1;
        } else {
          break;
        }
      }
      int wordEnd = end;
      boolean possessive = false;
      if (end < length && isApostrophe(text.charAt(end))) {
        if (isPossessiveS(end)) {
          possessive = true;
          end += 2;
        } else if (end + 1 >= length || !Character.isLetterOrDigit(text.codePointAt(end + 1))) {
          possessive = true;
          end += 1;
        }
      }
      add(start, end, wordEnd, possessive);
      index = end;
    }
  }

  private boolean isPossessiveS(int apostrophe) {
    int afterS = apostrophe + 2;
    return apostrophe + 1 < text.length()
        && (text.charAt(apostrophe + 1) == 's' || text.charAt(apostrophe + 1) == 'S')
        && (afterS >= text.length() || !Character.isLetterOrDigit(text.codePointAt(afterS)));
  }

  private void add(int start, int end, int wordEnd, boolean possessive) {
    if (count == starts.length) {
      int capacity = count * 2;
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
      wordEnds = Arrays.copyOf(wordEnds, capacity);
      possessives = Arrays.copyOf(possessives, capacity);
      normalized = Arrays.copyOf(normalized, capacity);
      normalizedHashes = Arrays.copyOf(normalizedHashes, capacity);
    }
    starts[count] = start;
    ends[count] = end;
    wordEnds[count] = wordEnd;
    possessives[count] = possessive;
    count++;
  }

  static boolean isWordChar(int codePoint) {
    return Character.isLetterOrDigit(codePoint)
        || Character.getType(codePoint) == Character.NON_SPACING_MARK
        || Character.getType(codePoint) == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isApostrophe(int codePoint) {
    return codePoint == '\'' || codePoint == '\u2019';
  }

  /** The text the words were cut from. */
  public String text() {
    return text;
  }

  /** Number of words. */
  public int count() {
    return count;
  }

  /** Start of word {@code index}. */
  public int start(int index) {
    return starts[index];
  }

  /** End of word {@code index}, including a possessive {@code 's}. */
  public int end(int index) {
    return ends[index];
  }

  /** Whether word {@code index} carries a possessive {@code 's} or {@code '}. */
  public boolean possessive(int index) {
    return possessives[index];
  }

  /** End of word {@code index} without its possessive. */
  public int surfaceEnd(int index) {
    return wordEnds[index];
  }

  /** Length of word {@code index} without its possessive. */
  public int surfaceLength(int index) {
    return wordEnds[index] - starts[index];
  }

  /** The word as written, without its possessive. */
  public String surface(int index) {
    return text.substring(starts[index], wordEnds[index]);
  }

  /** Lower case, accent-free form of word {@code index}, without its possessive. */
  public String normalized(int index) {
    String form = normalized[index];
    if (form == null) {
      form = normalize(surface(index));
      normalized[index] = form;
    }
    return form;
  }

  /**
   * The {@linkplain FeatureIndex#hash hash} of word {@code index}'s {@linkplain #normalized
   * normalised form}, kept once taken: the allow list, the words that announce a name and the
   * prepositions before a place each look every word up by it. For a word of ASCII characters,
   * whose normalised form is its lower case, it is hashed from the text without making the form.
   */
  long normalizedHash(int index) {
    long hash = normalizedHashes[index];
    if (hash == 0) { // not taken yet, or (once in 2^64) a hash of 0, taken again
      hash = normalizedHash(text, starts[index], wordEnds[index]);
      normalizedHashes[index] = hash;
    }
    return hash;
  }

  /**
   * The {@linkplain FeatureIndex#hash hash} of the {@linkplain #normalize normalised form} of
   * {@code text}'s characters {@code [from, to)}; for ASCII characters, whose normalised form is
   * their lower case, hashed without making the form.
   */
  static long normalizedHash(String text, int from, int to) {
    long state = FeatureIndex.HASH_START;
    for (int position = from; position < to; position++) {
      char c = text.charAt(position);
      if (c > 0x7f) {
        return FeatureIndex.hash(normalize(text.substring(from, to)));
      }
      state = FeatureIndex.extend(state, c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return FeatureIndex.finish(state);
  }

  /** Whether only spaces or hyphens separate word {@code index} from word {@code next}. */
  public boolean adjacent(int index, int next) {
    for (int position = ends[index]; position < starts[next]; position++) {
      char separator = text.charAt(position);
      if (separator != ' ' && separator != '-' && separator != '\u2010' && separator != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The first word that starts at or after {@code offset}, or {@link #count()} if none. */
  int firstFrom(int offset) {
    int found = Arrays.binarySearch(starts, 0, count, offset);
    return found >= 0 ? found : -found - 1;
  }

  /** Whether the character just after word {@code index} is a full stop. */
  public boolean followedByPeriod(int index) {
    return ends[index] < text.length() && text.charAt(ends[index]) == '.';
  }

  /**
   * Whether word {@code index} starts a sentence: it is the first word, or follows a line break, or
   * a full stop, question or exclamation mark and a space.
   */
  public boolean startsSentence(int index) {
    int position = starts[index] - 1;
    while (position >= 0 && Character.isWhitespace(text.charAt(position))) {
      if (text.charAt(position) == '\n') {
        return true;
      }
      position--;
    }
    if (position < 0) {
      return true;
    }
    char previous = text.charAt(position);
    return position < starts[index] - 1 && (previous == '.' || previous == '!' || previous == '?');
  }

  static String normalize(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) > 0x7f) {
        return Normalizer.normalize(lower, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .replace('\u2019', '\'');
      }
    }
    return lower;
  }
}
