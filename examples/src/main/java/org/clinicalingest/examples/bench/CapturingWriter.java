package org.clinicalingest.examples.bench;

import java.util.ArrayList;
import java.util.List;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.WriteResult;

/** Keeps the chunks a pipeline produces, to replay them into a real writer alone. */
final class CapturingWriter implements BulkWriter {
  private final List<Chunk> chunks = new ArrayList<>();

  @Override
  public synchronized WriteResult write(Chunk chunk) {
    chunks.add(chunk);
    return WriteResult.allWritten(chunk);
  }

  synchronized List<Chunk> chunks() {
    return List.copyOf(chunks);
  }

  @Override
  public void close() {}
}
