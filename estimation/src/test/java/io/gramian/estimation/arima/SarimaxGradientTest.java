package io.gramian.estimation.arima;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.testing.FiniteDifferences;
import io.gramian.autodiff.testing.Matrices;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ParameterLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic gradient ∂ℓ/∂θ (filter reverse sweep + model tape + parameter transforms) against
 * fourth-order central differences of ℓ, at seeded random parameters: (1,0,0), (2,0,1), (0,1,1) on
 * the Nile and (0,1,1)(0,1,1,12) on log AirPassengers, each with and without the mean, with and
 * without missing values (among them the first observation, a diffuse one), with exact diffuse and
 * simple differencing, and with regressors.
 */
class SarimaxGradientTest {

  /**
   * ‖∇ − ∇_FD‖/‖∇_FD‖. The differences use h = 1e-3·max(|θ_j|, 0.05) and the 5-point stencil:
   * truncation O(h⁴) relative to the parameter's own scale (σ of log AirPassengers is 0.04, so a
   * step of 1e-3 in absolute terms would be 2.5 % of it) and rounding about 1e-16·|ℓ|/h, both below
   * 1e-8 relative here.
   */
  private static final double GRADIENT_TOLERANCE = 1e-6;

  private static final double STEP = 1e-3;

  /** Floor of the step's scale, for θ near 0. */
  private static final double MIN_SCALE = 0.05;

  record Case(String label, Sarimax model, ModelData data) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    SarimaxOrder[] nileOrders = {
      SarimaxOrder.of(1, 0, 0), SarimaxOrder.of(2, 0, 1), SarimaxOrder.of(0, 1, 1)
    };
    SarimaxOrder airline = SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12);
    for (boolean mean : new boolean[] {false, true}) {
      for (boolean missing : new boolean[] {false, true}) {
        for (SarimaxOrder order : nileOrders) {
          add(cases, order, mean, missing, ArimaSeries.nile());
        }
        add(cases, airline, mean, missing, ArimaSeries.logAir());
      }
    }
    Sarimax regression =
        Sarimax.of(SarimaxOrder.of(1, 0, 0, 0, 1, 1, 12))
            .withMean(true)
            .withRegressors(ArimaSeries.SEATBELT_REGRESSORS);
    for (Integration integration : Integration.values()) {
      cases.add(
          new Case(
              "(1,0,0)(0,1,1,12) mean + regressors, " + integration,
              regression.withIntegration(integration),
              withMissing(ArimaSeries.seatbelts())));
    }
    return cases;
  }

  private static void add(
      List<Case> cases, SarimaxOrder order, boolean mean, boolean missing, ModelData data) {
    ModelData d = missing ? withMissing(data) : data;
    for (Integration integration : Integration.values()) {
      if (integration == Integration.SIMPLE_DIFFERENCING && !order.isIntegrated()) {
        continue;
      }
      String label =
          order + (mean ? " mean" : "") + (missing ? " missing" : "") + " " + integration;
      cases.add(new Case(label, Sarimax.of(order).withMean(mean).withIntegration(integration), d));
    }
  }

  /** Observations 1, 5, 6 and 40 missing (1-based). */
  private static ModelData withMissing(ModelData data) {
    double[] y = data.y().data.clone();
    for (int t : new int[] {0, 4, 5, 39}) {
      y[t] = Double.NaN;
    }
    return new ModelData(
        new org.ejml.data.DMatrixRMaj(y.length, 1, true, y), data.exog(), data.exogNames());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void analyticGradientMatchesFiniteDifferences(Case c) {
    LogLikelihood ll = new LogLikelihood(c.model(), c.data(), Map.of(), TriaRule.MASKED);
    double[] theta = randomTheta(ll, c, new Random(c.label().hashCode()));
    double[] g = new double[theta.length];
    ll.valueAndGradient(theta, g);
    double[] fd = new double[theta.length];
    for (int j = 0; j < theta.length; j++) {
      double h = STEP * Math.max(Math.abs(theta[j]), MIN_SCALE);
      int entry = j;
      fd[j] = FiniteDifferences.fivePoint(step -> shifted(ll, theta, entry, step), h);
    }
    double relative = Matrices.relativeError(g, fd);
    assertTrue(
        relative <= GRADIENT_TOLERANCE,
        c.label()
            + ": relative error "
            + relative
            + ", analytic "
            + java.util.Arrays.toString(g)
            + ", finite differences "
            + java.util.Arrays.toString(fd));
  }

  /**
   * θ near the start values: AR and MA blocks at random unconstrained values (partial
   * autocorrelations within ±0.6), σ² within a factor 2 of its start, the mean and regression
   * coefficients moved by up to a standard deviation of the noise.
   */
  private static double[] randomTheta(LogLikelihood ll, Case c, Random random) {
    ParameterLayout layout = ll.layout();
    double[] natural = c.model().startParameters(ll.data());
    double[] theta = layout.unconstrained(natural);
    List<String> names = layout.names();
    double sigma = Math.sqrt(natural[names.indexOf("sigma2")]);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.startsWith("ar.") || name.startsWith("ma.")) {
        theta[i] = 0.75 * (2 * random.nextDouble() - 1);
      } else if (name.equals("sigma2")) {
        theta[i] *= Math.sqrt(0.5 + 1.5 * random.nextDouble());
      } else {
        theta[i] += sigma * (2 * random.nextDouble() - 1);
      }
    }
    return theta;
  }

  private static double shifted(LogLikelihood ll, double[] theta, int j, double h) {
    double[] t = theta.clone();
    t[j] += h;
    return ll.value(t);
  }
}
