package org.clinicalingest.examples.generate;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes to another stream on a thread of its own, in chunks of a megabyte.
 *
 * <p>Used in front of a gzip stream: compressing costs more CPU than generating, so doing it on
 * another core speeds up {@code .gz} output. A bounded queue of chunks keeps memory constant and
 * makes the producer wait when the compressor falls behind; written chunks are reused. A failure of
 * the target surfaces at the next flush or at close. The producer side is not thread-safe.
 */
final class BackgroundOutputStream extends OutputStream {

  private static final int CHUNK = 1 << 20;

  /** Bytes {@code [0, length)} of {@code bytes} to write; a null array ends the stream. */
  private record Chunk(byte[] bytes, int length) {}

  private final OutputStream target;
  private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(4);
  private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(8);
  private final Thread worker;
  private volatile IOException failure;
  private byte[] buffer = new byte[CHUNK];
  private int size;
  private boolean closed;

  BackgroundOutputStream(OutputStream target, String name) {
    this.target = target;
    this.worker = new Thread(this::drain, name);
    worker.setDaemon(true);
    worker.start();
  }

  private void drain() {
    try {
      for (Chunk chunk = chunks.take(); chunk.bytes() != null; chunk = chunks.take()) {
        if (failure == null) {
          try {
            target.write(chunk.bytes(), 0, chunk.length());
          } catch (IOException e) {
            failure = e;
          }
        }
        spare.offer(chunk.bytes());
      }
    } catch (InterruptedException e) {
      failure = new InterruptedIOException("background writer interrupted");
    }
  }

  @Override
  public void write(int value) throws IOException {
    if (size == CHUNK) {
      handOver();
    }
    buffer[size++] = (byte) value;
  }

  @Override
  public void write(byte[] source, int offset, int length) throws IOException {
    int position = offset;
    int remaining = length;
    while (remaining > 0) {
      if (size == CHUNK) {
        handOver();
      }
      int step = Math.min(remaining, CHUNK - size);
      System.arraycopy(source, position, buffer, size, step);
      size += step;
      position += step;
      remaining -= step;
    }
  }

  /** Queues the current chunk for the worker and takes a fresh buffer. */
  private void handOver() throws IOException {
    check();
    if (size == 0) {
      return;
    }
    put(new Chunk(buffer, size));
    byte[] reused = spare.poll();
    buffer = reused != null ? reused : new byte[CHUNK];
    size = 0;
  }

  private void put(Chunk chunk) throws IOException {
    try {
      chunks.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while queueing output");
    }
  }

  private void check() throws IOException {
    IOException error = failure;
    if (error != null) {
      throw new IOException("background writer failed", error);
    }
  }

  /** Hands the buffered bytes to the worker; does not wait for them to be written. */
  @Override
  public void flush() throws IOException {
    handOver();
  }

  /** Writes what is left, waits for the worker and closes the target. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      handOver();
    } finally {
      put(new Chunk(null, 0));
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while finishing output");
      }
      target.close();
    }
    check();
  }
}
