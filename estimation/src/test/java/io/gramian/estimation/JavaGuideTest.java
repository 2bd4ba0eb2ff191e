package io.gramian.estimation;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.fit.ParameterEstimate;
import io.gramian.estimation.fit.ParameterUncertainty;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelMatrices;
import io.gramian.estimation.model.ParameterBlock;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.UnobservedComponents;
import io.gramian.estimation.results.ForecastPaths;
import io.gramian.estimation.results.ForecastStep;
import io.gramian.estimation.results.SeriesForecast;
import io.gramian.estimation.results.StateEstimates;
import io.gramian.kalman.Dimensions;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.Forecast;
import io.gramian.kalman.Forecaster;
import io.gramian.kalman.OnlineKalmanFilter;
import io.gramian.kalman.RtsSmoother;
import io.gramian.kalman.SimulationSmoother;
import io.gramian.kalman.SmootherResult;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.SystemGradient;
import io.gramian.kalman.SystemMatrix;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The examples of README.md and docs/java-guide.md, compiled and run, so they cannot rot. Each test
 * mirrors one snippet; the numbers asserted are the ones the guide quotes.
 */
class JavaGuideTest {

  private static DMatrixRMaj m(double v) {
    return new DMatrixRMaj(new double[][] {{v}});
  }

  @Test
  void batchFit() {
    ModelData data = ModelData.of(Datasets.nile());
    StateSpaceModel model = UnobservedComponents.localLevel();
    FitResult fit = MaximumLikelihood.fit(model, data, FitOptions.defaults());
    assertEquals(1469.18, fit.estimate("sigma2.level"), 0.01);
    assertTrue(fit.standardError("sigma2.level") > 0);
    assertEquals(-633.4645636362, fit.logLikelihood(), 1e-6);
    assertEquals(1272.93, fit.criteria().aic(), 0.01);
    assertNotNull(fit.diagnostics().ljungBox());

    StateSpace system = fit.system();
    SmootherResult smoothed = RtsSmoother.forSystem(system).smooth(system, fit.filter());
    Forecast moments = Forecaster.forSystem(system).forecast(system, fit.filter(), 10);
    assertEquals(smoothed.steps(), 100);
    assertTrue(moments.stateCovariance(1).get(0, 0) > 0);
  }

  @Test
  void modelSpecWithComponents() {
    StateSpaceModel cyclical =
        ModelSpec.builder("llevel").cycle().autoregressive(2).build().create();
    assertEquals(
        List.of(
            "sigma2.irregular",
            "sigma2.level",
            "sigma2.cycle",
            "sigma2.ar",
            "frequency.cycle",
            "ar.L1",
            "ar.L2"),
        cyclical.parameterNames());

    TimeSeriesFrame macro = Datasets.usMacroQuarterly();
    ModelSpec phillips = ModelSpec.builder("local-level").exogVarying("unemp").build();
    ModelData inflation =
        new ModelData(
            macro.column("infl"),
            new DMatrixRMaj(macro.column("unemp").values()),
            phillips.regressors(List.of()));
    FitResult varying = MaximumLikelihood.fit(phillips.create(), inflation, FitOptions.defaults());
    assertEquals(-450.7204738, varying.logLikelihood(), 1e-6);
    assertEquals(-0.67, varying.states().smoothed("beta.unemp").mean(203 - 1), 0.005);
  }

  @Test
  void savedFits(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    io.gramian.datasets.TimeSeriesFrame frame = Datasets.load("nile");
    io.gramian.estimation.batch.ModelSpec spec =
        io.gramian.estimation.batch.ModelSpec.named("local-level");
    FitResult fit =
        MaximumLikelihood.fit(
            spec.create(), ModelData.of(frame.column("volume")), FitOptions.defaults());

    io.gramian.estimation.saved.SavedData data =
        io.gramian.estimation.saved.SavedData.of(frame, "nile.csv", "volume", List.of());
    io.gramian.estimation.saved.SavedFit saved =
        io.gramian.estimation.saved.SavedFit.of(
            spec, io.gramian.estimation.batch.SeriesTransform.NONE, Map.of(), data, List.of(), fit);
    java.nio.file.Path file = dir.resolve("nile.fit.json");
    saved.write(file);

    io.gramian.estimation.saved.SavedFit back = io.gramian.estimation.saved.SavedFit.read(file);
    assertArrayEquals(fit.estimates(), back.estimates());
    assertEquals(fit.parameterCovariance()[0][1], back.covariance()[0][1]);
    assertArrayEquals(fit.forecast(10).mean(), back.forecast(back.savedData(), 10).mean());
    // later.csv: two more years, continuing the saved 1871-1970
    io.gramian.datasets.TimeSeriesFrame later =
        io.gramian.datasets.CsvTimeSeriesReader.read(
            new java.io.StringReader("date,volume\n1971,800\n1972,900\n"), "later.csv", "date");
    ModelData extended = back.modelDataFrom(later);
    assertEquals(102, extended.length());
    assertEquals("1974", back.forecast(extended, 2).step(2).period());
    FitResult atSaved = back.evaluate(extended);
    assertEquals(fit.estimates()[0], atSaved.estimates()[0]);
    FitOptions restart =
        FitOptions.defaults().withStart(back.startFor(spec.create(), "nile.fit.json"));
    FitResult again =
        MaximumLikelihood.fit(spec.create(), ModelData.of(frame.column("volume")), restart);
    // A restart from the saved estimates is at the maximum: no iteration when the saved fit met
    // the gradient criterion. When it stopped on the relative change of f instead, its gradient is
    // within 100 times the criterion, and a step along it gains less than ℓ's rounding: the first
    // line search finds nothing to gain (no iteration), or a gain of rounding's size after which
    // the next finds nothing (one) or the gradient criterion is met (two). Which of these happens,
    // like which criterion ended the Nile's fit, is decided by the last bits of ℓ.
    boolean savedAtGradientCriterion = fit.optimizerMessage().startsWith("gradient criterion met");
    assertTrue(again.converged(), again.optimizerMessage());
    if (savedAtGradientCriterion) {
      assertEquals(0, again.iterations(), again.optimizerMessage());
    } else if (again.iterations() <= 1) {
      assertTrue(
          again.optimizerMessage().startsWith("line search could not improve further"),
          again.optimizerMessage());
    } else {
      assertEquals(2, again.iterations(), again.optimizerMessage());
      assertTrue(
          again.optimizerMessage().startsWith("gradient criterion met"), again.optimizerMessage());
    }
    assertEquals(
        fit.logLikelihood(), again.logLikelihood(), SAME_MAXIMUM * Math.abs(fit.logLikelihood()));
    for (int i = 0; i < fit.estimates().length; i++) {
      assertEquals(fit.estimates()[i], again.estimates()[i], SAME_ESTIMATE * fit.estimates()[i]);
    }
  }

  /**
   * ℓ of a restart at the saved maximum against the saved ℓ, relative: BFGS stops when f's relative
   * change is at most 1e-10, so a restart cannot gain more than about that (measured 4e-16).
   */
  private static final double SAME_MAXIMUM = 1e-10;

  /**
   * Estimates of a restart at the saved maximum against the saved ones, relative: at a gradient
   * within 100 times BFGS's criterion (1e-8 · |ℓ|) the step left is of order 1e-6 of the estimate
   * on the Nile's curvature (measured 4e-8 and 2e-7).
   */
  private static final double SAME_ESTIMATE = 1e-5;

  @Test
  void results() {
    FitResult fit =
        MaximumLikelihood.fit(
            UnobservedComponents.localLevel(),
            ModelData.of(Datasets.nile()),
            FitOptions.defaults());
    String text = fit.summary();
    assertTrue(text.contains("Dep. Variable:                 volume"), text);
    assertTrue(text.contains("Sample:                          1871"), text);

    for (ParameterEstimate p : fit.parameters()) {
      assertTrue(p.hasStandardError(), p.name());
      assertEquals(p.estimate() / p.standardError(), p.zValue(), 0);
      assertTrue(p.pValue() > 0 && p.pValue() < 1);
      assertEquals(
          p.estimate() - 1.2815515655446004 * p.standardError(),
          p.confidenceInterval(80).lower(),
          1e-9 * p.standardError());
    }

    StateEstimates states = fit.states();
    assertEquals(1111.67, states.smoothed("level").mean(0), 0.01);
    assertEquals(4032.2, states.smoothed("level").variance(0), 0.1);
    assertEquals(63.5, states.filtered("level").sd(99), 0.05);
    assertEquals(states.smoothed("level").mean(0), states.smoothedSignal().mean(0), 1e-9);
    assertTrue(Double.isNaN(states.prediction().mean(0))); // the diffuse step
    assertTrue(Double.isFinite(states.prediction().mean(1)));

    SeriesForecast forecast = fit.forecast(10, 80, 95);
    ForecastStep first = forecast.step(1);
    assertEquals("1971", first.period());
    assertEquals(798.37, first.mean(), 0.01);
    assertEquals(143.5, first.standardError(), 0.05);
    assertEquals(
        first.mean() + 1.959963984540054 * first.standardError(),
        first.interval(95).upper(),
        1e-9 * first.standardError());
    assertTrue(forecast.table().startsWith("\nForecast (80%, 95% intervals)\n"));
    assertTrue(fit.forecast(1).table().startsWith("\nForecast (95% interval)\n"));
  }

  @Test
  void simulation() {
    ModelData data = ModelData.of(Datasets.nile());
    StateSpaceModel model = UnobservedComponents.localLevel();
    FitOptions options = FitOptions.defaults();
    FitResult fit = MaximumLikelihood.fit(model, data, options);
    SeriesForecast forecast = fit.forecast(10, 95);

    ForecastPaths paths = fit.simulateForecast(10, 1000, 7L);
    assertEquals(paths.values()[0][0], paths.value(1, 1), 0.0);
    double se = forecast.step(1).standardError();
    // 5 Monte Carlo standard errors of a mean (σ/√N) and of a 97.5% quantile
    // (sqrt(p(1 − p)/N)/φ(1.96) σ = 0.0845 σ) at N = 1000
    assertEquals(forecast.step(1).mean(), paths.mean(1), 5 * se / Math.sqrt(1000));
    assertEquals(forecast.step(1).interval(95).upper(), paths.quantile(1, 0.975), 0.42 * se);

    SeriesForecast wide = ParameterUncertainty.forecast(model, data, options, fit, 10, 95);
    assertEquals(145.45, wide.step(1).standardError(), 0.01);
    assertEquals(143.5, se, 0.05);

    StateSpace system = fit.system();
    DMatrixRMaj[] draws =
        SimulationSmoother.forSystem(system).draw(system, data.y(), 100, new Random(7));
    assertEquals(100, draws.length);
    assertEquals(100, draws[0].numRows);
    assertTrue(Double.isFinite(draws[0].get(0, 0)));
  }

  @Test
  void readmeJavaApi() {
    FitResult fit =
        MaximumLikelihood.fit(
            UnobservedComponents.named("local-level", OptionalInt.empty(), "dummy", List.of()),
            ModelData.of(Datasets.nile().values()),
            FitOptions.defaults());
    assertTrue(fit.converged());
  }

  @Test
  void filterAndExactGradient() {
    StateSpaceSystem s =
        StateSpaceSystem.builder()
            .F(m(0.9))
            .c(m(0))
            .H(m(1))
            .d(m(0))
            .cholQ(m(0.5))
            .cholR(m(0.8))
            .m0(m(0))
            .cholP0(m(1))
            .build();
    DMatrixRMaj Y = new DMatrixRMaj(new double[][] {{0.3}, {Double.NaN}, {-0.2}, {0.1}});
    SquareRootFilter filter = SquareRootFilter.forSystem(s);
    double loglik = filter.logLikelihood(s, Y);
    SystemGradient g = new SystemGradient(Dimensions.of(s));
    assertEquals(loglik, filter.logLikelihoodGradient(s, Y, TriaRule.MASKED, g), 0.0);
    FilterResult result = filter.filter(s, Y);
    assertEquals(loglik, result.logLikelihood(), 0.0);
    assertTrue(Double.isFinite(g.FBar.get(0, 0)));
    assertSame(g.cholQBar, g.matrices().get(SystemMatrix.cholQ));

    // The README's form: c, d and m0 left to their zero defaults.
    StateSpaceSystem readme =
        StateSpaceSystem.builder()
            .F(m(0.9))
            .H(m(1))
            .cholQ(m(0.5))
            .cholR(m(0.8))
            .cholP0(m(1))
            .build();
    assertEquals(loglik, SquareRootFilter.forSystem(readme).logLikelihood(readme, Y), 0.0);
  }

  @Test
  void onlineStepApi() {
    OnlineKalmanFilter kf = new OnlineKalmanFilter(new Dimensions(1, 1, 1, 1, 1), m(0), m(1));
    double[] measurements = {0.3, Double.NaN, -0.2};
    for (double y : measurements) {
      kf.update(m(y), m(1), m(0), m(0.8));
      DMatrixRMaj x = kf.mean();
      DMatrixRMaj S = kf.cholP();
      assertTrue(Double.isFinite(x.get(0)) && S.get(0, 0) > 0);
      kf.predict(m(0.9), m(0), m(0.5));
    }
  }

  /** The guide's user-defined model. */
  static final class NileLevel implements StateSpaceModel {
    public String name() {
      return "my local level";
    }

    public List<ParameterBlock> parameterBlocks() {
      return List.of(
          ParameterBlock.variance("sigma2.irregular"), ParameterBlock.variance("sigma2.level"));
    }

    public double[] startParameters(ModelData data) {
      return new double[] {10000, 1000};
    }

    public ModelMatrices build(Var[] p, ModelData data) {
      Tape tape = p[0].tape();
      Var one = tape.constant(1);
      return ModelMatrices.builder(tape)
          .F(one)
          .H(one)
          .cholQ(p[1])
          .cholR(p[0])
          .cholP0(tape.zeros(1, 1))
          .cholPinf(one) // the level is exactly diffuse
          .build();
    }
  }

  @Test
  void userDefinedModel() {
    ModelData data = ModelData.of(Datasets.nile().values());
    FitResult fit = MaximumLikelihood.fit(new NileLevel(), data, FitOptions.defaults());
    assertEquals(-633.4645636362, fit.logLikelihood(), 1e-6);
    LogLikelihood ll = new LogLikelihood(new NileLevel(), data, Map.of(), TriaRule.MASKED);
    double[] g = new double[2];
    ll.valueAndGradient(ll.layout().unconstrained(new double[] {15099, 1469.1}), g);
    assertTrue(Math.abs(g[0]) < 1e-3 && Math.abs(g[1]) < 1e-3);
  }

  @Test
  void fixedVarianceAndSparseLags() {
    ModelData data = ModelData.of(Datasets.nile().values());
    StateSpaceModel model = UnobservedComponents.localLevel();
    FitResult constantLevel =
        MaximumLikelihood.fit(
            model, data, FitOptions.defaults().withFixed(Map.of("sigma2.level", 0.0)));
    assertEquals(-651.68959117, constantLevel.logLikelihood(), 1e-8);
    assertArrayEquals(new boolean[] {true, false}, constantLevel.free());

    io.gramian.estimation.arima.Sarimax sparse =
        io.gramian.estimation.arima.Sarimax.of(
                io.gramian.estimation.arima.SarimaxOrder.of(1, 1, 0).withMaLags(1, 4))
            .withMean(true);
    assertEquals(List.of("ar.L1", "ma.L1", "ma.L4", "sigma2", "mean"), sparse.parameterNames());
  }
}
