package io.gramian.estimation.diagnostics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code %f} and {@code %g} (and statsmodels' {@code forg}) for finite doubles, so numbers
 * print as in statsmodels' summaries: the exact binary value rounded half-to-even (Python's rule;
 * {@link String#format} rounds half-up), the sign kept when a negative value rounds to zero, and
 * {@code %g} dropping trailing zeros ({@code 1.507e+04}, {@code 2.01e+04}, {@code 1e-05}).
 */
final class PythonFormat {

  private PythonFormat() {}

  /** {@code '%.{decimals}f' % x}. */
  static String fixed(double x, int decimals) {
    requireFinite(x);
    String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    return negative(x) && !s.startsWith("-") ? "-" + s : s;
  }

  /** {@code '%.{precision}g' % x}. */
  static String general(double x, int precision) {
    requireFinite(x);
    String sign = negative(x) ? "-" : "";
    if (x == 0) {
      return sign + "0";
    }
    BigDecimal r =
        new BigDecimal(Math.abs(x)).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exponent = r.precision() - r.scale() - 1;
    if (exponent >= -4 && exponent < precision) {
      return sign
          + stripZeros(
              r.setScale(precision - 1 - exponent, RoundingMode.UNNECESSARY).toPlainString());
    }
    String digits = r.unscaledValue().toString();
    String mantissa = stripZeros(digits.charAt(0) + "." + digits.substring(1));
    int e = Math.abs(exponent);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
  }

  /**
   * statsmodels' {@code forg(x, prec)} for prec 3 or 4: {@code %{w}.{p}g} when |x| ≥ 1e4 or |x|
   * &lt; 1e-4, else {@code %{w}.{p}f}, right-aligned in w = 9 (prec 3) or 10 (prec 4).
   */
  static String forg(double x, int precision) {
    if (precision != 3 && precision != 4) {
      throw new IllegalArgumentException("forg precision must be 3 or 4, got " + precision);
    }
    double a = Math.abs(x);
    String s = a >= 1e4 || a < 1e-4 ? general(x, precision) : fixed(x, precision);
    return padLeft(s, precision == 3 ? 9 : 10);
  }

  /** s right-aligned in a field of the given width (unchanged when longer). */
  static String padLeft(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  /** s left-aligned in a field of the given width (unchanged when longer). */
  static String padRight(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String stripZeros(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  private static boolean negative(double x) {
    return x < 0 || (x == 0 && 1 / x < 0);
  }

  private static void requireFinite(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("cannot format a non-finite number: " + x);
    }
  }
}
