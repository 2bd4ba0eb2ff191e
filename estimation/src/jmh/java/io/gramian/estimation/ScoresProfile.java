package io.gramian.estimation;

import io.gramian.datasets.TimeSeries;
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

/**
 * The OPG scores alone, warm: {@link LogLikelihood#scores} at the estimates of seeded BSM fits
 * ({@link BatchFitProfile#series}, monthly seasonal), called in a loop with nothing else between
 * the calls, so that the time is not the JIT's choices for the evaluations that {@link
 * BatchFitProfile} runs before each scores call. Prints the median time per call over repeats.
 *
 * <p>Arguments: [series, default 8] [repeats, default 15]. Class path as {@link BatchFitProfile}'s.
 */
public final class ScoresProfile {

  private static final int WARM_UP_REPEATS = 5;

  private static final int CALLS_PER_SERIES = 50;

  private ScoresProfile() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    ModelSpec model = ModelSpec.named("bsm").withSeasonal(12);
    FitOptions options = FitSpec.of(model).fitOptions();
    List<LogLikelihood> likelihoods = new ArrayList<>();
    List<double[]> thetas = new ArrayList<>();
    for (TimeSeries s : BatchFitProfile.series(true, count, 42)) {
      ModelData data = ModelData.of(s);
      FitResult fit = MaximumLikelihood.fit(model.create(), data, options);
      LogLikelihood likelihood = new LogLikelihood(model.create(), data, Map.of(), options.rule());
      likelihoods.add(likelihood);
      thetas.add(likelihood.layout().unconstrained(fit.estimates()));
    }
    double[] millis = new double[repeats];
    for (int rep = -WARM_UP_REPEATS; rep < repeats; rep++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < CALLS_PER_SERIES; k++) {
        for (int i = 0; i < likelihoods.size(); i++) {
          likelihoods.get(i).scores(thetas.get(i));
        }
      }
      long t1 = System.nanoTime();
      if (rep >= 0) {
        millis[rep] = (t1 - t0) / 1e6 / (CALLS_PER_SERIES * (double) likelihoods.size());
      }
    }
    Arrays.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "scores (OPG), BSM: %.3f ms per call (median of %d)%n",
        millis[repeats / 2],
        repeats);
  }
}
