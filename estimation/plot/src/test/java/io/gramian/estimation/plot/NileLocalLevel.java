package io.gramian.estimation.plot;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.diagnostics.CovarianceType;
import io.gramian.estimation.diagnostics.InformationCriteria;
import io.gramian.estimation.fit.FitResult;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.Forecast;
import io.gramian.kalman.Forecaster;
import io.gramian.kalman.RtsSmoother;
import io.gramian.kalman.SmootherResult;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpaceSystem;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The Nile's local level model at Durbin and Koopman's estimates (σ²_ε = 15099, σ²_η = 1469.1),
 * with an exactly diffuse level: filtered, smoothed and forecast 10 years ahead.
 */
final class NileLocalLevel {

  static final double SIGMA2_IRREGULAR = 15099;
  static final double SIGMA2_LEVEL = 1469.1;
  static final int HORIZON = 10;

  final TimeSeries series;
  final StateSpaceSystem system;
  final FilterResult filter;
  final SmootherResult smoother;
  final Forecast forecast;

  NileLocalLevel() {
    this(Datasets.nile());
  }

  /** The same model on another series (for example with values removed). */
  NileLocalLevel(TimeSeries series) {
    this.series = series;
    system = localLevel(SIGMA2_LEVEL, SIGMA2_IRREGULAR);
    filter = SquareRootFilter.forSystem(system).filter(system, observations(series));
    smoother = RtsSmoother.forSystem(system).smooth(system, filter);
    forecast = Forecaster.forSystem(system).forecast(system, filter, HORIZON);
  }

  static StateSpaceSystem localLevel(double sigma2Level, double sigma2Irregular) {
    return StateSpaceSystem.builder()
        .F(scalar(1))
        .H(scalar(1))
        .cholQ(scalar(Math.sqrt(sigma2Level)))
        .cholR(scalar(Math.sqrt(sigma2Irregular)))
        .m0(scalar(0))
        .cholP0(new DMatrixRMaj(1, 0))
        .cholPinf(scalar(1))
        .build();
  }

  static DMatrixRMaj observations(TimeSeries series) {
    return new DMatrixRMaj(series.length(), 1, true, series.values());
  }

  /** The standardized one-step residuals (NaN where missing or diffuse). */
  double[] residuals() {
    double[] r = new double[filter.steps()];
    for (int t = 0; t < r.length; t++) {
      r[t] = filter.whitenedInnovation(t)[0];
    }
    return r;
  }

  /** A fit result at the given parameters, as the learner would report it. */
  FitResult fit() {
    double ll = filter.logLikelihood();
    return new FitResult(
        "local-level",
        List.of("sigma2.irregular", "sigma2.level"),
        new double[] {SIGMA2_IRREGULAR, SIGMA2_LEVEL},
        new boolean[] {true, true},
        new double[] {Double.NaN, Double.NaN},
        CovarianceType.OPG,
        ll,
        series.length(),
        series.observedCount(),
        1,
        filter.diffuseSteps(),
        InformationCriteria.of(ll, 2, 1, series.length(), 0),
        true,
        0,
        1,
        0.0,
        "parameters given",
        null,
        residuals(),
        filter,
        system,
        series,
        List.of("level"),
        List.of(),
        FitResult.undefinedCovariance(2));
  }

  private static DMatrixRMaj scalar(double v) {
    return new DMatrixRMaj(1, 1, true, v);
  }
}
