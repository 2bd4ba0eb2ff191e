package io.gramian.estimation.backtest;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelSizeRule;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.results.ForecastStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin evaluation of a model's forecasts (Tashman 2000; R's {@code forecast::tsCV}). With
 * n observations, horizon H and K folds, fold k = 1 … K conditions on the first m_k = n − H − K + k
 * observations and forecasts periods m_k + 1 … m_k + H; the last fold's forecast ends at the last
 * observation. Without refit the parameters are estimated once, on the first fold's data, and each
 * fold filters its own data with them (R's {@code Arima(x, model = fit)}, statsmodels' {@code
 * res.apply}); with refit each fold is estimated by maximum likelihood on its own data, the
 * optimiser starting at the previous fold's estimates. Each forecast is the filter's prediction of
 * the H periods with their observations treated as missing, so a model with regressors forecasts
 * with the regressors' actual values. Errors are on the modelled scale (after any transform).
 *
 * <pre>{@code
 * BacktestResult r = Backtest.run(ModelSpec.named("local-level"), nile, 5, 10);
 * double rmse1 = r.metrics().get(0).rmse();              // one step ahead
 * }</pre>
 *
 * <p>Thread-safe: {@link #run} keeps no state between calls and shares none; each call builds its
 * own models' likelihoods, filters and optimisers, so calls on different threads run independently.
 * The model and data are only read; the progress listeners are called on the calling thread.
 */
public final class Backtest {

  private Backtest() {}

  /**
   * The backtest of a model specification on a series without regressors, without refitting, with
   * 95% intervals: what {@code gramian backtest DATA.csv --model … --horizon H --folds K} computes.
   * Its {@link BacktestResult#metrics()} are the per-horizon errors.
   */
  public static BacktestResult run(ModelSpec spec, TimeSeries series, int horizon, int folds) {
    return run(spec, series, BacktestOptions.of(horizon, folds));
  }

  /**
   * The backtest of a model specification on a series without regressors, with the options given
   * (refit, levels, held parameters, progress).
   */
  public static BacktestResult run(ModelSpec spec, TimeSeries series, BacktestOptions options) {
    return run(spec.create(), ModelData.of(series), options);
  }

  /**
   * The backtest of {@code model} on {@code data}.
   *
   * @throws IllegalArgumentException when the data are not univariate, when the horizon and folds
   *     leave the first fold fewer observations than the model needs to be estimated (the message
   *     gives both counts), or with refit when every parameter is held fixed
   * @throws io.gramian.estimation.model.ModelSizeException when the model is too large for a fold's
   *     data ({@link ModelSizeRule})
   */
  public static BacktestResult run(StateSpaceModel model, ModelData data, BacktestOptions options) {
    if (data.y().numCols != 1) {
      throw new IllegalArgumentException(
          "a backtest takes one series, but the data have " + data.y().numCols);
    }
    int n = data.length();
    int horizon = options.horizon();
    int folds = options.folds();
    FitOptions fitOptions = options.fit();
    long free =
        model.parameterNames().stream().filter(p -> !fitOptions.fixed().containsKey(p)).count();
    if (options.refit() && free == 0) {
      throw new IllegalArgumentException(
          "refitting needs a parameter to estimate, but every parameter of model "
              + model.name()
              + " is held fixed");
    }
    long first = firstTrainingLength(n, horizon, folds);
    long needed = ModelSizeRule.requiredObservations(model.size(), free);
    int observed = first < 1 ? 0 : OriginForecast.training(data, (int) first).observedCount();
    if (observed < needed) {
      throw new IllegalArgumentException(
          "horizon H = "
              + horizon
              + " and K = "
              + folds
              + (folds == 1 ? " fold" : " folds")
              + " leave the first fold "
              + (first < 1 ? "no observations" : observed + " observed values")
              + " (n − H − K + 1 = "
              + n
              + " − "
              + horizon
              + " − "
              + folds
              + " + 1 = "
              + first
              + (first == 1 ? " period" : " periods")
              + "), and model "
              + model.name()
              + " needs at least "
              + needed
              + "; use fewer folds or a shorter horizon");
    }
    double[] y = data.series().values();
    int season = (int) Math.max(1, model.size().seasonalPeriod());
    double[] levels = options.levels();
    List<FoldForecast> results = new ArrayList<>(folds);
    List<String> warnings = new ArrayList<>();
    double[] parameters = null;
    for (int k = 1; k <= folds; k++) {
      int m = (int) first + k - 1;
      boolean refit = k == 1 || options.refit();
      boolean converged = true;
      if (refit) {
        FitOptions foldOptions = parameters == null ? fitOptions : fitOptions.withStart(parameters);
        FitResult fit = MaximumLikelihood.fit(model, OriginForecast.training(data, m), foldOptions);
        parameters = fit.estimates();
        converged = fit.converged();
        if (!converged) {
          warnings.add("fold " + k + ": the optimiser did not converge: " + fit.optimizerMessage());
        }
      }
      List<ForecastStep> steps =
          OriginForecast.of(model, data, parameters, m, horizon, levels, fitOptions.rule());
      double[] actuals = new double[horizon];
      System.arraycopy(y, m, actuals, 0, horizon);
      results.add(
          new FoldForecast(
              k,
              m,
              data.series().label(m - 1),
              parameters,
              refit,
              converged,
              steps,
              actuals,
              NaiveScale.of(y, m, season)));
      options.progress().onFold(k, folds, refit);
    }
    return BacktestResult.of(
        model.parameterNames(), data.series(), options, season, results, warnings);
  }

  /** m_1 = n − H − K + 1, the first fold's training length (less than 1 when nothing is left). */
  public static long firstTrainingLength(long n, long horizon, long folds) {
    return n - horizon - folds + 1;
  }
}
