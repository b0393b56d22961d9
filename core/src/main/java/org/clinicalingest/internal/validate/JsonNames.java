package org.clinicalingest.internal.validate;

/**
 * Maps the camel-case names of the model's components to the snake-case JSON names of FORMAT.md:
 * {@code periodEnd} to {@code period_end}, {@code addressLine1} to {@code address_line1}.
 *
 * <p>Design: the model names each component after its JSON field, so the mapping is mechanical (an
 * underscore before each upper-case letter, which is lowered; digits stay attached) and needs no
 * table to keep in step. It runs only for broken rules, never for a valid record. Stateless and
 * thread-safe.
 */
final class JsonNames {

  private JsonNames() {}

  /** The JSON name of a model property. */
  static String of(String property) {
    StringBuilder name = new StringBuilder(property.length() + 4);
    for (int index = 0; index < property.length(); index++) {
      char character = property.charAt(index);
      if (character >= 'A' && character <= 'Z') {
        if (index > 0) {
          name.append('_');
        }
        name.append((char) (character + ('a' - 'A')));
      } else {
        name.append(character);
      }
    }
    return name.toString();
  }
}
