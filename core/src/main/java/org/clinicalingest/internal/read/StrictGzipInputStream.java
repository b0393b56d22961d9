package org.clinicalingest.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Inflates gzip content, one member after another like {@link GZIPInputStream}, but fails instead
 * of ending quietly when bytes follow the last member.
 *
 * <p>After each member the JDK stream looks for another one, and if what follows is not a whole,
 * valid gzip header (garbage appended to the file, a later member whose header is damaged, or a
 * file cut off inside a later member's header) it reports the end of the data as if the file ended
 * there: every record after that point would vanish without a trace. At the end of the data this
 * stream therefore checks that nothing is left over, neither in the inflater's input beyond the
 * 8-byte trailer it has just read nor in the file, and throws a {@link ZipException} otherwise.
 * (Leftover bytes that the failed header read happened to consume whole, at most ten bytes right at
 * the end of the file, go unnoticed.) Not thread-safe.
 */
final class StrictGzipInputStream extends GZIPInputStream {
  private static final int TRAILER_BYTES = 8;

  StrictGzipInputStream(InputStream in, int bufferBytes) throws IOException {
    super(in, bufferBytes);
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, length);
    if (read < 0 && (inf.getRemaining() > TRAILER_BYTES || in.available() > 0)) {
      throw new ZipException("unexpected bytes after the end of the gzip data");
    }
    return read;
  }
}
