package io.gramian.estimation.models;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * min ‖G x − c‖₂ subject to x ≥ 0, by Lawson and Hanson's active-set algorithm (<i>Solving Least
 * Squares Problems</i>, 1974, ch. 23), on G's columns scaled to unit length (so that variances of
 * very different sizes are treated alike) and the least-squares subproblems solved by QR.
 */
final class NonNegativeLeastSquares {

  /**
   * A dual variable counts as positive above this, relative to ‖G‖ ‖c‖ of the scaled problem: a few
   * hundred ulp, so that round-off in Gᵀ(c − G x) never re-enters a column.
   */
  static final double DUAL_TOLERANCE = 1e-13;

  private NonNegativeLeastSquares() {}

  /**
   * x ≥ 0 minimising ‖G x − c‖₂; zero columns of G get x = 0.
   *
   * @param G m × p, row-major as rows
   * @param c length m
   */
  static double[] solve(double[][] G, double[] c) {
    int m = G.length;
    int p = G[0].length;
    double[] scale = new double[p];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (double[] row : G) {
        s += row[j] * row[j];
      }
      scale[j] = Math.sqrt(s);
    }
    double cNorm = 0;
    for (double v : c) {
      cNorm += v * v;
    }
    cNorm = Math.sqrt(cNorm);
    double[] x = new double[p];
    if (cNorm == 0) {
      return x;
    }
    boolean[] passive = new boolean[p];
    double tolerance = DUAL_TOLERANCE * Math.sqrt(p) * cNorm;
    for (int outer = 0; outer < 3 * p + 3; outer++) {
      double[] dual = dual(G, scale, c, x);
      int enter = -1;
      for (int j = 0; j < p; j++) {
        if (!passive[j]
            && scale[j] > 0
            && dual[j] > tolerance
            && (enter < 0 || dual[j] > dual[enter])) {
          enter = j;
        }
      }
      if (enter < 0) {
        break;
      }
      passive[enter] = true;
      while (true) {
        double[] z = passiveSolution(G, scale, c, passive);
        boolean feasible = true;
        for (int j = 0; j < p; j++) {
          if (passive[j] && !(z[j] > 0)) {
            feasible = false;
          }
        }
        if (feasible) {
          x = z;
          break;
        }
        double alpha = 1;
        for (int j = 0; j < p; j++) {
          if (passive[j] && !(z[j] > 0)) {
            alpha = Math.min(alpha, x[j] / (x[j] - z[j]));
          }
        }
        for (int j = 0; j < p; j++) {
          if (passive[j]) {
            x[j] += alpha * (z[j] - x[j]);
            if (x[j] <= 0) {
              x[j] = 0;
              passive[j] = false;
            }
          }
        }
      }
    }
    double[] result = new double[p];
    for (int j = 0; j < p; j++) {
      result[j] = scale[j] > 0 ? x[j] / scale[j] : 0;
    }
    return result;
  }

  /** (G S⁻¹)ᵀ (c − G S⁻¹ x), S = diag(scale). */
  private static double[] dual(double[][] G, double[] scale, double[] c, double[] x) {
    int p = scale.length;
    double[] dual = new double[p];
    for (int k = 0; k < G.length; k++) {
      double r = c[k];
      for (int j = 0; j < p; j++) {
        if (scale[j] > 0) {
          r -= G[k][j] / scale[j] * x[j];
        }
      }
      for (int j = 0; j < p; j++) {
        if (scale[j] > 0) {
          dual[j] += G[k][j] / scale[j] * r;
        }
      }
    }
    return dual;
  }

  /** The unconstrained least-squares solution on the passive columns, zero elsewhere. */
  private static double[] passiveSolution(
      double[][] G, double[] scale, double[] c, boolean[] passive) {
    int p = scale.length;
    int count = 0;
    for (boolean b : passive) {
      count += b ? 1 : 0;
    }
    int[] columns = new int[count];
    for (int j = 0, r = 0; j < p; j++) {
      if (passive[j]) {
        columns[r++] = j;
      }
    }
    DMatrixRMaj A = new DMatrixRMaj(G.length, count);
    DMatrixRMaj b = new DMatrixRMaj(G.length, 1);
    for (int k = 0; k < G.length; k++) {
      for (int j = 0; j < count; j++) {
        A.set(k, j, G[k][columns[j]] / scale[columns[j]]);
      }
      b.set(k, 0, c[k]);
    }
    DMatrixRMaj z = new DMatrixRMaj(count, 1);
    double[] full = new double[p];
    if (!CommonOps_DDRM.solve(A, b, z)) {
      return full;
    }
    for (int j = 0; j < count; j++) {
      full[columns[j]] = z.get(j, 0);
    }
    return full;
  }
}
