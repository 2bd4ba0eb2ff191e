package io.gramian.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * Decides whether a tria's derivatives may take its input M in place of Q, since {@code Qᵀ = L⁻¹ M}
 * when L is invertible ({@link TriaAdjoint#vjpAddFromInput}, {@link TriaAdjoint#jvpFromInput}):
 * when L has no zero pivot and its 1-norm condition number is at most {@link #MAX_CONDITION}. The
 * condition number is estimated, not computed: ‖L‖₁ exactly, and ‖L⁻¹‖₁ by Hager's method (Hager
 * 1984; Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, Alg. 15.1), a few solves
 * with L and Lᵀ, O(n²) each, never forming L⁻¹. The estimate is a lower bound, exact in most cases
 * and rarely off by more than a small factor. Two bounds settle most calls before it: an upper
 * bound on ‖L⁻¹‖₁ that accepts ({@link #comparisonInverseOneNorm}) and the lower bound ‖L⁻¹‖₁ ≥ 1 /
 * min |L_jj| (the diagonal of L⁻¹ is 1 / L_jj) that refuses; the second can refuse where Hager's
 * estimate, itself a lower bound, fell below it, never where the condition number is within the
 * limit.
 *
 * <p>An instance is a workspace: it allocates nothing per call once it has seen the largest n. Not
 * thread-safe. Internal: the API reaches it through {@link TriaAdjoint#invertibleEnough} and the
 * choice {@link Tria} makes when it computes factors for derivatives.
 */
final class InputForm {

  /**
   * Largest estimated condition number at which Q may be replaced by {@code Mᵀ L⁻ᵀ}: the
   * replacement loses about cond(L) ε relative, here at most about 1e-10, below what any gradient
   * check resolves. Above it, Q is formed.
   */
  static final double MAX_CONDITION = 1e6;

  /** Hager's iteration converges in two or three steps; five is its customary cap. */
  private static final int MAX_ITERATIONS = 5;

  private double[] x;
  private double[] y;
  private double[] z;

  InputForm(int maxSize) {
    x = new double[maxSize];
    y = new double[maxSize];
    z = new double[maxSize];
  }

  /** Whether L (n × n, lower triangular) permits the input form. */
  boolean permits(DMatrixRMaj L) {
    final int n = L.numRows;
    if (n == 0) {
      return true;
    }
    for (int j = 0; j < n; j++) {
      if (!(Math.abs(L.unsafe_get(j, j)) > 0)) {
        return false;
      }
    }
    double norm = 0;
    for (int c = 0; c < n; c++) {
      double sum = 0;
      for (int r = c; r < n; r++) {
        sum += Math.abs(L.unsafe_get(r, c));
      }
      norm = Math.max(norm, sum);
    }
    if (norm * comparisonInverseOneNorm(L) <= MAX_CONDITION) {
      return true; // the bound holds, so Hager's estimate (a lower bound) would accept too
    }
    double smallestPivot = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      smallestPivot = Math.min(smallestPivot, Math.abs(L.unsafe_get(j, j)));
    }
    if (norm / smallestPivot > MAX_CONDITION) {
      return false; // ‖L⁻¹‖₁ ≥ 1 / min |L_jj|: the condition number surely exceeds the limit
    }
    return norm * inverseOneNorm(L) <= MAX_CONDITION;
  }

  /**
   * An upper bound on ‖L⁻¹‖₁ in one back substitution: {@code ‖L⁻¹‖₁ ≤ ‖M(L)⁻¹‖₁ = max_j x_j} with
   * {@code M(L)ᵀ x = 1}, where the comparison matrix M(L) has |L_ii| on the diagonal and −|L_ij|
   * below it, and {@code |L⁻¹| ≤ M(L)⁻¹} entrywise (Higham, <i>Accuracy and Stability of Numerical
   * Algorithms</i>, Thm. 8.12). Exact for a diagonal L and within small factors for the factors a
   * filter produces; when it accepts, so would the estimate, so the decision of {@link #permits} is
   * unchanged and most calls skip Hager's four to ten solves. Infinite or NaN when the bound
   * overflows (the estimate then decides).
   */
  double comparisonInverseOneNorm(DMatrixRMaj L) {
    final int n = L.numRows;
    final int ld = L.numCols;
    if (x.length < n) {
      x = new double[n];
      y = new double[n];
      z = new double[n];
    }
    final double[] l = L.data;
    double max = 0;
    for (int i = n - 1; i >= 0; i--) {
      double sum = 1;
      for (int r = i + 1; r < n; r++) {
        sum += Math.abs(l[r * ld + i]) * x[r];
      }
      x[i] = sum / Math.abs(l[i * ld + i]);
      max = Math.max(max, x[i]);
    }
    return max;
  }

  /** Estimates ‖L⁻¹‖₁ for L with non-zero pivots. */
  double inverseOneNorm(DMatrixRMaj L) {
    final int n = L.numRows;
    if (x.length < n) {
      x = new double[n];
      y = new double[n];
      z = new double[n];
    }
    java.util.Arrays.fill(x, 0, n, 1.0 / n);
    double estimate = 0;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      solveLower(L, x, y); // y = L⁻¹ x
      estimate = 0;
      for (int i = 0; i < n; i++) {
        estimate += Math.abs(y[i]);
        y[i] = y[i] >= 0 ? 1.0 : -1.0;
      }
      solveUpperTransposed(L, y, z); // z = L⁻ᵀ sign(y)
      int argmax = 0;
      double zx = 0;
      for (int i = 0; i < n; i++) {
        if (Math.abs(z[i]) > Math.abs(z[argmax])) {
          argmax = i;
        }
        zx += z[i] * x[i];
      }
      if (Math.abs(z[argmax]) <= zx) {
        break;
      }
      java.util.Arrays.fill(x, 0, n, 0.0);
      x[argmax] = 1.0;
    }
    return estimate;
  }

  /** out = L⁻¹ b. */
  private static void solveLower(DMatrixRMaj L, double[] b, double[] out) {
    final int n = L.numRows;
    System.arraycopy(b, 0, out, 0, n);
    TriangularSolve.lower(L, n, out, 0, 1, 1, null);
  }

  /** out = L⁻ᵀ b. */
  private static void solveUpperTransposed(DMatrixRMaj L, double[] b, double[] out) {
    final int n = L.numRows;
    System.arraycopy(b, 0, out, 0, n);
    TriangularSolve.lowerTransposed(L, n, out, 0, 1, 1, null);
  }
}
