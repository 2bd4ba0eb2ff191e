package io.gramian.kalman;

import io.gramian.autodiff.BlockProduct;
import io.gramian.autodiff.TriangularSolve;
import org.ejml.data.DMatrixRMaj;

/**
 * The reverse of a run of {@link SteadyState} steps lo…hi of one freeze, walked back at once. With
 * the frozen factor {@code [[A, 0], [C, D]]} (A ny × ny, C nx × ny) and a_t = m̄⁻_t, the steps'
 * reverse ({@link SteadyState#updateAdjoint}, {@link SteadyState#predictAdjoint}) is the linear
 * recursion
 *
 * <pre>
 *   a_t = Φᵀ a_{t+1} + G z_t,     G = Hᵀ A⁻ᵀ  (nx × ny),   Φᵀ = (I − G Cᵀ) Fᵀ  (nx × nx)
 * </pre>
 *
 * (m̄⁺_t = Fᵀ a_{t+1}, z̄_t = −z_t + Cᵀ m̄⁺_t, ē_t = A⁻ᵀ z̄_t, a_t = m̄⁺_t − Hᵀ ē_t), one product
 * of nx × (nx + ny) per step instead of Fᵀ, Cᵀ, A⁻ᵀ and Hᵀ one after another. Every adjoint the
 * steps add is a sum over the run of products of a_{t+1}, z_t and m⁺_t, so the sums
 *
 * <pre>
 *   [Σ₁ Σ₂ σ_a]     Σ_t [a_{t+1}] [m⁺_tᵀ, z_tᵀ, 1]      Σ₁ = Σ a m⁺ᵀ, Σ₂ = Σ a zᵀ, σ_a = Σ a
 *   [Σ₃ Σ₄ σ_z]  =      [z_t    ]                       Σ₃ = Σ z m⁺ᵀ, Σ₄ = Σ z zᵀ, σ_z = Σ z
 * </pre>
 *
 * are formed in groups of {@link #GROUP} steps (one product each, {@link
 * BlockProduct#denseMultAdd}) and the adjoints from them once per run, with m⁻ = m⁺ − C z:
 *
 * <pre>
 *   F̄ += Σ₁,   c̄ += σ_a,   C̄_Σ += Fᵀ Σ₂
 *   Ā_Σ += −tril(A⁻ᵀ (−Σ₄ + Cᵀ Fᵀ Σ₂)) − N diag(1 / A_ii)
 *   H̄ −= A⁻ᵀ (−Σ₃ + Σ₄ Cᵀ + Cᵀ (Fᵀ Σ₁ − Fᵀ Σ₂ Cᵀ)),   d̄ −= A⁻ᵀ (−σ_z + Cᵀ Fᵀ σ_a)
 * </pre>
 *
 * (N the run's steps). The same adjoints as step by step, up to rounding: the terms are grouped
 * differently. Φ and G cost O(nx² ny) once per run, the run's end O(nx³) with H̄, so the sweep
 * takes a run this way only from {@link #minSteps} steps. Allocates nothing per step. Not
 * thread-safe.
 */
final class FrozenRunAdjoint {

  /** Steps whose sums are kept before they are added as one product. */
  static final int GROUP = 32;

  /**
   * The shortest run walked back at once. Φ and G cost about 2 nx² ny multiplications and the run's
   * end about nx³ + 3 nx² ny, against nx ny saved per step (and the per-step products' loads), so a
   * run of a few steps goes step by step. The bound is not sharp: with 10% missing values, where
   * runs are short, walking every run at once measured the same as this bound (ℓ + ∇ at nx = 1, 5
   * and 10, within the ±5% of the same build in one JVM).
   */
  static int minSteps(int nx) {
    return Math.max(8, 2 * nx);
  }

  private final int ny;
  private final int nx;
  private final int m; // nx + ny, the rows of the sums
  private final int k; // nx + ny + 1, their columns
  private final double[] recursion; // [Φᵀ | G], nx × (nx + ny)
  private final double[] ginvH; // A⁻¹ H = Gᵀ, ny × nx
  private final double[] fc; // F C, nx × ny
  private final double[] u; // (nx + ny) × GROUP: column b is [a_{t+1}; z_t]
  private final double[] v; // GROUP × (nx + ny + 1): row b is [m⁺_t, z_t, 1]
  private final double[] sums; // (nx + ny) × (nx + ny + 1)
  private final double[] state; // [a_{t+1}; z_t]
  private final double[] next; // a_t
  private final double[] cBarRun; // Fᵀ Σ₂, nx × ny
  private final double[] square; // ny × ny
  private final double[] wide; // ny × nx
  private final double[] fTSigma1; // Fᵀ Σ₁, nx × nx
  private final double[] vector; // ny
  private final DMatrixRMaj means; // m⁺_t
  private int count;

  FrozenRunAdjoint(int ny, int nx) {
    this.ny = ny;
    this.nx = nx;
    m = nx + ny;
    k = m + 1;
    recursion = new double[nx * m];
    ginvH = new double[ny * nx];
    fc = new double[nx * ny];
    u = new double[m * GROUP];
    v = new double[GROUP * k];
    sums = new double[m * k];
    state = new double[m];
    next = new double[nx];
    cBarRun = new double[nx * ny];
    square = new double[ny * ny];
    wide = new double[ny * nx];
    fTSigma1 = new double[nx * nx];
    vector = new double[ny];
    means = new DMatrixRMaj(nx, 1);
  }

  /**
   * Walks back the frozen steps lo…hi (all of one freeze), adding their adjoints.
   *
   * @param L the frozen update factor, (ny + nx) × (ny + nx). Not modified.
   * @param aAfter a_{hi+1} = m̄⁻_{hi+1}, nx × 1; null when hi is the last step (a = 0). Not
   *     modified.
   * @param aOut receives a_lo = m̄⁻_lo, reshaped to nx × 1. Modified.
   * @param LBarSum Ā_Σ in its leading ny × ny block, C̄_Σ below it. Modified.
   * @param FBar added to (at {@code FEntries} only, row-major, when given); null when not wanted.
   * @param HBar added to; null when not wanted.
   */
  void walkBack(
      FilterTape tape,
      int lo,
      int hi,
      DMatrixRMaj L,
      DMatrixRMaj F,
      DMatrixRMaj H,
      DMatrixRMaj aAfter,
      DMatrixRMaj aOut,
      DMatrixRMaj LBarSum,
      DMatrixRMaj FBar,
      int[] FEntries,
      DMatrixRMaj cBar,
      DMatrixRMaj HBar,
      DMatrixRMaj dBar) {
    prepare(L, F, H);
    java.util.Arrays.fill(sums, 0.0);
    count = 0;
    if (aAfter == null) {
      java.util.Arrays.fill(state, 0, nx, 0.0);
    } else {
      System.arraycopy(aAfter.data, 0, state, 0, nx);
    }
    final double[] w = tape.W();
    for (int t = hi; t >= lo; t--) {
      System.arraycopy(w, tape.wOffset(t), state, nx, ny);
      tape.loadMeans(t, true, means);
      keep(state, means.data);
      recurse();
      System.arraycopy(next, 0, state, 0, nx);
    }
    flush();
    aOut.reshape(nx, 1, false);
    System.arraycopy(state, 0, aOut.data, 0, nx);
    addAdjoints(hi - lo + 1, L, F, LBarSum, FBar, FEntries, cBar, HBar, dBar);
  }

  /**
   * a_t = [Φᵀ | G] [a_{t+1}; z_t] into {@link #next}: four rows at a time, four independent sums
   * (each in increasing j), so that the additions of one row do not wait on each other alone.
   */
  private void recurse() {
    int i = 0;
    for (; i + 3 < nx; i += 4) {
      final int r0 = i * m;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int j = 0; j < m; j++) {
        final double x = state[j];
        s0 += recursion[r0 + j] * x;
        s1 += recursion[r0 + m + j] * x;
        s2 += recursion[r0 + 2 * m + j] * x;
        s3 += recursion[r0 + 3 * m + j] * x;
      }
      next[i] = s0;
      next[i + 1] = s1;
      next[i + 2] = s2;
      next[i + 3] = s3;
    }
    for (; i < nx; i++) {
      final int row = i * m;
      double s = 0;
      for (int j = 0; j < m; j++) {
        s += recursion[row + j] * state[j];
      }
      next[i] = s;
    }
  }

  /** A⁻¹ H, F C and [Φᵀ | G] with Φᵀ = Fᵀ − G (F C)ᵀ, from the frozen factor. */
  private void prepare(DMatrixRMaj L, DMatrixRMaj F, DMatrixRMaj H) {
    final double[] l = L.data;
    final double[] f = F.data;
    System.arraycopy(H.data, 0, ginvH, 0, ny * nx);
    TriangularSolve.lower(L, ny, ginvH, 0, nx, nx, null);
    BlockProduct.multInto(nx, nx, ny, f, null, 0, 0, nx, l, ny * m, m, fc, 0, ny); // F C
    // row i of [Φᵀ | G]: Φᵀ[i, j] = F[j, i] − Σ_q G[i, q] (F C)[j, q], G[i, q] = (A⁻¹ H)[q, i]
    for (int i = 0; i < nx; i++) {
      final int row = i * m;
      for (int j = 0; j < nx; j++) {
        double s = f[j * nx + i];
        for (int q = 0; q < ny; q++) {
          s -= ginvH[q * nx + i] * fc[j * ny + q];
        }
        recursion[row + j] = s;
      }
      for (int q = 0; q < ny; q++) {
        recursion[row + nx + q] = ginvH[q * nx + i];
      }
    }
  }

  /** Keeps [a_{t+1}; z_t] as a column of U and [m⁺_t, z_t, 1] as a row of V. */
  private void keep(double[] az, double[] filteredMean) {
    for (int i = 0; i < m; i++) {
      u[i * GROUP + count] = az[i];
    }
    final int row = count * k;
    System.arraycopy(filteredMean, 0, v, row, nx);
    System.arraycopy(az, nx, v, row + nx, ny);
    v[row + m] = 1.0;
    if (++count == GROUP) {
      flush();
    }
  }

  private void flush() {
    if (count > 0) {
      BlockProduct.denseMultAdd(1.0, m, count, k, u, 0, GROUP, v, 0, k, sums, 0, k);
      count = 0;
    }
  }

  /** The run's adjoints from its sums (the class comment's third display). */
  private void addAdjoints(
      int steps,
      DMatrixRMaj L,
      DMatrixRMaj F,
      DMatrixRMaj LBarSum,
      DMatrixRMaj FBar,
      int[] FEntries,
      DMatrixRMaj cBar,
      DMatrixRMaj HBar,
      DMatrixRMaj dBar) {
    final double[] l = L.data;
    final double[] f = F.data;
    final double[] lBar = LBarSum.data;
    // Σ₁ at sums[i, j], Σ₂ at sums[i, nx + q], σ_a at sums[i, m] (i < nx); Σ₃, Σ₄, σ_z below
    if (FBar != null) {
      if (FEntries != null) {
        for (int e : FEntries) {
          FBar.data[e] += sums[(e / nx) * k + e % nx];
        }
      } else {
        for (int i = 0; i < nx; i++) {
          for (int j = 0; j < nx; j++) {
            FBar.data[i * nx + j] += sums[i * k + j];
          }
        }
      }
    }
    for (int i = 0; i < nx; i++) {
      cBar.data[i] += sums[i * k + m];
    }
    // C̄_run = Fᵀ Σ₂, added to C̄_Σ (the rows of LBarSum below ny)
    fTransposeTimesSums(f, nx, m, cBarRun);
    for (int i = 0; i < nx; i++) {
      for (int q = 0; q < ny; q++) {
        lBar[(ny + i) * m + q] += cBarRun[i * ny + q];
      }
    }
    // Ā_Σ: A⁻ᵀ (−Σ₄ + Cᵀ C̄_run), lower triangle subtracted, and −N / A_ii
    for (int p = 0; p < ny; p++) {
      for (int q = 0; q < ny; q++) {
        double s = -sums[(nx + p) * k + nx + q];
        for (int i = 0; i < nx; i++) {
          s += l[(ny + i) * m + p] * cBarRun[i * ny + q];
        }
        square[p * ny + q] = s;
      }
    }
    TriangularSolve.lowerTransposed(L, ny, square, 0, ny, ny, null);
    for (int p = 0; p < ny; p++) {
      for (int q = 0; q <= p; q++) {
        lBar[p * m + q] -= square[p * ny + q];
      }
      lBar[p * m + p] -= steps / l[p * m + p];
    }
    // d̄ −= A⁻ᵀ (−σ_z + Cᵀ Fᵀ σ_a); Fᵀ σ_a first
    fTransposeTimesSums(f, m, m + 1, next);
    for (int p = 0; p < ny; p++) {
      double s = -sums[(nx + p) * k + m];
      for (int i = 0; i < nx; i++) {
        s += l[(ny + i) * m + p] * next[i];
      }
      vector[p] = s;
    }
    TriangularSolve.lowerTransposed(L, ny, vector, 0, 1, 1, null);
    for (int p = 0; p < ny; p++) {
      dBar.data[p] -= vector[p];
    }
    if (HBar != null) {
      addHBar(L, F, HBar);
    }
  }

  /**
   * out = Fᵀ (columns {@code from…to−1} of the sums' first nx rows), nx × (to − from) row-major:
   * C̄_run, Fᵀ σ_a and Fᵀ Σ₁.
   */
  private void fTransposeTimesSums(double[] f, int from, int to, double[] out) {
    final int width = to - from;
    for (int i = 0; i < nx; i++) {
      for (int c = from; c < to; c++) {
        double s = 0;
        for (int j = 0; j < nx; j++) {
          s += f[j * nx + i] * sums[j * k + c];
        }
        out[i * width + c - from] = s;
      }
    }
  }

  /** H̄ −= A⁻ᵀ R, R = −Σ₃ + Σ₄ Cᵀ + Cᵀ (Fᵀ Σ₁ − C̄_run Cᵀ) (ny × nx). */
  private void addHBar(DMatrixRMaj L, DMatrixRMaj F, DMatrixRMaj HBar) {
    final double[] l = L.data;
    // Fᵀ Σ₁ − C̄_run Cᵀ (nx × nx): Σ a m⁻ᵀ carried back through F
    fTransposeTimesSums(F.data, 0, nx, fTSigma1);
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < nx; j++) {
        double s = fTSigma1[i * nx + j];
        for (int q = 0; q < ny; q++) {
          s -= cBarRun[i * ny + q] * l[(ny + j) * m + q];
        }
        fTSigma1[i * nx + j] = s;
      }
    }
    for (int p = 0; p < ny; p++) {
      for (int j = 0; j < nx; j++) {
        double s = -sums[(nx + p) * k + j];
        for (int q = 0; q < ny; q++) {
          s += sums[(nx + p) * k + nx + q] * l[(ny + j) * m + q];
        }
        for (int i = 0; i < nx; i++) {
          s += l[(ny + i) * m + p] * fTSigma1[i * nx + j];
        }
        wide[p * nx + j] = s;
      }
    }
    TriangularSolve.lowerTransposed(L, ny, wide, 0, nx, nx, null);
    for (int e = 0; e < ny * nx; e++) {
      HBar.data[e] -= wide[e];
    }
  }
}
