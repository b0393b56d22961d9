package org.clinicalingest;

/**
 * Receives progress while a run goes on, after each chunk is written. Called from one pipeline
 * thread at a time; it should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Takes a progress snapshot. */
  void onProgress(Progress progress);
}
