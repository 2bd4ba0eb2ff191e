package io.gramian.estimation.model;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.testing.FiniteDifferences;
import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.kalman.FilterResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ApproximateDiffuse.withDiffuseBurn()}, the likelihood of {@code --init
 * approximate-diffuse}: ℓ = Σ_{t > d} ℓ_t with the κ start (statsmodels' loglikelihood_burn = d,
 * the diffuse states), its exact gradient, and per-observation scores that are zero in the burned
 * periods. (statsmodels' values are checked in {@code PeerOptionsReferenceTest}.)
 */
class ApproximateDiffuseBurnTest {

  /** The burned ℓ against the filter's own terms: the same arithmetic up to summation order. */
  private static final double SUM_TOLERANCE = 1e-12;

  /**
   * Analytic against five-point central differences (step 1e-6 · max(1, |θ|), truncation O(h⁴)) of
   * a likelihood computed with κ = 1e4: round-off ε|ℓ|/h ≈ 1e-7 against gradients of order 1–10³.
   */
  private static final double GRADIENT_TOLERANCE = 1e-6;

  static Sarimax airline() {
    return Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12));
  }

  static ModelData logAir() {
    double[] v = Datasets.airPassengers().values();
    double[] y = new double[v.length];
    for (int t = 0; t < y.length; t++) {
      y[t] = Math.log(v[t]);
    }
    return ModelData.of(y);
  }

  @Test
  void theBurnLeavesOutTheFirstDTermsOfTheKappaFilter() {
    ApproximateDiffuse kept = ApproximateDiffuse.of(airline(), 1e4);
    ApproximateDiffuse burned = kept.withDiffuseBurn();
    double[] natural = {-0.4, -0.55, 0.00135};
    LogLikelihood all = new LogLikelihood(kept, logAir(), Map.of(), TriaRule.MASKED);
    LogLikelihood part = new LogLikelihood(burned, logAir(), Map.of(), TriaRule.MASKED);
    assertEquals(0, all.loglikelihoodBurn());
    assertEquals(13, part.loglikelihoodBurn());
    FilterResult filter = all.filter(natural);
    double expected = filter.logLikelihood();
    for (int t = 0; t < 13; t++) {
      expected -= filter.logLikelihoodTerm(t);
    }
    double[] theta = part.layout().unconstrained(natural);
    assertEquals(expected, part.value(theta), SUM_TOLERANCE * Math.abs(expected));
    assertEquals(
        expected,
        part.naturalGradient(natural).logLikelihood(),
        SUM_TOLERANCE * Math.abs(expected));
  }

  @Test
  void gradientAndScoresOfTheBurnedLikelihood() {
    LogLikelihood ll =
        new LogLikelihood(
            ApproximateDiffuse.of(airline(), 1e4).withDiffuseBurn(),
            logAir(),
            Map.of(),
            TriaRule.MASKED);
    double[] theta = ll.layout().unconstrained(new double[] {-0.4, -0.55, 0.00135});
    double[] gradient = new double[theta.length];
    ll.valueAndGradient(theta, gradient);
    double[][] scores = ll.scores(theta);
    for (int i = 0; i < theta.length; i++) {
      double difference = fivePoint(ll, theta, i);
      double scale = Math.max(1, Math.abs(difference));
      assertEquals(difference, gradient[i], GRADIENT_TOLERANCE * scale, "θ" + i);
      double sum = 0;
      for (int t = 0; t < scores.length; t++) {
        if (t < 13) {
          assertEquals(0.0, scores[t][i], 0.0, "burned period " + t);
        }
        sum += scores[t][i];
      }
      assertEquals(gradient[i], sum, GRADIENT_TOLERANCE * scale, "Σ scores, θ" + i);
    }
  }

  /** (−f(θ + 2h e_i) + 8 f(θ + h e_i) − 8 f(θ − h e_i) + f(θ − 2h e_i)) / 12h. */
  static double fivePoint(LogLikelihood ll, double[] theta, int i) {
    double h = 1e-6 * Math.max(1, Math.abs(theta[i]));
    return FiniteDifferences.fivePoint(
        step -> {
          double[] x = theta.clone();
          x[i] += step;
          return ll.value(x);
        },
        h);
  }

  @Test
  void theDiffuseDirectionsStartWithVarianceKappaAlone() {
    // The BSM keeps a proper part inside its diffuse directions for the exact filter; the
    // approximate start removes it: P₁ = κ I on the 13 diffuse states.
    StateSpaceModel bsm =
        io.gramian.estimation.models.UnobservedComponents.named(
            "bsm", java.util.OptionalInt.of(12), "dummy", java.util.List.of());
    LogLikelihood ll =
        new LogLikelihood(ApproximateDiffuse.of(bsm, 1e4), logAir(), Map.of(), TriaRule.MASKED);
    var system = ll.system(new double[] {0.001, 0.0005, 1e-5, 0.0002});
    var P = new org.ejml.data.DMatrixRMaj(system.nx(), system.nx());
    org.ejml.dense.row.CommonOps_DDRM.multTransB(system.cholP0(), system.cholP0(), P);
    for (int i = 0; i < system.nx(); i++) {
      for (int j = 0; j < system.nx(); j++) {
        assertEquals(i == j ? 1e4 : 0.0, P.get(i, j), 1e-9, "P1[" + i + "][" + j + "]");
      }
    }
  }
}
