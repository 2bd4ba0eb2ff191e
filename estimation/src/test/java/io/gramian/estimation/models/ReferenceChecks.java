package io.gramian.estimation.models;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import java.util.Map;

/** Shared evaluation helpers and tolerances of the reference tests. */
final class ReferenceChecks {

  /**
   * ℓ at the reference parameters, relative: the references print 10 to 13 significant digits
   * (kfas_unemp.csv 10, so ±5e-11 relative from rounding alone); the filter agrees far below.
   */
  static final double LOGLIK_RELATIVE = 1e-8;

  /** A fit may end at most this far below the reference maximum (absolute, in ℓ). */
  static final double FIT_LOGLIK_SLACK = 1e-6;

  /**
   * Estimates, relative: the references agree between independent optimisers to about 1e-6
   * (statsmodels vs R optim in cases.csv); the project asks 1e-4.
   */
  static final double ESTIMATE_RELATIVE = 1e-4;

  /**
   * A variance estimated at its zero boundary is compared absolutely, at this fraction of the
   * series' variance: the references report such variances as 1e-12 … 1e-22, rounding noise of
   * their optimisers.
   */
  static final double ZERO_VARIANCE_FRACTION = 1e-8;

  /** ½ log 2π, what KFAS adds per diffuse observation with F∞ &gt; 0. */
  static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  private ReferenceChecks() {}

  /** ℓ of the model on the data at natural parameter values (all free). */
  static double loglik(UnobservedComponents model, ModelData data, double[] natural) {
    LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
    return ll.value(ll.layout().unconstrained(natural));
  }

  /**
   * ∂ℓ/∂θ from the filter's reverse sweep against central differences of ℓ with step h: |difference
   * − gradient| ≤ tolerance · max(1, |difference|) for every free parameter.
   */
  static void assertGradientMatchesCentralDifferences(
      LogLikelihood ll, double[] theta, double h, double tolerance, String label) {
    double[] g = new double[theta.length];
    ll.valueAndGradient(theta, g);
    for (int j = 0; j < theta.length; j++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[j] += h;
      minus[j] -= h;
      double fd = (ll.value(plus) - ll.value(minus)) / (2 * h);
      org.junit.jupiter.api.Assertions.assertEquals(
          fd,
          g[j],
          tolerance * Math.max(1, Math.abs(fd)),
          label + ", " + ll.layout().freeNames().get(j));
    }
  }

  static double relative(double value, double reference) {
    return Math.abs(value - reference) / Math.abs(reference);
  }

  /**
   * The estimate's error in units of its tolerance (≤ 1 passes): relative for a non-zero reference,
   * absolute at {@link #ZERO_VARIANCE_FRACTION} · var(y) for a variance at zero.
   */
  static double estimateError(double estimate, double reference, boolean variance, double varY) {
    double zero = ZERO_VARIANCE_FRACTION * varY;
    if (variance && reference <= zero) {
      return Math.abs(estimate - reference) / zero;
    }
    return Math.abs(estimate - reference) / (ESTIMATE_RELATIVE * Math.abs(reference));
  }

  /**
   * statsmodels' log-likelihoods of the SUTSE cases (statsmodels_sutse.csv beside the tests: case,
   * _, value), by case name.
   */
  static Map<String, Double> statsmodelsSutse() throws java.io.IOException {
    Map<String, Double> reference = new java.util.HashMap<>();
    try (java.io.BufferedReader in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                ReferenceChecks.class.getResourceAsStream("statsmodels_sutse.csv"),
                java.nio.charset.StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",");
        reference.put(f[0], Double.parseDouble(f[2]));
      }
    }
    return reference;
  }
}
