package org.clinicalingest;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.clinicalingest.spi.PhiType;

/**
 * Says how each kind of PHI is redacted: one {@link Operator} per structured {@link PhiField} and
 * one per {@link PhiType} of span found in free text, plus the key of the pseudonyms.
 *
 * <p>The default, {@link #safeHarbor()}, follows the HIPAA Safe Harbor method: names, identifiers,
 * phone and fax numbers, e-mail addresses, street address and city become placeholders; dates
 * become their year; a ZIP code keeps its first three digits ({@code 000} for sparsely populated
 * areas); a date of birth showing an age over 89 becomes {@code 90+}; every span found in free text
 * becomes a placeholder. A variant starts from it:
 *
 * <pre>{@code
 * RedactionPolicy policy = RedactionPolicy.builder()
 *     .field(PhiField.FAMILY_NAME, Operator.PSEUDONYM)
 *     .text(PhiType.NAME, Operator.PSEUDONYM)
 *     .pseudonymKey(keyFromVault)
 *     .build();
 * }</pre>
 *
 * <p><b>Ages over 89.</b> When {@link PhiField#DATE_OF_BIRTH} is {@link Operator#GENERALIZE}d and
 * the patient is over 89 at the reference date (the deceased date when there is one, otherwise
 * today by the redactor's clock), the value becomes {@code 90+} instead of the year. The other
 * operators reveal no age ({@code DROP}, {@code MASK}, {@code PLACEHOLDER}, {@code PSEUDONYM}) or
 * reveal everything on purpose ({@code KEEP}), so the rule does not apply to them. In free text an
 * age over 89 is a span of type {@link PhiType#AGE}; a date in free text cannot be told to be a
 * birth date, so {@code text(PhiType.DATE, GENERALIZE)} (its year) could reveal such an age, which
 * is why the default there is the placeholder.
 *
 * <p>Immutable and thread-safe. Its {@link #toString()} never shows the key.
 */
public final class RedactionPolicy {

  /** Shortest accepted pseudonym key, in bytes (128 bits). */
  public static final int MIN_KEY_BYTES = 16;

  private static final RedactionPolicy SAFE_HARBOR = safeHarborBuilder().build();

  private final Map<PhiField, Operator> fields;
  private final Map<PhiType, Operator> texts;
  private final byte[] pseudonymKey;

  private RedactionPolicy(Builder builder) {
    this.fields = Collections.unmodifiableMap(new EnumMap<>(builder.fields));
    this.texts = Collections.unmodifiableMap(new EnumMap<>(builder.texts));
    this.pseudonymKey = builder.pseudonymKey == null ? null : builder.pseudonymKey.clone();
  }

  /** The HIPAA Safe Harbor policy described above; it uses no pseudonyms and needs no key. */
  public static RedactionPolicy safeHarbor() {
    return SAFE_HARBOR;
  }

  /** Returns a builder that starts from {@link #safeHarbor()}. */
  public static Builder builder() {
    return safeHarborBuilder();
  }

  /** Returns a builder holding this policy's settings, to make a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.fields.putAll(fields);
    builder.texts.putAll(texts);
    builder.pseudonymKey = pseudonymKey == null ? null : pseudonymKey.clone();
    return builder;
  }

  /** The operator applied to a structured field. */
  public Operator field(PhiField field) {
    return fields.get(Objects.requireNonNull(field, "field"));
  }

  /** The operator applied to spans of a type found in free text. */
  public Operator text(PhiType type) {
    return texts.get(Objects.requireNonNull(type, "type"));
  }

  /** The operator of every field, in {@link PhiField} order; unmodifiable. */
  public Map<PhiField, Operator> fields() {
    return fields;
  }

  /** The operator of every free-text type, in {@link PhiType} order; unmodifiable. */
  public Map<PhiType, Operator> texts() {
    return texts;
  }

  /** Whether any field or free-text type uses {@link Operator#PSEUDONYM}. */
  public boolean usesPseudonyms() {
    return fields.containsValue(Operator.PSEUDONYM) || texts.containsValue(Operator.PSEUDONYM);
  }

  /** Whether a pseudonym key was given. */
  public boolean hasPseudonymKey() {
    return pseudonymKey != null;
  }

  /**
   * A copy of the pseudonym key, for the redactors that compute pseudonyms.
   *
   * @throws IllegalStateException if no key was given
   */
  public byte[] pseudonymKey() {
    if (pseudonymKey == null) {
      throw new IllegalStateException("no pseudonymKey was given to this policy");
    }
    return pseudonymKey.clone();
  }

  /** Shows every operator and whether a key is set, never the key itself. */
  @Override
  public String toString() {
    return "RedactionPolicy{fields="
        + fields
        + ", text="
        + texts
        + ", pseudonymKey="
        + (pseudonymKey == null ? "none" : "set")
        + "}";
  }

  private static Builder safeHarborBuilder() {
    Builder builder = new Builder();
    for (PhiField field : PhiField.values()) {
      builder.fields.put(field, field.generalizable() ? Operator.GENERALIZE : Operator.PLACEHOLDER);
    }
    for (PhiType type : PhiType.values()) {
      builder.texts.put(type, Operator.PLACEHOLDER);
    }
    return builder;
  }

  /** Whether {@link Operator#GENERALIZE} applies to spans of a free-text type. */
  static boolean generalizable(PhiType type) {
    return type == PhiType.DATE || type == PhiType.ZIP || type == PhiType.AGE;
  }

  /**
   * Mutable builder of {@link RedactionPolicy}, starting from the settings it was made from; not
   * thread-safe. Setters fail at once on a value they cannot take.
   */
  public static final class Builder {
    private final Map<PhiField, Operator> fields = new EnumMap<>(PhiField.class);
    private final Map<PhiType, Operator> texts = new EnumMap<>(PhiType.class);
    private byte[] pseudonymKey;

    private Builder() {}

    /**
     * Sets the operator of a structured field.
     *
     * @throws IllegalArgumentException if either is null, or the operator is {@link
     *     Operator#GENERALIZE} and the field is neither a date nor the postal code
     */
    public Builder field(PhiField field, Operator operator) {
      if (field == null || operator == null) {
        throw new IllegalArgumentException(
            "field and operator must not be null, were " + field + " and " + operator);
      }
      if (operator == Operator.GENERALIZE && !field.generalizable()) {
        throw new IllegalArgumentException(
            "field "
                + field.jsonName()
                + " cannot take operator GENERALIZE: only dates and postal_code can be generalised");
      }
      fields.put(field, operator);
      return this;
    }

    /**
     * Sets the operator of spans of a type found in free text. {@link Operator#KEEP} turns the
     * category off: its spans are left in the text.
     *
     * @throws IllegalArgumentException if either is null, or the operator is {@link
     *     Operator#GENERALIZE} and the type is not {@code DATE}, {@code ZIP} or {@code AGE}
     */
    public Builder text(PhiType type, Operator operator) {
      if (type == null || operator == null) {
        throw new IllegalArgumentException(
            "text type and operator must not be null, were " + type + " and " + operator);
      }
      if (operator == Operator.GENERALIZE && !generalizable(type)) {
        throw new IllegalArgumentException(
            "text type "
                + type
                + " cannot take operator GENERALIZE: only DATE, ZIP and AGE can be generalised");
      }
      texts.put(type, operator);
      return this;
    }

    /**
     * Sets the secret key of {@link Operator#PSEUDONYM}; the array is copied. Keep it outside the
     * data and reuse it across runs to keep tokens stable; a new key gives new tokens.
     *
     * @param key at least {@value RedactionPolicy#MIN_KEY_BYTES} bytes, e.g. 32 random bytes
     * @throws IllegalArgumentException if the key is null or shorter than {@value
     *     RedactionPolicy#MIN_KEY_BYTES} bytes (the message gives its length, never its bytes)
     */
    public Builder pseudonymKey(byte[] key) {
      if (key == null) {
        throw new IllegalArgumentException("pseudonymKey must not be null");
      }
      if (key.length < MIN_KEY_BYTES) {
        throw new IllegalArgumentException(
            "pseudonymKey must be at least "
                + MIN_KEY_BYTES
                + " bytes, was "
                + key.length
                + " bytes");
      }
      if (pseudonymKey != null) {
        Arrays.fill(pseudonymKey, (byte) 0);
      }
      pseudonymKey = key.clone();
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalStateException if an operator is {@link Operator#PSEUDONYM} and no key was
     *     given; the message names the first such field or type
     */
    public RedactionPolicy build() {
      if (pseudonymKey == null) {
        for (Map.Entry<PhiField, Operator> entry : fields.entrySet()) {
          if (entry.getValue() == Operator.PSEUDONYM) {
            throw new IllegalStateException(
                "field "
                    + entry.getKey().jsonName()
                    + " uses PSEUDONYM but no pseudonymKey was given");
          }
        }
        for (Map.Entry<PhiType, Operator> entry : texts.entrySet()) {
          if (entry.getValue() == Operator.PSEUDONYM) {
            throw new IllegalStateException(
                "text type " + entry.getKey() + " uses PSEUDONYM but no pseudonymKey was given");
          }
        }
      }
      return new RedactionPolicy(this);
    }
  }
}
