package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * Checks of an observation matrix {@code Y} (T × ny, one row per time step, NaN for a missing
 * value) and selection of a step's observed rows.
 */
final class Observations {

  private Observations() {}

  /** Rejects a wrong width or an infinite value, naming the time step and column. */
  static void check(DMatrixRMaj Y, int ny) {
    if (Y.numCols != ny) {
      throw new IllegalArgumentException(
          "the data have "
              + Y.numCols
              + " columns but the system has ny = "
              + ny
              + " observations per step");
    }
    for (int t = 0; t < Y.numRows; t++) {
      for (int j = 0; j < ny; j++) {
        double v = Y.unsafe_get(t, j);
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException(
              "time step "
                  + (t + 1)
                  + ", observation "
                  + (j + 1)
                  + ": the value "
                  + v
                  + " is infinite (missing values are NaN)");
        }
      }
    }
  }

  /**
   * Writes the indices of the non-NaN entries of row t into {@code index} and returns their count.
   */
  static int observed(DMatrixRMaj Y, int t, int[] index) {
    int ny = Y.numCols;
    int p = 0;
    for (int j = 0; j < ny; j++) {
      if (!Double.isNaN(Y.unsafe_get(t, j))) {
        index[p++] = j;
      }
    }
    return p;
  }

  /**
   * One measurement of an online filter: copies y (ny entries) into {@code into}, writes the
   * indices of its non-NaN entries into {@code index} and returns their count.
   *
   * @param step the step, for the message
   * @throws IllegalArgumentException naming the step and the entry when a value is infinite
   */
  static int measurement(DMatrixRMaj y, int step, double[] into, int[] index) {
    int p = 0;
    for (int j = 0; j < into.length; j++) {
      double v = y.data[j];
      if (Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "time step " + (step + 1) + ", observation " + (j + 1) + " is infinite");
      }
      into[j] = v;
      if (!Double.isNaN(v)) {
        index[p++] = j;
      }
    }
    return p;
  }
}
