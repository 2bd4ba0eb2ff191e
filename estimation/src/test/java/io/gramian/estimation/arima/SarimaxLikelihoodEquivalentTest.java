package io.gramian.estimation.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.tape.Var;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.LikelihoodEquivalent;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelMatrices;
import io.gramian.estimation.model.ParameterBlock;
import io.gramian.estimation.model.StateSpaceModel;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The likelihood a SARIMA fit's optimiser evaluates ({@link Sarimax#likelihoodEquivalent}: the
 * differenced series' when the differencing states are exactly diffuse and nothing is missing)
 * against the model's own exact diffuse likelihood, value and gradient, at seeded random
 * parameters; when it is offered; and the fits through it against fits that evaluate the model's
 * own likelihood.
 */
class SarimaxLikelihoodEquivalentTest {

  /**
   * Two filters over at most 192 steps, one with up to 13 more states and a diffuse start:
   * rounding, measured within 1e-14 of |ℓ| (4e-15 at most) and 1e-11 of the gradient's norm. The
   * tolerances leave three orders of margin; a wrong offset (one state's ½ log 2π = 0.92) or a
   * differenced series that lost or gained a step is off by far more.
   */
  private static final double VALUE_TOLERANCE = 1e-11;

  private static final double GRADIENT_TOLERANCE = 1e-8;

  /**
   * Both fits stop on BFGS's tests at the same scale: their ℓ agree within 1e-14 relative
   * (measured), their estimates within 1e-7 of max(|estimate|, standard error) (measured: 5e-8 on
   * the airline's ma.L1, where ℓ is flat to that digit). The tolerances leave two orders of margin
   * and stay far inside the side-by-side benchmark's 1e-6 of ℓ for the same maximum.
   */
  private static final double SAME_MAXIMUM = 1e-12;

  private static final double SAME_ESTIMATE = 1e-5;

  private record Case(String label, Sarimax model, ModelData data) {}

  private static List<Case> cases() {
    return List.of(
        new Case(
            "airline", Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12)), ArimaSeries.logAir()),
        new Case(
            "(2,1,0)(0,1,1,12) mean",
            Sarimax.of(SarimaxOrder.of(2, 1, 0, 0, 1, 1, 12)).withMean(true),
            ArimaSeries.logAir()),
        new Case(
            "(1,2,1) mean",
            Sarimax.of(SarimaxOrder.of(1, 2, 1)).withMean(true),
            ArimaSeries.nile()),
        new Case(
            "(1,0,0)(0,1,1,12) mean + regressors",
            Sarimax.of(SarimaxOrder.of(1, 0, 0, 0, 1, 1, 12))
                .withMean(true)
                .withRegressors(ArimaSeries.SEATBELT_REGRESSORS),
            ArimaSeries.seatbelts()));
  }

  @Test
  void equivalentValueAndGradientAreTheModelsOwn() {
    for (Case c : cases()) {
      LikelihoodEquivalent e = c.model().likelihoodEquivalent(c.data()).orElseThrow();
      assertEquals(c.model().parameterNames(), e.model().parameterNames(), c.label());
      LogLikelihood own = new LogLikelihood(c.model(), c.data(), Map.of(), TriaRule.MASKED);
      LogLikelihood equivalent = new LogLikelihood(e.model(), c.data(), Map.of(), TriaRule.MASKED);
      Random rng = new Random(c.label().hashCode());
      double[] start = own.layout().unconstrained(c.model().startParameters(c.data()));
      for (int draw = 0; draw < 3; draw++) {
        double[] theta = start.clone();
        for (int j = 0; j < theta.length; j++) {
          theta[j] += draw == 0 ? 0 : 0.3 * rng.nextGaussian() * Math.max(1, Math.abs(theta[j]));
        }
        double[] g = new double[theta.length];
        double[] ge = new double[theta.length];
        double ll = own.valueAndGradient(theta, g);
        double lle = equivalent.valueAndGradient(theta, ge) + e.offset();
        String what = c.label() + ", draw " + draw;
        assertEquals(ll, lle, VALUE_TOLERANCE * Math.abs(ll), what);
        assertTrue(
            io.gramian.autodiff.testing.Matrices.relativeError(ge, g) <= GRADIENT_TOLERANCE,
            what
                + ": gradients "
                + java.util.Arrays.toString(g)
                + " and "
                + java.util.Arrays.toString(ge));
      }
    }
  }

  @Test
  void offeredOnlyForDiffuseDifferencingWithNothingMissing() {
    Sarimax airline = Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12));
    ModelData air = ArimaSeries.logAir();
    assertTrue(airline.likelihoodEquivalent(air).isPresent());
    double[] y = air.y().data.clone();
    y[30] = Double.NaN;
    ModelData missing = ModelData.of(y);
    assertTrue(airline.likelihoodEquivalent(missing).isEmpty(), "a missing value");
    assertTrue(
        airline
            .withIntegration(Integration.SIMPLE_DIFFERENCING)
            .likelihoodEquivalent(air)
            .isEmpty(),
        "already differenced");
    assertTrue(
        Sarimax.of(SarimaxOrder.of(1, 0, 1)).likelihoodEquivalent(air).isEmpty(), "not integrated");
  }

  @Test
  void fitsThroughTheEquivalentReachTheModelsOwnMaximum() {
    for (Case c : cases()) {
      FitResult through = MaximumLikelihood.fit(c.model(), c.data(), FitOptions.defaults());
      FitResult own =
          MaximumLikelihood.fit(new WithoutEquivalent(c.model()), c.data(), FitOptions.defaults());
      assertTrue(through.converged() && own.converged(), c.label());
      assertEquals(
          own.logLikelihood(),
          through.logLikelihood(),
          SAME_MAXIMUM * Math.abs(own.logLikelihood()),
          c.label());
      LogLikelihood ll = new LogLikelihood(c.model(), c.data(), Map.of(), TriaRule.MASKED);
      assertEquals(
          ll.value(ll.layout().unconstrained(through.estimates())),
          through.logLikelihood(),
          VALUE_TOLERANCE * Math.abs(through.logLikelihood()),
          c.label() + ": the fit's ℓ is the model's own at its estimates");
      for (int i = 0; i < own.estimates().length; i++) {
        assertEquals(
            own.estimates()[i],
            through.estimates()[i],
            SAME_ESTIMATE * Math.max(Math.abs(own.estimates()[i]), own.standardErrors()[i]),
            c.label() + ", " + own.parameterNames().get(i));
      }
    }
  }

  /** A model as the wrapped one, but offering no equivalent: its fit evaluates its own ℓ. */
  private record WithoutEquivalent(Sarimax model) implements StateSpaceModel {
    @Override
    public String name() {
      return model.name();
    }

    @Override
    public List<ParameterBlock> parameterBlocks() {
      return model.parameterBlocks();
    }

    @Override
    public double[] startParameters(ModelData data) {
      return model.startParameters(data);
    }

    @Override
    public ModelMatrices build(Var[] values, ModelData data) {
      return model.build(values, data);
    }

    @Override
    public io.gramian.kalman.StateSpace system(ModelMatrices matrices, ModelData data) {
      return model.system(matrices, data);
    }

    @Override
    public ModelData prepare(ModelData data) {
      return model.prepare(data);
    }

    @Override
    public int diffuseStates(ModelData data) {
      return model.diffuseStates(data);
    }
  }
}
