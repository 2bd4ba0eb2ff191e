package io.gramian.estimation.arima;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.Datasets;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian likelihood at a non-invertible MA polynomial exists (statsmodels and Stata evaluate
 * it; {@code PeerOptionsReferenceTest} checks the values) and so does its gradient; a
 * non-stationary AR polynomial has no stationary initial covariance and is refused.
 */
class NonInvertibleMaTest {

  /** Analytic against central differences with step 1e-6 · max(1, |x|), relative. */
  private static final double GRADIENT_TOLERANCE = 1e-6;

  @Test
  void gradientAtANonInvertibleMaMatchesFiniteDifferences() {
    LogLikelihood ll =
        new LogLikelihood(
            Sarimax.of(SarimaxOrder.of(1, 1, 2)),
            ModelData.of(Datasets.nile().values()),
            Map.of(),
            TriaRule.MASKED);
    double[] natural = {0.3, 1.2, 1.5, 20000};
    ll.layout().requireLikelihoodExists(natural);
    LogLikelihood.NaturalGradient g = ll.naturalGradient(natural);
    for (int i = 0; i < natural.length; i++) {
      double h = 1e-6 * Math.max(1, Math.abs(natural[i]));
      double[] up = natural.clone();
      double[] down = natural.clone();
      up[i] += h;
      down[i] -= h;
      double difference =
          (ll.naturalGradient(up).logLikelihood() - ll.naturalGradient(down).logLikelihood())
              / (2 * h);
      assertEquals(
          difference,
          g.gradient()[i],
          GRADIENT_TOLERANCE * Math.max(1, Math.abs(difference)),
          ll.layout().names().get(i));
    }
  }

  @Test
  void aNonStationaryArIsRefusedWithTheReason() {
    LogLikelihood ll =
        new LogLikelihood(
            Sarimax.of(SarimaxOrder.of(1, 0, 1)),
            ModelData.of(Datasets.nile().values()),
            Map.of(),
            TriaRule.MASKED);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ll.layout().requireLikelihoodExists(new double[] {1.2, 1.5, 20000}));
    assertTrue(
        e.getMessage().contains("ar.L1")
            && e.getMessage().contains("not stationary")
            && e.getMessage().contains("stationary initial covariance"),
        e.getMessage());
  }
}
