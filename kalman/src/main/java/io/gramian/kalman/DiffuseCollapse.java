package io.gramian.kalman;

import io.gramian.autodiff.SparseHouseholderTria;
import io.gramian.autodiff.Tria;
import org.ejml.data.DMatrixRMaj;

/**
 * The exact diffuse part of the log-likelihood, accumulated in square-root form (de Jong's
 * augmented filter, collapsed by {@code tria}). Each update whitens the innovation and its
 * dependence on the diffuse directions δ into {@code W_t = [z_t, −Z_t]}, so that the whitened
 * innovation given δ is {@code z_t − Z_t δ}. With {@code V_t = [−Z_t, z_t]} (diffuse columns
 * first),
 *
 * <pre>
 *   L_t = tria([L_{t−1}, V_tᵀ])  =  [[L_ZZ, 0], [l_zZ, l_zz]]      (w × w, w = d + 1)
 *   L_ZZ L_ZZᵀ = S = Σ Z_tᵀ Z_t,   l_zz² = Σ ‖z_t‖² − sᵀ S⁻¹ s   (s = Σ Z_tᵀ z_t)
 *   Φ = −½ l_zz² − Σ_j log (L_ZZ)_jj
 * </pre>
 *
 * and the exact diffuse log-likelihood of Durbin and Koopman (2012, §7.2.2) is {@code Σ_t (−Σ_i log
 * A_t,ii − (p_t / 2) log 2π) + Φ_T}: δ integrated out under a flat prior, less {@code (d / 2) log
 * 2π} (which KFAS keeps). Φ depends on the W's only through their Gramian, so every tria rule
 * differentiates it exactly. While some direction is not yet identified its pivot is zero and is
 * left out of Φ_t (pivots at or below {@link Tria#rankThreshold}); a direction still unidentified
 * at the end is an error.
 */
final class DiffuseCollapse {

  private final int w;
  private final SparseHouseholderTria tria;
  private final DMatrixRMaj M;
  final DMatrixRMaj L;
  final DMatrixRMaj Lnext;
  final DMatrixRMaj Q;

  DiffuseCollapse(Dimensions dims) {
    w = dims.meanCols();
    tria = new SparseHouseholderTria(w, w + dims.ny());
    M = new DMatrixRMaj(w, w + dims.ny());
    L = new DMatrixRMaj(w, w);
    Lnext = new DMatrixRMaj(w, w);
    Q = new DMatrixRMaj(w + dims.ny(), w);
  }

  void reset() {
    L.reshape(w, w);
    L.zero();
  }

  /**
   * Absorbs one step's {@code W} (p × w, row-major, column 0 = z): L ← tria([L, V_tᵀ]). With {@code
   * formQ}, {@link #Q} holds the orthogonal factor afterwards (for a tape).
   */
  void absorb(double[] W, int p, boolean formQ) {
    M.reshape(w, w + p, false);
    final int cols = w + p;
    for (int i = 0; i < w; i++) {
      System.arraycopy(L.data, i * w, M.data, i * cols, w);
      int source = i < w - 1 ? i + 1 : 0; // diffuse columns first, z last
      for (int j = 0; j < p; j++) {
        M.data[i * cols + w + j] = W[j * w + source];
      }
    }
    if (formQ) {
      tria.decompose(M, Lnext, Q);
    } else {
      tria.decompose(M, Lnext);
    }
    L.setTo(Lnext);
  }

  /** Φ of the current factor, leaving out diffuse pivots that are still zero. */
  double phi() {
    return phi(L);
  }

  /** Number of diffuse directions identified so far (non-zero pivots of L_ZZ). */
  int identified() {
    return identified(L);
  }

  static double phi(DMatrixRMaj L) {
    int d = L.numRows - 1;
    double tau = threshold(L);
    double v = -0.5 * L.unsafe_get(d, d) * L.unsafe_get(d, d);
    for (int j = 0; j < d; j++) {
      double pivot = L.unsafe_get(j, j);
      if (pivot > tau) {
        v -= Math.log(pivot);
      }
    }
    return v;
  }

  static int identified(DMatrixRMaj L) {
    int d = L.numRows - 1;
    double tau = threshold(L);
    int count = 0;
    for (int j = 0; j < d; j++) {
      if (L.unsafe_get(j, j) > tau) {
        count++;
      }
    }
    return count;
  }

  /** τ relative to the largest diffuse pivot. */
  static double threshold(DMatrixRMaj L) {
    int d = L.numRows - 1;
    double largest = 0;
    for (int j = 0; j < d; j++) {
      largest = Math.max(largest, Math.abs(L.unsafe_get(j, j)));
    }
    return Tria.rankThreshold(L.numRows, L.numRows, largest);
  }
}
