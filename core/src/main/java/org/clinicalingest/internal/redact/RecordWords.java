package org.clinicalingest.internal.redact;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text as {@link RecordTerms} matches them: runs of letters and digits, with their
 * offsets and the hash of their lower-case characters ({@link TermTable}), found in one pass that
 * lower-cases ASCII by a table. Not thread-safe; {@link #borrow} lends each thread its own arrays.
 */
final class RecordWords {
  private static final char[] ASCII_LOWER = new char[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII_LOWER[c] = c;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_LOWER[c] = c;
      ASCII_LOWER[c - 'a' + 'A'] = c;
    }
  }

  /** The most characters a gap between two words of a term may have. */
  static final int MAX_GAP = 3;

  private static final ThreadLocal<RecordWords> SCRATCH =
      ThreadLocal.withInitial(() -> new RecordWords(64));

  /** Arrays grown past this many words are not kept for the next text of the thread. */
  private static final int KEPT_WORDS = 1 << 14;

  private String text;
  private int[] starts;
  private int[] ends;
  private int[] hashes;
  private boolean[] numbers;
  private int count;
  private boolean anyNumber;
  private boolean lent;

  private RecordWords(int capacity) {
    this.starts = new int[capacity];
    this.ends = new int[capacity];
    this.hashes = new int[capacity];
    this.numbers = new boolean[capacity];
  }

  /** The words of {@code text}, in arrays of their own. */
  static RecordWords of(String text) {
    RecordWords words = sizedFor(text);
    words.split(text);
    return words;
  }

  /**
   * The words of {@code text}, in the arrays of the calling thread (the words of the finder's hot
   * path were half of what it allocated), or of their own if the thread's are lent out; {@link
   * #giveBack} when done.
   */
  static RecordWords borrow(String text) {
    RecordWords words = lend(text);
    words.split(text);
    return words;
  }

  /**
   * As {@link #borrow(String)}, for a text already scanned: in a text whose letters and digits are
   * ASCII, a word is a run of the scan's letter runs and numbers that touch, hashed from their
   * hashes, so the characters are not read again.
   */
  static RecordWords borrow(ScannedText scanned) {
    if (!scanned.hasAsciiWords()) {
      return borrow(scanned.text());
    }
    RecordWords words = lend(scanned.text());
    words.join(scanned);
    return words;
  }

  /** The calling thread's arrays, marked lent, or arrays of their own if they are lent out. */
  private static RecordWords lend(String text) {
    RecordWords words = SCRATCH.get();
    if (words.lent) {
      return sizedFor(text);
    }
    words.lent = true;
    return words;
  }

  /** Arrays of their own, with room for the words of most texts of {@code text}'s length. */
  private static RecordWords sizedFor(String text) {
    return new RecordWords(Math.max(8, text.length() / 4));
  }

  /** Gives borrowed words back to the thread; they must not be used afterwards. */
  void giveBack() {
    if (!lent) {
      return; // words of their own
    }
    lent = false;
    text = null;
    if (starts.length > KEPT_WORDS) {
      SCRATCH.remove();
    }
  }

  private void split(String text) {
    this.text = text;
    count = 0;
    anyNumber = false;
    int length = text.length();
    int position = 0;
    while (position < length) {
      char c = text.charAt(position);
      char lower = lowerCase(c);
      if (lower == 0) {
        position++;
        continue;
      }
      int start = position;
      int hash = 0;
      boolean number = true;
      do {
        hash = 31 * hash + lower;
        number &= c <= '9';
        position++;
      } while (position < length && (lower = lowerCase(c = text.charAt(position))) != 0);
      add(start, position, hash, number);
    }
  }

  /** The words of a text with ASCII words: its letter runs and numbers, those that touch joined. */
  private void join(ScannedText scanned) {
    text = scanned.text();
    count = 0;
    anyNumber = false;
    int word = 0;
    int number = 0;
    while (word < scanned.words() || number < scanned.numbers()) {
      int start;
      int end;
      int hash;
      boolean onlyDigits = false;
      if (number == scanned.numbers()
          || word < scanned.words() && scanned.wordStart(word) < scanned.numberStart(number)) {
        start = scanned.wordStart(word);
        end = scanned.wordEnd(word);
        hash = scanned.wordHash(word++);
      } else {
        start = scanned.numberStart(number);
        end = scanned.numberEnd(number);
        hash = scanned.numberHash(number++);
        onlyDigits = true;
      }
      while (true) {
        if (word < scanned.words() && scanned.wordStart(word) == end) {
          hash = followedBy(hash, scanned.wordLength(word), scanned.wordHash(word));
          end = scanned.wordEnd(word++);
          onlyDigits = false;
        } else if (number < scanned.numbers() && scanned.numberStart(number) == end) {
          hash = followedBy(hash, scanned.numberLength(number), scanned.numberHash(number));
          end = scanned.numberEnd(number++);
        } else {
          break;
        }
      }
      add(start, end, hash, onlyDigits);
    }
  }

  /** The hash of characters hashed {@code hash} followed by {@code length} hashed {@code next}. */
  private static int followedBy(int hash, int length, int next) {
    int shifted = hash;
    for (int i = 0; i < length; i++) {
      shifted *= 31;
    }
    return shifted + next;
  }

  /** The lower case of a letter or digit, 0 for any other character. */
  private static char lowerCase(char c) {
    if (c < 128) {
      return ASCII_LOWER[c];
    }
    return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
  }

  private void add(int start, int end, int hash, boolean number) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
      hashes = Arrays.copyOf(hashes, count * 2);
      numbers = Arrays.copyOf(numbers, count * 2);
    }
    starts[count] = start;
    ends[count] = end;
    hashes[count] = hash;
    numbers[count] = number;
    anyNumber |= number;
    count++;
  }

  int count() {
    return count;
  }

  int start(int word) {
    return starts[word];
  }

  int end(int word) {
    return ends[word];
  }

  int length(int word) {
    return ends[word] - starts[word];
  }

  int hash(int word) {
    return hashes[word];
  }

  String textOf() {
    return text;
  }

  int textLength() {
    return text.length();
  }

  char charAt(int index) {
    return text.charAt(index);
  }

  boolean hasNumber() {
    return anyNumber;
  }

  String text(int word) {
    return text.substring(starts[word], ends[word]);
  }

  String lower(int word) {
    return lower(text(word));
  }

  /** Whether the word, in lower case, is {@code lowerCase}. */
  boolean is(int word, String lowerCase) {
    int start = starts[word];
    if (ends[word] - start != lowerCase.length()) {
      return false;
    }
    for (int i = 0; i < lowerCase.length(); i++) {
      if (lowerCase(text.charAt(start + i)) != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  String gapBefore(int word) {
    return text.substring(ends[word - 1], starts[word]);
  }

  /** Whether the gap before the word is one to three characters, all of {@code allowed}. */
  boolean gapIsOf(int word, String allowed) {
    int from = ends[word - 1];
    int to = starts[word];
    if (to == from || to - from > MAX_GAP) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (allowed.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  boolean gapEquals(int word, String gap) {
    int from = ends[word - 1];
    return starts[word] - from == gap.length()
        && text.regionMatches(true, from, gap, 0, gap.length());
  }

  boolean isNumber(int word) {
    return numbers[word];
  }

  boolean lookingAt(Pattern pattern, int from) {
    Matcher matcher = pattern.matcher(text).region(from, text.length());
    return matcher.lookingAt();
  }

  /** Whether only blanks, quotes or bullets stand between the word and a sentence's start. */
  boolean startsSentence(int word) {
    int position = starts[word] - 1;
    while (position >= 0 && " \t\"'(*•-".indexOf(text.charAt(position)) >= 0) {
      position--;
    }
    return position < 0 || ".!?:;\n\r".indexOf(text.charAt(position)) >= 0;
  }

  /** Lower case, one character at a time, as the words compare. */
  private static String lower(String value) {
    char[] lower = new char[value.length()];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = Character.toLowerCase(value.charAt(i));
    }
    return new String(lower);
  }
}
