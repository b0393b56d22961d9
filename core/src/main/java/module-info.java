/**
 * clinical-ingest core: domain records, streaming reader, validation, redaction, the SPIs and the
 * ingestion pipeline. Only {@code org.clinicalingest}, {@code .model} and {@code .spi} are API.
 */
module org.clinicalingest.core {
  requires transitive jakarta.validation;
  requires com.fasterxml.jackson.core;
  requires org.hibernate.validator;
  requires org.slf4j;

  exports org.clinicalingest;
  exports org.clinicalingest.model;
  exports org.clinicalingest.spi;

  // Validators of the model's constraints, found by Hibernate Validator through the ServiceLoader
  // so that the public annotations need not name internal classes.
  provides jakarta.validation.ConstraintValidator with
      org.clinicalingest.internal.validate.DeceasedDateNotBeforeBirthValidator,
      org.clinicalingest.internal.validate.EncounterClassValidator,
      org.clinicalingest.internal.validate.EncounterPatientIdMatchesValidator,
      org.clinicalingest.internal.validate.EncounterStatusValidator,
      org.clinicalingest.internal.validate.GenderValidator,
      org.clinicalingest.internal.validate.IsoDateTimeValidator,
      org.clinicalingest.internal.validate.IsoDateValidator,
      org.clinicalingest.internal.validate.MedicalRecordNumberValidator,
      org.clinicalingest.internal.validate.NotBeforeValidator,
      org.clinicalingest.internal.validate.NotInFutureValidator,
      org.clinicalingest.internal.validate.ObservationStatusValidator,
      org.clinicalingest.internal.validate.PeriodEndNotBeforeStartValidator;

  opens org.clinicalingest.model to
      org.hibernate.validator;
  opens org.clinicalingest.internal.validate to
      org.hibernate.validator;
}
