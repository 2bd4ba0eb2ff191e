package io.gramian.estimation.cli;

import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.select.Candidate;
import io.gramian.estimation.select.ModelSearch;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code fit --model auto}: the model {@code gramian select} ranks first for the same data and
 * {@code --seasonal}, said on standard error before the fit.
 */
final class AutoModel {

  /** The model name that asks for the search. */
  static final String NAME = "auto";

  private AutoModel() {}

  /**
   * The chosen model.
   *
   * @throws IllegalArgumentException when options that describe a model are given with auto, or the
   *     search refuses the data
   */
  static ModelSpec choose(
      ModelOptions options, DataOptions dataOptions, DataOptions.Loaded loaded, PrintWriter err) {
    if (options.order != null
        || options.seasonalOrder != null
        || options.mean
        || options.arLags != null
        || options.maLags != null
        || options.init != null
        || options.kappa != null
        || (options.seasonalType != null && !options.seasonalType.equals(List.of("dummy")))
        || options.harmonics != null
        || options.cycle
        || options.dampedCycle
        || options.autoregressive != null
        || options.exogVarying != null
        || options.rank != null
        || (options.seasonal != null && options.seasonal.size() > 1)) {
      throw new IllegalArgumentException(
          "--model auto chooses the model itself: it takes one --seasonal S but not --order,"
              + " --seasonal-order, --mean, --ar-lags, --ma-lags, --seasonal-type, --harmonics,"
              + " --cycle, --damped-cycle, --autoregressive, --exog-varying, --rank, --init or"
              + " --kappa");
    }
    Integer period = options.seasonal == null ? null : options.seasonal.get(0);
    ModelSearch search = SelectCommand.searchFor(period, dataOptions, null);
    Candidate best = search.select(loaded.series()).best();
    err.println(
        "fit --model auto: chose "
            + best.model()
            + " (rank 1 of 'gramian select', AICc "
            + String.format(java.util.Locale.ROOT, "%.4f", best.aicc())
            + ")");
    err.flush();
    return best.spec();
  }
}
