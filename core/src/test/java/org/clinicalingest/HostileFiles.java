package org.clinicalingest;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of hostile files: arbitrary bytes, a soup of JSON tokens and broken bytes, and
 * valid generated files mutated by byte flips, truncations, insertions and deletions, each plain or
 * gzip-compressed (before or after the mutation), under a name that may or may not say its shape.
 */
final class HostileFiles {
  private static final List<String> TOKENS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "\"patient_id\"",
          "\"patients\"",
          "\"encounters\"",
          "\"observations\"",
          "\"observation_id\"",
          "\"value_quantity\"",
          "\"notes\"",
          "\"MRN-001\"",
          "\"x\"",
          "null",
          "true",
          "1e400",
          "-0",
          "12.5",
          "99999999999999999999",
          "\n",
          "\r\n",
          "\r",
          " ",
          "\t",
          "\"\\u0000\"",
          "\"\\ud800\"",
          "\"\\",
          "\"",
          "\\");
  private static final List<byte[]> BROKEN_BYTES =
      List.of(
          new byte[] {(byte) 0xC3},
          new byte[] {(byte) 0xFF},
          new byte[] {(byte) 0x80},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
          new byte[] {0},
          new byte[] {0x1F, (byte) 0x8B});

  private HostileFiles() {}

  /**
   * A file to feed a reader.
   *
   * @param name the file name, which may say the shape ({@code .ndjson}) or not
   * @param bytes the file's bytes
   * @param content the uncompressed content, or null when a compressed file was damaged so that its
   *     content is unknown
   */
  record HostileFile(String name, byte[] bytes, byte[] content) {
    @Override
    public String toString() {
      return "HostileFile[name=" + name + ", bytes=" + Arrays.toString(bytes) + "]";
    }
  }

  /** One change to a file's bytes; positions are fractions of its length, so they shrink well. */
  sealed interface Mutation permits Flip, Truncate, Insert, Delete {
    byte[] apply(byte[] bytes);

    static int position(double fraction, int length) {
      return (int) Math.min(length, Math.floor(fraction * (length + 1)));
    }
  }

  record Flip(double at, int mask) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      if (bytes.length == 0) {
        return bytes;
      }
      byte[] flipped = bytes.clone();
      int index = Math.min(bytes.length - 1, Mutation.position(at, bytes.length));
      flipped[index] ^= (byte) mask;
      return flipped;
    }
  }

  record Truncate(double at) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      return Arrays.copyOf(bytes, Mutation.position(at, bytes.length));
    }
  }

  record Insert(double at, byte[] inserted) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      int index = Mutation.position(at, bytes.length);
      return HostileFixtures.concat(
          Arrays.copyOf(bytes, index), inserted, Arrays.copyOfRange(bytes, index, bytes.length));
    }

    @Override
    public String toString() {
      return "Insert[at=" + at + ", inserted=" + Arrays.toString(inserted) + "]";
    }
  }

  record Delete(double at, int length) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      int from = Mutation.position(at, bytes.length);
      int to = Math.min(bytes.length, from + length);
      return HostileFixtures.concat(
          Arrays.copyOf(bytes, from), Arrays.copyOfRange(bytes, to, bytes.length));
    }
  }

  /** Arbitrary bytes, token soup and mutated files, in the proportions 1 : 2 : 5. */
  static Arbitrary<HostileFile> files() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, arbitraryBytes()), Tuple.of(2, tokenSoup()), Tuple.of(5, mutatedFiles()));
  }

  static Arbitrary<HostileFile> arbitraryBytes() {
    return Combinators.combine(
            Arbitraries.bytes().array(byte[].class).ofMaxSize(600), names(), compressions())
        .as((content, name, compression) -> compression.file(name, content, List.of()));
  }

  static Arbitrary<HostileFile> tokenSoup() {
    Arbitrary<byte[]> piece =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.of(TOKENS).map(HostileFixtures::utf8)),
            Tuple.of(1, Arbitraries.of(BROKEN_BYTES)));
    Arbitrary<byte[]> soup =
        piece
            .list()
            .ofMaxSize(80)
            .map(pieces -> HostileFixtures.concat(pieces.toArray(byte[][]::new)));
    Arbitrary<byte[]> start =
        Arbitraries.of("[", "{\"patients\":[", "{", "").map(HostileFixtures::utf8);
    return Combinators.combine(start, soup, names(), compressions())
        .as(
            (prefix, body, name, compression) ->
                compression.file(name, HostileFixtures.concat(prefix, body), List.of()));
  }

  static Arbitrary<HostileFile> mutatedFiles() {
    return Combinators.combine(
            GeneratedPatients.files(1, 4),
            mutations().list().ofMinSize(1).ofMaxSize(2),
            Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Compression.NONE)),
                Tuple.of(2, Arbitraries.just(Compression.CONTENT)),
                Tuple.of(1, Arbitraries.just(Compression.BYTES))))
        .as(
            (spec, mutations, compression) ->
                compression.file(
                    spec.layout().fileName("mutated")
                        + (compression == Compression.NONE ? "" : ".gz"),
                    spec.content(),
                    mutations));
  }

  static Arbitrary<Mutation> mutations() {
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    Arbitrary<byte[]> inserted =
        Arbitraries.oneOf(
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8),
            Arbitraries.of(TOKENS).map(HostileFixtures::utf8),
            Arbitraries.of(BROKEN_BYTES));
    return Arbitraries.oneOf(
        Combinators.combine(at, Arbitraries.integers().between(1, 255)).as(Flip::new),
        at.map(Truncate::new),
        Combinators.combine(at, inserted).as(Insert::new),
        Combinators.combine(at, Arbitraries.integers().between(1, 64)).as(Delete::new));
  }

  private static Arbitrary<String> names() {
    return Arbitraries.of("data.json", "data.ndjson", "data.jsonl.gz", "data", "data.json.gz");
  }

  private static Arbitrary<Compression> compressions() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Compression.NONE)),
        Tuple.of(1, Arbitraries.just(Compression.CONTENT)));
  }

  /** How a file is compressed: not, after its content was mutated, or before its bytes were. */
  enum Compression {
    NONE,
    CONTENT,
    BYTES;

    HostileFile file(String name, byte[] content, List<Mutation> mutations) {
      return switch (this) {
        case NONE -> {
          byte[] mutated = mutate(content, mutations);
          yield new HostileFile(name, mutated, mutated);
        }
        case CONTENT -> {
          byte[] mutated = mutate(content, mutations);
          yield new HostileFile(name, HostileFixtures.gzip(mutated), mutated);
        }
        case BYTES -> {
          byte[] compressed = HostileFixtures.gzip(content);
          byte[] mutated = mutate(compressed, mutations);
          yield new HostileFile(name, mutated, Arrays.equals(mutated, compressed) ? content : null);
        }
      };
    }

    private static byte[] mutate(byte[] bytes, List<Mutation> mutations) {
      byte[] mutated = bytes;
      for (Mutation mutation : mutations) {
        mutated = mutation.apply(mutated);
      }
      return mutated;
    }
  }
}
