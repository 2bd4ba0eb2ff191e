package io.gramian.autodiff.tape;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

/** Seeded random matrices, inner products and central differences for the tape tests. */
final class TapeFixtures {

  /**
   * Step of the five-point central difference {@code (8 (f₊₁ − f₋₁) − (f₊₂ − f₋₂)) / 12h}:
   * truncation O(h⁴ f⁽⁵⁾) and rounding O(ε |f| / h) ≈ 1e-11 |f|. The fourth order matters near the
   * stationarity boundary, where the derivatives of P grow like 1 / (1 − ρ)^k: at ρ = 0.99 the
   * plain two-point difference at h = 1e-5 is off by 2.5e-7, this one by 4e-11.
   */
  static final double FD_STEP = 3e-5;

  private TapeFixtures() {}

  static DMatrixRMaj gaussian(Random rng, int rows, int cols) {
    DMatrixRMaj A = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < A.getNumElements(); i++) {
      A.data[i] = rng.nextGaussian();
    }
    return A;
  }

  /** Entries in [0.5, 2), away from the singularities of log, sqrt, pow and div. */
  static DMatrixRMaj positive(Random rng, int rows, int cols) {
    DMatrixRMaj A = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < A.getNumElements(); i++) {
      A.data[i] = 0.5 + 1.5 * rng.nextDouble();
    }
    return A;
  }

  /** A random n × m matrix of exact rank r, as a product (n × r)(r × m) of Gaussians. */
  static DMatrixRMaj ofRank(Random rng, int n, int m, int r) {
    if (r == 0) {
      return new DMatrixRMaj(n, m);
    }
    return CommonOps_DDRM.mult(gaussian(rng, n, r), gaussian(rng, r, m), null);
  }

  /** A random n × n matrix with spectral radius exactly {@code rho} (a scaled Gaussian). */
  static DMatrixRMaj withSpectralRadius(Random rng, int n, double rho) {
    DMatrixRMaj F = gaussian(rng, n, n);
    double radius = 0;
    var eig = DecompositionFactory_DDRM.eig(n, false);
    eig.decompose(F.copy());
    for (int i = 0; i < n; i++) {
      radius = Math.max(radius, eig.getEigenvalue(i).getMagnitude());
    }
    CommonOps_DDRM.scale(rho / radius, F);
    return F;
  }

  static double inner(DMatrixRMaj A, DMatrixRMaj B) {
    double s = 0;
    for (int i = 0; i < A.getNumElements(); i++) {
      s += A.data[i] * B.data[i];
    }
    return s;
  }

  static double norm(DMatrixRMaj A) {
    return Math.sqrt(inner(A, A));
  }

  /** ‖A − B‖_F / ‖B‖_F (or the absolute error when B = 0). */
  static double relativeError(DMatrixRMaj A, DMatrixRMaj B) {
    DMatrixRMaj D = CommonOps_DDRM.subtract(A, B, null);
    double scale = norm(B);
    return scale == 0 ? norm(D) : norm(D) / scale;
  }

  /** ‖a − b‖₂ / ‖b‖₂ for vectors. */
  static double relativeError(double[] a, double[] b) {
    return relativeError(new DMatrixRMaj(a), new DMatrixRMaj(b));
  }

  /** Five-point central differences of {@code f} at {@code x}, entry by entry. */
  static DMatrixRMaj centralDifferences(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x) {
    DMatrixRMaj g = new DMatrixRMaj(x.numRows, x.numCols);
    for (int i = 0; i < x.getNumElements(); i++) {
      final int entry = i;
      g.data[i] =
          fivePoint(
              step -> {
                DMatrixRMaj moved = x.copy();
                moved.data[entry] += step;
                return f.applyAsDouble(moved);
              });
    }
    return g;
  }

  /** Five-point central differences of a function of a parameter vector. */
  static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] theta) {
    double[] g = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      final int entry = i;
      g[i] =
          fivePoint(
              step -> {
                double[] moved = theta.clone();
                moved[entry] += step;
                return f.applyAsDouble(moved);
              });
    }
    return g;
  }

  /** {@code φ'(0)} by the five-point stencil with step {@link #FD_STEP}. */
  private static double fivePoint(DoubleUnaryOperator phi) {
    double h = FD_STEP;
    double near = phi.applyAsDouble(h) - phi.applyAsDouble(-h);
    double far = phi.applyAsDouble(2 * h) - phi.applyAsDouble(-2 * h);
    return (8 * near - far) / (12 * h);
  }
}
