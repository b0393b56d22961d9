package org.clinicalingest.examples.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the memory of this JVM during a command: the peak of the heap in use right after a
 * garbage collection, the heap limit, and the peak resident set size.
 *
 * <p>The heap after a collection is the live data plus old-generation garbage that the collector
 * has not reclaimed yet, so it is an upper bound of the live data and grows with the heap limit;
 * what shows that memory is bounded is a run over a file many times the heap completing.
 *
 * <p>The peak comes from the collectors' notifications, so it covers the collections that happened
 * after {@link #start()}; a run too short to collect reports none. The resident-set peak ({@code
 * VmHWM}) is read from {@code /proc/self/status} and is absent where that file is.
 */
final class MemoryUse implements AutoCloseable {
  private static final long MIB = 1024 * 1024;

  private final AtomicLong peakHeapAfterGc = new AtomicLong(-1);
  private final List<NotificationEmitter> watched = new ArrayList<>();
  private final NotificationListener listener = this::collected;

  private MemoryUse() {}

  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());

  /** Starts watching the collections of this JVM until {@link #close()}. */
  static MemoryUse start() {
    MemoryUse use = new MemoryUse();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(use.listener, null, null);
        use.watched.add(emitter);
      }
    }
    return use;
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long afterGc = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        afterGc += pool.getValue().getUsed();
      }
    }
    peakHeapAfterGc.accumulateAndGet(afterGc, Math::max);
  }

  /** Stops watching. */
  @Override
  public void close() {
    for (NotificationEmitter emitter : watched) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // already removed: nothing to undo
      }
    }
    watched.clear();
  }

  /**
   * One line, e.g. {@code memory: peak heap after GC 61 MiB, heap max 256 MiB, peak RSS 498 MiB}.
   */
  String describe() {
    long live = peakHeapAfterGc.get();
    StringBuilder line = new StringBuilder("memory: peak heap after GC ");
    line.append(
        live < 0 ? "n/a (no collection)" : String.format(Locale.ROOT, "%,d MiB", live / MIB));
    line.append(
        String.format(Locale.ROOT, ", heap max %,d MiB", Runtime.getRuntime().maxMemory() / MIB));
    long peakRssKib = peakResidentKib();
    if (peakRssKib >= 0) {
      line.append(String.format(Locale.ROOT, ", peak RSS %,d MiB", peakRssKib / 1024));
    }
    return line.toString();
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
