package io.gramian.estimation.arima;

/**
 * Lag polynomials as coefficient arrays c_0 … c_n of c(z) = Σ c_i z^i, in plain double arithmetic:
 * an implementation independent of the model's tape version, for tests.
 */
final class Polynomials {

  private Polynomials() {}

  /** 1 − φ₁ z^step − … − φ_n z^{n·step}. */
  static double[] ar(double[] phi, int step) {
    double[] c = new double[phi.length * step + 1];
    c[0] = 1;
    for (int i = 0; i < phi.length; i++) {
      c[(i + 1) * step] = -phi[i];
    }
    return c;
  }

  /** 1 + θ₁ z^step + … + θ_n z^{n·step}. */
  static double[] ma(double[] theta, int step) {
    double[] c = new double[theta.length * step + 1];
    c[0] = 1;
    for (int i = 0; i < theta.length; i++) {
      c[(i + 1) * step] = theta[i];
    }
    return c;
  }

  /** (1 − z)^d (1 − z^s)^D. */
  static double[] differencing(int d, int seasonalD, int s) {
    double[] c = {1};
    for (int i = 0; i < d; i++) {
      c = multiply(c, new double[] {1, -1});
    }
    for (int i = 0; i < seasonalD; i++) {
      double[] seasonal = new double[s + 1];
      seasonal[0] = 1;
      seasonal[s] = -1;
      c = multiply(c, seasonal);
    }
    return c;
  }

  static double[] multiply(double[] a, double[] b) {
    double[] c = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        c[i + j] += a[i] * b[j];
      }
    }
    return c;
  }
}
