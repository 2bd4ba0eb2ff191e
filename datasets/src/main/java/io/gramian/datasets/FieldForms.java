package io.gramian.datasets;

/**
 * Character scans for the plain forms that fill data files — decimal numbers, integers, years,
 * months and quarters — which the readers test once per field. Each accepts exactly what the
 * regular expression in its comment matches ({@code \d} being the ASCII digits), without building a
 * {@link java.util.regex.Matcher} per field; {@code FieldFormsTest} checks the equivalence.
 */
final class FieldForms {

  private FieldForms() {}

  /** {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?} */
  static boolean isDecimal(String s) {
    final int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int intDigits = digitsFrom(s, i);
    i += intDigits;
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      fracDigits = digitsFrom(s, i);
      i += fracDigits;
    }
    if (intDigits == 0 && fracDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = digitsFrom(s, i);
      if (expDigits == 0) {
        return false;
      }
      i += expDigits;
    }
    return i == n;
  }

  /** {@code [+-]?\d{1,18}} */
  static boolean isInteger(String s) {
    final int n = s.length();
    int i = (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) ? 1 : 0;
    int digits = n - i;
    return digits >= 1 && digits <= 18 && digitsFrom(s, i) == digits;
  }

  /** {@code \d{4}} */
  static boolean isYear(String s) {
    return s.length() == 4 && digitsFrom(s, 0) == 4;
  }

  /** {@code (\d{4})-(\d{2})}: the month's two digits start at index 5. */
  static boolean isYearMonth(String s) {
    return s.length() == 7 && digitsFrom(s, 0) == 4 && s.charAt(4) == '-' && digitsFrom(s, 5) == 2;
  }

  /** {@code (\d{4})-?[Qq]([1-4])}: the quarter is the last character. */
  static boolean isYearQuarter(String s) {
    final int n = s.length();
    if (n != 6 && n != 7) {
      return false;
    }
    if (digitsFrom(s, 0) != 4 || (n == 7 && s.charAt(4) != '-')) {
      return false;
    }
    char q = s.charAt(n - 2);
    char quarter = s.charAt(n - 1);
    return (q == 'Q' || q == 'q') && quarter >= '1' && quarter <= '4';
  }

  /** The number of ASCII digits from {@code from} on. */
  private static int digitsFrom(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }
}
