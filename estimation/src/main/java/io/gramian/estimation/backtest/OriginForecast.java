package io.gramian.estimation.backtest;

import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.results.ForecastStep;
import io.gramian.estimation.results.Interval;
import io.gramian.estimation.results.StateMoments;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.StateSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The forecast of periods m … m + H − 1 (0-based) from the first m observations, at given
 * parameters: the filter runs over the first m + H periods with the last H observations treated as
 * missing, so each of them is predicted from y_0 … y_{m−1} alone,
 *
 * <pre>
 *   μ_h = H_t m⁻_t + d_t,   σ_h² = ‖[H_t S⁻_t, cholR_t]‖²,   t = m + h − 1
 * </pre>
 *
 * the h-step forecast from origin m (the filter's prediction step repeated without updates). The
 * regressors of those periods are the data's own, so a model with regressors forecasts with their
 * actual values.
 */
final class OriginForecast {

  private OriginForecast() {}

  /**
   * @param data the whole series and its regressors
   * @param natural every parameter's natural value, in the model's order
   * @param m the training length, ≥ 1
   * @param horizon H, with m + H ≤ the data's length
   * @param levels interval levels in percent, increasing
   * @throws IllegalArgumentException when a forecast period lies within the diffuse start (the
   *     training data do not identify the diffuse initial states)
   */
  static List<ForecastStep> of(
      StateSpaceModel model,
      ModelData data,
      double[] natural,
      int m,
      int horizon,
      double[] levels,
      TriaRule rule) {
    ModelData masked = masked(data, m, horizon);
    List<String> names = model.parameterNames();
    Map<String, Double> all = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      all.put(names.get(i), natural[i]);
    }
    LogLikelihood likelihood = new LogLikelihood(model, masked, all, rule);
    if (likelihood.data().length() != masked.length()) {
      throw new IllegalArgumentException(
          "model "
              + model.name()
              + " changes the length of its data (simple differencing); a backtest needs a model"
              + " that filters the series as given");
    }
    FilterResult filter = likelihood.filter(natural);
    StateSpace system = likelihood.system(natural);
    TimeSeries series = masked.series();
    List<ForecastStep> steps = new ArrayList<>(horizon);
    for (int h = 1; h <= horizon; h++) {
      int t = m + h - 1;
      if (filter.isDiffuse(t)) {
        throw new IllegalArgumentException(
            "the forecast of period "
                + series.label(t)
                + " from the first "
                + m
                + " observations is undefined: they do not identify the diffuse initial states of"
                + " model "
                + model.name()
                + "; give the first fold more data (fewer folds or a shorter horizon)");
      }
      double[] row = StateMoments.row(system.H(t), 0);
      double mean = StateMoments.mean(row, filter.predictedMean(t)) + system.d(t).get(0, 0);
      double se =
          Math.sqrt(
              StateMoments.variance(row, filter.predictedFactor(t))
                  + StateMoments.rowVariance(system.cholR(t), 0));
      List<Interval> intervals = new ArrayList<>(levels.length);
      for (double level : levels) {
        intervals.add(Interval.normal(mean, se, level));
      }
      steps.add(new ForecastStep(h, series.label(t), mean, se, intervals));
    }
    return steps;
  }

  /** The first m + H periods, y missing from period m on; the regressors kept. */
  static ModelData masked(ModelData data, int m, int horizon) {
    int length = m + horizon;
    TimeSeries series = data.series().slice(0, length);
    double[] values = series.values();
    for (int t = m; t < length; t++) {
      values[t] = Double.NaN;
    }
    return new ModelData(
        TimeSeries.of(series.name(), series.index(), values),
        rows(data.exog(), length),
        data.exogNames());
  }

  /** The first {@code length} observations, regressors included. */
  static ModelData training(ModelData data, int length) {
    return new ModelData(
        data.series().slice(0, length), rows(data.exog(), length), data.exogNames());
  }

  private static DMatrixRMaj rows(DMatrixRMaj x, int length) {
    DMatrixRMaj out = new DMatrixRMaj(length, x.numCols);
    System.arraycopy(x.data, 0, out.data, 0, length * x.numCols);
    return out;
  }
}
