package org.clinicalingest.examples.generate;

import java.nio.charset.StandardCharsets;
import org.clinicalingest.spi.PhiType;

/**
 * Writes gold lines (see {@link GoldLine}) as JSON into a buffer, by hand.
 *
 * <p>A gold file is about twice the size of its data file, and its lines differ only in a few
 * values: the part up to {@code "start":} is encoded once per text field and copied, the rest is
 * written byte by byte with the escapes JSON needs. This halves the cost of gold lines compared to
 * a {@code JsonGenerator}. Not thread-safe; one per worker.
 */
final class GoldWriter {

  private static final byte[] END = bytes(",\"end\":");
  private static final byte[] TYPE = bytes(",\"type\":\"");
  private static final byte[] TEXT = bytes("\",\"text\":");
  private static final byte[] BACKGROUND = bytes(",\"background\":");
  private static final byte[][] TYPES = typeNames();
  private static final byte[] KEEP = bytes(GoldLine.KEEP);
  private static final byte[] HEX = bytes("0123456789abcdef");

  private final ByteSink out;
  private final StringBuilder prefixText = new StringBuilder(96);
  private byte[] prefix = new byte[0];

  GoldWriter(ByteSink out) {
    this.out = out;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[][] typeNames() {
    PhiType[] types = PhiType.values();
    byte[][] names = new byte[types.length][];
    for (PhiType type : types) {
      names[type.ordinal()] = bytes(type.name());
    }
    return names;
  }

  /** Starts the lines of one text field of one observation. */
  void field(String observationId, String field) {
    prefixText.setLength(0);
    prefixText.append("{\"observation_id\":");
    quote(prefixText, observationId);
    prefixText.append(",\"field\":");
    quote(prefixText, field);
    prefixText.append(",\"start\":");
    prefix = bytes(prefixText.toString());
  }

  /** Writes one line of the current field; {@code type} is null for a KEEP phrase. */
  void line(int start, int end, PhiType type, String text, int background) {
    out.write(prefix, 0, prefix.length);
    number(start);
    out.write(END, 0, END.length);
    number(end);
    out.write(TYPE, 0, TYPE.length);
    byte[] typeName = type == null ? KEEP : TYPES[type.ordinal()];
    out.write(typeName, 0, typeName.length);
    out.write(TEXT, 0, TEXT.length);
    string(text);
    if (background > 0) {
      out.write(BACKGROUND, 0, BACKGROUND.length);
      number(background);
    }
    out.write('}');
    out.write('\n');
  }

  private void number(int value) {
    if (value >= 10) {
      number(value / 10);
    }
    out.write('0' + value % 10);
  }

  /** A JSON string in UTF-8: quotes, backslashes and control characters escaped. */
  private void string(String text) {
    out.write('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.write('\\');
        out.write(c);
      } else if (c < 0x20) {
        out.write('\\');
        out.write('u');
        out.write('0');
        out.write('0');
        out.write(HEX[c >> 4]);
        out.write(HEX[c & 15]);
      } else if (c < 0x80) {
        out.write(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        byte[] encoded = bytes(text.substring(i, end));
        out.write(encoded, 0, encoded.length);
        i = end - 1;
      }
    }
    out.write('"');
  }

  private static void quote(StringBuilder target, String text) {
    target.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        target.append('\\').append(c);
      } else if (c < 0x20) {
        target.append(String.format("\\u%04x", (int) c));
      } else {
        target.append(c);
      }
    }
    target.append('"');
  }
}
