package io.gramian.estimation.backtest;

import io.gramian.estimation.results.ForecastStep;
import io.gramian.estimation.results.OriginalScaleForecast;
import io.gramian.estimation.results.OriginalScaleStep;
import java.util.ArrayList;
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

  /**
   * This fold on the original scale of a series modelled as its base-b logarithm, as R's forecast
   * gives it with {@code lambda = 0} ({@code biasadj = FALSE}): the point forecast is the median
   * b^μ, the bounds are b^lower and b^upper (so each interval covers the same actuals), the
   * standard error is the log-normal one, the actuals are b^y, and the naive scale is recomputed on
   * the original training data.
   *
   * @param base b &gt; 1
   * @param original the whole series on the original scale, b^y, NaN where missing
   * @param season the naive forecast's lag
   */
  FoldForecast originalScale(double base, double[] original, int season) {
    double lnB = base == Math.E ? 1 : Math.log(base);
    List<ForecastStep> back = new ArrayList<>(steps.size());
    for (ForecastStep step : steps) {
      OriginalScaleStep o = OriginalScaleForecast.step(step, base);
      double s2 = step.variance() * lnB * lnB;
      double sd = o.mean() * Math.sqrt(Math.expm1(s2));
      back.add(new ForecastStep(step.step(), step.period(), o.median(), sd, o.intervals()));
    }
    double[] actualsBack = new double[actuals.length];
    System.arraycopy(original, trainingLength, actualsBack, 0, actuals.length);
    return new FoldForecast(
        fold,
        trainingLength,
        origin,
        parameters,
        refitted,
        converged,
        back,
        actualsBack,
        NaiveScale.of(original, trainingLength, season));
  }

  /** The forecast error y − μ at horizon h = 1 … H; NaN where the actual is missing. */
  public double error(int h) {
    return actuals[h - 1] - steps.get(h - 1).mean();
  }
}
