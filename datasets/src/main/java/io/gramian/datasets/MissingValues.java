package io.gramian.datasets;

/**
 * The markers of a missing value in a data file: an empty field, {@code NA}, {@code NaN} (in any
 * letter case) or a single dot {@code .}.
 */
final class MissingValues {

  private MissingValues() {}

  /** Whether {@code field} (already trimmed) marks a missing value. */
  static boolean isMissing(String field) {
    return field.isEmpty()
        || field.equals(".")
        || field.equalsIgnoreCase("NA")
        || field.equalsIgnoreCase("NaN");
  }
}
