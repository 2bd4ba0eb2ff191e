package io.gramian.estimation.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.testing.CovarianceFilter;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Regression coefficients that follow random walks ({@code --exog-varying}) against the
 * covariance-form oracle, on ln KSI with a local level, a constant coefficient on {@code law} and a
 * varying one on {@code petrol}:
 *
 * <pre>
 *   y_t = μ_t + law_t β_law + petrol_t β_petrol,t + ε_t
 *   μ_{t+1} = μ_t + η_t,   β_petrol,t+1 = β_petrol,t + ξ_t,   ξ_t ~ N(0, σ²_beta.petrol)
 * </pre>
 *
 * The oracle's system is written here by hand (F = I₃, H_t = [1, law_t, petrol_t], Q =
 * diag(σ²_level, 0, σ²_beta.petrol), R = σ²_irregular) with the proper prior P₁ = κ I₃: the plain
 * filter's ℓ_κ + (3/2) log κ tends to the exact diffuse ℓ as O(1/κ) (Durbin &amp; Koopman 2012
 * §5.1–5.2), Richardson-extrapolated from κ = 1e5 and 1e6; its gradient is the centred difference
 * of that limit.
 */
class VaryingRegressionOracleTest {

  /**
   * ℓ, relative: the extrapolation leaves O(1/κ²) ≈ 1e-10 relative, and the covariance form at κ =
   * 1e6 loses about six of sixteen digits in P⁺ = P⁻ − K V Kᵀ (measured gap 2.2e-11).
   */
  private static final double LOGLIK_RELATIVE = 1e-9;

  /**
   * The gradient, relative to the largest entry: centred differences of the oracle with step h =
   * 1e-4 |θ| carry the oracle's rounding (about 1e-11 |ℓ|) divided by h plus O(h²) truncation
   * (measured gap 2.4e-6).
   */
  private static final double GRADIENT_RELATIVE = 1e-5;

  private static final double STEP = 1e-4;

  private static final double[] PARAMS = {0.004, 0.0006, 0.02};

  private static UnobservedComponents model() {
    return UnobservedComponents.of(
        UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LEVEL)
            .exog("law", "petrol")
            .varyingExog(List.of("petrol"))
            .build());
  }

  @Test
  void namesStatesAndParameters() {
    UnobservedComponents model = model();
    assertEquals(
        List.of("sigma2.irregular", "sigma2.level", "sigma2.beta.petrol"), model.parameterNames());
    assertEquals(List.of("level", "beta.law", "beta.petrol"), model.stateNames());
    assertEquals(3, model.diffuseStates(ReferenceSeries.lnKsi("law", "petrol")));
  }

  @Test
  void logLikelihoodAndGradientAreTheOracles() {
    ModelData data = ReferenceSeries.lnKsi("law", "petrol");
    LogLikelihood ll = new LogLikelihood(model(), data, Map.of(), TriaRule.MASKED);
    LogLikelihood.NaturalGradient ours = ll.naturalGradient(PARAMS);
    double expected = oracle(data, PARAMS);
    assertEquals(expected, ours.logLikelihood(), LOGLIK_RELATIVE * Math.abs(expected));
    double[] g = new double[PARAMS.length];
    double largest = 0;
    for (int i = 0; i < g.length; i++) {
      double h = STEP * PARAMS[i];
      double[] up = PARAMS.clone();
      double[] down = PARAMS.clone();
      up[i] += h;
      down[i] -= h;
      g[i] = (oracle(data, up) - oracle(data, down)) / (2 * h);
      largest = Math.max(largest, Math.abs(g[i]));
    }
    for (int i = 0; i < g.length; i++) {
      assertEquals(g[i], ours.gradient()[i], GRADIENT_RELATIVE * largest, "∂ℓ/∂θ" + i);
    }
  }

  @Test
  void varyingNeedsARegressorAndTheDiffuseForm() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LEVEL)
                .exog("law")
                .varyingExog(List.of("petrol"))
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LEVEL)
                .exog("law")
                .mleRegression(true)
                .varyingExog(List.of("law"))
                .build());
  }

  /** The exact diffuse ℓ as the limit of the proper-prior ℓ_κ + (3/2) log κ. */
  private static double oracle(ModelData data, double[] p) {
    double at5 = properPrior(data, p, 1e5);
    double at6 = properPrior(data, p, 1e6);
    return (10 * at6 - at5) / 9;
  }

  private static double properPrior(ModelData data, double[] p, double kappa) {
    DMatrixRMaj x = data.exog();
    StateSpace s =
        new StateSpace() {
          @Override
          public int nx() {
            return 3;
          }

          @Override
          public int ny() {
            return 1;
          }

          @Override
          public int q() {
            return 3;
          }

          @Override
          public int r() {
            return 1;
          }

          @Override
          public int k() {
            return 3;
          }

          @Override
          public DMatrixRMaj F(int t) {
            return identity(1);
          }

          @Override
          public DMatrixRMaj c(int t) {
            return new DMatrixRMaj(3, 1);
          }

          @Override
          public DMatrixRMaj H(int t) {
            return new DMatrixRMaj(1, 3, true, 1, x.get(t, 0), x.get(t, 1));
          }

          @Override
          public DMatrixRMaj d(int t) {
            return new DMatrixRMaj(1, 1);
          }

          @Override
          public DMatrixRMaj cholQ(int t) {
            DMatrixRMaj q = new DMatrixRMaj(3, 3);
            q.set(0, 0, Math.sqrt(p[1]));
            q.set(2, 2, Math.sqrt(p[2]));
            return q;
          }

          @Override
          public DMatrixRMaj cholR(int t) {
            return new DMatrixRMaj(1, 1, true, Math.sqrt(p[0]));
          }

          @Override
          public DMatrixRMaj m0() {
            return new DMatrixRMaj(3, 1);
          }

          @Override
          public DMatrixRMaj cholP0() {
            return identity(Math.sqrt(kappa));
          }
        };
    return CovarianceFilter.of(s, data.y()).logLikelihood + 1.5 * Math.log(kappa);
  }

  private static DMatrixRMaj identity(double scale) {
    DMatrixRMaj m = new DMatrixRMaj(3, 3);
    for (int i = 0; i < 3; i++) {
      m.set(i, i, scale);
    }
    return m;
  }
}
