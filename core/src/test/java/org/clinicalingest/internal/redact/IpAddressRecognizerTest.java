package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressRecognizerTest {

  private final IpAddressRecognizer recognizer = new IpAddressRecognizer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "login from 192.168.10.25 at night | 192.168.10.25",
        "IP: 8.8.8.8. | 8.8.8.8",
        "client 2001:0db8:85a3:0000:0000:8a2e:0370:7334 | 2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "CLIENT 2001:DB8::8A2E:370:7334 | 2001:DB8::8A2E:370:7334",
        "link-local fe80::1 seen | fe80::1",
        "mapped ::ffff:192.0.2.128 | ::ffff:192.0.2.128",
        "from dead:beef::cafe today | dead:beef::cafe",
        "6e40:4041:c617:e898:c11:40d2:c669:2eb4 | 6e40:4041:c617:e898:c11:40d2:c669:2eb4"
      })
  void findsIpAddresses(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.IP, expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "version 1.2.3.4.5 installed",
        "256.1.1.1 is not an address",
        "Na 140.4 K 4.1",
        "at 14:30:00 and 09:15",
        "ratio 12::30 written oddly",
        "section 1.2.3 of the protocol",
        "Dx: abc",
        "time 12:30:45.123"
      })
  void leavesVersionsTimesAndDecimalsAlone(String text) {
    assertThat(Found.by(recognizer, text)).isEmpty();
  }
}
