package org.clinicalingest.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * One encounter of a patient, with its observations nested inside.
 *
 * <p>Fields are named after the JSON fields of FORMAT.md in camel case; a field missing from the
 * input is {@code null} (a list is empty). Values are kept as read: dates stay ISO-8601 strings, so
 * that a malformed one can be reported rather than lost. Immutable and thread-safe.
 *
 * <p>The Bean Validation constraints on the components and on the type carry the rules of
 * FORMAT.md; {@code @Valid} on the list elements extends a validation of the encounter to its
 * observations.
 *
 * @param encounterId the key; required, unique in the file
 * @param patientId optional; when present it equals the parent patient's id
 * @param status FHIR EncounterStatus code
 * @param classCode FHIR v3 ActCode such as {@code AMB}
 * @param periodStart ISO-8601 date or date-time; required (PHI)
 * @param periodEnd ISO-8601 date or date-time, not before the start (PHI)
 * @param reasonCode coded reason for the encounter
 * @param reasonDisplay display text of the reason
 * @param providerName treating provider's name (PHI)
 * @param facilityName facility name
 * @param observations the encounter's observations, never null
 */
@PeriodEndNotBeforeStart
public record Encounter(
    @NotBlank(message = "is required") String encounterId,
    String patientId,
    @EncounterStatus String status,
    @EncounterClass String classCode,
    @NotBlank(message = "is required") @IsoDateTime String periodStart,
    @IsoDateTime String periodEnd,
    String reasonCode,
    String reasonDisplay,
    String providerName,
    String facilityName,
    List<@Valid Observation> observations) {

  /** Copies the lists; a missing list becomes an empty one. */
  public Encounter {
    observations = observations == null ? List.of() : List.copyOf(observations);
  }

  /** Returns a builder with every field unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this record's values, to make a changed copy. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.encounterId = encounterId;
    builder.patientId = patientId;
    builder.status = status;
    builder.classCode = classCode;
    builder.periodStart = periodStart;
    builder.periodEnd = periodEnd;
    builder.reasonCode = reasonCode;
    builder.reasonDisplay = reasonDisplay;
    builder.providerName = providerName;
    builder.facilityName = facilityName;
    builder.observations = observations;
    return builder;
  }

  /** Mutable builder of {@link Encounter}; not thread-safe. */
  public static final class Builder {
    private String encounterId;
    private String patientId;
    private String status;
    private String classCode;
    private String periodStart;
    private String periodEnd;
    private String reasonCode;
    private String reasonDisplay;
    private String providerName;
    private String facilityName;
    private List<Observation> observations;

    private Builder() {}

    /** Sets {@code encounter_id}. */
    public Builder encounterId(String encounterId) {
      this.encounterId = encounterId;
      return this;
    }

    /** Sets {@code patient_id}. */
    public Builder patientId(String patientId) {
      this.patientId = patientId;
      return this;
    }

    /** Sets {@code status}. */
    public Builder status(String status) {
      this.status = status;
      return this;
    }

    /** Sets {@code class_code}. */
    public Builder classCode(String classCode) {
      this.classCode = classCode;
      return this;
    }

    /** Sets {@code period_start}. */
    public Builder periodStart(String periodStart) {
      this.periodStart = periodStart;
      return this;
    }

    /** Sets {@code period_end}. */
    public Builder periodEnd(String periodEnd) {
      this.periodEnd = periodEnd;
      return this;
    }

    /** Sets {@code reason_code}. */
    public Builder reasonCode(String reasonCode) {
      this.reasonCode = reasonCode;
      return this;
    }

    /** Sets {@code reason_display}. */
    public Builder reasonDisplay(String reasonDisplay) {
      this.reasonDisplay = reasonDisplay;
      return this;
    }

    /** Sets {@code provider_name}. */
    public Builder providerName(String providerName) {
      this.providerName = providerName;
      return this;
    }

    /** Sets {@code facility_name}. */
    public Builder facilityName(String facilityName) {
      this.facilityName = facilityName;
      return this;
    }

    /** Sets {@code observations}. */
    public Builder observations(List<Observation> observations) {
      this.observations = observations;
      return this;
    }

    /** Builds the record. */
    public Encounter build() {
      return new Encounter(
          encounterId,
          patientId,
          status,
          classCode,
          periodStart,
          periodEnd,
          reasonCode,
          reasonDisplay,
          providerName,
          facilityName,
          observations);
    }
  }
}
