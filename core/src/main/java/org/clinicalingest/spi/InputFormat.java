package org.clinicalingest.spi;

import java.nio.file.Path;

/**
 * Opens source files of one input format. A new format (e.g. FHIR Bundles) is a new implementation
 * of this interface; the pipeline does not change. Implementations are immutable and thread-safe.
 */
public interface InputFormat {

  /**
   * Opens a file for streaming.
   *
   * @param path the file to read
   * @param captureRaw whether each record's raw text is kept for the quarantine
   * @throws org.clinicalingest.ReadException if the file cannot be opened or its shape detected
   */
  RecordReader open(Path path, boolean captureRaw);
}
