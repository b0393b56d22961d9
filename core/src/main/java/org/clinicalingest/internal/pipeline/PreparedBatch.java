package org.clinicalingest.internal.pipeline;

import java.util.List;
import java.util.Map;
import org.clinicalingest.RecordCounts;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.Rejection;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;

/**
 * A batch after validation and redaction, ready to write: rows with one row per key and table, the
 * origin of each row (same order), and the records rejected.
 *
 * @param duplicates rows dropped because a later record of the batch has the same id
 */
record PreparedBatch(
    RecordBatch batch,
    Map<Table, List<Row>> rows,
    Map<Table, List<RowOrigin>> origins,
    List<Rejection> rejections,
    RecordCounts read,
    RecordCounts duplicates,
    long unknownFields,
    Map<PhiType, Long> spanCounts) {}
