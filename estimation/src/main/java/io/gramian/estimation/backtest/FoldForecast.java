package io.gramian.estimation.backtest;

import io.gramian.estimation.results.ForecastStep;
import java.util.List;

/**
 * One fold of a backtest, an immutable value: the data it was fitted on (the first {@code
 * trainingLength} observations), the parameters it forecast with, its forecast of the next H
 * periods and the actual values there.
 *
 * @param fold k = 1 … K
 * @param trainingLength m_k = n − H − K + k, the observations the fold conditions on
 * @param origin the label of period m_k, the last one the fold sees
 * @param parameters the natural-scale parameters the fold forecast with, in the model's order
 * @param refitted whether the parameters were estimated on this fold's data
 * @param converged whether the optimiser converged (true for a fold that was not refitted)
 * @param steps the forecast at horizons 1 … H, with intervals at the backtest's levels
 * @param actuals y at periods m_k + 1 … m_k + H; NaN where missing
 * @param naiveScale the in-sample MAE of the seasonal naive forecast of the training data, the
 *     denominator of the fold's scaled errors (MASE)
 */
public record FoldForecast(
    int fold,
    int trainingLength,
    String origin,
    double[] parameters,
    boolean refitted,
    boolean converged,
    List<ForecastStep> steps,
    double[] actuals,
    double naiveScale) {

  /** Copies the arrays and checks that steps and actuals agree. */
  public FoldForecast {
    parameters = parameters.clone();
    actuals = actuals.clone();
    steps = List.copyOf(steps);
    if (steps.size() != actuals.length) {
      throw new IllegalArgumentException(
          steps.size() + " forecast steps but " + actuals.length + " actual values");
    }
  }

  @Override
  public double[] parameters() {
    return parameters.clone();
  }

  @Override
  public double[] actuals() {
    return actuals.clone();
  }

  /** The forecast error y − μ at horizon h = 1 … H; NaN where the actual is missing. */
  public double error(int h) {
    return actuals[h - 1] - steps.get(h - 1).mean();
  }
}
