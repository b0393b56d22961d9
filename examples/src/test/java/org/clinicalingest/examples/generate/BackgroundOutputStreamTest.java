package org.clinicalingest.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class BackgroundOutputStreamTest {

  @Test
  void writesEveryByteInOrder() throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    byte[] expected = new byte[3 * (1 << 20) + 17];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) (i * 31);
    }
    try (BackgroundOutputStream out = new BackgroundOutputStream(target, "test-writer")) {
      out.write(expected, 0, 1000);
      out.write(expected[1000]);
      out.write(expected, 1001, expected.length - 1001);
    }
    assertThat(target.toByteArray()).isEqualTo(expected);
  }

  @Test
  void reportsAFailureOfTheTargetAtClose() {
    OutputStream failing =
        new OutputStream() {
          @Override
          public void write(int value) throws IOException {
            throw new IOException("disk full");
          }
        };
    BackgroundOutputStream out = new BackgroundOutputStream(failing, "test-failing");
    assertThatThrownBy(
            () -> {
              out.write(new byte[10], 0, 10);
              out.close();
            })
        .isInstanceOf(IOException.class)
        .hasRootCauseMessage("disk full");
  }
}
