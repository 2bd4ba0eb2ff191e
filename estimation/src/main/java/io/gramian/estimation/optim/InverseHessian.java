package io.gramian.estimation.optim;

import java.util.Arrays;

/**
 * The BFGS approximation H ≈ (∇²f)⁻¹, n × n symmetric positive definite, and its update from a step
 * s = x₊ − x and gradient change y = ∇f₊ − ∇f (Nocedal &amp; Wright eq. 6.17), with ρ = 1/(sᵀy):
 *
 * <pre>
 *   H₊ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
 *      = H − ρ (H y sᵀ + s yᵀ H) + (ρ² yᵀH y + ρ) s sᵀ
 * </pre>
 *
 * <p>H starts as I. Before the first update after a start or {@link #reset()}, I is rescaled to H =
 * (sᵀy / yᵀy) I (eq. 6.20), which matches the curvature along the first step and makes the first
 * quasi-Newton step well scaled. This makes BFGS invariant to a rescaling of f, but on a badly
 * conditioned problem the first step's curvature is that of the largest eigenvalues, so H starts
 * too small in the flat directions, which BFGS corrects one direction at a time: a 10-D quadratic
 * with condition 1e6 takes about 100 iterations (scipy's BFGS, which keeps H₀ = I, takes 15 on it,
 * but 46 once f is scaled by 1e-3).
 *
 * <p>The update is skipped (H is left as it is) when sᵀy ≤ ε ‖s‖ ‖y‖ with ε = 1e-8: the curvature
 * along s is then not safely positive, and the update would lose positive definiteness or be
 * dominated by round-off. Under the strong Wolfe conditions sᵀy &gt; 0 holds in exact arithmetic,
 * so a skip signals round-off or an inexact gradient.
 */
final class InverseHessian {

  /** ε of the skip rule sᵀy ≤ ε ‖s‖ ‖y‖ (about √ulp(1), the usual choice). */
  static final double CURVATURE_SKIP_THRESHOLD = 1e-8;

  private final int n;
  private final double[] h; // row-major n × n
  private boolean unscaledIdentity;

  InverseHessian(int n) {
    this.n = n;
    this.h = new double[n * n];
    reset();
  }

  /** H = I; the next update first rescales it (eq. 6.20). */
  void reset() {
    Arrays.fill(h, 0);
    for (int i = 0; i < n; i++) {
      h[i * n + i] = 1;
    }
    unscaledIdentity = true;
  }

  /** True while H = I has not been updated since construction or {@link #reset()}. */
  boolean isUnscaledIdentity() {
    return unscaledIdentity;
  }

  /** The quasi-Newton direction p = −H g, a new array of length n. */
  double[] searchDirection(double[] gradient) {
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += h[i * n + j] * gradient[j];
      }
      p[i] = -sum;
    }
    return p;
  }

  /** H_ij, for tests. */
  double get(int i, int j) {
    return h[i * n + j];
  }

  /**
   * Applies the BFGS update for step s and gradient change y (both length n, not modified).
   *
   * @return false when the update was skipped because sᵀy ≤ ε ‖s‖ ‖y‖
   */
  boolean update(double[] s, double[] y) {
    double sy = Vectors.dot(s, y);
    if (!(sy > CURVATURE_SKIP_THRESHOLD * Vectors.norm2(s) * Vectors.norm2(y))) {
      return false;
    }
    if (unscaledIdentity) {
      double scale = sy / Vectors.dot(y, y);
      for (int i = 0; i < n; i++) {
        h[i * n + i] = scale;
      }
      unscaledIdentity = false;
    }
    double rho = 1 / sy;
    double[] hy = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += h[i * n + j] * y[j];
      }
      hy[i] = sum;
    }
    double yhy = Vectors.dot(y, hy);
    double ssCoefficient = rho * rho * yhy + rho;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + ssCoefficient * s[i] * s[j];
      }
    }
    return true;
  }
}
