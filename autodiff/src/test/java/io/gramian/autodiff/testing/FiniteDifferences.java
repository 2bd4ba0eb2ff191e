package io.gramian.autodiff.testing;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Central finite differences, the independent check on every analytic derivative in the tests.
 *
 * <p>Five-point stencil {@code φ'(0) ≈ (8 (φ(h) − φ(−h)) − (φ(2h) − φ(−2h))) / 12h}: truncation
 * O(h⁴ φ⁽⁵⁾) and rounding O(ε |φ| / h). Two-point stencil {@code (f(x + h v) − f(x − h v)) / 2h}:
 * truncation O(h² f‴) and rounding O(ε |f| / h). Each caller chooses h for its function and says
 * why next to the constant.
 */
public final class FiniteDifferences {

  /**
   * The default step of the five-point stencil: rounding ≈ 1e-11 |f|, and the fourth order matters
   * near the stationarity boundary, where the derivatives of P grow like 1 / (1 − ρ)^k: at ρ = 0.99
   * the plain two-point difference at h = 1e-5 is off by 2.5e-7, this one by 4e-11.
   */
  public static final double FD_STEP = 3e-5;

  private FiniteDifferences() {}

  /** {@code φ'(0)} by the five-point stencil with step h. */
  public static double fivePoint(DoubleUnaryOperator phi, double h) {
    double near = phi.applyAsDouble(h) - phi.applyAsDouble(-h);
    double far = phi.applyAsDouble(2 * h) - phi.applyAsDouble(-2 * h);
    return (8 * near - far) / (12 * h);
  }

  /**
   * Five-point central differences of {@code f} at {@code x}, entry by entry, step {@link
   * #FD_STEP}.
   */
  public static DMatrixRMaj centralDifferences(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x) {
    DMatrixRMaj g = new DMatrixRMaj(x.numRows, x.numCols);
    for (int i = 0; i < x.getNumElements(); i++) {
      final int entry = i;
      g.data[i] =
          fivePoint(
              step -> {
                DMatrixRMaj moved = x.copy();
                moved.data[entry] += step;
                return f.applyAsDouble(moved);
              },
              FD_STEP);
    }
    return g;
  }

  /** Five-point central differences of a function of a parameter vector, step {@link #FD_STEP}. */
  public static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] theta) {
    return centralDifferences(f, theta, FD_STEP);
  }

  /** Five-point central differences of a function of a parameter vector with step h. */
  public static double[] centralDifferences(
      ToDoubleFunction<double[]> f, double[] theta, double h) {
    double[] g = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      final int entry = i;
      g[i] =
          fivePoint(
              step -> {
                double[] moved = theta.clone();
                moved[entry] += step;
                return f.applyAsDouble(moved);
              },
              h);
    }
    return g;
  }

  /**
   * The two-point directional derivative {@code (f(x + h v) − f(x − h v)) / 2h} of a matrix
   * function along {@code direction}.
   */
  public static DMatrixRMaj directional(
      Function<DMatrixRMaj, DMatrixRMaj> f, DMatrixRMaj x, DMatrixRMaj direction, double h) {
    DMatrixRMaj plus = x.copy();
    DMatrixRMaj minus = x.copy();
    CommonOps_DDRM.addEquals(plus, h, direction);
    CommonOps_DDRM.addEquals(minus, -h, direction);
    DMatrixRMaj d = CommonOps_DDRM.subtract(f.apply(plus), f.apply(minus), null);
    CommonOps_DDRM.scale(1.0 / (2 * h), d);
    return d;
  }
}
