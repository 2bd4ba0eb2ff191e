package io.gramian.estimation.select;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The smallest modulus of the roots of a lag polynomial {@code c(z) = 1 + c_1 z + … + c_N z^N}, the
 * test {@code auto.arima} applies to each fitted model ({@code forecast:::myarima} rejects a model
 * whose AR or MA polynomial has a root within 1.01 of the unit circle).
 *
 * <p>The roots of c are the reciprocals of the eigenvalues λ of the companion matrix whose first
 * row is {@code (−c_1, …, −c_N)} (ones on the subdiagonal), the roots of {@code z^N + c_1 z^{N−1} +
 * … + c_N}; so min |root| = 1 / max |λ|, and no coefficient is divided by.
 */
final class LagPolynomialRoots {

  private LagPolynomialRoots() {}

  /**
   * min |z| over the roots of c; {@code +∞} when c is the constant 1 (trailing zero coefficients
   * are dropped, as {@code myarima} does).
   *
   * @param c the coefficients c_1 … c_N; not modified
   */
  static double smallestModulus(double[] c) {
    int degree = c.length;
    while (degree > 0 && Math.abs(c[degree - 1]) <= NEGLIGIBLE) {
      degree--;
    }
    if (degree == 0) {
      return Double.POSITIVE_INFINITY;
    }
    DMatrixRMaj companion = new DMatrixRMaj(degree, degree);
    for (int j = 0; j < degree; j++) {
      companion.set(0, j, -c[j]);
    }
    for (int i = 1; i < degree; i++) {
      companion.set(i, i - 1, 1.0);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(degree, false);
    if (!eig.decompose(companion)) {
      throw new ArithmeticException(
          "the eigenvalues of a lag polynomial's companion did not converge");
    }
    double largest = 0;
    for (int i = 0; i < degree; i++) {
      largest = Math.max(largest, eig.getEigenvalue(i).getMagnitude());
    }
    return 1 / largest;
  }

  /**
   * The coefficients of the product {@code (1 + a_1 z + …)(1 + b_1 z^s + b_2 z^{2s} + …)}: a
   * multiplicative seasonal polynomial written out.
   *
   * @param a the non-seasonal coefficients a_1 … a_p
   * @param b the seasonal coefficients b_1 … b_P (of z^s, z^{2s}, …)
   */
  static double[] product(double[] a, double[] b, int s) {
    double[] full = new double[a.length + b.length * s];
    double[] left = new double[a.length + 1];
    left[0] = 1;
    System.arraycopy(a, 0, left, 1, a.length);
    double[] right = new double[b.length * s + 1];
    right[0] = 1;
    for (int j = 0; j < b.length; j++) {
      right[(j + 1) * s] = b[j];
    }
    for (int i = 0; i < left.length; i++) {
      for (int j = 0; j < right.length; j++) {
        if (i + j > 0) {
          full[i + j - 1] += left[i] * right[j];
        }
      }
    }
    return full;
  }

  /** |c_j| at or below this is a zero coefficient ({@code myarima}'s 1e-8). */
  private static final double NEGLIGIBLE = 1e-8;
}
