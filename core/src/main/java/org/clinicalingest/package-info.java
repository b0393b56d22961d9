/**
 * Streams clinical JSON files into a database, validated and with PHI redacted.
 *
 * <p>Start with {@link org.clinicalingest.IngestionPipeline#builder()}.
 */
package org.clinicalingest;
