package io.gramian.estimation.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.model.ApproximateDiffuse;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.UnobservedComponents;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fit takes ℓ at its estimate from the optimiser's own evaluation there (the recorded forward
 * sweep of ℓ with its gradient) instead of running the filter once more: the reported ℓ is the
 * likelihood evaluated afresh at the reported estimates, up to rounding.
 */
class OptimumReuseTest {

  /**
   * Reported ℓ against {@link LogLikelihood#value} at the estimates, relative to max(1, |ℓ|): the
   * two are the same sum computed by the recorded and the plain forward sweep (which differ in
   * whether Q is formed) at θ mapped to the natural scale and back, so they differ by rounding,
   * about 1e-13 at |ℓ| ≤ 700 over ≤ 192 steps; 1e-10 leaves room for the round trip of θ.
   */
  private static final double LOGLIK_TOLERANCE = 1e-10;

  static Stream<Arguments> fits() {
    return Stream.of(
        Arguments.of("Nile local level", UnobservedComponents.localLevel(), nile()),
        Arguments.of("ln KSI BSM", UnobservedComponents.bsm(12, "dummy"), lnKsi()),
        Arguments.of(
            "airline", Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12)), lnAirPassengers()),
        Arguments.of(
            "airline, statsmodels' approximate diffuse start with its burn",
            ApproximateDiffuse.of(
                    Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12)),
                    ApproximateDiffuse.STATSMODELS_KAPPA)
                .withDiffuseBurn(),
            lnAirPassengers()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fits")
  void reportedLogLikelihoodIsTheLikelihoodAtTheEstimates(
      String name, StateSpaceModel model, double[] series) {
    ModelData data = ModelData.of(series);
    FitResult fit = MaximumLikelihood.fit(model, data, FitOptions.defaults());
    assertTrue(fit.converged(), name + ": " + fit.optimizerMessage());
    LogLikelihood likelihood =
        new LogLikelihood(model, data, Map.of(), FitOptions.defaults().rule());
    double afresh = likelihood.value(likelihood.layout().unconstrained(fit.estimates()));
    assertEquals(
        afresh,
        fit.logLikelihood(),
        LOGLIK_TOLERANCE * Math.max(1, Math.abs(afresh)),
        name + ": ℓ reported against ℓ evaluated at the estimates");
  }

  /** A point the problem never evaluated has no remembered ℓ: the fit then computes it. */
  @Test
  void onlyEvaluatedPointsAreRemembered() {
    LogLikelihood likelihood =
        new LogLikelihood(
            UnobservedComponents.localLevel(),
            ModelData.of(nile()),
            Map.of(),
            FitOptions.defaults().rule());
    double[] theta0 = likelihood.layout().unconstrained(new double[] {15000, 1500});
    ScaledProblem problem = ScaledProblem.at(likelihood, theta0);
    double[] x = problem.scaled(theta0);
    assertTrue(problem.evaluatedLogLikelihood(x).isEmpty());
    double f = problem.valueAndGradient(x, new double[2]);
    assertEquals(problem.logLikelihood(f), problem.evaluatedLogLikelihood(x).getAsDouble(), 1e-9);
    double[] other = x.clone();
    other[0] = Math.nextUp(other[0]);
    assertTrue(problem.evaluatedLogLikelihood(other).isEmpty());
  }

  private static double[] nile() {
    return Datasets.nile().values();
  }

  private static double[] lnKsi() {
    return log(Datasets.ukDriverDeaths().values());
  }

  private static double[] lnAirPassengers() {
    return log(Datasets.airPassengers().values());
  }

  private static double[] log(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.log(v[i]);
    }
    return out;
  }
}
