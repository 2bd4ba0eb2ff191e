package io.gramian.estimation.transform;

/** Argument-length checks with messages saying which argument and what was expected. */
final class Lengths {

  private Lengths() {}

  static void require(double[] values, int expected, String what) {
    if (values.length != expected) {
      throw new IllegalArgumentException(
          what + " has length " + values.length + ", expected " + expected);
    }
  }
}
