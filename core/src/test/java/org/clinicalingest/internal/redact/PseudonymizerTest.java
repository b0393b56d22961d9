package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final byte[] OTHER_KEY =
      "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

  private final Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

  @Test
  void writesTypeDashAndSixteenHexDigits() {
    assertThat(pseudonymizer.token(PhiType.NAME, "Smith")).matches("NAME-[0-9a-f]{16}");
    assertThat(pseudonymizer.token(PhiType.EMAIL, "a@b.org")).matches("EMAIL-[0-9a-f]{16}");
  }

  @Test
  void isDeterministicAcrossInstances() {
    assertThat(new Pseudonymizer(KEY).token(PhiType.NAME, "Smith"))
        .isEqualTo(pseudonymizer.token(PhiType.NAME, "Smith"));
  }

  @Test
  void dependsOnTheKey() {
    assertThat(new Pseudonymizer(OTHER_KEY).token(PhiType.NAME, "Smith"))
        .isNotEqualTo(pseudonymizer.token(PhiType.NAME, "Smith"));
  }

  @Test
  void matchesKnownHmacSha256() {
    // HMAC-SHA256(key, "smith") computed independently:
    // printf smith | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef
    assertThat(pseudonymizer.token(PhiType.NAME, "Smith")).isEqualTo("NAME-e5cfb632b8868a7f");
  }

  @Test
  void normalisesCaseBlanksAndSyntheaDigitsOfNames() {
    String token = pseudonymizer.token(PhiType.NAME, "Smith");
    assertThat(pseudonymizer.token(PhiType.NAME, "SMITH")).isEqualTo(token);
    assertThat(pseudonymizer.token(PhiType.NAME, "  smith ")).isEqualTo(token);
    assertThat(pseudonymizer.token(PhiType.NAME, "Smith958")).isEqualTo(token);
    assertThat(pseudonymizer.token(PhiType.NAME, "Smyth")).isNotEqualTo(token);
    assertThat(pseudonymizer.token(PhiType.NAME, "Mary  Ann"))
        .isEqualTo(pseudonymizer.token(PhiType.NAME, "mary ann"));
  }

  @Test
  void normalisesNumbersToTheirDigits() {
    String phone = pseudonymizer.token(PhiType.PHONE, "555-814-8772");
    assertThat(pseudonymizer.token(PhiType.PHONE, "(555) 814 8772")).isEqualTo(phone);
    assertThat(pseudonymizer.token(PhiType.PHONE, "+1 555.814.8772")).isEqualTo(phone);
    assertThat(pseudonymizer.token(PhiType.SSN, "123 45 6789"))
        .isEqualTo(pseudonymizer.token(PhiType.SSN, "123-45-6789"));
    assertThat(pseudonymizer.token(PhiType.ZIP, "01801-1234"))
        .isEqualTo(pseudonymizer.token(PhiType.ZIP, "01801"));
  }

  @Test
  void sharesTheHexPartAcrossTypes() {
    assertThat(pseudonymizer.token(PhiType.FAX, "555-814-8772").substring(4))
        .isEqualTo(pseudonymizer.token(PhiType.PHONE, "5558148772").substring(6));
  }

  @Test
  void givesTheSameTokensFromManyThreads() throws Exception {
    String expected = pseudonymizer.token(PhiType.NAME, "Keeling57");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> tokens = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        tokens.add(pool.submit(() -> pseudonymizer.token(PhiType.NAME, "Keeling57")));
      }
      for (Future<String> token : tokens) {
        assertThat(token.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
