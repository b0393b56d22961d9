package org.clinicalingest.spi;

/** Categories of protected health information found in free text. */
public enum PhiType {
  /** A person's name. */
  NAME,
  /** A date (any element but a bare year). */
  DATE,
  /** An age over 89. */
  AGE,
  PHONE,
  FAX,
  EMAIL,
  /** US social security number. */
  SSN,
  /** Medical record number. */
  MRN,
  /** Another record, account, licence, plan or device number. */
  ID,
  URL,
  /** IPv4 or IPv6 address. */
  IP,
  /** Street address. */
  ADDRESS,
  ZIP,
  /** A geographic place smaller than a state, found by a named-entity recogniser. */
  LOCATION,
  /** An organisation, found by a named-entity recogniser. */
  ORGANIZATION;

  private final String placeholder = "[" + name() + "]";

  /** The placeholder that replaces a span of this type, e.g. {@code [NAME]}. */
  public String placeholder() {
    return placeholder;
  }
}
