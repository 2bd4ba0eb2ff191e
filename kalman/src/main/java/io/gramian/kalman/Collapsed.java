package io.gramian.kalman;

import io.gramian.autodiff.Tria;
import org.ejml.data.DMatrixRMaj;

/**
 * Moments with the diffuse directions integrated out. Given the mean matrix
 * {@code X = [m, Ā]} (the mean for δ = 0 and its sensitivities), the factor S of the rest, and
 * the collapse factor {@code L_c = [[L_ZZ, 0], [l_zZ, l_zz]]} of {@link DiffuseCollapse}:
 *
 * <pre>
 *   δ̂ = −L_ZZ⁻ᵀ l_zZᵀ                       (generalised least squares, cov S⁻¹ = L_ZZ⁻ᵀ L_ZZ⁻¹)
 *   mean = m + Ā δ̂,   factor = tria([S, Ā L_ZZ⁻ᵀ])
 * </pre>
 *
 * Directions whose pivot in L_ZZ is still zero (not yet identified) are left out: their
 * column of Ā L_ZZ⁻ᵀ is dropped and δ̂ is zero along them. Allocates; used to report results.
 */
final class Collapsed {

  private final int nx;
  private final int d;

  Collapsed(Dimensions dims) {
    nx = dims.nx();
    d = dims.d();
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
    double tau = DiffuseCollapse.threshold(Lc);
    // B = Ā L_ZZ⁻ᵀ: rows b solve L_ZZ bᵀ = (row of Ā)ᵀ by forward substitution, skipping
    // unidentified pivots.
    DMatrixRMaj M = new DMatrixRMaj(nx, S.numCols + d);
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < S.numCols; j++) {
        M.unsafe_set(i, j, S.unsafe_get(i, j));
      }
      double[] b = new double[d];
      for (int j = 0; j < d; j++) {
        double pivot = Lc.unsafe_get(j, j);
        if (!(pivot > tau)) {
          continue;
        }
        double v = X.data[i * w + 1 + j];
        for (int k = 0; k < j; k++) {
          v -= Lc.unsafe_get(j, k) * b[k];
        }
        b[j] = v / pivot;
        M.unsafe_set(i, S.numCols + j, b[j]);
      }
    }
    return Tria.tria(M);
  }

  /** δ̂ = −L_ZZ⁻ᵀ l_zZᵀ, zero along unidentified directions. */
  private double[] gls(DMatrixRMaj Lc) {
    double tau = DiffuseCollapse.threshold(Lc);
    double[] delta = new double[d];
    for (int j = d - 1; j >= 0; j--) {
      double pivot = Lc.unsafe_get(j, j);
      if (!(pivot > tau)) {
        continue;
      }
      double v = -Lc.unsafe_get(d, j);
      for (int k = j + 1; k < d; k++) {
        v -= Lc.unsafe_get(k, j) * delta[k];
      }
      delta[j] = v / pivot;
    }
    return delta;
  }
}
