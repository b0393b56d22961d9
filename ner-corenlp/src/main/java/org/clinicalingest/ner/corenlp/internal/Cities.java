package org.clinicalingest.ner.corenlp.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import org.clinicalingest.RedactionException;

/**
 * City names of the world, to find the places the model misses after "in", "from" or "near" ({@link
 * EntitiesInContext}).
 *
 * <p>Design: the names are the CITY rows of CoreNLP's KBP gazetteer ({@link #RESOURCE}, in the
 * models jar the recogniser already needs; 533,182 rows, most of them small places), with their
 * words normalised as {@link Words} normalises a text's. Only the 64-bit hashes of the names, and
 * of the word prefixes of longer names (so that a lookup stops at the first word no name goes on
 * with), are kept, in a {@link WordTable}: 15 MB of heap, not half a million strings. A phrase that
 * is not a city is taken for one about once in 10^19 lookups, as for the other word tables.
 * Immutable and thread-safe.
 */
final class Cities {

  /** The gazetteer in CoreNLP's models jar. */
  static final String RESOURCE =
      "edu/stanford/nlp/models/kbp/english/gazetteers/regexner_caseless.tab";

  /** Most words of a city name looked for ("Salt Lake City", "Rancho Santa Margarita"). */
  static final int MOST_WORDS = 4;

  private final WordTable<Boolean> names;

  private Cities(WordTable<Boolean> names) {
    this.names = names;
  }

  /** The cities of {@code names}, each normalised as a text's words are. */
  static Cities of(Collection<String> names) {
    HashCollector hashes = new HashCollector();
    names.forEach(hashes::add);
    return hashes.cities();
  }

  /**
   * The cities of CoreNLP's gazetteer.
   *
   * @throws RedactionException if the models jar does not hold it or it cannot be read
   */
  static Cities load() {
    InputStream stream = Cities.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (stream == null) {
      throw new RedactionException(
          "ner stage: CoreNLP gazetteer " + RESOURCE + " is not on the classpath");
    }
    HashCollector hashes = new HashCollector();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab > 0 && line.startsWith("CITY\t", tab + 1) && line.lastIndexOf('\\', tab) < 0) {
          hashes.add(line.substring(0, tab));
        }
      }
    } catch (IOException e) {
      throw new RedactionException("ner stage: CoreNLP gazetteer " + RESOURCE + " unreadable", e);
    }
    return hashes.cities();
  }

  /**
   * The number of words of the longest city name starting at word {@code from} (up to {@link
   * #MOST_WORDS}, joined by spaces or hyphens), or 0 if none starts there.
   */
  int longestAt(Words words, int from) {
    int longest = 0;
    for (int end = from + 1; end <= words.count() && end - from <= MOST_WORDS; end++) {
      if (end > from + 1 && !words.adjacent(end - 2, end - 1)) {
        break;
      }
      Boolean isName = names.get(key(words, from, end));
      if (isName == null) {
        break;
      }
      if (isName) {
        longest = end - from;
      }
    }
    return longest;
  }

  /** Words {@code [from, to)} normalised and joined by single spaces, as the names are kept. */
  private static String key(Words words, int from, int to) {
    StringBuilder key = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        key.append(' ');
      }
      key.append(words.normalized(i));
    }
    return key.toString();
  }

  /**
   * The hashes of normalised city names and of the word prefixes of longer ones ("salt", "salt
   * lake"), gathered without keeping the names.
   */
  private static final class HashCollector {
    private final Hashes names = new Hashes();
    private final Hashes prefixes = new Hashes();

    void add(String name) {
      String key = isNormalised(name) ? name : normalise(name);
      if (key.isEmpty()) {
        return;
      }
      names.add(FeatureIndex.hash(key));
      for (int space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1)) {
        prefixes.add(FeatureIndex.hash(key.substring(0, space)));
      }
    }

    /** The names, each a key of {@code TRUE}, and the other prefixes, keys of {@code FALSE}. */
    Cities cities() {
      long[] nameHashes = names.distinct();
      long[] prefixOnly =
          Arrays.stream(prefixes.distinct())
              .filter(hash -> Arrays.binarySearch(nameHashes, hash) < 0)
              .toArray();
      return new Cities(
          WordTable.ofKeyHashes(nameHashes, prefixOnly)
              .orElseThrow(() -> new IllegalStateException("a city name hashes to 0")));
    }

    /** Whether {@code name} is lower-case ASCII words joined by single spaces, as most rows are. */
    private static boolean isNormalised(String name) {
      if (name.isEmpty() || name.charAt(0) == ' ' || name.charAt(name.length() - 1) == ' ') {
        return false;
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c == ' ' && name.charAt(i - 1) != ' ')) {
          return false;
        }
      }
      return true;
    }

    /** The words of {@code name} normalised as a text's and joined by single spaces. */
    private static String normalise(String name) {
      Words words = Words.of(name);
      return key(words, 0, words.count());
    }

    /** A growing array of hashes. */
    private static final class Hashes {
      private long[] values = new long[1 << 10];
      private int count;

      void add(long hash) {
        if (count == values.length) {
          values = Arrays.copyOf(values, 2 * count);
        }
        values[count++] = hash;
      }

      long[] distinct() {
        return Arrays.stream(values, 0, count).sorted().distinct().toArray();
      }
    }
  }
}
