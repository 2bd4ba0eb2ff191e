package io.gramian.estimation.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.testing.FiniteDifferences;
import io.gramian.autodiff.testing.Matrices;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic gradient ∂ℓ/∂θ (filter reverse sweep + model tape + transforms) against central
 * finite differences of ℓ, for every trend specification and every component, at seeded random
 * parameters, and again with one variance exactly zero (θ = 0, where σ² = θ² has a stationary point
 * and the square root of a variance would have an infinite derivative).
 */
class UnobservedComponentsGradientTest {

  /**
   * ‖∇ − ∇_FD‖ / ‖∇_FD‖: the fourth-order differences at h = 1e-3 · scale have truncation error
   * O(h⁴) ≈ 1e-12 and rounding error ε|ℓ|/h ≈ 1e-10 relative to the gradients here.
   */
  private static final double GRADIENT_RELATIVE = 1e-6;

  /** Relative step of the finite differences. */
  private static final double STEP = 1e-3;

  /**
   * A model on a series, and the variance that can be set to zero without making the likelihood
   * degenerate (null when every variance is needed, e.g. a random walk's).
   */
  record Case(String label, UnobservedComponents model, ModelData data, String zeroable) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<Case> cases() {
    ModelData ksi = ReferenceSeries.lnKsi();
    List<Case> cases = new ArrayList<>();
    for (TrendSpecification t : TrendSpecification.values()) {
      if (t == TrendSpecification.NONE) {
        continue;
      }
      String zeroable =
          t.stochasticTrend() && (t.irregular() || t.stochasticLevel())
              ? "sigma2.trend"
              : t.stochasticLevel() && t.irregular() ? "sigma2.level" : null;
      boolean noiseless = !t.irregular() && !t.stochasticLevel() && !t.stochasticTrend();
      cases.add(
          new Case(
              t.abbreviation() + (noiseless ? " + ar(1)" : ""),
              UnobservedComponents.of(
                  UnobservedComponentsSpec.builder(t).autoregressive(noiseless ? 1 : 0).build()),
              ksi,
              zeroable));
    }
    cases.add(
        new Case(
            "llevel + exog(law) + varying(petrol)",
            spec(TrendSpecification.LOCAL_LEVEL)
                .exog("law", "petrol")
                .varyingExog(List.of("petrol"))
                .build(),
            ReferenceSeries.lnKsi("law", "petrol"),
            "sigma2.beta.petrol"));
    cases.add(
        new Case(
            "none + ar(2)", spec(TrendSpecification.NONE).autoregressive(2).build(), ksi, null));
    cases.add(new Case("bsm dummy", UnobservedComponents.bsm(12, "dummy"), ksi, "sigma2.seasonal"));
    cases.add(
        new Case(
            "bsm trig", UnobservedComponents.bsm(12, "trig"), ksi, "sigma2.freq_seasonal_12(6)"));
    cases.add(
        new Case(
            "llevel + deterministic seasonal(4)",
            spec(TrendSpecification.LOCAL_LEVEL).seasonal(new Seasonal(4, false)).build(),
            ksi,
            "sigma2.level"));
    cases.add(
        new Case(
            "llevel + trig(12, 2) + deterministic trig(5, 1)",
            spec(TrendSpecification.LOCAL_LEVEL)
                .frequencySeasonal(new FrequencySeasonal(12, 2, true))
                .frequencySeasonal(new FrequencySeasonal(5, 1, false))
                .build(),
            ksi,
            "sigma2.freq_seasonal_12(2)"));
    cases.add(
        new Case(
            "llevel + damped stochastic cycle",
            spec(TrendSpecification.LOCAL_LEVEL).cycle(Cycle.dampedStochastic()).build(),
            ksi,
            "sigma2.cycle"));
    cases.add(
        new Case(
            "llevel + undamped stochastic cycle",
            spec(TrendSpecification.LOCAL_LEVEL).cycle(new Cycle(true, false, 6, 48)).build(),
            ksi,
            "sigma2.cycle"));
    cases.add(
        new Case(
            "lltrend + deterministic damped cycle",
            spec(TrendSpecification.LOCAL_LINEAR_TREND)
                .cycle(new Cycle(false, true, 2, Double.POSITIVE_INFINITY))
                .build(),
            ksi,
            "sigma2.trend"));
    cases.add(
        new Case(
            "rtrend + ar(2)",
            spec(TrendSpecification.RANDOM_TREND).autoregressive(2).build(),
            ksi,
            "sigma2.trend"));
    cases.add(
        new Case(
            "llevel + seasonal + regression states",
            spec(TrendSpecification.LOCAL_LEVEL).seasonal(12).exog("petrol", "law").build(),
            ReferenceSeries.lnKsi("petrol", "law"),
            "sigma2.seasonal"));
    cases.add(
        new Case(
            "llevel + mle regression",
            spec(TrendSpecification.LOCAL_LEVEL).exog("petrol", "law").mleRegression(true).build(),
            ReferenceSeries.lnKsi("petrol", "law"),
            "sigma2.level"));
    return cases;
  }

  private static Builder spec(TrendSpecification t) {
    return new Builder(UnobservedComponentsSpec.builder(t));
  }

  /** Builds straight to a model. */
  private record Builder(UnobservedComponentsSpec.Builder b) {
    Builder seasonal(int s) {
      b.seasonal(s);
      return this;
    }

    Builder seasonal(Seasonal s) {
      b.seasonal(s);
      return this;
    }

    Builder frequencySeasonal(FrequencySeasonal f) {
      b.frequencySeasonal(f);
      return this;
    }

    Builder cycle(Cycle c) {
      b.cycle(c);
      return this;
    }

    Builder autoregressive(int p) {
      b.autoregressive(p);
      return this;
    }

    Builder exog(String... names) {
      b.exog(names);
      return this;
    }

    Builder mleRegression(boolean v) {
      b.mleRegression(v);
      return this;
    }

    Builder varyingExog(List<String> names) {
      b.varyingExog(names);
      return this;
    }

    UnobservedComponents build() {
      return UnobservedComponents.of(b.build());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientAtRandomParameters(Case c) {
    LogLikelihood ll = new LogLikelihood(c.model(), c.data(), Map.of(), TriaRule.MASKED);
    double[] theta = randomTheta(ll, c.data(), new Random(c.label().hashCode()));
    assertGradient(ll, theta, c.label());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientWithOneVarianceAtZero(Case c) {
    if (c.zeroable() == null) {
      return;
    }
    LogLikelihood ll = new LogLikelihood(c.model(), c.data(), Map.of(), TriaRule.MASKED);
    double[] theta = randomTheta(ll, c.data(), new Random(31 * c.label().hashCode()));
    theta[ll.layout().freeNames().indexOf(c.zeroable())] = 0;
    assertGradient(ll, theta, c.label() + " with " + c.zeroable() + " = 0");
  }

  /**
   * θ with variances σ² = var(y) · U(0.01, 0.3) (σ = θ), and θ ~ N(0, 0.5²) for the other
   * parameters (a frequency and damping inside their bounds, a stationary AR polynomial, β).
   */
  private static double[] randomTheta(LogLikelihood ll, ModelData data, Random random) {
    double varY = ReferenceSeries.variance(data);
    int k = ll.layout().freeCount();
    double[] theta = new double[k];
    for (int i = 0; i < k; i++) {
      theta[i] =
          ll.layout().isVariance(i)
              ? Math.sqrt(varY * (0.01 + 0.29 * random.nextDouble()))
              : 0.5 * random.nextGaussian();
    }
    return theta;
  }

  private static void assertGradient(LogLikelihood ll, double[] theta, String label) {
    double[] gradient = new double[theta.length];
    ll.valueAndGradient(theta, gradient);
    double[] fd = new double[theta.length];
    for (int j = 0; j < theta.length; j++) {
      double scale =
          ll.layout().isVariance(j) && theta[j] == 0
              ? Math.sqrt(ReferenceSeries.variance(ll.data()))
              : Math.max(Math.abs(theta[j]), 0.1);
      double h = STEP * scale;
      int entry = j;
      fd[j] = FiniteDifferences.fivePoint(step -> value(ll, theta, entry, step), h);
    }
    double relative = Matrices.relativeError(gradient, fd);
    assertTrue(
        relative <= GRADIENT_RELATIVE,
        label
            + ": relative error "
            + relative
            + "\n analytic "
            + java.util.Arrays.toString(gradient)
            + "\n finite differences "
            + java.util.Arrays.toString(fd));
  }

  private static double value(LogLikelihood ll, double[] theta, int j, double step) {
    double[] t = theta.clone();
    t[j] += step;
    return ll.value(t);
  }
}
