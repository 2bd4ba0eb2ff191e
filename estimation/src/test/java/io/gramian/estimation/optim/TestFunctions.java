package io.gramian.estimation.optim;

import java.util.Random;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Objectives with minima known in closed form, for the optimiser's tests. */
final class TestFunctions {

  private TestFunctions() {}

  /**
   * The extended Rosenbrock function (Moré, Garbow &amp; Hillstrom 1981, problem 21), n even:
   *
   * <pre>
   *   f(x) = Σ_{i=0}^{n/2−1} 100 (x_{2i+1} − x_{2i}²)² + (1 − x_{2i})²,   minimum f(1, …, 1) = 0
   * </pre>
   */
  static double rosenbrock(double[] x, double[] gradient) {
    double f = 0;
    for (int i = 0; i + 1 < x.length; i += 2) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      f += 100 * a * a + b * b;
      gradient[i] = -400 * x[i] * a - 2 * b;
      gradient[i + 1] = 200 * a;
    }
    return f;
  }

  /** The standard start (−1.2, 1, −1.2, 1, …), length n. */
  static double[] rosenbrockStart(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i += 2) {
      x[i] = -1.2;
      x[i + 1] = 1;
    }
    return x;
  }

  /**
   * f(x) = f* + ½ (x − x*)ᵀ A (x − x*), with A symmetric positive definite; ∇f = A (x − x*).
   *
   * @param a A, n × n
   * @param minimizer x*, length n
   * @param minimum f*
   */
  record Quadratic(double[][] a, double[] minimizer, double minimum, double smallestEigenvalue)
      implements DifferentiableFunction {

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
      int n = x.length;
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = x[i] - minimizer[i];
      }
      double quadratic = 0;
      for (int i = 0; i < n; i++) {
        double row = 0;
        for (int j = 0; j < n; j++) {
          row += a[i][j] * d[j];
        }
        gradient[i] = row;
        quadratic += d[i] * row;
      }
      return minimum + 0.5 * quadratic;
    }

    /**
     * A quadratic whose eigenvalues are log-spaced from 1 to {@code condition}, in the coordinate
     * axes (diagonal) or in a random orthonormal basis (rotated), with a random minimiser with
     * entries in [−1, 1]; the minimum value is {@code minimum}.
     */
    static Quadratic illConditioned(
        int n, double condition, boolean rotated, double minimum, long seed) {
      Random random = new Random(seed);
      double[] eigenvalues = new double[n];
      for (int i = 0; i < n; i++) {
        eigenvalues[i] = Math.pow(condition, i / (double) (n - 1));
      }
      RealMatrix q = MatrixUtils.createRealIdentityMatrix(n);
      if (rotated) {
        RealMatrix g = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            g.setEntry(i, j, random.nextGaussian());
          }
        }
        q = new QRDecomposition(g).getQ();
      }
      RealMatrix a =
          q.multiply(MatrixUtils.createRealDiagonalMatrix(eigenvalues)).multiply(q.transpose());
      double[][] symmetric = a.getData();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          double mean = 0.5 * (symmetric[i][j] + symmetric[j][i]);
          symmetric[i][j] = mean;
          symmetric[j][i] = mean;
        }
      }
      double[] minimizer = new double[n];
      for (int i = 0; i < n; i++) {
        minimizer[i] = 2 * random.nextDouble() - 1;
      }
      return new Quadratic(symmetric, minimizer, minimum, 1.0);
    }
  }

  /** ‖a − b‖₂. */
  static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(sum);
  }

  /** ‖a‖₂. */
  static double norm(double[] a) {
    return distance(a, new double[a.length]);
  }
}
