package org.clinicalingest.model;

import jakarta.validation.constraints.NotBlank;

/**
 * One observation of an encounter; {@code notes}, {@code interpretation} and {@code valueString}
 * carry free text that may hold PHI.
 *
 * <p>Fields are named after the JSON fields of FORMAT.md in camel case; a field missing from the
 * input is {@code null} (a list is empty). Values are kept as read: dates stay ISO-8601 strings, so
 * that a malformed one can be reported rather than lost. Immutable and thread-safe.
 *
 * <p>The Bean Validation constraints on the components carry the rules of FORMAT.md.
 *
 * @param observationId the key; required, unique in the file
 * @param status FHIR ObservationStatus code
 * @param category category such as {@code vital-signs}
 * @param code required code, such as a LOINC code
 * @param codeSystem code system URI
 * @param display display text of the code
 * @param valueQuantity numeric value
 * @param valueUnit UCUM unit of the value
 * @param valueString text value (may hold PHI)
 * @param effectiveAt ISO-8601 date or date-time the observation applies to, not in the future (PHI)
 * @param interpretation free-text interpretation (may hold PHI)
 * @param notes free clinical text (PHI)
 */
public record Observation(
    @NotBlank(message = "is required") String observationId,
    @ObservationStatus String status,
    String category,
    @NotBlank(message = "is required") String code,
    String codeSystem,
    String display,
    Double valueQuantity,
    String valueUnit,
    String valueString,
    @IsoDateTime @NotInFuture String effectiveAt,
    String interpretation,
    String notes) {

  /** Returns a builder with every field unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this record's values, to make a changed copy. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.observationId = observationId;
    builder.status = status;
    builder.category = category;
    builder.code = code;
    builder.codeSystem = codeSystem;
    builder.display = display;
    builder.valueQuantity = valueQuantity;
    builder.valueUnit = valueUnit;
    builder.valueString = valueString;
    builder.effectiveAt = effectiveAt;
    builder.interpretation = interpretation;
    builder.notes = notes;
    return builder;
  }

  /** Mutable builder of {@link Observation}; not thread-safe. */
  public static final class Builder {
    private String observationId;
    private String status;
    private String category;
    private String code;
    private String codeSystem;
    private String display;
    private Double valueQuantity;
    private String valueUnit;
    private String valueString;
    private String effectiveAt;
    private String interpretation;
    private String notes;

    private Builder() {}

    /** Sets {@code observation_id}. */
    public Builder observationId(String observationId) {
      this.observationId = observationId;
      return this;
    }

    /** Sets {@code status}. */
    public Builder status(String status) {
      this.status = status;
      return this;
    }

    /** Sets {@code category}. */
    public Builder category(String category) {
      this.category = category;
      return this;
    }

    /** Sets {@code code}. */
    public Builder code(String code) {
      this.code = code;
      return this;
    }

    /** Sets {@code code_system}. */
    public Builder codeSystem(String codeSystem) {
      this.codeSystem = codeSystem;
      return this;
    }

    /** Sets {@code display}. */
    public Builder display(String display) {
      this.display = display;
      return this;
    }

    /** Sets {@code value_quantity}. */
    public Builder valueQuantity(Double valueQuantity) {
      this.valueQuantity = valueQuantity;
      return this;
    }

    /** Sets {@code value_unit}. */
    public Builder valueUnit(String valueUnit) {
      this.valueUnit = valueUnit;
      return this;
    }

    /** Sets {@code value_string}. */
    public Builder valueString(String valueString) {
      this.valueString = valueString;
      return this;
    }

    /** Sets {@code effective_at}. */
    public Builder effectiveAt(String effectiveAt) {
      this.effectiveAt = effectiveAt;
      return this;
    }

    /** Sets {@code interpretation}. */
    public Builder interpretation(String interpretation) {
      this.interpretation = interpretation;
      return this;
    }

    /** Sets {@code notes}. */
    public Builder notes(String notes) {
      this.notes = notes;
      return this;
    }

    /** Builds the record. */
    public Observation build() {
      return new Observation(
          observationId,
          status,
          category,
          code,
          codeSystem,
          display,
          valueQuantity,
          valueUnit,
          valueString,
          effectiveAt,
          interpretation,
          notes);
    }
  }
}
