package org.clinicalingest.examples.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The memory this JVM has used so far: the peak of its heap and the peak of its resident set.
 *
 * <p>The heap peak is the sum of each heap pool's peak (eden, survivor, old), an upper bound of the
 * true peak since the pools need not peak together; it includes garbage not yet collected. The
 * resident-set peak ({@code VmHWM}) is read from {@code /proc/self/status} and is absent on systems
 * without it.
 */
final class MemoryUse {
  private static final long MIB = 1024 * 1024;

  private MemoryUse() {}

  /** One line, e.g. {@code memory: peak heap ≤ 212 MiB of max 256 MiB, peak RSS 498 MiB}. */
  static String describe() {
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    String line =
        String.format(
            Locale.ROOT,
            "memory: peak heap <= %,d MiB of max %,d MiB",
            peakHeap / MIB,
            Runtime.getRuntime().maxMemory() / MIB);
    long peakRssKib = peakResidentKib();
    return peakRssKib < 0
        ? line
        : line + String.format(Locale.ROOT, ", peak RSS %,d MiB", peakRssKib / 1024);
  }

  private static long peakResidentKib() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
