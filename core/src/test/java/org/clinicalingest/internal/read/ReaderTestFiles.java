package org.clinicalingest.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.clinicalingest.spi.InputFormat;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
import org.clinicalingest.spi.UnreadableRecord;

/** Writes reader test inputs to a directory and collects what a reader returns. */
public final class ReaderTestFiles {
  private ReaderTestFiles() {}

  /** Copies the fixture {@code records/<name>} into {@code directory}. */
  public static Path fixture(Path directory, String name) {
    try (InputStream in = ReaderTestFiles.class.getResourceAsStream("/records/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture records/" + name);
      }
      Path target = directory.resolve(name);
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code content} as UTF-8 to {@code directory/name}. */
  public static Path write(Path directory, String name, String content) {
    return write(directory, name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code content} to {@code directory/name}. */
  public static Path write(Path directory, String name, byte[] content) {
    try {
      return Files.write(directory.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a gzip-compressed copy of {@code source} to {@code directory/name}. */
  public static Path gzip(Path source, Path directory, String name) {
    Path target = directory.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      Files.copy(source, out);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** UTF-8 bytes of {@code text} after a UTF-8 byte order mark. */
  public static byte[] withByteOrderMark(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    return bytes;
  }

  /** Reads every record of {@code path}. */
  public static List<SourceRecord> readAll(InputFormat format, Path path, boolean captureRaw) {
    try (RecordReader reader = format.open(path, captureRaw)) {
      return drain(reader);
    }
  }

  /** Reads the remaining records of {@code reader}. */
  public static List<SourceRecord> drain(RecordReader reader) {
    List<SourceRecord> records = new ArrayList<>();
    for (Optional<SourceRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
      records.add(next.get());
    }
    return records;
  }

  /** The record, which must have been parsed. */
  public static ParsedRecord parsed(SourceRecord record) {
    if (record instanceof ParsedRecord parsed) {
      return parsed;
    }
    throw new AssertionError("expected a parsed record, got " + record);
  }

  /** The record, which must be unreadable. */
  public static UnreadableRecord unreadable(SourceRecord record) {
    if (record instanceof UnreadableRecord unreadable) {
      return unreadable;
    }
    throw new AssertionError("expected an unreadable record, got " + record);
  }
}
