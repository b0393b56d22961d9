package org.clinicalingest.ner.corenlp.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether this JVM JIT-compiles methods of more than 8,000 bytes of bytecode.
 *
 * <p>Design: HotSpot by default leaves such methods to the interpreter ({@code
 * DontCompileHugeMethods}), and the CRF's feature extraction, {@code NERFeatureFactory#featuresC},
 * is one, as are parts of CoreNLP's generated tokenizer. Run interpreted, they are most of the time
 * the recogniser takes; {@code -XX:-DontCompileHugeMethods} lets the JIT compile them. The flag can
 * only be read at run time, not set, so the library can only tell.
 */
public final class HugeMethods {

  /** The JVM option that makes the JIT compile huge methods. */
  public static final String JVM_OPTION = "-XX:-DontCompileHugeMethods";

  private HugeMethods() {}

  /**
   * Whether huge methods are compiled: false on a HotSpot JVM with its default settings, true when
   * started with {@link #JVM_OPTION} and on JVMs that have no such limit (or do not say).
   */
  public static boolean compiled() {
    try {
      HotSpotDiagnosticMXBean hotSpot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return hotSpot == null
          || !Boolean.parseBoolean(hotSpot.getVMOption("DontCompileHugeMethods").getValue());
    } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
      return true;
    }
  }
}
