package org.clinicalingest.internal.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One open source file: its bytes are counted as they leave the file, then inflated when the file
 * starts with the gzip magic bytes (whatever its name), by a {@link StrictGzipInputStream} so that
 * bytes after the last gzip member are an error rather than a silent end. The magic is peeked
 * through the channel, which is then rewound, so nothing is buffered twice. Not thread-safe.
 */
final class SourceFile implements Closeable {
  private static final int GZIP_BUFFER_BYTES = 64 * 1024;

  private final FileChannel channel;
  private final CountingInputStream counted;
  private final InputStream content;
  private final boolean compressed;
  private final long totalBytes;

  private SourceFile(
      FileChannel channel, CountingInputStream counted, InputStream content, boolean compressed)
      throws IOException {
    this.channel = channel;
    this.counted = counted;
    this.content = content;
    this.compressed = compressed;
    this.totalBytes = channel.size();
  }

  static SourceFile open(Path path) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      boolean gzip = startsWithGzipMagic(channel);
      channel.position(0);
      CountingInputStream counted = new CountingInputStream(Channels.newInputStream(channel));
      InputStream content = gzip ? new StrictGzipInputStream(counted, GZIP_BUFFER_BYTES) : counted;
      return new SourceFile(channel, counted, content, gzip);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static boolean startsWithGzipMagic(FileChannel channel) throws IOException {
    ByteBuffer magic = ByteBuffer.allocate(2);
    int read = 0;
    while (magic.hasRemaining() && read >= 0) {
      read = channel.read(magic);
    }
    return magic.position() == 2 && (magic.get(0) & 0xFF) == 0x1F && (magic.get(1) & 0xFF) == 0x8B;
  }

  /** The file's content, inflated if it is gzip. */
  InputStream content() {
    return content;
  }

  /** Whether the file is gzip-compressed. */
  boolean compressed() {
    return compressed;
  }

  /** Bytes taken from the file so far (compressed bytes for gzip). */
  long bytesRead() {
    return counted.count();
  }

  long totalBytes() {
    return totalBytes;
  }

  @Override
  public void close() throws IOException {
    try {
      content.close();
    } finally {
      channel.close();
    }
  }
}
