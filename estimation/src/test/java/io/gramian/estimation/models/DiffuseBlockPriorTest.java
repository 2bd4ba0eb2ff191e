package io.gramian.estimation.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The proper part P* that {@link DiffuseBlockPrior} gives diffuse blocks lies in the range of P∞
 * and so changes nothing (Durbin &amp; Koopman 2012 §5.2: only P* outside range(P∞) enters the
 * diffuse likelihood): ℓ equals that with statsmodels' P* = 0 wherever the filter can run the
 * latter, including the models without an irregular, where P* = 0 makes the first innovation's
 * proper part F*₁ = 0.
 */
class DiffuseBlockPriorTest {

  /** Two square-root filters on one system with different factors of P*: rounding only. */
  private static final double SAME = 1e-12;

  @Test
  void likelihoodIsThatOfAZeroProperPart() {
    check(
        UnobservedComponents.bsm(12, "dummy"),
        ReferenceSeries.lnKsi(),
        new double[] {0.0035, 0.001, 1e-5, 1e-4});
    check(
        UnobservedComponents.bsm(12, "trig"),
        ReferenceSeries.lnKsi(),
        new double[] {0.0035, 0.001, 1e-5, 1e-6});
    check(
        UnobservedComponents.localLinearTrend(),
        ReferenceSeries.nile(),
        new double[] {15000, 1500, 10});
  }

  /**
   * Without an irregular, P* = 0 makes the first innovation's proper part F*₁ = 0 while its diffuse
   * part is not: the filter used to refuse that system (this test asserted the refusal); it now
   * computes the exact diffuse likelihood, and the block prior still changes nothing.
   */
  @Test
  void withoutAnIrregularTheZeroProperPartGivesTheSameLikelihood() {
    UnobservedComponents rwalk =
        UnobservedComponents.of(
            UnobservedComponentsSpec.builder(TrendSpecification.RANDOM_WALK).build());
    check(rwalk, ReferenceSeries.unemp(), new double[] {0.118});
  }

  private static void check(UnobservedComponents model, ModelData data, double[] natural) {
    LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
    StateSpace system = ll.system(natural);
    StateSpaceSystem s = (StateSpaceSystem) system;
    StateSpaceSystem zero =
        s.withInitialState(s.m0(), new DMatrixRMaj(s.nx(), s.nx()), s.cholPinf());
    double expected = SquareRootFilter.forSystem(zero).logLikelihood(zero, data.y());
    double ours = ll.value(ll.layout().unconstrained(natural));
    assertEquals(expected, ours, SAME * Math.abs(expected), model.name());
  }
}
