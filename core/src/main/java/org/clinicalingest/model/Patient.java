package org.clinicalingest.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * One patient as read from the input, with its encounters nested inside.
 *
 * <p>Fields are named after the JSON fields of FORMAT.md in camel case; a field missing from the
 * input is {@code null} (a list is empty). Values are kept as read: dates stay ISO-8601 strings, so
 * that a malformed one can be reported rather than lost. Immutable and thread-safe.
 *
 * <p>The Bean Validation constraints on the components and on the type carry the rules of
 * FORMAT.md; {@code @Valid} on the list elements extends a validation of the patient to its
 * encounters and observations.
 *
 * @param patientId medical record number, the key; required, 3–20 characters of {@code
 *     [A-Za-z0-9_-]}
 * @param identifiers other identifiers such as {@code "SSN:123-45-6789"} (PHI)
 * @param familyName family name (PHI)
 * @param givenNames given names (PHI)
 * @param namePrefix name prefixes such as {@code Mr.}
 * @param nameSuffix name suffixes such as {@code Jr.}
 * @param dateOfBirth {@code YYYY-MM-DD}, not in the future nor before 1900-01-01 (PHI)
 * @param gender {@code male}, {@code female}, {@code other}, {@code unknown} or their first letter,
 *     any case
 * @param deceased whether the patient has died
 * @param deceasedDate ISO-8601 date-time of death, not in the future nor before the date of birth
 *     (PHI)
 * @param maritalStatus marital status
 * @param addressLine1 first street address line (PHI)
 * @param addressLine2 second street address line (PHI)
 * @param city city (PHI)
 * @param state two-letter state code, any case
 * @param postalCode {@code 12345} or {@code 12345-6789} (PHI)
 * @param country two- or three-letter country code
 * @param phone phone number (PHI)
 * @param fax fax number (PHI)
 * @param email a plausible e-mail address (PHI)
 * @param emergencyContactName emergency contact's name (PHI)
 * @param emergencyContactRelationship emergency contact's relationship to the patient
 * @param emergencyContactPhone emergency contact's phone number (PHI)
 * @param language language tag {@code ll} or {@code ll-CC}, such as {@code en} or {@code en-US}
 * @param managingOrganization organisation in charge of the record
 * @param encounters the patient's encounters, never null
 */
@DeceasedDateNotBeforeBirth
@EncounterPatientIdMatches
public record Patient(
    @NotBlank(message = "is required") @MedicalRecordNumber String patientId,
    List<String> identifiers,
    String familyName,
    List<String> givenNames,
    List<String> namePrefix,
    List<String> nameSuffix,
    @IsoDate @NotInFuture @NotBefore("1900-01-01") String dateOfBirth,
    @Gender String gender,
    Boolean deceased,
    @IsoDateTime @NotInFuture String deceasedDate,
    String maritalStatus,
    String addressLine1,
    String addressLine2,
    String city,
    @Pattern(regexp = "[A-Za-z]{2}", message = "must be 2 letters") String state,
    @Pattern(regexp = "[0-9]{5}(-[0-9]{4})?", message = "must be 12345 or 12345-6789")
        String postalCode,
    @Pattern(regexp = "[A-Za-z]{2,3}", message = "must be 2 or 3 letters") String country,
    String phone,
    String fax,
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a plausible e-mail address")
        String email,
    String emergencyContactName,
    String emergencyContactRelationship,
    String emergencyContactPhone,
    @Pattern(
            regexp = "[A-Za-z]{2}(-[A-Za-z]{2})?",
            message = "must be a language tag such as en or en-US")
        String language,
    String managingOrganization,
    List<@Valid Encounter> encounters) {

  /** Copies the lists; a missing list becomes an empty one. */
  public Patient {
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    givenNames = givenNames == null ? List.of() : List.copyOf(givenNames);
    namePrefix = namePrefix == null ? List.of() : List.copyOf(namePrefix);
    nameSuffix = nameSuffix == null ? List.of() : List.copyOf(nameSuffix);
    encounters = encounters == null ? List.of() : List.copyOf(encounters);
  }

  /** Returns a builder with every field unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this record's values, to make a changed copy. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.patientId = patientId;
    builder.identifiers = identifiers;
    builder.familyName = familyName;
    builder.givenNames = givenNames;
    builder.namePrefix = namePrefix;
    builder.nameSuffix = nameSuffix;
    builder.dateOfBirth = dateOfBirth;
    builder.gender = gender;
    builder.deceased = deceased;
    builder.deceasedDate = deceasedDate;
    builder.maritalStatus = maritalStatus;
    builder.addressLine1 = addressLine1;
    builder.addressLine2 = addressLine2;
    builder.city = city;
    builder.state = state;
    builder.postalCode = postalCode;
    builder.country = country;
    builder.phone = phone;
    builder.fax = fax;
    builder.email = email;
    builder.emergencyContactName = emergencyContactName;
    builder.emergencyContactRelationship = emergencyContactRelationship;
    builder.emergencyContactPhone = emergencyContactPhone;
    builder.language = language;
    builder.managingOrganization = managingOrganization;
    builder.encounters = encounters;
    return builder;
  }

  /** Mutable builder of {@link Patient}; not thread-safe. */
  public static final class Builder {
    private String patientId;
    private List<String> identifiers;
    private String familyName;
    private List<String> givenNames;
    private List<String> namePrefix;
    private List<String> nameSuffix;
    private String dateOfBirth;
    private String gender;
    private Boolean deceased;
    private String deceasedDate;
    private String maritalStatus;
    private String addressLine1;
    private String addressLine2;
    private String city;
    private String state;
    private String postalCode;
    private String country;
    private String phone;
    private String fax;
    private String email;
    private String emergencyContactName;
    private String emergencyContactRelationship;
    private String emergencyContactPhone;
    private String language;
    private String managingOrganization;
    private List<Encounter> encounters;

    private Builder() {}

    /** Sets {@code patient_id}. */
    public Builder patientId(String patientId) {
      this.patientId = patientId;
      return this;
    }

    /** Sets {@code identifiers}. */
    public Builder identifiers(List<String> identifiers) {
      this.identifiers = identifiers;
      return this;
    }

    /** Sets {@code family_name}. */
    public Builder familyName(String familyName) {
      this.familyName = familyName;
      return this;
    }

    /** Sets {@code given_names}. */
    public Builder givenNames(List<String> givenNames) {
      this.givenNames = givenNames;
      return this;
    }

    /** Sets {@code name_prefix}. */
    public Builder namePrefix(List<String> namePrefix) {
      this.namePrefix = namePrefix;
      return this;
    }

    /** Sets {@code name_suffix}. */
    public Builder nameSuffix(List<String> nameSuffix) {
      this.nameSuffix = nameSuffix;
      return this;
    }

    /** Sets {@code date_of_birth}. */
    public Builder dateOfBirth(String dateOfBirth) {
      this.dateOfBirth = dateOfBirth;
      return this;
    }

    /** Sets {@code gender}. */
    public Builder gender(String gender) {
      this.gender = gender;
      return this;
    }

    /** Sets {@code deceased}. */
    public Builder deceased(Boolean deceased) {
      this.deceased = deceased;
      return this;
    }

    /** Sets {@code deceased_date}. */
    public Builder deceasedDate(String deceasedDate) {
      this.deceasedDate = deceasedDate;
      return this;
    }

    /** Sets {@code marital_status}. */
    public Builder maritalStatus(String maritalStatus) {
      this.maritalStatus = maritalStatus;
      return this;
    }

    /** Sets {@code address_line1}. */
    public Builder addressLine1(String addressLine1) {
      this.addressLine1 = addressLine1;
      return this;
    }

    /** Sets {@code address_line2}. */
    public Builder addressLine2(String addressLine2) {
      this.addressLine2 = addressLine2;
      return this;
    }

    /** Sets {@code city}. */
    public Builder city(String city) {
      this.city = city;
      return this;
    }

    /** Sets {@code state}. */
    public Builder state(String state) {
      this.state = state;
      return this;
    }

    /** Sets {@code postal_code}. */
    public Builder postalCode(String postalCode) {
      this.postalCode = postalCode;
      return this;
    }

    /** Sets {@code country}. */
    public Builder country(String country) {
      this.country = country;
      return this;
    }

    /** Sets {@code phone}. */
    public Builder phone(String phone) {
      this.phone = phone;
      return this;
    }

    /** Sets {@code fax}. */
    public Builder fax(String fax) {
      this.fax = fax;
      return this;
    }

    /** Sets {@code email}. */
    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /** Sets {@code emergency_contact_name}. */
    public Builder emergencyContactName(String emergencyContactName) {
      this.emergencyContactName = emergencyContactName;
      return this;
    }

    /** Sets {@code emergency_contact_relationship}. */
    public Builder emergencyContactRelationship(String emergencyContactRelationship) {
      this.emergencyContactRelationship = emergencyContactRelationship;
      return this;
    }

    /** Sets {@code emergency_contact_phone}. */
    public Builder emergencyContactPhone(String emergencyContactPhone) {
      this.emergencyContactPhone = emergencyContactPhone;
      return this;
    }

    /** Sets {@code language}. */
    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /** Sets {@code managing_organization}. */
    public Builder managingOrganization(String managingOrganization) {
      this.managingOrganization = managingOrganization;
      return this;
    }

    /** Sets {@code encounters}. */
    public Builder encounters(List<Encounter> encounters) {
      this.encounters = encounters;
      return this;
    }

    /** Builds the record. */
    public Patient build() {
      return new Patient(
          patientId,
          identifiers,
          familyName,
          givenNames,
          namePrefix,
          nameSuffix,
          dateOfBirth,
          gender,
          deceased,
          deceasedDate,
          maritalStatus,
          addressLine1,
          addressLine2,
          city,
          state,
          postalCode,
          country,
          phone,
          fax,
          email,
          emergencyContactName,
          emergencyContactRelationship,
          emergencyContactPhone,
          language,
          managingOrganization,
          encounters);
    }
  }
}
