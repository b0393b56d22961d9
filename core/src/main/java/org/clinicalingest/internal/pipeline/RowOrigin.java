package org.clinicalingest.internal.pipeline;

import org.clinicalingest.spi.RecordKind;
import org.clinicalingest.spi.RecordPosition;

/** Where a row came from, to quarantine it if the database refuses it. */
record RowOrigin(RecordPosition position, RecordKind kind, String path, String raw) {}
