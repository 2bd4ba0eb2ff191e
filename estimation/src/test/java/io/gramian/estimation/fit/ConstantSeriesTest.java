package io.gramian.estimation.fit;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.models.UnobservedComponents;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A constant series: where ℓ is unbounded (a model that reproduces the constant as a variance goes
 * to zero) the fit's warnings say so, and not that the parameters are badly scaled; where it has a
 * proper maximum, nothing is said.
 */
class ConstantSeriesTest {

  private static final String UNBOUNDED =
      "the likelihood grows without bound as a variance goes to" + " zero";

  private static ModelData constant(int n, double value) {
    double[] y = new double[n];
    Arrays.fill(y, value);
    y[3] = Double.NaN; // a missing value does not break the constant
    return ModelData.of(y);
  }

  private static String joined(FitResult fit) {
    return String.join("\n", fit.warnings());
  }

  @Test
  void aLocalLevelOnAConstantSaysTheLikelihoodIsUnbounded() {
    FitResult fit =
        MaximumLikelihood.fit(
            UnobservedComponents.localLevel(), constant(100, 5), FitOptions.defaults());
    String warnings = joined(fit);
    assertTrue(
        warnings.contains(
            "the series is constant (all 99 observed values are 5): "
                + UNBOUNDED
                + ", so it has no maximum; the reported variances, standard errors and"
                + " log-likelihood are meaningless"),
        warnings);
    assertFalse(warnings.contains("scaling"), warnings);
  }

  @Test
  void anArimaWithAMeanOnAConstantSaysSoToo() {
    FitResult fit =
        MaximumLikelihood.fit(
            Sarimax.of(SarimaxOrder.of(1, 0, 0)).withMean(true),
            constant(100, -2.5),
            FitOptions.defaults());
    assertTrue(joined(fit).contains("all 99 observed values are -2.5"), joined(fit));
    assertTrue(joined(fit).contains(UNBOUNDED), joined(fit));
    assertFalse(joined(fit).contains("scaling"), joined(fit));
  }

  @Test
  void zeroMeanWhiteNoiseOnAConstantHasAMaximumAndNoWarning() {
    // y_t = ε_t with no mean: ℓ is maximised at σ² = mean of y² = 25, a proper maximum.
    FitResult fit =
        MaximumLikelihood.fit(
            Sarimax.of(SarimaxOrder.of(0, 0, 0)), constant(50, 5), FitOptions.defaults());
    assertTrue(fit.converged());
    assertEquals(25, fit.estimate("sigma2"), 25 * 1e-6);
    assertFalse(joined(fit).contains("constant"), joined(fit));
  }

  @Test
  void theNileIsNotConstant() {
    FitResult fit =
        MaximumLikelihood.fit(
            UnobservedComponents.localLevel(),
            ModelData.of(Datasets.nile().values()),
            FitOptions.defaults());
    assertFalse(joined(fit).contains("constant"), joined(fit));
    assertTrue(Double.isNaN(ConstantSeries.constantValue(ModelData.of(1, 1, 1.0000000000000002))));
    assertTrue(
        Double.isNaN(ConstantSeries.constantValue(ModelData.of(7, Double.NaN))),
        "one observed value is not a constant series");
    assertEquals(0.0, ConstantSeries.constantValue(ModelData.of(0, 0, Double.NaN, 0)));
  }
}
