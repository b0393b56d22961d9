/**
 * Bean Validation of the model: {@link org.clinicalingest.internal.validate.RecordValidator}, which
 * the pipeline calls, and the {@code ConstraintValidator}s of the constraint annotations of {@code
 * org.clinicalingest.model}. Not API.
 *
 * <p>Hibernate Validator reads the model's fields and instantiates these validators reflectively;
 * once {@code core} is a JPMS module, its {@code module-info.java} must {@code opens
 * org.clinicalingest.model} and {@code org.clinicalingest.internal.validate} to {@code
 * org.hibernate.validator}.
 */
package org.clinicalingest.internal.validate;
