package io.gramian.datasets;

/** Short text for numbers in messages: {@code -3} rather than {@code -3.0}. */
final class NumberText {

  private NumberText() {}

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
