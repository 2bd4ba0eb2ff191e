package io.gramian.estimation.optim;

/** The few vector operations the optimiser needs, on plain arrays of equal length. */
final class Vectors {

  private Vectors() {}

  /** aᵀb. */
  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** ‖a‖_∞ = max_i |a_i|. */
  static double normInf(double[] a) {
    double max = 0;
    for (double v : a) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  /** ‖a‖₂. */
  static double norm2(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** x + α p, a new array. */
  static double[] addScaled(double[] x, double alpha, double[] p) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] + alpha * p[i];
    }
    return out;
  }

  /** a − b, a new array. */
  static double[] subtract(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }

  /** True when every entry is finite (neither NaN nor ±∞). */
  static boolean allFinite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
