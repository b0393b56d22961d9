/**
 * Synthetic clinical data for tests, evaluations and benchmarks: {@link
 * org.clinicalingest.examples.generate.SyntheticDataGenerator} writes patients in the FORMAT.md
 * shape with PHI in the notes and a gold file of that PHI; {@link
 * org.clinicalingest.examples.generate.LeakCheck} counts the gold PHI left in written notes.
 */
package org.clinicalingest.examples.generate;
