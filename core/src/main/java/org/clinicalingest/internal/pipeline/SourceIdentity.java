package org.clinicalingest.internal.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.clinicalingest.ReadException;

/**
 * The identity of a source file for checkpoints: its absolute path, size, modification time and a
 * SHA-256 of its first 64 KiB, hashed into one key. A file that was replaced or changed gets a new
 * key, so a resumed run never skips records of a different file.
 */
final class SourceIdentity {
  private static final int HEAD_BYTES = 64 * 1024;

  private SourceIdentity() {}

  static String keyOf(Path path) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] head = new byte[HEAD_BYTES];
      int length;
      try (InputStream in = Files.newInputStream(path)) {
        length = in.readNBytes(head, 0, HEAD_BYTES);
      }
      digest.update(head, 0, length);
      String description =
          path.toAbsolutePath().normalize()
              + "|"
              + Files.size(path)
              + "|"
              + Files.getLastModifiedTime(path).toMillis()
              + "|";
      digest.update(description.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new ReadException(path + ": cannot read the file to identify it", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
