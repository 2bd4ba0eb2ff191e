package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;

/**
 * One component's share of the system matrices, n states wide, recorded on the model's tape:
 *
 * <pre>
 *   α_{t+1} = T α_t + R η_t,   η_t ~ N(0, I)        T = transition (n × n), R = noise (n × q)
 *   contribution to y_t = z α_t                      z = design (1 × n)
 *   α_1 = a + P∞-part + S ζ                           a = initialMean, S = initialFactor
 * </pre>
 *
 * @param transition T, n × n
 * @param noise R, n × q with q ≥ 1, or {@code null} for a deterministic component
 * @param design z, length n (zero for regression states, whose loadings x_t vary with time)
 * @param regression whether the states are regression coefficients (their design is x_t)
 * @param initialMean a, n × 1, or {@code null} for zero
 * @param initialFactor S, n × n, or {@code null} for zero
 * @param diffuse which states are exactly diffuse (a unit column of cholPinf each)
 */
record ComponentBlock(
    Var transition,
    Var noise,
    double[] design,
    boolean regression,
    Var initialMean,
    Var initialFactor,
    boolean[] diffuse) {

  /** Number of states n. */
  int states() {
    return transition.rows();
  }

  /** Number of noise columns q (0 when deterministic). */
  int noiseColumns() {
    return noise == null ? 0 : noise.cols();
  }

  /** The r × c matrix of the given 1 × 1 entries (null entries are 0). */
  static Var matrix(Tape tape, Var[][] entries) {
    int rows = entries.length;
    int cols = rows == 0 ? 0 : entries[0].length;
    Var[] flat = new Var[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(entries[i], 0, flat, i * cols, cols);
    }
    return tape.fromEntries(rows, cols, flat);
  }

  /** All states exactly diffuse. */
  static boolean[] allDiffuse(int n) {
    boolean[] d = new boolean[n];
    java.util.Arrays.fill(d, true);
    return d;
  }
}
