package io.gramian.estimation.fit;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.UnobservedComponents;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Parameters held fixed in a fit ({@code FitOptions.withFixed}), a variance held at exactly zero
 * among them: the likelihood at a singular Q and its exact gradient for the free parameters,
 * against finite differences and against an independent formulation of the same model; and the
 * values that cannot be held. (statsmodels' fits with {@code fix_params} on the same data are in
 * {@code PeerOptionsReferenceTest}.)
 */
class FixedParametersTest {

  /**
   * Analytic against central differences (step 1e-6 · max(1, |θ|)): truncation O(h²) and round-off
   * ε|ℓ|/h ≈ 2e-8 against gradients of order 10²–10⁴.
   */
  private static final double GRADIENT_TOLERANCE = 1e-6;

  /** Two fits of the same likelihood: both stop on the gradient test. */
  private static final double MAXIMUM_TOLERANCE = 1e-7;

  /** Estimates of the same maximum by two formulations, relative. */
  private static final double ESTIMATE_TOLERANCE = 1e-4;

  static ModelData logKsi() {
    double[] v = Datasets.ukDriverDeaths().values();
    double[] y = new double[v.length];
    for (int t = 0; t < y.length; t++) {
      y[t] = Math.log(v[t]);
    }
    return ModelData.of(y);
  }

  static StateSpaceModel structural(String name, Integer seasonal) {
    return UnobservedComponents.named(
        name,
        seasonal == null ? OptionalInt.empty() : OptionalInt.of(seasonal),
        "dummy",
        List.of());
  }

  @Test
  void aLevelHeldAtZeroIsTheSmoothTrend() {
    ModelData data = logKsi();
    FitResult held =
        MaximumLikelihood.fit(
            structural("local-linear-trend", null),
            data,
            FitOptions.defaults().withFixed(Map.of("sigma2.level", 0.0)));
    FitResult smooth =
        MaximumLikelihood.fit(structural("smooth-trend", null), data, FitOptions.defaults());
    assertTrue(held.converged() && smooth.converged());
    assertEquals(smooth.logLikelihood(), held.logLikelihood(), MAXIMUM_TOLERANCE);
    assertEquals(0.0, held.estimate("sigma2.level"), 0.0);
    assertFalse(held.free()[1]);
    assertTrue(Double.isNaN(held.standardErrors()[1])); // undefined: the parameter is fixed
    assertFalse(held.parameter("sigma2.level").hasStandardError());
    assertTrue(Double.isNaN(held.parameter("sigma2.level").pValue()));
    for (String name : List.of("sigma2.irregular", "sigma2.trend")) {
      assertEquals(
          smooth.estimate(name),
          held.estimate(name),
          ESTIMATE_TOLERANCE * smooth.estimate(name),
          name);
    }
    // statsmodels' df_model: the free parameters (2) and the diffuse states (2)
    assertEquals(4, held.criteria().parameterCount());
    assertTrue(
        held.warnings().stream().noneMatch(w -> w.contains("sigma2.level")),
        "a fixed zero is not a boundary estimate: " + held.warnings());
  }

  @Test
  void gradientWithAVarianceHeldAtZeroMatchesFiniteDifferences() {
    // BSM with the level's variance held at zero: Q is singular in the level's direction.
    LogLikelihood ll =
        new LogLikelihood(
            structural("bsm", 12), logKsi(), Map.of("sigma2.level", 0.0), TriaRule.MASKED);
    assertEquals(
        List.of("sigma2.irregular", "sigma2.trend", "sigma2.seasonal"), ll.layout().freeNames());
    double[] theta = ll.layout().unconstrained(new double[] {0.0035, 0.0, 2e-5, 3e-4});
    double[] gradient = new double[theta.length];
    ll.valueAndGradient(theta, gradient);
    double[] difference = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      double h = 1e-6 * Math.max(1, Math.abs(theta[i]));
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[i] += h;
      down[i] -= h;
      difference[i] = (ll.value(up) - ll.value(down)) / (2 * h);
    }
    double norm = 0;
    double error = 0;
    for (int i = 0; i < theta.length; i++) {
      norm = Math.max(norm, Math.abs(difference[i]));
      error = Math.max(error, Math.abs(gradient[i] - difference[i]));
    }
    assertTrue(error <= GRADIENT_TOLERANCE * norm, "gradient error " + error + " of " + norm);
  }

  @Test
  void valuesThatCannotBeHeldAreRefusedByName() {
    ModelData nile = ModelData.of(Datasets.nile().values());
    StateSpaceModel level = structural("local-level", null);
    assertRefused(level, nile, Map.of("sigma2.slope", 1.0), "unknown parameter sigma2.slope");
    assertRefused(level, nile, Map.of("sigma2.level", -1.0), "sigma2.level = -1.0 is negative");
    StateSpaceModel ar2 = Sarimax.of(SarimaxOrder.of(2, 0, 0));
    assertRefused(ar2, nile, Map.of("ar.L1", 1.5, "ar.L2", 0.0), "not stationary");
    assertRefused(ar2, nile, Map.of("ar.L1", 0.5), "fix all of them or none");
    StateSpaceModel ma1 = Sarimax.of(SarimaxOrder.of(0, 1, 1));
    assertRefused(ma1, nile, Map.of("ma.L1", 1.5), "not invertible");
  }

  private static void assertRefused(
      StateSpaceModel model, ModelData data, Map<String, Double> fixed, String expected) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MaximumLikelihood.fit(model, data, FitOptions.defaults().withFixed(fixed)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
