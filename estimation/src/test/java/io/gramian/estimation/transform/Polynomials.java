package io.gramian.estimation.transform;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/** Test-side facts about AR polynomials φ(z) = 1 − φ₁ z − … − φ_p z^p, found independently. */
final class Polynomials {

  private Polynomials() {}

  /**
   * max |λ| over the eigenvalues of the companion matrix [φ₁ … φ_p; I 0]: the reciprocals of the
   * roots of φ(z), so φ is stationary iff this is &lt; 1.
   */
  static double companionSpectralRadius(double[] phi) {
    int p = phi.length;
    RealMatrix companion = MatrixUtils.createRealMatrix(p, p);
    for (int j = 0; j < p; j++) {
      companion.setEntry(0, j, phi[j]);
    }
    for (int i = 1; i < p; i++) {
      companion.setEntry(i, i - 1, 1);
    }
    EigenDecomposition eigen = new EigenDecomposition(companion);
    double radius = 0;
    for (int i = 0; i < p; i++) {
      radius = Math.max(radius, Math.hypot(eigen.getRealEigenvalue(i), eigen.getImagEigenvalue(i)));
    }
    return radius;
  }

  /**
   * The coefficients φ of φ(z) = Π_i (1 − λ_i z), i.e. the AR polynomial whose companion matrix has
   * the real eigenvalues λ_i.
   */
  static double[] fromReciprocalRoots(double... lambda) {
    // c holds the coefficients of Π (1 − λ_i z) in increasing powers of z: c_0 = 1.
    double[] c = new double[lambda.length + 1];
    c[0] = 1;
    for (int m = 0; m < lambda.length; m++) {
      for (int k = m + 1; k >= 1; k--) {
        c[k] -= lambda[m] * c[k - 1];
      }
    }
    double[] phi = new double[lambda.length];
    for (int k = 1; k <= lambda.length; k++) {
      phi[k - 1] = -c[k];
    }
    return phi;
  }
}
