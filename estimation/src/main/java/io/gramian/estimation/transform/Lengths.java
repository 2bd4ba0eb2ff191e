package io.gramian.estimation.transform;

/**
 * Argument checks shared by the transforms, with messages saying which argument or parameter and
 * what was expected.
 */
final class Lengths {

  private Lengths() {}

  static void require(double[] values, int expected, String what) {
    if (values.length != expected) {
      throw new IllegalArgumentException(
          what + " has length " + values.length + ", expected " + expected);
    }
  }

  /**
   * Natural-scale values of the right length, each a finite number.
   *
   * @throws IllegalArgumentException naming the parameter whose value is NaN or infinite
   */
  static void requireFinite(double[] natural, java.util.List<String> names) {
    require(natural, names.size(), "natural");
    for (int i = 0; i < natural.length; i++) {
      if (!Double.isFinite(natural[i])) {
        throw new IllegalArgumentException(
            names.get(i) + " = " + natural[i] + " is not a finite number");
      }
    }
  }
}
