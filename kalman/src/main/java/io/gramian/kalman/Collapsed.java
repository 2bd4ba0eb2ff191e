package io.gramian.kalman;

import io.gramian.autodiff.Tria;
import io.gramian.autodiff.TriangularSolve;
import org.ejml.data.DMatrixRMaj;

/**
 * Moments with the diffuse directions integrated out. Given the mean matrix {@code X = [m, Ā]} (the
 * mean for δ = 0 and its sensitivities), the factor S of the rest, and the collapse factor {@code
 * L_c = [[L_ZZ, 0], [l_zZ, l_zz]]} of {@link DiffuseCollapse}:
 *
 * <pre>
 *   δ̂ = −L_ZZ⁻ᵀ l_zZᵀ                       (generalised least squares, cov S⁻¹ = L_ZZ⁻ᵀ L_ZZ⁻¹)
 *   mean = m + Ā δ̂,   factor = tria([S, Ā L_ZZ⁻ᵀ])
 * </pre>
 *
 * Directions whose pivot in L_ZZ is still zero (not yet identified) are left out: their column of Ā
 * L_ZZ⁻ᵀ is dropped and δ̂ is zero along them. Allocates its results, and reuses one {@link Tria}
 * workspace for the factors; used to report results. Not thread-safe.
 */
final class Collapsed {

  private final int nx;
  private final int d;

  /** The factors' workspace, made at the first diffuse factor: a Tria costs a QR to construct. */
  private Tria tria;

  Collapsed(Dimensions dims) {
    nx = dims.nx();
    d = dims.diffuseRank();
  }

  /** m + Ā δ̂, or m when there is no diffuse direction. */
  double[] mean(DMatrixRMaj X, DMatrixRMaj Lc) {
    int w = d + 1;
    double[] mean = new double[nx];
    for (int i = 0; i < nx; i++) {
      mean[i] = X.unsafe_get(i, 0);
    }
    if (d == 0) {
      return mean;
    }
    double[] delta = gls(Lc);
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < d; j++) {
        mean[i] += X.data[i * w + 1 + j] * delta[j];
      }
    }
    return mean;
  }

  /** tria([S, Ā L_ZZ⁻ᵀ]) over identified directions, or S itself when d = 0. */
  DMatrixRMaj factor(DMatrixRMaj X, DMatrixRMaj S, DMatrixRMaj Lc) {
    if (d == 0) {
      return S.copy();
    }
    int w = d + 1;
    int s = S.numCols;
    // M = [S, B] with B = Ā L_ZZ⁻ᵀ over the identified pivots (zero columns elsewhere).
    DMatrixRMaj M = new DMatrixRMaj(nx, s + d);
    for (int i = 0; i < nx; i++) {
      System.arraycopy(S.data, i * s, M.data, i * (s + d), s);
      System.arraycopy(X.data, i * w + 1, M.data, i * (s + d) + s, d);
    }
    TriangularSolve.rightLowerTransposed(Lc, d, M.data, s, s + d, nx, identifiedMask(Lc));
    if (tria == null) {
      tria = new Tria(nx, s + d);
    }
    DMatrixRMaj L = new DMatrixRMaj(nx, nx);
    tria.decompose(M, L);
    return L;
  }

  /** δ̂ = −L_ZZ⁻ᵀ l_zZᵀ, zero along unidentified directions. */
  private double[] gls(DMatrixRMaj Lc) {
    double[] delta = new double[d];
    gls(Lc, delta, identifiedMask(Lc));
    return delta;
  }

  /**
   * δ̂ = −L_ZZ⁻ᵀ l_zZᵀ into {@code delta} (length ≥ d, d = rows of L_c less one), restricted to the
   * pivots {@code tau} keeps ({@link TriangularSolve}; null: every pivot). Allocates nothing.
   */
  static void gls(DMatrixRMaj Lc, double[] delta, double[] tau) {
    final int d = Lc.numRows - 1;
    for (int j = 0; j < d; j++) {
      delta[j] = -Lc.unsafe_get(d, j);
    }
    TriangularSolve.lowerTransposed(Lc, d, delta, 0, 1, 1, tau);
  }

  /** The pivot mask of the diffuse directions: τ of {@link DiffuseCollapse#threshold}. */
  private double[] identifiedMask(DMatrixRMaj Lc) {
    double[] tau = new double[d];
    java.util.Arrays.fill(tau, DiffuseCollapse.threshold(Lc));
    return tau;
  }
}
