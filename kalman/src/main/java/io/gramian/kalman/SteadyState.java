package io.gramian.kalman;

import io.gramian.autodiff.TriangularSolve;
import org.ejml.data.DMatrixRMaj;

/**
 * The steady state of the square-root filter (math.md §3.4, docs/filter.md): for a time-invariant
 * system with no diffuse direction and every entry of y observed, the predicted factor converges;
 * once it stops changing, the update's factor {@code [[A, 0], [C, D]]} of the step where it stopped
 * (the freeze step t₀) is reused and only the mean moves:
 *
 * <pre>
 *   frozen update:   e = y − H m⁻ − d,  z = A⁻¹ e,  m⁺ = m⁻ + C z            O(ny nx + ny² )
 *                    ℓ_t = −½ (ny log 2π + 2 Σ_i log A_ii + ‖z‖²)
 *   frozen predict:  m⁻ = F m⁺ + c                                           O(nx²)
 *   reverse:         z̄ = −z + Cᵀ m̄⁺,  ē = A⁻ᵀ z̄,  m̄⁻ = m̄⁺ − Hᵀ ē,  H̄ −= ē m⁻ᵀ,  d̄ −= ē
 *                    Ā_Σ += −tril(ē zᵀ) − diag(1 / A_ii),  C̄_Σ += m̄⁺ zᵀ
 *                    F̄ += m̄⁻_{t+1} m⁺ᵀ,  c̄ += m̄⁻_{t+1},  m̄⁺ = Fᵀ m̄⁻_{t+1}
 * </pre>
 *
 * (A ny × ny, C nx × ny.) The sums Ā_Σ, C̄_Σ of a freeze are added once to the L̄ of step t₀'s
 * update triangularisation. The test is scale-free: the freeze begins after a step t₀ with every
 * entry observed whose prediction leaves the factor unchanged to {@code tol},
 *
 * <pre>
 *   max_ij |S⁻_{t₀+1} − S⁻_{t₀}|_ij ≤ tol · max_ij |S⁻_{t₀}|_ij,
 * </pre>
 *
 * and ends at the first step with a missing entry (which runs in full from the frozen S⁻). Every
 * method allocates nothing.
 */
public final class SteadyState {

  /**
   * The default tolerance: a factor converged to about a thousand units in the last place of double
   * precision. Every reference test passes at its own tolerance with it; the ℓ it gives differs
   * from the unfrozen ℓ by the bound stated in docs/filter.md (SteadyStateTest measures it).
   */
  public static final double DEFAULT_TOLERANCE = 1e-13;

  /** The tolerance that turns the steady state off: every step runs in full. */
  public static final double OFF = 0.0;

  private SteadyState() {}

  /**
   * Whether the predicted factor has stopped changing: {@code max |next − previous| ≤ tol · max
   * |previous|}, both nx × nx, the previous factor read in place from the update block {@code [[H
   * S⁻, cholR], [S⁻, 0]]} of its step (its nx × nx block below the first p rows). False when {@code
   * tol} is not positive.
   */
  static boolean converged(DMatrixRMaj updateBlock, int p, DMatrixRMaj next, double tol) {
    final int nx = next.numRows;
    if (next.numCols != nx || updateBlock.numRows != p + nx || updateBlock.numCols < nx) {
      return false;
    }
    final int stride = updateBlock.numCols;
    return converged(updateBlock.data, p * stride, stride, next, tol);
  }

  /**
   * {@link #converged(DMatrixRMaj, int, DMatrixRMaj, double)} with the previous factor as a matrix
   * of its own (a step taken as the predictor's array keeps no update block).
   */
  static boolean converged(DMatrixRMaj previous, DMatrixRMaj next, double tol) {
    final int nx = next.numRows;
    if (next.numCols != nx || previous.numRows != nx || previous.numCols != nx) {
      return false;
    }
    return converged(previous.data, 0, nx, next, tol);
  }

  /** The test with the previous factor's row i at {@code offset + i · stride}, next's size. */
  private static boolean converged(
      double[] previous, int offset, int stride, DMatrixRMaj next, double tol) {
    if (!(tol > 0)) {
      return false;
    }
    final int rows = next.numRows;
    final int cols = next.numCols;
    final double[] b = next.data;
    // Comparisons, not Math.max: the factors are finite, and Math.max's NaN and −0 rules cost a
    // dependent chain per entry on a path every fully observed step takes.
    double scale = 0;
    double change = 0;
    for (int i = 0; i < rows; i++) {
      final int row = offset + i * stride;
      for (int j = 0; j < cols; j++) {
        final double size = Math.abs(previous[row + j]);
        final double difference = Math.abs(b[i * cols + j] - previous[row + j]);
        if (size > scale) {
          scale = size;
        }
        if (difference > change) {
          change = difference;
        }
      }
    }
    return change <= tol * scale;
  }

  /**
   * The constant part of a frozen step's ℓ_t: {@code −Σ_i log A_ii − (ny / 2) log 2π}, with A the
   * leading ny × ny block of the frozen update factor L.
   */
  static double constantTerm(DMatrixRMaj L, int ny) {
    double sum = 0;
    for (int i = 0; i < ny; i++) {
      sum += Math.log(L.unsafe_get(i, i));
    }
    return -sum - 0.5 * ny * StepKernel.LOG_2PI;
  }

  /**
   * The frozen update with every entry observed: {@code z = A⁻¹ (y − H m⁻ − d)}, {@code m⁺ = m⁻ + C
   * z}.
   *
   * @param L the frozen update factor {@code [[A, 0], [C, D]]}, (ny + nx) × (ny + nx). Not
   *     modified.
   * @param index 0, 1, …, ny − 1
   * @param XPred m⁻, nx × 1. Not modified.
   * @param z output, length ≥ ny. Modified.
   * @param XFilt m⁺, reshaped to nx × 1. Modified.
   * @return ‖z‖²
   */
  static double update(
      DMatrixRMaj L,
      DMatrixRMaj H,
      DMatrixRMaj d,
      double[] y,
      int[] index,
      DMatrixRMaj XPred,
      double[] z,
      DMatrixRMaj XFilt) {
    final int ny = H.numRows;
    final int nx = H.numCols;
    final int n = ny + nx;
    StepKernel.innovation(H, d, y, index, ny, XPred, z);
    TriangularSolve.lower(L, ny, z, 0, 1, 1, null);
    double sumSq = 0;
    for (int i = 0; i < ny; i++) {
      sumSq += z[i] * z[i];
    }
    final double[] l = L.data;
    XFilt.reshape(nx, 1, false);
    for (int i = 0; i < nx; i++) {
      int row = (ny + i) * n;
      double v = XPred.data[i];
      for (int j = 0; j < ny; j++) {
        v += l[row + j] * z[j];
      }
      XFilt.data[i] = v;
    }
    return sumSq;
  }

  /**
   * The reverse of a frozen update, given m̄⁺ in {@code XBar}: {@code z̄ = −z + Cᵀ m̄⁺}, {@code ē =
   * A⁻ᵀ z̄}; adds {@code −tril(ē zᵀ) − diag(1 / A_ii)} to {@code ABarSum}'s leading ny × ny block
   * and {@code m̄⁺ zᵀ} to {@code CBarSum}, {@code −ē m⁻ᵀ} to H̄ and {@code −ē} to d̄; writes {@code
   * m̄⁻ = m̄⁺ − Hᵀ ē} into {@code XBarPred}.
   *
   * @param L the frozen update factor. Not modified.
   * @param z the step's whitened innovation, from {@code offset}. Not modified.
   * @param XPred m⁻ of the step, nx × 1. Not modified.
   * @param LBarSum the summed adjoint of L, (ny + nx) × (ny + nx): Ā_Σ in its leading block, C̄_Σ
   *     below it. Modified.
   * @param cBarSum where {@code m̄⁺ zᵀ} is added to C̄_Σ, in groups (nx × ny, α = 1): flushed
   *     before C̄_Σ is read. Modified.
   * @param eBar workspace, length ≥ ny. Modified.
   * @param HBar added to; null when H̄ is not wanted. Modified.
   * @param hBarSum where {@code −ē m⁻ᵀ} is added to H̄, in groups (ny × nx, α = −1). Modified.
   */
  static void updateAdjoint(
      DMatrixRMaj L,
      DMatrixRMaj H,
      double[] z,
      int offset,
      DMatrixRMaj XPred,
      DMatrixRMaj XBar,
      DMatrixRMaj LBarSum,
      OuterProductSum cBarSum,
      double[] eBar,
      DMatrixRMaj HBar,
      OuterProductSum hBarSum,
      DMatrixRMaj dBar,
      DMatrixRMaj XBarPred) {
    final int ny = H.numRows;
    final int nx = H.numCols;
    final int n = ny + nx;
    final double[] l = L.data;
    final double[] xBar = XBar.data;
    final double[] sum = LBarSum.data;
    for (int j = 0; j < ny; j++) {
      double v = -z[offset + j];
      for (int i = 0; i < nx; i++) {
        v += l[(ny + i) * n + j] * xBar[i];
      }
      eBar[j] = v;
    }
    TriangularSolve.lowerTransposed(L, ny, eBar, 0, 1, 1, null);
    for (int i = 0; i < ny; i++) {
      double e = eBar[i];
      for (int j = 0; j <= i; j++) {
        sum[i * n + j] -= e * z[offset + j];
      }
      sum[i * n + i] -= 1.0 / l[i * n + i];
    }
    cBarSum.add(LBarSum, ny * n, n, xBar, 0, z, offset);
    XBarPred.reshape(nx, 1, false);
    System.arraycopy(xBar, 0, XBarPred.data, 0, nx);
    final double[] h = H.data;
    final double[] x = XPred.data;
    for (int i = 0; i < ny; i++) {
      double e = eBar[i];
      if (e == 0.0) {
        continue;
      }
      for (int j = 0; j < nx; j++) {
        XBarPred.data[j] -= h[i * nx + j] * e;
      }
      dBar.data[i] -= e;
    }
    if (HBar != null) {
      hBarSum.add(HBar, 0, nx, eBar, 0, x, 0);
    }
  }

  /**
   * The reverse of a frozen predict {@code m⁻_{t+1} = F m⁺ + c}: {@code F̄ += m̄⁻ m⁺ᵀ}, {@code c̄
   * += m̄⁻}, {@code m̄⁺ = Fᵀ m̄⁻} (into {@code XBar}). F̄ is skipped when {@code FBar} is null, and
   * formed only at {@code FEntries} (row-major indices) when those are given; either way through
   * {@code fBarSum} (nx × nx, α = 1), in groups of steps.
   */
  static void predictAdjoint(
      DMatrixRMaj F,
      DMatrixRMaj XFilt,
      DMatrixRMaj XBarPred,
      DMatrixRMaj FBar,
      int[] FEntries,
      OuterProductSum fBarSum,
      DMatrixRMaj cBar,
      DMatrixRMaj XBar) {
    final int nx = F.numRows;
    final double[] f = F.data;
    final double[] x = XFilt.data;
    final double[] xBarPred = XBarPred.data;
    XBar.reshape(nx, 1, false);
    java.util.Arrays.fill(XBar.data, 0, nx, 0.0);
    for (int i = 0; i < nx; i++) {
      double b = xBarPred[i];
      cBar.data[i] += b;
      if (b == 0.0) {
        continue;
      }
      int row = i * nx;
      for (int j = 0; j < nx; j++) {
        XBar.data[j] += f[row + j] * b;
      }
    }
    if (FBar != null) {
      fBarSum.add(FBar, 0, nx, xBarPred, 0, x, 0, FEntries);
    }
  }
}
