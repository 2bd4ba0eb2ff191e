package io.gramian.estimation.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.RegressionStateSpace;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.UnobservedComponents;
import io.gramian.estimation.results.ForecastStep;
import io.gramian.estimation.results.SeriesForecast;
import io.gramian.kalman.Forecaster;
import io.gramian.kalman.StateSpace;
import java.util.List;
import java.util.OptionalInt;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The delta-method intervals: the forecast means' Jacobian in both directions against central
 * differences of the plain forecast recomputed at moved parameters (filter and forecaster only, no
 * appended observation), the choice of direction, and the widened standard errors.
 */
class ParameterUncertaintyTest {

  private static final int FITTED = 180;
  private static final List<String> REGRESSORS = List.of("PetrolPrice", "law");

  /**
   * Central differences with step δ = 1e-5 · max(1, |θ_j|) leave O(δ²) ≈ 1e-10 of truncation and
   * O(ε |μ| / δ) ≈ 1e-10 relative of rounding; 1e-6 relative to the largest entry leaves margin for
   * the filter's own rounding.
   */
  private static final double FD_TOLERANCE = 1e-6;

  /** Tangent and reverse sweeps compute the same derivative in another order: rounding only. */
  private static final double DIRECTIONS_TOLERANCE = 1e-8;

  @Test
  void nileLocalLevelJacobianMatchesDifferences() {
    check(UnobservedComponents.localLevel(), ModelData.of(Datasets.nile()), 4);
  }

  @Test
  void arimaJacobianMatchesDifferences() {
    check(Sarimax.of(SarimaxOrder.of(1, 1, 1, 0, 0, 0, 0)), ModelData.of(Datasets.nile()), 3);
  }

  @Test
  void localLinearTrendJacobianMatchesDifferences() {
    check(UnobservedComponents.localLinearTrend(), ModelData.of(Datasets.nile()), 3);
  }

  /**
   * Regressors as diffuse states (local level + PetrolPrice, law on log UK drivers 1969–1983): the
   * Jacobian through the data extended by the regressors' 1984 values.
   */
  @Test
  void regressionJacobianMatchesDifferences() {
    check(
        UnobservedComponents.named("local-level", OptionalInt.empty(), "dummy", REGRESSORS),
        driversWithRegressors(),
        3,
        regressors(FITTED, FITTED + 3));
  }

  /** Regression with ARMA errors: the coefficients are parameters, not states. */
  @Test
  void sarimaxRegressionJacobianMatchesDifferences() {
    check(
        Sarimax.of(SarimaxOrder.of(1, 0, 0, 0, 0, 0, 0)).withRegressors(REGRESSORS),
        driversWithRegressors(),
        2,
        regressors(FITTED, FITTED + 2));
  }

  @Test
  void aModelWithRegressorsNeedsTheirFutureValues() {
    StateSpaceModel model =
        UnobservedComponents.named("local-level", OptionalInt.empty(), "dummy", REGRESSORS);
    ModelData data = driversWithRegressors();
    FitOptions options = FitOptions.defaults();
    FitResult fit = MaximumLikelihood.fit(model, data, options);
    assertThrows(
        IllegalArgumentException.class,
        () -> ParameterUncertainty.forecast(model, data, options, fit, 3));
    SeriesForecast wide =
        ParameterUncertainty.forecast(
            model, data, options, fit, 3, regressors(FITTED, FITTED + 3), 95);
    SeriesForecast plain = fit.forecast(3, regressors(FITTED, FITTED + 3), 95);
    for (int h = 1; h <= 3; h++) {
      assertEquals(plain.step(h).mean(), wide.step(h).mean(), 0.0);
      assertTrue(wide.step(h).standardError() > plain.step(h).standardError(), "h = " + h);
    }
  }

  @Test
  void theCheaperDirectionIsACount() {
    assertEquals(
        ParameterUncertainty.Direction.TANGENT, ParameterUncertainty.Direction.cheaper(2, 50));
    assertEquals(
        ParameterUncertainty.Direction.TANGENT, ParameterUncertainty.Direction.cheaper(3, 2));
    assertEquals(
        ParameterUncertainty.Direction.REVERSE, ParameterUncertainty.Direction.cheaper(3, 3));
    assertEquals(
        ParameterUncertainty.Direction.REVERSE, ParameterUncertainty.Direction.cheaper(10, 1));
  }

  @Test
  void intervalsWidenByTheQuadraticForm() {
    StateSpaceModel model = UnobservedComponents.localLevel();
    ModelData data = ModelData.of(Datasets.nile());
    FitOptions options = FitOptions.defaults();
    FitResult fit = MaximumLikelihood.fit(model, data, options);
    SeriesForecast plain = fit.forecast(5, 80, 95);
    SeriesForecast wide = ParameterUncertainty.forecast(model, data, options, fit, 5, 80, 95);
    for (int h = 1; h <= 5; h++) {
      ForecastStep p = plain.step(h);
      ForecastStep w = wide.step(h);
      assertEquals(p.mean(), w.mean(), 0.0);
      assertTrue(w.standardError() > p.standardError(), "h = " + h);
      assertTrue(w.intervals().get(1).lower() < p.intervals().get(1).lower());
      assertEquals(p.period(), w.period());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> ParameterUncertainty.forecast(model, data, options, fit, 0));
  }

  private static void check(StateSpaceModel model, ModelData data, int horizon) {
    check(model, data, horizon, null);
  }

  private static void check(
      StateSpaceModel model, ModelData data, int horizon, DMatrixRMaj futureExog) {
    FitOptions options = FitOptions.defaults();
    FitResult fit = MaximumLikelihood.fit(model, data, options);
    double[][] tangent =
        ParameterUncertainty.meanJacobian(
            model, data, options, fit, horizon, futureExog, ParameterUncertainty.Direction.TANGENT);
    double[][] reverse =
        ParameterUncertainty.meanJacobian(
            model, data, options, fit, horizon, futureExog, ParameterUncertainty.Direction.REVERSE);
    LogLikelihood likelihood = new LogLikelihood(model, data, options.fixed(), options.rule());
    double[] theta = likelihood.layout().unconstrained(fit.estimates());
    int k = theta.length;
    double[][] fd = new double[horizon][k];
    double scale = 0;
    for (int j = 0; j < k; j++) {
      double step = 1e-5 * Math.max(1, Math.abs(theta[j]));
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[j] += step;
      minus[j] -= step;
      double[] up = means(likelihood, plus, horizon, futureExog);
      double[] down = means(likelihood, minus, horizon, futureExog);
      for (int h = 0; h < horizon; h++) {
        fd[h][j] = (up[h] - down[h]) / (2 * step);
        scale = Math.max(scale, Math.abs(fd[h][j]));
      }
    }
    for (int h = 0; h < horizon; h++) {
      for (int j = 0; j < k; j++) {
        String at = "h = " + (h + 1) + ", θ_" + j;
        assertEquals(fd[h][j], tangent[h][j], FD_TOLERANCE * scale, "tangent " + at);
        assertEquals(fd[h][j], reverse[h][j], FD_TOLERANCE * scale, "reverse " + at);
        assertEquals(tangent[h][j], reverse[h][j], DIRECTIONS_TOLERANCE * scale, at);
      }
    }
  }

  /**
   * μ_1 … μ_H at θ by the filter and the forecaster, a regression system continued with the
   * regressors' future values.
   */
  private static double[] means(
      LogLikelihood likelihood, double[] theta, int horizon, DMatrixRMaj futureExog) {
    double[] natural = likelihood.layout().natural(theta);
    StateSpace system = likelihood.system(natural);
    StateSpace ahead =
        system instanceof RegressionStateSpace regression
            ? regression.continuedWith(CommonOps_DDRM.extract(futureExog, 0, horizon, 0, 2))
            : system;
    var forecast = Forecaster.forSystem(ahead).forecast(ahead, likelihood.filter(natural), horizon);
    double[] mu = new double[horizon];
    for (int h = 1; h <= horizon; h++) {
      mu[h - 1] = forecast.observationMean(h)[0];
    }
    return mu;
  }

  /** Log UK drivers killed or seriously injured, 1969–1983, with PetrolPrice and law. */
  private static ModelData driversWithRegressors() {
    TimeSeries drivers = Datasets.seatbelts().column("drivers").slice(0, FITTED).log();
    return new ModelData(drivers, regressors(0, FITTED), REGRESSORS);
  }

  private static DMatrixRMaj regressors(int from, int to) {
    TimeSeriesFrame frame = Datasets.seatbelts();
    DMatrixRMaj x = new DMatrixRMaj(to - from, REGRESSORS.size());
    for (int j = 0; j < REGRESSORS.size(); j++) {
      TimeSeries column = frame.column(REGRESSORS.get(j));
      for (int t = from; t < to; t++) {
        x.set(t - from, j, column.value(t));
      }
    }
    return x;
  }
}
