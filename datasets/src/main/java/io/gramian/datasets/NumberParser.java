package io.gramian.datasets;

import java.util.regex.Pattern;

/**
 * Reads one numeric field of a data file: a finite decimal number such as {@code 1120}, {@code
 * -0.5} or {@code 2.3e-4}, or a missing-value marker (read as {@code NaN}). Infinite values,
 * hexadecimal and Java suffixes such as {@code 1.5f} are errors.
 */
final class NumberParser {

  private static final Pattern INFINITY = Pattern.compile("(?i)[+-]?inf(inity)?");

  private NumberParser() {}

  /** Whether {@code text} is a decimal number, such as {@code 1120} or {@code 2.3e-4}. */
  static boolean isNumber(String text) {
    return FieldForms.isDecimal(text);
  }

  /**
   * The value of {@code field}: a finite double, or {@code NaN} if it marks a missing value.
   *
   * @throws DataFormatException at {@code location} if the field is not a finite number
   */
  static double parse(String field, CellLocation location) {
    String text = field.strip();
    if (MissingValues.isMissing(text)) {
      return Double.NaN;
    }
    if (FieldForms.isDecimal(text)) {
      double value = Double.parseDouble(text);
      if (Double.isInfinite(value)) {
        throw location.error(quoted(text) + " is too large for a double");
      }
      return value;
    }
    if (INFINITY.matcher(text).matches()) {
      throw location.error(
          quoted(text)
              + " is infinite; values must be finite numbers or missing"
              + " (empty, NA, NaN or .)");
    }
    if (FieldForms.isDecimal(text.replace(',', '.'))) {
      throw location.error(
          quoted(text)
              + " is not a number: write \".\" as the decimal separator"
              + " and no thousands separators");
    }
    throw location.error(quoted(text) + " is not a number");
  }

  private static String quoted(String text) {
    return InputEcho.quoted(text);
  }
}
