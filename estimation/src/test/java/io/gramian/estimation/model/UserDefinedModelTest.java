package io.gramian.estimation.model;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.datasets.Datasets;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A model defined by a user in a dozen lines, with no adjoint written by hand, gets the exact
 * gradient and a maximum-likelihood fit that reproduces the reference values: the Nile local level
 * (statsmodels 0.13.5, exact diffuse; see the project's reference values).
 */
class UserDefinedModelTest {

  /** The user's model: y_t = μ_t + ε_t, μ_{t+1} = μ_t + η_t, μ_1 diffuse. */
  static final class NileLevel implements StateSpaceModel {
    @Override
    public String name() {
      return "user local level";
    }

    @Override
    public List<ParameterBlock> parameterBlocks() {
      return List.of(
          ParameterBlock.variance("sigma2.irregular"), ParameterBlock.variance("sigma2.level"));
    }

    @Override
    public double[] startParameters(ModelData data) {
      return new double[] {10000, 1000};
    }

    @Override
    public ModelMatrices build(Var[] p, ModelData data) {
      Tape tape = p[0].tape();
      Var one = tape.constant(1);
      return ModelMatrices.builder(tape)
          .F(one)
          .H(one)
          .cholQ(p[1])
          .cholR(p[0])
          .cholP0(tape.zeros(1, 1))
          .cholPinf(one) // the level is exactly diffuse
          .build();
    }
  }

  /** statsmodels' value has 13 significant digits; the filter agrees far below that. */
  private static final double LOGLIK_TOLERANCE = 1e-8;

  /** The reference estimates agree between two optimisers to about 1e-6; we are asked 1e-4. */
  private static final double ESTIMATE_TOLERANCE = 1e-4;

  /** Central differences of ℓ in θ at h = 1e-4 · |θ|: O(h²) truncation, about 1e-7 relative. */
  private static final double GRADIENT_TOLERANCE = 1e-6;

  private static ModelData nile() {
    return ModelData.of(Datasets.nile().values());
  }

  @Test
  void logLikelihoodAtDurbinKoopmanParameters() {
    LogLikelihood ll = new LogLikelihood(new NileLevel(), nile(), Map.of(), TriaRule.MASKED);
    double[] theta = ll.layout().unconstrained(new double[] {15099, 1469.1});
    assertEquals(-633.4645636489, ll.value(theta), LOGLIK_TOLERANCE * 633.5);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    LogLikelihood ll = new LogLikelihood(new NileLevel(), nile(), Map.of(), TriaRule.MASKED);
    double[] theta = ll.layout().unconstrained(new double[] {12000, 2000});
    double[] g = new double[2];
    ll.valueAndGradient(theta, g);
    for (int j = 0; j < 2; j++) {
      double h = 1e-4 * Math.abs(theta[j]);
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[j] += h;
      minus[j] -= h;
      double fd = (ll.value(plus) - ll.value(minus)) / (2 * h);
      assertEquals(fd, g[j], GRADIENT_TOLERANCE * Math.max(1, Math.abs(fd)), "θ_" + j);
    }
  }

  @Test
  void fitReproducesTheReferenceMaximum() {
    FitResult fit = MaximumLikelihood.fit(new NileLevel(), nile(), FitOptions.defaults());
    assertTrue(fit.converged(), fit.optimizerMessage());
    assertTrue(fit.logLikelihood() >= -633.4645636362 - 1e-6, "ℓ = " + fit.logLikelihood());
    assertEquals(15098.5238088, fit.estimate("sigma2.irregular"), ESTIMATE_TOLERANCE * 15098.5);
    assertEquals(1469.17699197, fit.estimate("sigma2.level"), ESTIMATE_TOLERANCE * 1469.2);
    assertEquals(1272.929127, fit.criteria().aic(), 1e-5);
    assertEquals(1, fit.diffuseStates());
    assertTrue(fit.standardErrors()[0] > 0 && Double.isFinite(fit.standardErrors()[0]));
  }
}
