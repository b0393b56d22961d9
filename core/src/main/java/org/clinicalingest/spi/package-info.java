/**
 * Extension points: {@link org.clinicalingest.spi.InputFormat} reads a file format, {@link
 * org.clinicalingest.spi.NerRedactor} finds names in free text, {@link
 * org.clinicalingest.spi.BulkWriter} writes chunks to a store and {@link
 * org.clinicalingest.spi.QuarantineSink} receives rejected records. Data crossing them are
 * immutable records.
 */
package org.clinicalingest.spi;
