package io.gramian.kalman;

import io.gramian.autodiff.BlockProduct;
import org.ejml.data.DMatrixRMaj;

/**
 * The adjoints of the noise factors cholQ and cholR of a time-invariant system, summed over time
 * through their left factors:
 *
 * <pre>
 *   cholQ̄ += Σ_t K_Q,t cholQ = (Σ_t K_Q,t) cholQ           K_Q,t: nx × nx
 *   cholR̄ += Σ_t E_t K_R,t E_tᵀ cholR = (Σ_t E_t K_R,t E_tᵀ) cholR     K_R,t: p_t × p_t
 * </pre>
 *
 * where a step's adjoint of its triangularisation's input has the form M̄ = K M ({@link
 * TriaFactors#vjpLeftFactor}, the covariance and Gramian forms of {@link ReverseSweep}): the noise
 * columns of M are cholQ in the predict's rows ([F S⁺, cholQ]) and cholR on the observed rows in
 * the update's ([[H S⁻, cholR_obs], [S⁻, 0]]), E_t (ny × p_t) placing step t's observed rows at
 * their index. Step by step, each step multiplied its K_Q by cholQ (nx² q products) and its K_R by
 * the observed rows of cholR (p² r); here each step adds its K_Q and K_R to two sums (nx² and p²
 * additions), and the products are taken once, at {@link #flush}. The result is the step-by-step
 * sum up to rounding (the terms are grouped differently). Only for an accumulator that sums over
 * time ({@link AdjointAccumulator#sumsOverTime}) and a system whose cholQ and cholR are the same at
 * every step ({@link StateSpace#isTimeInvariant}). Allocates nothing per step. Not thread-safe.
 */
final class NoiseFactorAdjointSum {

  private final int nx;
  private final int ny;
  private final double[] kQSum; // nx × nx
  private final double[] kRSum; // ny × ny
  private boolean anyQ;
  private boolean anyR;
  private DMatrixRMaj cholQ;
  private DMatrixRMaj cholR;
  private DMatrixRMaj cholQBar;
  private DMatrixRMaj cholRBar;

  NoiseFactorAdjointSum(int nx, int ny) {
    this.nx = nx;
    this.ny = ny;
    kQSum = new double[nx * nx];
    kRSum = new double[ny * ny];
  }

  /**
   * Adds K_Q (nx × nx, row i at {@code offset + i · stride} of {@code k}) for {@code cholQ̄ += K_Q
   * cholQ}; first adds the kept sum when the target or cholQ changes.
   */
  void addQ(double[] k, int offset, int stride, DMatrixRMaj cholQ, DMatrixRMaj cholQBar) {
    if (anyQ && (cholQ != this.cholQ || cholQBar != this.cholQBar)) {
      flushQ();
    }
    this.cholQ = cholQ;
    this.cholQBar = cholQBar;
    for (int i = 0; i < nx; i++) {
      final int row = offset + i * stride;
      final int at = i * nx;
      for (int j = 0; j < nx; j++) {
        kQSum[at + j] += k[row + j];
      }
    }
    anyQ = true;
  }

  /**
   * Adds E K_R Eᵀ for {@code cholR̄[obs] += K_R cholR[obs]}: K_R is p × p (row i at {@code offset +
   * i · stride} of {@code k}), step t's observed rows {@code index[io .. io + p)}; first adds the
   * kept sum when the target or cholR changes.
   */
  void addR(
      double[] k,
      int offset,
      int stride,
      int p,
      int[] index,
      int io,
      DMatrixRMaj cholR,
      DMatrixRMaj cholRBar) {
    if (anyR && (cholR != this.cholR || cholRBar != this.cholRBar)) {
      flushR();
    }
    this.cholR = cholR;
    this.cholRBar = cholRBar;
    for (int i = 0; i < p; i++) {
      final int row = offset + i * stride;
      final int at = index[io + i] * ny;
      for (int j = 0; j < p; j++) {
        kRSum[at + index[io + j]] += k[row + j];
      }
    }
    anyR = true;
  }

  /** Adds the kept sums' products to cholQ̄ and cholR̄ and starts the sums over. */
  void flush() {
    flushQ();
    flushR();
  }

  private void flushQ() {
    if (anyQ) {
      addProduct(nx, kQSum, cholQ, cholQBar);
      anyQ = false;
    }
  }

  private void flushR() {
    if (anyR) {
      addProduct(ny, kRSum, cholR, cholRBar);
      anyR = false;
    }
  }

  /** target += sum · factor (sum n × n), then the sum set to zero. */
  private static void addProduct(int n, double[] sum, DMatrixRMaj factor, DMatrixRMaj target) {
    final int cols = factor.numCols;
    BlockProduct.denseMultAdd(
        1.0, n, n, cols, sum, 0, n, factor.data, 0, cols, target.data, 0, cols);
    java.util.Arrays.fill(sum, 0.0);
  }

  /** Drops the kept sums (a sweep starting over after an exception). */
  void clear() {
    java.util.Arrays.fill(kQSum, 0.0);
    java.util.Arrays.fill(kRSum, 0.0);
    anyQ = false;
    anyR = false;
    cholQ = null;
    cholR = null;
    cholQBar = null;
    cholRBar = null;
  }
}
