package org.clinicalingest.examples.generate;

import java.util.Arrays;
import java.util.Locale;
import org.clinicalingest.spi.PhiType;

/**
 * A note being written, with the offsets of every PHI string and KEEP phrase put into it.
 *
 * <p>Offsets are taken from the builder's length as each piece is appended, so they are exact
 * UTF-16 offsets by construction; case styles (ALL CAPS, lower case) are applied piece by piece, so
 * they cannot shift an offset either. A KEEP phrase is stored with a {@code null} type. Reused for
 * every note of a worker; not thread-safe.
 */
final class NoteText {

  /** How the letters of a note are cased. */
  enum Case {
    AS_WRITTEN,
    UPPER,
    LOWER
  }

  private final StringBuilder text = new StringBuilder(1024);
  private Case style = Case.AS_WRITTEN;
  private int count;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private PhiType[] types = new PhiType[32];
  private String[] values = new String[32];
  private int[] background = new int[32];
  private int[] phiStarts = new int[32];
  private int[] phiEnds = new int[32];

  void reset(Case newStyle) {
    text.setLength(0);
    count = 0;
    style = newStyle;
  }

  NoteText append(String literal) {
    text.append(cased(literal));
    return this;
  }

  NoteText append(char literal) {
    text.append(
        switch (style) {
          case AS_WRITTEN -> literal;
          case UPPER -> Character.toUpperCase(literal);
          case LOWER -> Character.toLowerCase(literal);
        });
    return this;
  }

  /** Appends a PHI string and records its span. */
  NoteText phi(PhiType type, String value) {
    record(type, value);
    return this;
  }

  /** Appends a clinical phrase that must survive redaction and records its span. */
  NoteText keep(String phrase) {
    record(null, phrase);
    return this;
  }

  private void record(PhiType type, String value) {
    if (count == starts.length) {
      int size = count * 2;
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      types = Arrays.copyOf(types, size);
      values = Arrays.copyOf(values, size);
      background = Arrays.copyOf(background, size);
      phiStarts = Arrays.copyOf(phiStarts, size);
      phiEnds = Arrays.copyOf(phiEnds, size);
    }
    String written = cased(value);
    starts[count] = text.length();
    text.append(written);
    ends[count] = text.length();
    types[count] = type;
    values[count] = written;
    count++;
  }

  private String cased(String value) {
    return switch (style) {
      case AS_WRITTEN -> value;
      case UPPER -> value.toUpperCase(Locale.ROOT);
      case LOWER -> value.toLowerCase(Locale.ROOT);
    };
  }

  int length() {
    return text.length();
  }

  int spans() {
    return count;
  }

  /** Drops everything appended after {@code length} characters and {@code spans} spans. */
  void rollback(int length, int spans) {
    text.setLength(length);
    count = spans;
  }

  /**
   * Finishes the note and returns its text; with {@code background}, also counts for every PHI
   * string its whole-word occurrences outside all PHI spans (see {@link WordMatch}).
   */
  String finish(boolean withBackground) {
    String note = text.toString();
    if (!withBackground) {
      return note;
    }
    int phi = 0;
    for (int i = 0; i < count; i++) {
      if (types[i] != null) {
        phiStarts[phi] = starts[i];
        phiEnds[phi] = ends[i];
        phi++;
      }
    }
    String lower = WordMatch.lower(note);
    for (int i = 0; i < count; i++) {
      background[i] =
          types[i] == null
              ? 0
              : WordMatch.countOutside(note, lower, values[i], phiStarts, phiEnds, phi);
    }
    return note;
  }

  int start(int span) {
    return starts[span];
  }

  int end(int span) {
    return ends[span];
  }

  /** The PHI type of a span, {@code null} for a KEEP phrase. */
  PhiType type(int span) {
    return types[span];
  }

  String value(int span) {
    return values[span];
  }

  /** Occurrences of the span's string as ordinary text, valid after {@link #finish(boolean)}. */
  int background(int span) {
    return background[span];
  }
}
