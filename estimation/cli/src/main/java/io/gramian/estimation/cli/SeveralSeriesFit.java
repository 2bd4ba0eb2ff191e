package io.gramian.estimation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.diagnostics.ParameterRow;
import io.gramian.estimation.diagnostics.ResidualDiagnostics;
import io.gramian.estimation.diagnostics.SummaryHeader;
import io.gramian.estimation.diagnostics.SummaryTable;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.fit.ParameterEstimate;
import io.gramian.estimation.model.ExactChannels;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.SeveralSeriesModel;
import io.gramian.estimation.models.DynamicFactor;
import io.gramian.estimation.models.Sutse;
import io.gramian.estimation.models.VectorAutoregression;
import io.gramian.estimation.optim.ProgressListener;
import io.gramian.estimation.plot.ComponentPlotData;
import io.gramian.estimation.plot.PlotTimes;
import io.gramian.estimation.plot.SeriesPanelsPlot;
import io.gramian.estimation.plot.SeriesSignalsCsv;
import io.gramian.estimation.results.Estimate;
import io.gramian.estimation.results.ForecastStep;
import io.gramian.estimation.results.Interval;
import io.gramian.estimation.results.SeriesForecast;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.Forecast;
import io.gramian.kalman.Forecaster;
import io.gramian.kalman.RtsSmoother;
import io.gramian.kalman.SmootherResult;
import io.gramian.kalman.StateSpace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.ParseResult;

/**
 * {@code fit --model M --columns A,B,…}: a model of several series at once ({@link
 * SeveralSeriesModel}), and what the command prints and writes for it: the parameter summary and
 * one block per equation (each series' observations, its signal H_j x + d_j at the end filtered and
 * smoothed, and the residual diagnostics of its standardized one-step residual), the JSON document,
 * the forecast and the signals of every series, and a plot with a panel per series.
 *
 * <p>Series j's standardized residual is entry j of the whitened innovation L_t⁻¹ v_t (F_t = L_t
 * L_tᵀ, Cholesky), as statsmodels' {@code standardized_forecasts_error} and its per-equation tests.
 */
final class SeveralSeriesFit {

  private static final JsonMapper MAPPER = new JsonMapper();

  private final FitCommand command;
  private final DataOptions.LoadedColumns loaded;
  private final SeveralSeriesModel model;
  private final FitResult fit;
  private final SmootherResult smoothed;
  private final List<List<ForecastStep>> forecasts; // per series; null without --forecast

  private SeveralSeriesFit(
      FitCommand command,
      SeveralSeriesModel model,
      DataOptions.LoadedColumns loaded,
      FitResult fit,
      List<List<ForecastStep>> forecasts) {
    this.command = command;
    this.model = model;
    this.loaded = loaded;
    this.fit = fit;
    StateSpace system = fit.system();
    this.smoothed = RtsSmoother.forSystem(system).smooth(system, fit.filter());
    this.forecasts = forecasts;
  }

  /** Refuses the options that a model of several series does not take: checked before any work. */
  static void checkOptions(FitCommand c) {
    ParseResult parsed = c.spec.commandLine().getParseResult();
    for (String option : NOT_TAKEN) {
      if (parsed.hasMatchedOption(option)) {
        throw new IllegalArgumentException(
            option + " does not go with --model " + c.modelOptions.model + " (several series)");
      }
    }
    c.modelOptions.checkSeveralSeriesOptions(parsed);
  }

  /** The options of {@code fit} that a model of several series does not take (yet). */
  private static final List<String> NOT_TAKEN =
      List.of(
          "--diagnostics-plot",
          "--save",
          "--start",
          "--interval-uncertainty",
          "--simulate",
          "--paths-out",
          "--seed");

  /** Fits, writes the files asked for to {@code outputs} and commits them, then prints. */
  static int run(
      FitCommand c,
      OutputFiles outputs,
      boolean jsonToStdout,
      double[] levels,
      ProgressListener progress,
      Runnable finishProgress) {
    SeveralSeriesModel model = c.modelOptions.createSeveral(c.columns, c.dataOptions.exog);
    DataOptions.LoadedColumns loaded =
        c.dataOptions.loadColumns(
            c.data, model.series(), model.takesRegressors() ? c.dataOptions.exog : List.of());
    Map<String, Double> fixed = new LinkedHashMap<>();
    if (model instanceof ExactChannels channels) {
      // parameters that entered only the noise of exact columns: held at 0, shown as fixed
      fixed.putAll(channels.silencedParameters(loaded.data()));
    }
    fixed.putAll(c.estimationOptions.fixed());
    FitOptions options =
        FitOptions.defaults()
            .withFixed(fixed)
            .withCovarianceType(c.estimationOptions.covarianceType())
            .withProgress(progress);
    FitResult fit;
    try {
      fit = MaximumLikelihood.fit(model, loaded.data(), options);
    } finally {
      finishProgress.run();
    }
    List<List<ForecastStep>> forecasts =
        c.forecastHorizon == null
            ? null
            : forecasts(
                fit, forecastSystem(c, model, loaded, fit), loaded, c.forecastHorizon, levels);
    SeveralSeriesFit result = new SeveralSeriesFit(c, model, loaded, fit, forecasts);
    if (c.states != null) {
      outputs.writeText(FitOutputs.STATES, result.statesCsv());
    }
    if (c.plot != null) {
      outputs.write(FitOutputs.PLOT, png -> SeriesPanelsPlot.writePng(result.panels(), png));
    }
    String jsonText = c.json == null ? null : result.json();
    if (outputs.has("--json")) {
      outputs.writeText("--json", jsonText);
    }
    String printed = jsonToStdout ? jsonText : result.summary(LocalDateTime.now().withNano(0));
    outputs.commit();
    PrintWriter out = c.spec.commandLine().getOut();
    out.print(printed);
    out.flush();
    return 0;
  }

  /**
   * The system the forecast runs on: the fit's, or with {@code --future} the model's at the
   * estimates over the data followed by the H future periods (the series missing there, the
   * regressors given), so that the matrices of the horizon carry the regressors' future values.
   */
  private static StateSpace forecastSystem(
      FitCommand c, SeveralSeriesModel model, DataOptions.LoadedColumns loaded, FitResult fit) {
    if (c.future == null) {
      return fit.system();
    }
    ModelData data = loaded.data();
    int horizon = c.forecastHorizon;
    DMatrixRMaj future =
        FutureRegressors.read(
            c.future, c.dataOptions.time, loaded.frame(), data.exogNames(), horizon);
    int T = data.y().numRows;
    int p = data.y().numCols;
    int r = data.exog().numCols;
    DMatrixRMaj y = new DMatrixRMaj(T + horizon, p);
    java.util.Arrays.fill(y.data, Double.NaN);
    System.arraycopy(data.y().data, 0, y.data, 0, T * p);
    DMatrixRMaj exog = new DMatrixRMaj(T + horizon, r);
    System.arraycopy(data.exog().data, 0, exog.data, 0, T * r);
    System.arraycopy(future.data, 0, exog.data, T * r, horizon * r);
    ModelData extended = new ModelData(y, exog, data.exogNames());
    return new LogLikelihood(model, extended, Map.of(), FitOptions.defaults().rule())
        .system(fit.estimates());
  }

  /** Each series' forecast H periods ahead, with its intervals at every level. */
  private static List<List<ForecastStep>> forecasts(
      FitResult fit,
      StateSpace system,
      DataOptions.LoadedColumns loaded,
      int horizon,
      double[] levels) {
    Forecast moments = Forecaster.forSystem(system).forecast(system, fit.filter(), horizon);
    List<String> periods = loaded.frame().index().nextPeriods(horizon).labels();
    if (levels.length == 0) {
      levels = new double[] {SeriesForecast.DEFAULT_LEVEL};
    }
    List<List<ForecastStep>> all = new ArrayList<>();
    for (int j = 0; j < loaded.series().size(); j++) {
      List<ForecastStep> steps = new ArrayList<>();
      for (int h = 1; h <= horizon; h++) {
        double mean = moments.observationMean(h)[j];
        double se = moments.observationStd(h)[j];
        List<Interval> intervals = new ArrayList<>();
        for (double level : levels) {
          intervals.add(Interval.normal(mean, se, level));
        }
        steps.add(new ForecastStep(h, periods.get(h - 1), mean, se, intervals));
      }
      all.add(steps);
    }
    return all;
  }

  private String modelDescription() {
    if (core() instanceof VectorAutoregression var) {
      return (var.movingAverage() == 0
              ? "var(" + var.order() + ")"
              : "varmax(" + var.order() + "," + var.movingAverage() + ")")
          + ", trend "
          + var.trend().spelling()
          + (var.regressors().isEmpty() ? "" : ", exog " + String.join(",", var.regressors()));
    }
    if (core() instanceof DynamicFactor dfm) {
      return "dfm, "
          + dfm.factors()
          + (dfm.factors() == 1 ? " factor" : " factors")
          + " of order "
          + dfm.factorOrder()
          + (dfm.errorOrder() == 0 ? ", white" : ", AR(" + dfm.errorOrder() + ")")
          + " "
          + dfm.errorCovariance().spelling()
          + " errors"
          + (dfm.regressors().isEmpty() ? "" : ", exog " + String.join(",", dfm.regressors()));
    }
    int p = core().series().size();
    int rank = command.modelOptions.rank == null ? p : command.modelOptions.rank;
    String exact =
        core() instanceof Sutse sutse && !sutse.exactSeries().isEmpty()
            ? ", exact " + String.join(",", sutse.exactSeries())
            : "";
    String slope =
        core() instanceof Sutse sutse && sutse.hasSlope() && sutse.slopeRank() < p
            ? " slope rank " + sutse.slopeRank()
            : "";
    String season =
        core() instanceof Sutse sutse && sutse.seasonalPeriod() > 0
            ? " + seasonal(" + sutse.seasonalPeriod() + ")"
            : "";
    return command.modelOptions.model + (rank < p ? " rank " + rank : "") + slope + season + exact;
  }

  /** The model without its exact channels and identities ({@link ExactChannels}). */
  private SeveralSeriesModel core() {
    return model instanceof ExactChannels channels ? channels.inner() : model;
  }

  /** The model line: the model, then its exact columns and identities when it has any. */
  private String modelLine() {
    if (!(model instanceof ExactChannels channels)) {
      return modelDescription();
    }
    StringBuilder line = new StringBuilder(modelDescription());
    if (!channels.exactSeries().isEmpty()) {
      line.append(", exact ").append(String.join(",", channels.exactSeries()));
    }
    channels.identities().forEach(identity -> line.append(", ").append(identity));
    return line.toString();
  }

  /** The summary: parameters, the optimiser's end, then one block per equation. */
  String summary(LocalDateTime date) {
    List<String> names = loaded.series().stream().map(TimeSeries::name).toList();
    TimeSeries first = loaded.series().get(0);
    SummaryHeader header =
        new SummaryHeader(
            "Statespace Model Results",
            String.join(", ", names),
            modelLine(),
            date,
            first.label(0),
            first.label(first.length() - 1),
            fit.nobs(),
            fit.logLikelihood(),
            fit.criteria(),
            fit.covarianceType());
    List<ParameterRow> rows = new ArrayList<>();
    for (ParameterEstimate p : fit.parameters()) {
      String name = p.name() + (p.free() ? "" : " (fixed)");
      rows.add(
          p.hasStandardError()
              ? ParameterRow.of(name, p.estimate(), p.standardError())
              : ParameterRow.withoutStdError(name, p.estimate()));
    }
    StringBuilder text = new StringBuilder(SummaryTable.render(header, rows, fit.warnings()));
    text.append(
        String.format(
            Locale.ROOT,
            "Optimiser: BFGS, %d iterations, %d likelihood/gradient evaluations, %s%n",
            fit.iterations(),
            fit.evaluations(),
            fit.converged() ? "converged" : "NOT converged"));
    int last = fit.filter().steps() - 1;
    for (int j = 0; j < names.size(); j++) {
      TimeSeries s = loaded.series().get(j);
      Estimate filtered = filteredSignal(j);
      Estimate level = smoothedSignal(j);
      text.append(String.format(Locale.ROOT, "%nEquation %s%n", s.name()));
      text.append(String.format(Locale.ROOT, "  observed values        %d%n", s.observedCount()));
      text.append(
          String.format(
              Locale.ROOT,
              "  %s at %-14s filtered %.6g (sd %.4g), smoothed %.6g (sd %.4g)%n",
              model.signalName(),
              s.label(last),
              filtered.mean(last),
              filtered.sd(last),
              level.mean(last),
              level.sd(last)));
      ResidualDiagnostics d = diagnostics(j);
      if (d == null) {
        text.append("  residual diagnostics   unavailable (too few residuals)\n");
      } else {
        text.append(
            String.format(
                Locale.ROOT,
                "  Ljung-Box (L1) (Q)     %.2f   Prob(Q)  %.2f%n"
                    + "  Heteroskedasticity (H) %.2f   Prob(H)  %.2f%n"
                    + "  Jarque-Bera (JB)       %.2f   Prob(JB) %.2f%n",
                d.ljungBox().statistic(),
                d.ljungBox().pValue(),
                d.heteroskedasticity().statistic(),
                d.heteroskedasticity().pValue(),
                d.jarqueBera().statistic(),
                d.jarqueBera().pValue()));
      }
      if (forecasts != null) {
        text.append("  forecast     mean        std\n");
        for (ForecastStep step : forecasts.get(j)) {
          text.append(
              String.format(
                  Locale.ROOT,
                  "  %-10s %10.6g %10.4g  [%.6g, %.6g] %s%%%n",
                  step.period(),
                  step.mean(),
                  step.standardError(),
                  step.widest().lower(),
                  step.widest().upper(),
                  new java.math.BigDecimal(step.widest().level())
                      .stripTrailingZeros()
                      .toPlainString()));
        }
      }
    }
    return text.toString();
  }

  /**
   * Series j's standardized one-step residuals (entry j of the whitened innovation, NaN where it is
   * missing or the step is diffuse) and their diagnostics after the diffuse periods; null when too
   * few remain.
   */
  private ResidualDiagnostics diagnostics(int j) {
    FilterResult filter = fit.filter();
    double[] z = new double[filter.steps()];
    for (int t = 0; t < z.length; t++) {
      z[t] = Double.NaN;
      int[] observed = filter.observed(t);
      for (int k = 0; k < observed.length; k++) {
        if (observed[k] == j && !filter.isDiffuse(t)) {
          z[t] = filter.whitenedInnovation(t)[k];
        }
      }
    }
    int skipped = fit.diffuseSteps();
    if (z.length - skipped < 3) {
      return null;
    }
    try {
      return ResidualDiagnostics.of(z, skipped);
    } catch (IllegalArgumentException tooFew) {
      return null;
    }
  }

  /** Series j's filtered signal H_j m_{t|t} + d_j, sd √(H P_{t|t} Hᵀ)_jj; missing while diffuse. */
  private Estimate filteredSignal(int j) {
    FilterResult filter = fit.filter();
    int n = filter.steps();
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (int t = 0; t < n; t++) {
      if (filter.isDiffuse(t)) {
        mean[t] = Double.NaN;
        sd[t] = Double.NaN;
      } else {
        mean[t] = signalMean(t, j, filter.filteredMean(t));
        sd[t] = Math.sqrt(signalVariance(t, j, filter.filteredCovariance(t)));
      }
    }
    return new Estimate(mean, sd);
  }

  /** Series j's smoothed signal H_j m_{t|T} + d_j, sd √(H P_{t|T} Hᵀ)_jj. */
  private Estimate smoothedSignal(int j) {
    int n = smoothed.steps();
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (int t = 0; t < n; t++) {
      mean[t] = signalMean(t, j, smoothed.smoothedMean(t));
      sd[t] = Math.sqrt(signalVariance(t, j, smoothed.smoothedCovariance(t)));
    }
    return new Estimate(mean, sd);
  }

  /**
   * Series j's one-step prediction H_j m_t + d_j and sd √(H P_t Hᵀ + R)_jj; missing while diffuse.
   */
  private Estimate predicted(int j) {
    FilterResult filter = fit.filter();
    StateSpace system = fit.system();
    int n = filter.steps();
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (int t = 0; t < n; t++) {
      if (filter.isDiffuse(t)) {
        mean[t] = Double.NaN;
        sd[t] = Double.NaN;
        continue;
      }
      DMatrixRMaj cholR = system.cholR(t);
      double r = 0;
      for (int k = 0; k < cholR.numCols; k++) {
        r += cholR.get(j, k) * cholR.get(j, k);
      }
      mean[t] = signalMean(t, j, filter.predictedMean(t));
      sd[t] = Math.sqrt(signalVariance(t, j, filter.predictedCovariance(t)) + r);
    }
    return new Estimate(mean, sd);
  }

  /** (H_t m)_j + d_{t,j}. */
  private double signalMean(int t, int j, double[] m) {
    StateSpace system = fit.system();
    DMatrixRMaj H = system.H(t);
    double mean = system.d(t).get(j, 0);
    for (int k = 0; k < m.length; k++) {
      mean += H.get(j, k) * m[k];
    }
    return mean;
  }

  /** (H_t P H_tᵀ)_jj = Σ_kl H_jk P_kl H_jl. */
  private double signalVariance(int t, int j, DMatrixRMaj P) {
    DMatrixRMaj H = fit.system().H(t);
    double variance = 0;
    for (int k = 0; k < P.numRows; k++) {
      double row = 0;
      for (int l = 0; l < P.numCols; l++) {
        row += P.get(k, l) * H.get(j, l);
      }
      variance += H.get(j, k) * row;
    }
    return variance;
  }

  private String statesCsv() {
    List<SeriesSignalsCsv.Series> series = new ArrayList<>();
    for (int j = 0; j < loaded.series().size(); j++) {
      TimeSeries s = loaded.series().get(j);
      series.add(
          new SeriesSignalsCsv.Series(
              s.name(),
              s.values(),
              predicted(j),
              model.signalName(),
              filteredSignal(j),
              smoothedSignal(j)));
    }
    List<SeriesSignalsCsv.Common> common = new ArrayList<>();
    List<String> names = model.stateNames(fit.filter().nx());
    for (int i : model.commonStates()) {
      common.add(new SeriesSignalsCsv.Common(names.get(i), filteredState(i), smoothedState(i)));
    }
    StringWriter text = new StringWriter();
    try {
      SeriesSignalsCsv.write(loaded.frame().index().labels(), series, common, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private List<ComponentPlotData> panels() {
    List<ComponentPlotData> panels = new ArrayList<>();
    String file = command.data.getFileName().toString();
    for (int j = 0; j < loaded.series().size(); j++) {
      TimeSeries s = loaded.series().get(j);
      Optional<ComponentPlotData.ForecastBand> band = Optional.empty();
      if (forecasts != null) {
        List<ForecastStep> steps = forecasts.get(j);
        double[] mean = steps.stream().mapToDouble(ForecastStep::mean).toArray();
        double[] sd = steps.stream().mapToDouble(ForecastStep::standardError).toArray();
        band =
            Optional.of(
                new ComponentPlotData.ForecastBand(
                    PlotTimes.after(s.index(), steps.size()), new Estimate(mean, sd)));
      }
      panels.add(
          new ComponentPlotData(
              file + ": " + s.name(),
              modelLine(),
              PlotTimes.of(s.index()),
              s.name(),
              s.values(),
              new ComponentPlotData.Component(
                  model.signalName() + "." + s.name(), filteredSignal(j), smoothedSignal(j), null),
              List.of(),
              band));
    }
    List<String> names = model.stateNames(fit.filter().nx());
    int n = loaded.frame().index().labels().size();
    double[] none = new double[n];
    java.util.Arrays.fill(none, Double.NaN);
    for (int i : model.commonStates()) {
      panels.add(
          new ComponentPlotData(
              file + ": common " + names.get(i),
              modelDescription(),
              PlotTimes.of(loaded.series().get(0).index()),
              names.get(i),
              none,
              new ComponentPlotData.Component(
                  names.get(i), filteredState(i), smoothedState(i), null),
              List.of(),
              Optional.empty()));
    }
    return panels;
  }

  /** State i's filtered mean and standard deviation, m_{t|t,i} and √P_{t|t,ii}. */
  private Estimate filteredState(int i) {
    int n = fit.filter().steps();
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (int t = 0; t < n; t++) {
      mean[t] = fit.filter().filteredMean(t)[i];
      sd[t] = Math.sqrt(fit.filter().filteredCovariance(t).get(i, i));
    }
    return new Estimate(mean, sd);
  }

  /** State i's smoothed mean and standard deviation, m_{t|T,i} and √P_{t|T,ii}. */
  private Estimate smoothedState(int i) {
    int n = smoothed.steps();
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (int t = 0; t < n; t++) {
      mean[t] = smoothed.smoothedMean(t)[i];
      sd[t] = Math.sqrt(smoothed.smoothedCovariance(t).get(i, i));
    }
    return new Estimate(mean, sd);
  }

  /**
   * The {@code fit --json} document ({@link FitJson}, without its forecast) with {@code columns},
   * the series' names, and with {@code --forecast} every series' steps, each entry naming its
   * {@code series}.
   */
  private String json() {
    ObjectNode root;
    try {
      root = (ObjectNode) MAPPER.readTree(FitJson.render(fit, null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not read back the JSON result", e);
    }
    ArrayNode columns = JsonNodeFactory.instance.arrayNode();
    loaded.series().forEach(s -> columns.add(s.name()));
    root.set("columns", columns);
    if (forecasts != null) {
      ArrayNode rows = JsonNodeFactory.instance.arrayNode();
      for (int j = 0; j < forecasts.size(); j++) {
        for (ForecastStep step : forecasts.get(j)) {
          ObjectNode r = rows.addObject();
          r.put("series", loaded.series().get(j).name());
          FitJson.putStep(r, step);
        }
      }
      root.set("forecast", rows);
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the JSON result", e);
    }
  }
}
