package io.gramian.estimation.fit;

import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ParameterLayout;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.results.ForecastStep;
import io.gramian.estimation.results.Interval;
import io.gramian.estimation.results.SeriesForecast;
import io.gramian.kalman.FilterResult;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Forecast intervals that include the estimates' uncertainty, by the delta method:
 *
 * <pre>
 *   se_h² = σ_h² + J_h Σ_θ J_hᵀ,     J_h = ∂μ_h/∂θ  (1 × k),   h = 1 … H
 * </pre>
 *
 * with {@code μ_h, σ_h} the plain forecast's mean and standard error at the estimates, {@code Σ_θ}
 * the covariance of the free parameters' estimates (unconstrained coordinates θ, the fit's {@link
 * io.gramian.estimation.diagnostics.CovarianceType}; a variance estimated at zero contributes
 * nothing) and {@code J_h} the exact Jacobian of the forecast mean. The forecast variance's own
 * dependence on θ is left out: it moves the interval by a term of second order in the estimation
 * error (the mean's error is first order).
 *
 * <p><b>The Jacobian, exactly.</b> The one-step term of the log-likelihood at a step with the value
 * v is {@code ℓ = −log σ − ½ ((v − μ)/σ)² − ½ log 2π}, so that at {@code v = μ + σ} (data fixed)
 * its derivative is {@code dℓ = −dσ/σ + dμ/σ + dσ/σ = dμ/σ}: the forecast mean's derivative is σ
 * times the derivative of the log-likelihood term of an observation {@code v_h = μ_h + σ_h}
 * appended after {@code h − 1} missing periods. The filter's exact tangent and reverse sweeps
 * (through the model's tape) therefore give {@code J_h} with no new derivative code, in either
 * direction:
 *
 * <ul>
 *   <li>tangent: {@code J_h = σ_h s_{T+h−1}}, the per-step scores of the extended series (one
 *       forward sweep and k tangent sweeps over T + h steps), for each h;
 *   <li>reverse: {@code J_h = σ_h (∇ℓ(y, v_h) − ∇ℓ(y))}, the gradient of the extended series' ℓ
 *       less that of the data (one forward and one reverse sweep over T + h steps), for each h and
 *       once for the data.
 * </ul>
 *
 * <p><b>The cheaper direction, by a count.</b> A forward step costs two {@code tria}s (update and
 * prediction blocks); a tangent step applies the same Householder reflections to a tangent block of
 * the same shape, the multiplications of two {@code tria}s; a reverse step forms two {@code tria}
 * adjoints, each a product with the orthogonal factor and two triangular solves of the block's
 * size, about twice a {@code tria}'s multiplications. In units of a forward sweep over the series
 * the tangent direction costs {@code H (1 + k)} and the reverse one {@code 3 (H + 1)}; the tangent
 * direction is taken when {@code H (1 + k) < 3 (H + 1)} (k ≤ 2 for every horizon, k = 3 for H ≤ 2,
 * and so on), the reverse one otherwise. Both give the same J to rounding (tested).
 *
 * <p>The plain forecast's μ and σ are checked against the extended series' filter, so a model whose
 * matrices depend on the length of its data is refused rather than given a wrong Jacobian.
 * Regressors are refused (their future values are needed).
 */
public final class ParameterUncertainty {

  /** The direction the Jacobian is accumulated in. */
  public enum Direction {
    /** k tangent sweeps per horizon. */
    TANGENT,
    /** One reverse sweep per horizon and one for the data. */
    REVERSE;

    /**
     * The cheaper direction for k free parameters and H horizons: TANGENT when {@code H (1 + k) < 3
     * (H + 1)} (the count in the class comment), else REVERSE.
     */
    public static Direction cheaper(int parameters, int horizon) {
      return (long) horizon * (1 + parameters) < 3L * (horizon + 1) ? TANGENT : REVERSE;
    }
  }

  /**
   * Agreement demanded between the plain forecast and the extended series' filter at the estimates:
   * both run the same recursions over the same steps, so they differ by rounding of the order of
   * 1e-12 relative; a model whose matrices depend on the data's length differs at order 1.
   */
  static final double CONSISTENCY_TOLERANCE = 1e-8;

  private ParameterUncertainty() {}

  /**
   * The forecast with intervals widened by the parameters' uncertainty: each step's standard error
   * is {@code sqrt(σ_h² + J_h Σ_θ J_hᵀ)} and its intervals are normal around the same mean.
   *
   * @param model the model that was fitted
   * @param data the data it was fitted to (as given to {@link MaximumLikelihood#fit})
   * @param options the options it was fitted with (fixed parameters, covariance type, rule)
   * @param fit the fit
   * @param levels interval levels in percent; none: 95
   * @throws IllegalArgumentException if the horizon is not positive, the model has regressors
   *     (their future values are needed: the overload with {@code futureExog}), or the parameters'
   *     covariance could not be computed
   */
  public static SeriesForecast forecast(
      StateSpaceModel model,
      ModelData data,
      FitOptions options,
      FitResult fit,
      int horizon,
      double... levels) {
    return forecast(model, data, options, fit, horizon, null, levels);
  }

  /**
   * The forecast of a model with regressors with intervals widened by the parameters' uncertainty,
   * given the regressors' values over the horizon (as {@link FitResult#forecast(int, DMatrixRMaj,
   * double...)} takes them): the Jacobian comes from the data extended by those rows.
   *
   * @param futureExog at least {@code horizon} rows of the k regressors; null for a model without
   * @throws IllegalArgumentException as the forecast without parameter uncertainty, and when the
   *     parameters' covariance could not be computed
   */
  public static SeriesForecast forecast(
      StateSpaceModel model,
      ModelData data,
      FitOptions options,
      FitResult fit,
      int horizon,
      DMatrixRMaj futureExog,
      double... levels) {
    SeriesForecast plain = fit.forecast(horizon, futureExog, levels);
    LogLikelihood likelihood = likelihood(model, data, options, fit);
    double[] theta = theta(likelihood, fit);
    DMatrixRMaj sigmaTheta = thetaCovariance(likelihood, theta, options);
    double[][] J =
        meanJacobian(
            likelihood,
            data,
            futureExog,
            options,
            theta,
            plain,
            Direction.cheaper(theta.length, horizon));
    double[] sorted = plain.levels();
    List<ForecastStep> steps = new ArrayList<>(horizon);
    for (int h = 1; h <= horizon; h++) {
      ForecastStep step = plain.step(h);
      double added = quadraticForm(J[h - 1], sigmaTheta);
      double se = Math.sqrt(step.variance() + added);
      List<Interval> intervals = new ArrayList<>(sorted.length);
      for (double level : sorted) {
        intervals.add(Interval.normal(step.mean(), se, level));
      }
      steps.add(new ForecastStep(h, step.period(), step.mean(), se, intervals));
    }
    return new SeriesForecast(sorted, steps, plain.moments());
  }

  /**
   * J, the exact Jacobian of the forecast means μ_1 … μ_H with respect to the free parameters in
   * the fit's unconstrained coordinates θ ({@link ParameterLayout#unconstrained}): H × k, row h − 1
   * is ∂μ_h/∂θ.
   *
   * @param direction how to accumulate it (see the class comment); both give the same J
   */
  public static double[][] meanJacobian(
      StateSpaceModel model,
      ModelData data,
      FitOptions options,
      FitResult fit,
      int horizon,
      Direction direction) {
    return meanJacobian(model, data, options, fit, horizon, null, direction);
  }

  /**
   * J for a model with regressors, given their values over the horizon ({@code futureExog}, at
   * least {@code horizon} rows; null for a model without).
   */
  public static double[][] meanJacobian(
      StateSpaceModel model,
      ModelData data,
      FitOptions options,
      FitResult fit,
      int horizon,
      DMatrixRMaj futureExog,
      Direction direction) {
    SeriesForecast plain = fit.forecast(horizon, futureExog);
    LogLikelihood likelihood = likelihood(model, data, options, fit);
    return meanJacobian(
        likelihood, data, futureExog, options, theta(likelihood, fit), plain, direction);
  }

  private static double[][] meanJacobian(
      LogLikelihood likelihood,
      ModelData data,
      DMatrixRMaj futureExog,
      FitOptions options,
      double[] theta,
      SeriesForecast plain,
      Direction direction) {
    int horizon = plain.horizon();
    int k = theta.length;
    double[][] J = new double[horizon][k];
    if (k == 0) {
      return J;
    }
    double[] base = null;
    if (direction == Direction.REVERSE) {
      base = new double[k];
      likelihood.valueAndGradient(theta, base);
    }
    for (int h = 1; h <= horizon; h++) {
      ForecastStep step = plain.step(h);
      double sigma = step.standardError();
      double v = step.mean() + sigma;
      LogLikelihood extended =
          new LogLikelihood(
              likelihood.model(),
              extendedData(data, futureExog, h, v),
              options.fixed(),
              options.rule());
      int last = extended.data().length() - 1;
      checkConsistent(extended, theta, last, v, sigma);
      if (direction == Direction.TANGENT) {
        double[] s = extended.scores(theta)[last];
        for (int j = 0; j < k; j++) {
          J[h - 1][j] = sigma * s[j];
        }
      } else {
        double[] g = new double[k];
        extended.valueAndGradient(theta, g);
        for (int j = 0; j < k; j++) {
          J[h - 1][j] = sigma * (g[j] - base[j]);
        }
      }
    }
    return J;
  }

  /**
   * The data followed by h − 1 missing periods and the value v, and the regressors by the first h
   * rows of their future values.
   */
  private static ModelData extendedData(ModelData data, DMatrixRMaj futureExog, int h, double v) {
    DMatrixRMaj y = data.y();
    int T = y.numRows;
    DMatrixRMaj extended = new DMatrixRMaj(T + h, 1);
    System.arraycopy(y.data, 0, extended.data, 0, T);
    for (int t = T; t < T + h - 1; t++) {
      extended.data[t] = Double.NaN;
    }
    extended.data[T + h - 1] = v;
    int k = data.exog().numCols;
    if (k == 0) {
      return new ModelData(extended, null, null);
    }
    DMatrixRMaj exog = new DMatrixRMaj(T + h, k);
    CommonOps_DDRM.insert(data.exog(), exog, 0, 0);
    CommonOps_DDRM.insert(CommonOps_DDRM.extract(futureExog, 0, h, 0, k), exog, T, 0);
    return new ModelData(extended, exog, data.exogNames());
  }

  /**
   * The extended series' filter must predict step {@code last} with the plain forecast's mean and
   * standard error: its innovation there is v − μ_h = σ_h and the innovation's factor σ_h.
   */
  private static void checkConsistent(
      LogLikelihood extended, double[] theta, int last, double v, double sigma) {
    FilterResult f = extended.filter(extended.layout().natural(theta));
    double e = f.innovation(last)[0];
    double a = Math.abs(f.innovationFactor(last).get(0, 0));
    if (!(Math.abs(e - sigma) <= CONSISTENCY_TOLERANCE * Math.abs(v) + CONSISTENCY_TOLERANCE * sigma
        && Math.abs(a - sigma) <= CONSISTENCY_TOLERANCE * sigma)) {
      throw new IllegalArgumentException(
          "intervals with parameter uncertainty are not available for model "
              + extended.model().name()
              + ": its system depends on the length of the data");
    }
  }

  private static LogLikelihood likelihood(
      StateSpaceModel model, ModelData data, FitOptions options, FitResult fit) {
    LogLikelihood likelihood = new LogLikelihood(model, data, options.fixed(), options.rule());
    if (likelihood.data().length() != fit.nobs()) {
      throw new IllegalArgumentException(
          "the data have "
              + likelihood.data().length()
              + " periods but the fit was made on "
              + fit.nobs());
    }
    return likelihood;
  }

  private static double[] theta(LogLikelihood likelihood, FitResult fit) {
    return likelihood.layout().unconstrained(fit.estimates());
  }

  /** Σ_θ as the fit computed it (the same covariance type), refused when undefined. */
  private static DMatrixRMaj thetaCovariance(
      LogLikelihood likelihood, double[] theta, FitOptions options) {
    int k = theta.length;
    if (k == 0) {
      return new DMatrixRMaj(0, 0);
    }
    double[] units = ScaledProblem.at(likelihood, theta).units();
    ParameterCovariance.Result cov =
        ParameterCovariance.compute(likelihood, theta, units, options.covarianceType());
    if (cov.thetaCovariance() == null) {
      throw new IllegalArgumentException(
          "intervals with parameter uncertainty need the parameters' covariance: " + cov.problem());
    }
    return cov.thetaCovariance();
  }

  /** j Σ jᵀ. */
  private static double quadraticForm(double[] j, DMatrixRMaj sigma) {
    double s = 0;
    for (int a = 0; a < j.length; a++) {
      for (int b = 0; b < j.length; b++) {
        s += j[a] * sigma.get(a, b) * j[b];
      }
    }
    return s;
  }
}
