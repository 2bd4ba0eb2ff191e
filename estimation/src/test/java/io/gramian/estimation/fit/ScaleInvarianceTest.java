package io.gramian.estimation.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.UnobservedComponents;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fit does not depend on the units the data are written in. For y_k = 10^k · y:
 *
 * <ul>
 *   <li>the estimates scale with their units: a variance by 10^{2k}, a mean or regression
 *       coefficient by 10^k, a dimensionless parameter (AR/MA, damping) not at all;
 *   <li>every fit converges;
 *   <li>ℓ_k = ℓ_0 − (n − d) · k · ln 10, the Jacobian of y ↦ 10^k y. Derivation: the density of
 *       each observation after the exact diffuse period, N(v_t; 0, F_t), gains the factor 10^{−k}
 *       when v_t scales by 10^k and F_t by 10^{2k} (ℓ_t gains −k ln 10); an exactly diffuse step
 *       contributes −½ (log 2π + log F∞,t), and F∞,t = H P∞ Hᵀ involves neither the data nor the
 *       variances, so it gains nothing. Of the n observed values, d (one per diffuse state, as each
 *       is resolved by one observation) are diffuse steps.
 * </ul>
 *
 * Before the fit worked in scale-free coordinates, the Nile × 10⁶ stopped at its start values after
 * 0 iterations and reported "converged", ℓ 7.7 below the maximum.
 */
class ScaleInvarianceTest {

  /**
   * Estimates at scale 10^k divided by their unit, against k = 0, relative: the optimiser stops
   * when the relative gradient of −ℓ/n is below 1e-8, which leaves the estimates about 1e-8
   * relative from the maximum; 1e-6 leaves room for the different rounding at each scale.
   */
  private static final double ESTIMATE_TOLERANCE = 1e-6;

  /**
   * ℓ_k against ℓ_0 − (n − d) k ln 10: ℓ is stationary at the maximum, so the estimates' 1e-8 moves
   * it by ~1e-14; rounding in the filter at |ℓ| ≤ 3000 is ~1e-12.
   */
  private static final double LOGLIK_TOLERANCE = 1e-8;

  /** A variance estimated near zero is compared on the scale of the fit's largest variance. */
  private static final String VARIANCE_PREFIX = "sigma2";

  /**
   * 10⁻¹² … 10¹², the range the issue set. It needs the filter's exact diffuse collapse to judge
   * its diffuse pivots against the diffuse rows alone (kalman's DiffuseScaleInvarianceTest): with
   * one threshold for the whole block, from 10¹⁰ a live diffuse pivot counted as dead and the
   * gradient (not ℓ) went wrong.
   */
  static IntStream everyPowerOfTen() {
    return IntStream.rangeClosed(-12, 12);
  }

  @ParameterizedTest(name = "Nile × 1e{0}")
  @MethodSource("everyPowerOfTen")
  void nileLocalLevel(int k) {
    double[] nile = Datasets.nile().values();
    assertInvariant(UnobservedComponents.localLevel(), nile, k);
  }

  @ParameterizedTest(name = "ln AirPassengers × 1e{0}, airline model")
  @ValueSource(ints = {-12, -6, 6, 12})
  void airline(int k) {
    assertInvariant(
        Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12)),
        log(Datasets.airPassengers().values()),
        k);
  }

  @ParameterizedTest(name = "Nile × 1e{0}, AR(1) with a mean")
  @ValueSource(ints = {-12, -6, 6, 12})
  void autoregressionWithMean(int k) {
    assertInvariant(
        Sarimax.of(SarimaxOrder.of(1, 0, 0)).withMean(true), Datasets.nile().values(), k);
  }

  @ParameterizedTest(name = "ln KSI × 1e{0}, basic structural model")
  @ValueSource(ints = {-12, -6, 6, 12})
  void basicStructuralModel(int k) {
    assertInvariant(
        UnobservedComponents.bsm(12, "dummy"), log(Datasets.ukDriverDeaths().values()), k);
  }

  /**
   * One value 10⁷ (10⁴ times the Nile's level) in the Nile: the fit reaches the maximum that fits
   * from starts spread over six orders of magnitude around it find (an independent search of the
   * same likelihood), and says it converged. Before, it stopped after 5 iterations at σ²_ε 10⁶
   * times too small, "converged".
   */
  @Test
  void oneHugeOutlierReachesTheMaximum() {
    double[] y = Datasets.nile().values();
    y[50] = 1e7;
    ModelData data = ModelData.of(y);
    StateSpaceModel model = UnobservedComponents.localLevel();
    FitResult fit = MaximumLikelihood.fit(model, data, FitOptions.defaults());
    assertTrue(fit.converged(), fit.optimizerMessage());
    double best = Double.NEGATIVE_INFINITY;
    double[] start = fit.estimates();
    for (double a : new double[] {1e-3, 1, 1e3}) {
      for (double b : new double[] {1e-3, 1, 1e3}) {
        double[] from = {a * start[0], b * Math.max(start[1], 1)};
        FitResult other = MaximumLikelihood.fit(model, data, FitOptions.defaults().withStart(from));
        best = Math.max(best, other.logLikelihood());
      }
    }
    assertTrue(
        fit.logLikelihood() >= best - LOGLIK_TOLERANCE,
        "ℓ = " + fit.logLikelihood() + " below the best of several starts, " + best);
  }

  private static void assertInvariant(StateSpaceModel model, double[] y, int k) {
    FitResult base = MaximumLikelihood.fit(model, ModelData.of(y), FitOptions.defaults());
    double a = Math.pow(10, k);
    double[] scaled = new double[y.length];
    for (int t = 0; t < y.length; t++) {
      scaled[t] = y[t] * a;
    }
    FitResult fit = MaximumLikelihood.fit(model, ModelData.of(scaled), FitOptions.defaults());
    String label = model.name() + " × 1e" + k;

    assertTrue(base.converged(), label + " (k = 0): " + base.optimizerMessage());
    assertTrue(fit.converged(), label + ": " + fit.optimizerMessage());
    List<String> names = fit.parameterNames();
    double largestVariance = 0;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).startsWith(VARIANCE_PREFIX)) {
        largestVariance = Math.max(largestVariance, base.estimates()[i]);
      }
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      boolean variance = name.startsWith(VARIANCE_PREFIX);
      double unit = variance ? a * a : name.equals("mean") || name.startsWith("beta.") ? a : 1;
      double expected = base.estimates()[i];
      double scale = variance ? largestVariance : Math.max(1, Math.abs(expected));
      assertEquals(
          expected, fit.estimates()[i] / unit, ESTIMATE_TOLERANCE * scale, label + " " + name);
    }
    int jacobianObservations = fit.observed() - fit.diffuseStates();
    assertEquals(
        base.logLikelihood() - jacobianObservations * k * Math.log(10),
        fit.logLikelihood(),
        LOGLIK_TOLERANCE,
        label + " ℓ");
  }

  private static double[] log(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.log(values[i]);
    }
    return out;
  }
}
