/**
 * A batched, multi-threaded {@link org.clinicalingest.spi.NerRedactor} on Stanford CoreNLP: {@link
 * org.clinicalingest.ner.corenlp.CoreNlpRedactor} finds person names (and places, optionally
 * organisations) in free clinical text while keeping eponyms and other clinical terms that look
 * like names.
 *
 * <pre>{@code
 * NerRedactor redactor = CoreNlpRedactor.builder()
 *     .threads(4)
 *     .batchSize(64)
 *     .categories(PhiType.NAME, PhiType.LOCATION)
 *     .build();
 * }</pre>
 *
 * <p>Needs {@code edu.stanford.nlp:stanford-corenlp:4.5.10:models} on the classpath and about 1 GB
 * of heap for the shared model.
 */
package org.clinicalingest.ner.corenlp;
