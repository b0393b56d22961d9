package org.clinicalingest.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdMemoryForecastTest {

  private static final long GIB = 1L << 30;
  private static final long MIB = 1L << 20;

  @Test
  void warnsOnceWhenTheProjectedIdsTakeMoreThanHalfTheHeap() {
    IdMemoryForecast forecast = new IdMemoryForecast(10 * GIB, 512 * MIB);

    assertThat(forecast.check(GIB / 4, 100_000)).isEmpty();
    assertThat(forecast.check(GIB, 2_000_000))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains("2,000,000 so far, in 10% of the input")
                    .contains("up to 401 MiB of heap")
                    .contains("of the 512 MiB the JVM may use")
                    .contains("-Xmx"));
    assertThat(forecast.check(2 * GIB, 4_000_000)).isEmpty();
  }

  @Test
  void staysQuietWhenTheIdsFitAndDecidesOnlyOnce() {
    IdMemoryForecast forecast = new IdMemoryForecast(10 * GIB, 4 * GIB);

    assertThat(forecast.check(GIB, 2_000_000)).isEmpty();
    assertThat(forecast.check(2 * GIB, 40_000_000)).isEmpty();
  }

  @Test
  void staysQuietWithoutAnInputSize() {
    assertThat(new IdMemoryForecast(0, MIB).check(GIB, 1_000_000)).isEmpty();
  }
}
