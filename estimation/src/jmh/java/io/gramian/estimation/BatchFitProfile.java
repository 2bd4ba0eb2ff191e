package io.gramian.estimation;

import io.gramian.datasets.TimeIndex;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.batch.BatchFit;
import io.gramian.estimation.batch.FitSpec;
import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Where a short-series fit of a batch spends its time: for seeded series of 150 monthly points (a
 * local level, or a BSM with a monthly seasonal), warm, in this one JVM, the median over repeats of
 * the time per fit of {@link BatchFit#fit} and of each of its parts, re-run on their own at the
 * estimates: one likelihood-and-gradient evaluation (BFGS makes {@code evaluations} of them), one
 * likelihood value, the per-period scores of the OPG standard errors, the filter pass kept for the
 * states and diagnostics, a 12-step forecast, and the model and likelihood's construction. Then the
 * series per second of {@code fitAll} on 1 and 2 threads.
 *
 * <p>Arguments: {@code local-level|bsm} [series, default 1000] [repeats, default 5]. Run after
 * {@code mvn -o -q test-compile -pl estimation -am}: {@code java -cp
 * estimation/target/test-classes:estimation/target/classes:...
 * io.gramian.estimation.BatchFitProfile local-level} (the class path of the module's tests;
 * docs/many-series.md, Throughput).
 */
public final class BatchFitProfile {
  private BatchFitProfile() {}

  /** Seeded series of 150 monthly points, from {@code seed}. */
  static List<TimeSeries> series(boolean bsm, int count, long seed) {
    Random r = new Random(seed);
    List<TimeSeries> out = new ArrayList<>(count);
    int n = 150;
    for (int s = 0; s < count; s++) {
      double[] y = new double[n];
      if (!bsm) {
        double sl = 0.2 + 0.8 * r.nextDouble();
        double se = 0.5 + 1.5 * r.nextDouble();
        double level = 10 * r.nextGaussian();
        for (int t = 0; t < n; t++) {
          level += sl * r.nextGaussian();
          y[t] = level + se * r.nextGaussian();
        }
      } else {
        double slope = 0.1 * r.nextGaussian();
        double level = 100;
        double[] pattern = new double[12];
        double mean = 0;
        for (int i = 0; i < 12; i++) {
          pattern[i] = 2 * r.nextGaussian();
          mean += pattern[i] / 12;
        }
        double sl = 0.1 + 0.4 * r.nextDouble();
        double se = 0.5 + r.nextDouble();
        double drift = 0;
        for (int t = 0; t < n; t++) {
          slope += 0.02 * r.nextGaussian();
          level += slope + sl * r.nextGaussian();
          drift += 0.05 * r.nextGaussian();
          y[t] = level + pattern[t % 12] - mean + drift + se * r.nextGaussian();
        }
      }
      out.add(TimeSeries.of("s" + s, TimeIndex.monthly(2000, 1, n), y));
    }
    return out;
  }

  private static final String[] PARTS = {
    "whole fit (BatchFit.fit)",
    "one value + gradient",
    "one value",
    "scores (OPG standard errors)",
    "filter pass kept in FitResult",
    "forecast, 12 steps",
    "model + likelihood construction"
  };

  public static void main(String[] args) {
    boolean bsm = args[0].equals("bsm");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    ModelSpec model =
        bsm ? ModelSpec.named("bsm").withSeasonal(12) : ModelSpec.named("local-level");
    FitSpec spec = FitSpec.of(model);
    BatchFit batch = new BatchFit(spec);
    FitOptions options = spec.fitOptions();
    List<TimeSeries> series = series(bsm, count, 42);
    double[][] perFit = new double[PARTS.length][repeats];
    double[] evaluations = new double[repeats];
    double[] iterations = new double[repeats];
    for (int rep = -1; rep < repeats; rep++) { // rep -1: warm-up
      long[] nanos = new long[PARTS.length];
      long evals = 0;
      long iters = 0;
      for (TimeSeries s : series) {
        ModelData data = ModelData.of(s);
        long t0 = System.nanoTime();
        batch.fit(s);
        long t1 = System.nanoTime();
        FitResult fit = MaximumLikelihood.fit(model.create(), data, options);
        evals += fit.evaluations();
        iters += fit.iterations();
        long t2 = System.nanoTime();
        LogLikelihood likelihood =
            new LogLikelihood(model.create(), data, Map.of(), options.rule());
        long t3 = System.nanoTime();
        double[] theta = likelihood.layout().unconstrained(fit.estimates());
        likelihood.valueAndGradient(theta, new double[theta.length]);
        long t4 = System.nanoTime();
        likelihood.value(theta);
        long t5 = System.nanoTime();
        likelihood.scores(theta);
        long t6 = System.nanoTime();
        likelihood.filter(fit.estimates());
        long t7 = System.nanoTime();
        fit.forecast(12);
        long t8 = System.nanoTime();
        nanos[0] += t1 - t0;
        nanos[1] += t4 - t3;
        nanos[2] += t5 - t4;
        nanos[3] += t6 - t5;
        nanos[4] += t7 - t6;
        nanos[5] += t8 - t7;
        nanos[6] += t3 - t2;
      }
      if (rep >= 0) {
        for (int p = 0; p < PARTS.length; p++) {
          perFit[p][rep] = nanos[p] / 1e6 / count;
        }
        evaluations[rep] = evals / (double) count;
        iterations[rep] = iters / (double) count;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s, %d series of 150 points, %d repeats (medians), load average %.2f%n",
        model.spelling(),
        count,
        repeats,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    double whole = median(perFit[0]);
    double evals = median(evaluations);
    System.out.printf(
        Locale.ROOT,
        "BFGS: %.1f iterations, %.1f likelihood-and-gradient evaluations per fit%n",
        median(iterations),
        evals);
    for (int p = 0; p < PARTS.length; p++) {
      double ms = median(perFit[p]);
      System.out.printf(
          Locale.ROOT, "  %-32s %9.3f ms  %5.1f%% of a fit%n", PARTS[p], ms, 100 * ms / whole);
    }
    double evaluating = evals * median(perFit[1]);
    System.out.printf(
        Locale.ROOT,
        "  evaluations x (value + gradient) %9.3f ms  %5.1f%% of a fit%n",
        evaluating,
        100 * evaluating / whole);
    double[] rate = new double[3];
    for (int threads = 1; threads <= 2; threads++) {
      double[] seconds = new double[repeats];
      for (int rep = 0; rep < repeats; rep++) {
        long t0 = System.nanoTime();
        batch.fitAll(series, threads);
        seconds[rep] = (System.nanoTime() - t0) / 1e9;
      }
      rate[threads] = count / median(seconds);
      System.out.printf(
          Locale.ROOT, "fitAll, %d thread(s): %.1f series/s%n", threads, rate[threads]);
    }
    System.out.printf(Locale.ROOT, "2 threads / 1 thread: %.2f%n", rate[2] / rate[1]);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
