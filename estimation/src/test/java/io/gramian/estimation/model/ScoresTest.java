package io.gramian.estimation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.models.UnobservedComponents;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-observation scores (one forward sweep, k tangent sweeps, the model's Jacobian taken only
 * for the matrices that depend on a parameter) sum to the gradient of the reverse sweep, an
 * independent computation, on models whose systems mix constant and parameter-dependent matrices.
 */
class ScoresTest {

  /**
   * Σ_t s_tj against ∂ℓ/∂θ_j, relative to max(1, ‖∇ℓ‖∞): forward and reverse mode compute the same
   * derivative in a different order, so they differ by rounding in sums of ≤ 192 terms of ℓ's size
   * (|ℓ| ≤ 700): about 1e-12; a skipped parameter-dependent matrix would change a column by O(1).
   */
  private static final double SUM_TOLERANCE = 1e-9;

  static Stream<Arguments> models() {
    double[] lnKsi = log(Datasets.ukDriverDeaths().values());
    double[] lnAir = log(Datasets.airPassengers().values());
    return Stream.of(
        Arguments.of("airline", Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12)), lnAir),
        Arguments.of(
            "SARIMA(2,0,0)(0,1,1)12 with a mean",
            Sarimax.of(SarimaxOrder.of(2, 0, 0, 0, 1, 1, 12)).withMean(true),
            lnKsi),
        Arguments.of("BSM, dummy seasonal", UnobservedComponents.bsm(12, "dummy"), lnKsi),
        Arguments.of("BSM, trigonometric seasonal", UnobservedComponents.bsm(12, "trig"), lnAir));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void scoresSumToTheGradient(String name, StateSpaceModel model, double[] series) {
    LogLikelihood likelihood =
        new LogLikelihood(model, ModelData.of(series), Map.of(), TriaRule.MASKED);
    double[] start = model.startParameters(likelihood.data());
    double[] theta = likelihood.layout().unconstrained(start);
    double[] gradient = new double[theta.length];
    likelihood.valueAndGradient(theta, gradient);
    double[][] scores = likelihood.scores(theta);
    double scale = 1;
    for (double g : gradient) {
      scale = Math.max(scale, Math.abs(g));
    }
    for (int j = 0; j < theta.length; j++) {
      double sum = 0;
      for (double[] row : scores) {
        sum += row[j];
      }
      assertEquals(gradient[j], sum, SUM_TOLERANCE * scale, name + ", parameter " + j);
    }
  }

  static double[] log(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.log(v[i]);
    }
    return out;
  }
}
