package io.gramian.estimation;

import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.fit.ParameterUncertainty;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.UnobservedComponents;
import io.gramian.estimation.results.Interval;
import io.gramian.estimation.results.SeriesForecast;
import java.util.Locale;
import java.util.Random;

/**
 * The coverage study of forecast intervals with and without the parameters' uncertainty ({@link
 * ParameterUncertainty}; docs/forecasting.md): for each model and series length n, R replications
 * of: simulate n + H values from the model at known parameters, fit the model to the first n by
 * maximum likelihood, forecast H periods with the plain 95% intervals ({@link FitResult#forecast})
 * and with the delta-method ones, and record whether each future value falls inside and the ratio
 * of the widths. Prints, per model, n and horizon, both coverages (with their Monte Carlo standard
 * error sqrt(p (1 − p) / R)) and the mean width ratio.
 *
 * <p>Models: the local level at the Nile's estimates (σ²_ε = 15099, σ²_η = 1469.1, the level
 * starting at 1120), and a zero-mean AR(1) with φ = 0.8, σ² = 1 (stationary start). A replication
 * whose fit or whose parameter covariance fails is counted and left out.
 *
 * <p>Arguments: replications R (default 400), seed (default 20261204). Run, from the repository
 * root (about ten minutes on 2 loaded cores; output in coverage/interval_coverage_output.txt):
 *
 * <pre>
 *   mvn -B -q -o -Pjmh -pl estimation -am verify -Djmh.autodiff.skip=true -Djmh.kalman.skip=true \
 *     -Djmh.main=io.gramian.estimation.IntervalCoverage -Djmh.args="1000 20261205"
 * </pre>
 */
public final class IntervalCoverage {

  private static final int[] LENGTHS = {30, 60, 120};

  private static final int[] HORIZONS = {1, 5, 10};

  private static final int HORIZON = 10;

  private static final double LEVEL = 95;

  private IntervalCoverage() {}

  /** A model to fit and a way to simulate it. */
  private interface Truth {
    String name();

    StateSpaceModel model();

    double[] simulate(int length, Random random);
  }

  public static void main(String[] args) {
    int replications = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261204L;
    System.out.printf(
        Locale.ROOT,
        "R = %d replications per model and n; seed %d; %.0f%% intervals; H = %d%n",
        replications,
        seed,
        LEVEL,
        HORIZON);
    System.out.println(
        "model          n   h   plain cover  (se)    with-params cover  (se)   width ratio  failed");
    for (Truth truth : new Truth[] {localLevel(), ar1()}) {
      for (int n : LENGTHS) {
        run(truth, n, replications, new Random(seed + n));
      }
    }
  }

  private static void run(Truth truth, int n, int replications, Random random) {
    int[] plainHits = new int[HORIZONS.length];
    int[] wideHits = new int[HORIZONS.length];
    double[] ratio = new double[HORIZONS.length];
    int used = 0;
    int failed = 0;
    FitOptions options = FitOptions.defaults();
    for (int r = 0; r < replications; r++) {
      double[] y = truth.simulate(n + HORIZON, random);
      double[] sample = java.util.Arrays.copyOf(y, n);
      ModelData data = ModelData.of(sample);
      SeriesForecast plain;
      SeriesForecast wide;
      try {
        FitResult fit = MaximumLikelihood.fit(truth.model(), data, options);
        plain = fit.forecast(HORIZON, LEVEL);
        wide = ParameterUncertainty.forecast(truth.model(), data, options, fit, HORIZON, LEVEL);
      } catch (RuntimeException e) {
        failed++;
        continue;
      }
      used++;
      for (int i = 0; i < HORIZONS.length; i++) {
        int h = HORIZONS[i];
        double future = y[n + h - 1];
        Interval p = plain.step(h).intervals().get(0);
        Interval w = wide.step(h).intervals().get(0);
        plainHits[i] += future >= p.lower() && future <= p.upper() ? 1 : 0;
        wideHits[i] += future >= w.lower() && future <= w.upper() ? 1 : 0;
        ratio[i] += (w.upper() - w.lower()) / (p.upper() - p.lower());
      }
    }
    for (int i = 0; i < HORIZONS.length; i++) {
      double pc = (double) plainHits[i] / used;
      double wc = (double) wideHits[i] / used;
      System.out.printf(
          Locale.ROOT,
          "%-12s %4d %3d   %6.3f  (%.3f)         %6.3f  (%.3f)      %6.3f  %6d%n",
          truth.name(),
          n,
          HORIZONS[i],
          pc,
          Math.sqrt(pc * (1 - pc) / used),
          wc,
          Math.sqrt(wc * (1 - wc) / used),
          ratio[i] / used,
          failed);
    }
  }

  private static Truth localLevel() {
    return new Truth() {
      public String name() {
        return "local level";
      }

      public StateSpaceModel model() {
        return UnobservedComponents.localLevel();
      }

      public double[] simulate(int length, Random random) {
        double[] y = new double[length];
        double level = 1120;
        for (int t = 0; t < length; t++) {
          y[t] = level + Math.sqrt(15099) * random.nextGaussian();
          level += Math.sqrt(1469.1) * random.nextGaussian();
        }
        return y;
      }
    };
  }

  private static Truth ar1() {
    return new Truth() {
      public String name() {
        return "AR(1)";
      }

      public StateSpaceModel model() {
        return Sarimax.of(SarimaxOrder.of(1, 0, 0, 0, 0, 0, 0));
      }

      public double[] simulate(int length, Random random) {
        double phi = 0.8;
        double[] y = new double[length];
        double x = random.nextGaussian() / Math.sqrt(1 - phi * phi);
        for (int t = 0; t < length; t++) {
          y[t] = x;
          x = phi * x + random.nextGaussian();
        }
        return y;
      }
    };
  }
}
