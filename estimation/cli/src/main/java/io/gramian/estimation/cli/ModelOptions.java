package io.gramian.estimation.cli;

import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.batch.StructuralOptions;
import io.gramian.estimation.model.ExactChannels;
import io.gramian.estimation.model.ObservationIdentity;
import io.gramian.estimation.model.SeveralSeriesModel;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.DynamicFactor;
import io.gramian.estimation.models.Sutse;
import io.gramian.estimation.models.VectorAutoregression;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The model options of {@code fit}, {@code fit-many} and {@code loglik --model}, and the model they
 * name: the options are read here, the model is built by the library's {@link ModelSpec}
 * (docs/cli.md: every trend specification of statsmodels' {@code UnobservedComponents} hyphenated,
 * e.g. {@code local-level}, {@code random-walk-with-drift}, and {@code bsm}, {@code arima}; the
 * structural components {@code --seasonal} (repeatable), {@code --harmonics}, {@code --cycle},
 * {@code --damped-cycle}, {@code --autoregressive}, {@code --exog-varying}).
 */
final class ModelOptions {

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description =
          "A structural trend (irregular, fixed-intercept, deterministic-constant, local-level,"
              + " random-walk, fixed-slope, deterministic-trend, random-walk-with-drift,"
              + " local-linear-deterministic-trend, local-linear-trend, smooth-trend,"
              + " random-trend, or statsmodels' abbreviations such as rwdrift), bsm (needs"
              + " --seasonal), arima (needs --order), sutse-level, sutse-trend, var or varmax (several"
              + " series: need --columns A,B), or dfm (a dynamic factor model of --columns A,B,…, with"
              + " --factors K and --factor-order P); fit also takes auto (the model 'gramian"
              + " select' ranks first).")
  String model;

  @Option(
      names = "--seasonal",
      split = ",",
      paramLabel = "S",
      description =
          "Seasonal period (bsm; adds a stochastic seasonal to the other structural models)."
              + " Repeatable: one seasonal per period, e.g. --seasonal 7 --seasonal 365.")
  List<Integer> seasonal;

  @Option(
      names = "--seasonal-type",
      split = ",",
      paramLabel = "TYPE",
      description =
          "dummy or trig (default: dummy), for every seasonal or one per --seasonal, e.g."
              + " dummy,trig.")
  List<String> seasonalType;

  @Option(
      names = "--harmonics",
      split = ",",
      paramLabel = "K",
      description =
          "Harmonics of a trigonometric seasonal (default: S/2 rounded down): one for all, or"
              + " one per trigonometric seasonal.")
  List<Integer> harmonics;

  @Option(
      names = "--cycle",
      description = "Add a stochastic cycle (sigma2.cycle, frequency.cycle).")
  boolean cycle;

  @Option(
      names = "--damped-cycle",
      description = "Damp the cycle (damping.cycle in (0, 1); with --cycle).")
  boolean dampedCycle;

  @Option(
      names = "--autoregressive",
      paramLabel = "P",
      description = "Add an AR(P) component (sigma2.ar, ar.L1 ... ar.LP).")
  Integer autoregressive;

  @Option(
      names = "--exog-varying",
      split = ",",
      paramLabel = "A,B",
      hideParamSyntax = true,
      description =
          "Regressor columns whose coefficients follow random walks (variances sigma2.beta.A,"
              + " ...).")
  List<String> exogVarying;

  @Option(names = "--order", paramLabel = "p,d,q", description = "ARIMA order.")
  String order;

  @Option(names = "--seasonal-order", paramLabel = "P,D,Q,s", description = "Seasonal ARIMA order.")
  String seasonalOrder;

  @Option(
      names = "--mean",
      description =
          "ARIMA: estimate the mean of the differenced series (y - mean follows the ARMA when"
              + " d = D = 0; a drift otherwise).")
  boolean mean;

  @Option(
      names = "--ar-lags",
      paramLabel = "L1,L2,...",
      description =
          "ARIMA: the AR lags that have a coefficient (e.g. 1,4), instead of --order's p.")
  String arLags;

  @Option(
      names = "--ma-lags",
      paramLabel = "L1,L2,...",
      description =
          "ARIMA: the MA lags that have a coefficient (e.g. 1,4), instead of --order's q.")
  String maLags;

  @Option(
      names = "--init",
      paramLabel = "INIT",
      description =
          "exact-diffuse (the default) or approximate-diffuse: diffuse states start with variance"
              + " --kappa and the first d terms of the log-likelihood are left out (statsmodels'"
              + " use_exact_diffuse=False).")
  String init;

  @Option(
      names = "--kappa",
      paramLabel = "K",
      description =
          "With --init approximate-diffuse: the variance of each diffuse state"
              + " (default 1e6, statsmodels' initial_variance).")
  Double kappa;

  @Option(
      names = "--rank",
      paramLabel = "R",
      description =
          "sutse-level, sutse-trend: the rank of the level disturbance, 1 to the number of"
              + " --columns (default: that number; fewer for R common levels).")
  Integer rank;

  @Option(
      names = "--slope-rank",
      paramLabel = "R",
      description =
          "sutse-trend: the rank of the slope disturbance, 1 to the number of --columns (default:"
              + " that number; fewer for R common slopes).")
  Integer slopeRank;

  @Option(
      names = "--exact",
      split = ",",
      paramLabel = "A,B",
      hideParamSyntax = true,
      description =
          "A model of several series: the columns observed without noise of their own (sutse:"
              + " no irregular, their observations pin the level down; other models: their rows"
              + " of the observation noise's factor are zero).")
  List<String> exact;

  @Option(
      names = "--identity",
      paramLabel = "TOTAL=A+B",
      description =
          "A model of several series: the column TOTAL is the sum of the columns A, B, … (a"
              + " part may be subtracted: NET=A-B); the parts are among --columns, the total is"
              + " modelled with them (its signal, noise and forecast the parts' sum). Repeatable.")
  List<String> identity;

  @Option(
      names = "--factors",
      paramLabel = "K",
      description = "dfm: the number of common factors, 1 to the number of --columns (default 1).")
  Integer factors;

  @Option(
      names = "--factor-order",
      paramLabel = "P",
      description = "dfm: the order of the factors' vector autoregression (default 1).")
  Integer factorOrder;

  @Option(
      names = "--error-order",
      paramLabel = "Q",
      description =
          "dfm: the order of each series' autoregressive idiosyncratic error (default 0: white),"
              + " statsmodels' error_order.")
  Integer errorOrder;

  @Option(
      names = "--error-cov",
      paramLabel = "TYPE",
      description =
          "dfm: the idiosyncratic errors' covariance, scalar, diagonal (the default) or"
              + " unstructured; var, varmax: the innovations' covariance, diagonal or unstructured"
              + " (the default). statsmodels' error_cov_type.")
  String errorCov;

  @Option(
      names = "--measurement-error",
      description =
          "var, varmax: the series are observed with independent noise of their own"
              + " (measurement_variance.A), statsmodels' measurement_error.")
  boolean measurementError;

  /** The dynamic factor model of {@code --columns} ({@link DynamicFactor}). */
  static final String DFM = "dfm";

  @Option(
      names = "--trend",
      paramLabel = "TREND",
      description =
          "var, varmax: the deterministic terms per equation, as statsmodels' VARMAX trend: n"
              + " (none), c (an intercept, the default), t (a time trend 1, 2, …) or ct (both).")
  String trend;

  /** The multivariate local level of {@code --columns} ({@link Sutse}). */
  static final String SUTSE_LEVEL = "sutse-level";

  /** The multivariate local linear trend of {@code --columns} ({@link Sutse} with slopes). */
  static final String SUTSE_TREND = "sutse-trend";

  /** The SUTSE models, which take {@code --rank}, {@code --exact} and one {@code --seasonal}. */
  static final List<String> SUTSE_MODELS = List.of(SUTSE_LEVEL, SUTSE_TREND);

  /** The vector autoregression of {@code --columns} ({@link VectorAutoregression}). */
  static final String VAR = "var";

  /** The VARMA of {@code --columns} ({@link VectorAutoregression} with moving-average lags). */
  static final String VARMAX = "varmax";

  /** The models of several series at once, named by {@code --columns}. */
  static final List<String> SEVERAL_SERIES_MODELS =
      List.of(SUTSE_LEVEL, SUTSE_TREND, VAR, VARMAX, DFM);

  /** Whether the model is one of several series at once, read from {@code --columns}. */
  boolean severalSeries() {
    return model != null && SEVERAL_SERIES_MODELS.contains(model);
  }

  /**
   * The model of several series named by {@code --columns}: for {@code sutse-level}, {@link Sutse}
   * with {@code --rank} R (default p).
   *
   * @throws IllegalArgumentException when fewer than two columns are given, R is not in 1…p, or the
   *     model takes no regressors and {@code --exog} names some
   */
  SeveralSeriesModel createSeveral(List<String> columns, List<String> exog) {
    if (columns == null || columns.size() < 2) {
      throw new IllegalArgumentException(
          "--model "
              + model
              + " models several series at once: name two or more value columns with --columns"
              + " A,B"
              + (columns == null || columns.isEmpty() ? "" : " (got only " + columns.get(0) + ")"));
    }
    SeveralSeriesModel several =
        switch (model) {
          case SUTSE_LEVEL, SUTSE_TREND -> sutse(innerColumns(columns));
          case VAR ->
              new VectorAutoregression(
                  innerColumns(columns),
                  lags(),
                  0,
                  VectorAutoregression.Trend.parse(trend == null ? "c" : trend),
                  exog == null ? List.of() : exog,
                  varErrorCovariance(),
                  measurementError);
          case VARMAX -> {
            int[] pq = varmaOrder();
            yield new VectorAutoregression(
                innerColumns(columns),
                pq[0],
                pq[1],
                VectorAutoregression.Trend.parse(trend == null ? "c" : trend),
                exog == null ? List.of() : exog,
                varErrorCovariance(),
                measurementError);
          }
          case DFM -> dynamicFactor(innerColumns(columns), exog);
          default -> throw new IllegalStateException("not a model of several series: " + model);
        };
    if ((factors != null || factorOrder != null) && !model.equals(DFM)) {
      throw new IllegalArgumentException(
          "--factors and --factor-order go with --model dfm, not --model " + model);
    }
    if (errorOrder != null && !model.equals(DFM)) {
      throw new IllegalArgumentException(
          "--error-order goes with --model dfm, not --model " + model);
    }
    if (errorCov != null && !List.of(DFM, VAR, VARMAX).contains(model)) {
      throw new IllegalArgumentException(
          "--error-cov goes with --model dfm, var or varmax, not --model " + model);
    }
    if (measurementError && !model.equals(VAR) && !model.equals(VARMAX)) {
      throw new IllegalArgumentException(
          "--measurement-error goes with --model var or varmax, not --model " + model);
    }
    if (trend != null && !model.equals(VAR) && !model.equals(VARMAX)) {
      throw new IllegalArgumentException(
          "--trend goes with --model var or varmax, not --model " + model);
    }
    if (rank != null && !SUTSE_MODELS.contains(model)) {
      throw new IllegalArgumentException(
          "--rank goes with --model sutse-level or sutse-trend, not --model " + model);
    }
    if (slopeRank != null && !model.equals(SUTSE_TREND)) {
      throw new IllegalArgumentException(
          "--slope-rank goes with --model sutse-trend, not --model " + model);
    }
    if (exog != null && !exog.isEmpty() && !several.takesRegressors()) {
      throw new IllegalArgumentException(
          "--exog does not go with --model " + model + ", which takes no regressors");
    }
    List<ObservationIdentity> identities = identities();
    boolean exactOutside = exact != null && !SUTSE_MODELS.contains(model);
    if (identities.isEmpty() && !exactOutside) {
      return several;
    }
    return new ExactChannels(several, exactOutside ? exact : List.of(), identities);
  }

  /** The {@code --identity} options, read. */
  private List<ObservationIdentity> identities() {
    List<ObservationIdentity> list = new ArrayList<>();
    for (String text : identity == null ? List.<String>of() : identity) {
      list.add(ObservationIdentity.parse(text));
    }
    return list;
  }

  /** {@code --columns} without the identities' totals: the series the inner model describes. */
  private List<String> innerColumns(List<String> columns) {
    List<String> totals = identities().stream().map(ObservationIdentity::total).toList();
    return columns.stream().filter(c -> !totals.contains(c)).toList();
  }

  /**
   * {@code sutse-level} or {@code sutse-trend}: {@link Sutse} with {@code --rank} R (default p),
   * {@code --slope-rank} (sutse-trend, default p), one dummy {@code --seasonal} S and {@code
   * --exact}.
   */
  private Sutse sutse(List<String> columns) {
    Sutse.Builder b = Sutse.builder(columns).rank(rankOf(columns.size()));
    if (model.equals(SUTSE_TREND)) {
      int p = columns.size();
      int r = slopeRank == null ? p : slopeRank;
      if (r < 1 || r > p) {
        throw new IllegalArgumentException(
            "--slope-rank "
                + r
                + " is out of range: it must be between 1 and "
                + p
                + ", the number of --columns");
      }
      b.slope(r);
    }
    if (seasonal != null) {
      if (seasonal.size() != 1 || seasonal.get(0) < 2) {
        throw new IllegalArgumentException(
            "--seasonal with --model "
                + model
                + " is one period S ≥ 2 (a dummy seasonal per series), not "
                + seasonal.stream().map(String::valueOf).collect(Collectors.joining(",")));
      }
      b.seasonal(seasonal.get(0));
    }
    return b.exact(exact == null ? List.of() : exact).build();
  }

  /**
   * {@code --model dfm}: {@link DynamicFactor} with {@code --factors} K (default 1) and {@code
   * --factor-order} P (default 1).
   */
  private SeveralSeriesModel dynamicFactor(List<String> columns, List<String> exog) {
    int k = factors == null ? 1 : factors;
    if (k < 1 || k > columns.size()) {
      throw new IllegalArgumentException(
          "--factors "
              + k
              + " is out of range: it must be between 1 and "
              + columns.size()
              + ", the number of --columns");
    }
    int order = factorOrder == null ? 1 : factorOrder;
    if (order < 1) {
      throw new IllegalArgumentException("--factor-order " + order + " must be at least 1");
    }
    int q = errorOrder == null ? 0 : errorOrder;
    if (q < 0) {
      throw new IllegalArgumentException("--error-order " + q + " must be at least 0");
    }
    return new DynamicFactor(
        columns,
        k,
        order,
        q,
        DynamicFactor.ErrorCovariance.parse(errorCov == null ? "diagonal" : errorCov),
        exog == null ? List.of() : exog);
  }

  /** The options of one series' models, which a model of several series does not take. */
  private static final List<String> ONE_SERIES_OPTIONS =
      List.of(
          "--seasonal",
          "--seasonal-type",
          "--harmonics",
          "--cycle",
          "--damped-cycle",
          "--autoregressive",
          "--exog-varying",
          "--order",
          "--seasonal-order",
          "--mean",
          "--ar-lags",
          "--ma-lags",
          "--init",
          "--kappa");

  /** The options of {@code ONE_SERIES_OPTIONS} that the model of several series takes. */
  private List<String> severalSeriesTakes() {
    return switch (model) {
      case VAR, VARMAX -> List.of("--order");
      case SUTSE_LEVEL, SUTSE_TREND -> List.of("--seasonal");
      default -> List.of();
    };
  }

  /**
   * {@code --order P,Q} of a VARMA: the autoregressive and moving-average lags, integers ≥ 0, not
   * both 0.
   *
   * @throws IllegalArgumentException when it is missing or malformed
   */
  private int[] varmaOrder() {
    if (order == null) {
      throw new IllegalArgumentException(
          "--model varmax needs --order P,Q, the autoregressive and moving-average lags");
    }
    String[] parts = order.split(",", -1);
    try {
      if (parts.length == 2) {
        int p = Integer.parseInt(parts[0].strip());
        int q = Integer.parseInt(parts[1].strip());
        if (p >= 0 && q >= 0 && p + q > 0) {
          return new int[] {p, q};
        }
      }
    } catch (NumberFormatException notIntegers) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--order with --model varmax is P,Q, two lag counts ≥ 0 not both 0, not '" + order + "'");
  }

  /**
   * {@code --order P} of a VAR: the number of lags, a positive integer.
   *
   * @throws IllegalArgumentException when it is missing or not a positive integer
   */
  private int lags() {
    if (order == null) {
      throw new IllegalArgumentException("--model var needs --order P, the number of lags");
    }
    try {
      int p = Integer.parseInt(order.strip());
      if (p >= 1) {
        return p;
      }
    } catch (NumberFormatException notAnInteger) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--order with --model var is the number of lags, a positive integer, not '" + order + "'");
  }

  /**
   * Refuses, before any work, an option given on the command line that the model of several series
   * does not take ({@code --seasonal} with {@code sutse-level}, say).
   */
  void checkSeveralSeriesOptions(ParseResult parsed) {
    List<String> takes = severalSeriesTakes();
    for (String option : ONE_SERIES_OPTIONS) {
      if (parsed.hasMatchedOption(option) && !takes.contains(option)) {
        throw new IllegalArgumentException(
            option + " does not go with --model " + model + " (several series)");
      }
    }
  }

  /**
   * {@code --rank} R checked against p series; p when not given.
   *
   * @throws IllegalArgumentException when R is not in 1…p
   */
  int rankOf(int p) {
    if (rank != null && (rank < 1 || rank > p)) {
      throw new IllegalArgumentException(
          "--rank "
              + rank
              + " is out of range: it must be between 1 and "
              + p
              + ", the number of --columns");
    }
    return rank == null ? p : rank;
  }

  /** The spellings of {@code --init}. */
  static final String EXACT_DIFFUSE = ModelSpec.EXACT_DIFFUSE;

  static final String APPROXIMATE_DIFFUSE = ModelSpec.APPROXIMATE_DIFFUSE;

  /**
   * Refuses the options that describe a named model's likelihood when the system is given instead
   * ({@code loglik --system}).
   */
  void requireNoModelOptions(String instead) {
    if (arLags != null || maLags != null || init != null || kappa != null) {
      throw new IllegalArgumentException(
          "--ar-lags, --ma-lags, --init and --kappa go with --model, not with " + instead);
    }
    if (harmonics != null
        || cycle
        || dampedCycle
        || autoregressive != null
        || (exogVarying != null && !exogVarying.isEmpty())) {
      throw new IllegalArgumentException(
          "--harmonics, --cycle, --damped-cycle, --autoregressive and --exog-varying go with"
              + " --model, not with "
              + instead);
    }
  }

  /**
   * The components beyond the trend and the seasonal periods, for the summary's model line, e.g.
   * {@code " trig h=3 + damped cycle + ar(2) + varying(x)"}; empty when there are none.
   */
  String componentsDescription() {
    StringBuilder s = new StringBuilder();
    if (seasonalType != null && !seasonalType.equals(List.of("dummy"))) {
      s.append(" ").append(String.join(",", seasonalType));
    }
    if (harmonics != null) {
      s.append(" h=")
          .append(harmonics.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    if (cycle) {
      s.append(dampedCycle ? " + damped cycle" : " + cycle");
    }
    if (autoregressive != null) {
      s.append(" + ar(").append(autoregressive).append(")");
    }
    if (exogVarying != null && !exogVarying.isEmpty()) {
      s.append(" + varying(").append(String.join(",", exogVarying)).append(")");
    }
    return s.toString();
  }

  /** The options as a serialisable specification: what the library builds the model from. */
  ModelSpec spec() {
    Integer first = seasonal == null || seasonal.isEmpty() ? null : seasonal.get(0);
    List<Integer> more = first == null ? List.of() : seasonal.subList(1, seasonal.size());
    return new ModelSpec(
        model,
        first,
        seasonalType == null ? null : String.join(",", seasonalType),
        order,
        seasonalOrder,
        mean,
        arLags,
        maLags,
        init,
        kappa,
        new StructuralOptions(
            more,
            harmonics == null
                ? null
                : harmonics.stream().map(String::valueOf).collect(Collectors.joining(",")),
            cycle,
            dampedCycle,
            autoregressive,
            exogVarying));
  }

  /**
   * Refuses the options of several-series models ({@code --trend}, {@code --exact}, {@code --rank},
   * {@code --factors}, {@code --factor-order}) with a model of one series, where they would
   * otherwise be ignored.
   *
   * @throws IllegalArgumentException naming the option and the model
   */
  void requireOneSeriesOptions() {
    if (trend != null) {
      throw new IllegalArgumentException(
          "--trend goes with --model var or varmax, not --model " + model);
    }
    if (exact != null || identity != null) {
      throw new IllegalArgumentException(
          "--exact and --identity go with a model of several series ("
              + String.join(", ", SEVERAL_SERIES_MODELS)
              + "), not --model "
              + model);
    }
    if (rank != null) {
      throw new IllegalArgumentException(
          "--rank goes with --model sutse-level or sutse-trend, not --model " + model);
    }
    if (slopeRank != null) {
      throw new IllegalArgumentException(
          "--slope-rank goes with --model sutse-trend, not --model " + model);
    }
    if (factors != null || factorOrder != null) {
      throw new IllegalArgumentException(
          "--factors and --factor-order go with --model dfm, not --model " + model);
    }
    if (errorOrder != null) {
      throw new IllegalArgumentException(
          "--error-order goes with --model dfm, not --model " + model);
    }
    if (errorCov != null) {
      throw new IllegalArgumentException(
          "--error-cov goes with --model dfm, var or varmax, not --model " + model);
    }
    if (measurementError) {
      throw new IllegalArgumentException(
          "--measurement-error goes with --model var or varmax, not --model " + model);
    }
  }

  /** --error-cov for a VAR: diagonal or unstructured (the default). */
  private DynamicFactor.ErrorCovariance varErrorCovariance() {
    return DynamicFactor.ErrorCovariance.parse(errorCov == null ? "unstructured" : errorCov);
  }

  /** The model, with the regressors named and the initialisation asked for. */
  StateSpaceModel create(List<String> exog) {
    requireOneSeriesOptions();
    return spec().create(exog);
  }

  /**
   * The columns the data must carry as regressors: {@code --exog}, then the {@code --exog-varying}
   * columns not among them.
   */
  List<String> regressors(List<String> exog) {
    return spec().regressors(exog);
  }

  /**
   * The model as the command line gave it, e.g. {@code --model arima --order 0,0,0 --seasonal-order
   * 0,0,1,5000}: how messages about the model's size name it.
   */
  String spelling() {
    return spec().spelling();
  }
}
