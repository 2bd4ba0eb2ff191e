package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.datasets.InputEcho;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelMatrices;
import io.gramian.estimation.model.ModelSize;
import io.gramian.estimation.model.ParameterBlock;
import io.gramian.estimation.model.ParameterValues;
import io.gramian.estimation.model.RegressionStateSpace;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.kalman.StateSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Univariate unobserved components (structural time series) models, after statsmodels' {@code
 * UnobservedComponents} (Harvey 1989; Durbin &amp; Koopman 2012 §3.2):
 *
 * <pre>
 *   y_t = μ_t + γ_t + Σ_k γ^(k)_t + c_t + a_t + x_tᵀ β + ε_t,     ε_t ~ N(0, σ²_irregular)
 * </pre>
 *
 * level and trend μ ({@link TrendSpecification}), dummy seasonal γ ({@link Seasonal}),
 * trigonometric seasonals γ^(k) ({@link FrequencySeasonal}), cycle c ({@link Cycle}), AR(p) a_t
 * ({@link AutoregressiveComponent}), regression on exogenous columns ({@link RegressionComponent}).
 * The state is stacked in statsmodels' order: level, trend, seasonal (s − 1), trigonometric
 * seasonals (2h each), cycle (2), AR (p), regression coefficients (k).
 *
 * <p>Initialisation, as in the project's log-likelihood convention: level, trend, seasonal,
 * trigonometric seasonal and regression states are exactly diffuse (unit columns of cholPinf); the
 * AR block and a stochastic damped cycle start from their stationary distribution. The
 * log-likelihood is then the exact diffuse one of Durbin &amp; Koopman (2012) §7.2.2, statsmodels'
 * {@code use_exact_diffuse=True}; KFAS reports it plus ½ log 2π per diffuse observation with F∞
 * &gt; 0 (for these univariate models, one per diffuse state).
 *
 * <p>Parameters are named and ordered as statsmodels does ({@link ParameterOrder}); variances reach
 * {@code build} as standard deviations. Start values follow statsmodels ({@link StartValues}), with
 * the variances by the method of moments where it applies ({@link MomentStart}).
 *
 * <p>The command-line names of docs/cli.md: every trend specification, hyphenated ({@code
 * local-level}, {@code random-walk-with-drift}, …), and {@code bsm}; see {@link #named}.
 */
public final class UnobservedComponents implements StateSpaceModel {

  /** The basic structural model's name. */
  public static final String BSM = "bsm";

  /**
   * The command-line names {@link #named} knows, in the order docs/cli.md lists them: every trend
   * specification of statsmodels, hyphenated, then {@code bsm}. statsmodels' abbreviations ({@code
   * llevel}, {@code rwdrift}, …) and its blank-separated full names are accepted too.
   */
  public static final List<String> NAMES = commandLineNames();

  private static List<String> commandLineNames() {
    List<String> names = new ArrayList<>();
    for (TrendSpecification t : TrendSpecification.values()) {
      if (t != TrendSpecification.NONE) {
        names.add(t.commandLineName());
      }
    }
    names.add(BSM);
    return List.copyOf(names);
  }

  private final String name;
  private final UnobservedComponentsSpec spec;
  private final List<ParameterBlock> blocks;

  /**
   * @param name the model's name (as the command line spells it, or a description)
   * @param spec what the model contains
   */
  public UnobservedComponents(String name, UnobservedComponentsSpec spec) {
    this.name = name;
    this.spec = spec;
    this.blocks = List.copyOf(ParameterOrder.blocks(spec));
  }

  /** The model of a specification, named by its {@link UnobservedComponentsSpec#description}. */
  public static UnobservedComponents of(UnobservedComponentsSpec spec) {
    return new UnobservedComponents(spec.description(), spec);
  }

  /** {@code local-level}: y_t = μ_t + ε_t, μ_{t+1} = μ_t + η_t. */
  public static UnobservedComponents localLevel() {
    return new UnobservedComponents(
        "local-level", UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LEVEL).build());
  }

  /** {@code local-linear-trend}: level and slope both stochastic, plus the irregular. */
  public static UnobservedComponents localLinearTrend() {
    return new UnobservedComponents(
        "local-linear-trend",
        UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LINEAR_TREND).build());
  }

  /** {@code smooth-trend}: deterministic level, stochastic slope, plus the irregular. */
  public static UnobservedComponents smoothTrend() {
    return new UnobservedComponents(
        "smooth-trend", UnobservedComponentsSpec.builder(TrendSpecification.SMOOTH_TREND).build());
  }

  /**
   * {@code bsm}, the basic structural model: local linear trend + stochastic seasonal of period s +
   * irregular.
   *
   * @param seasonalType {@code dummy} (s − 1 dummy states, {@code sigma2.seasonal}) or {@code trig}
   *     (⌊s/2⌋ harmonics, {@code sigma2.freq_seasonal_s(h)}); null means dummy
   * @throws IllegalArgumentException for a period below 2 or an unknown seasonal type
   */
  public static UnobservedComponents bsm(int period, String seasonalType) {
    UnobservedComponentsSpec.Builder b =
        UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LINEAR_TREND);
    addSeasonal(b, period, seasonalType);
    return new UnobservedComponents("bsm", b.build());
  }

  /**
   * The model a command line names (docs/cli.md), with regression effects on {@code exogNames} as
   * exactly diffuse coefficient states.
   *
   * @param name a trend specification ({@code local-level}, {@code rwdrift}, … see {@link #NAMES})
   *     or {@code bsm}
   * @param seasonal the seasonal period: required by {@code bsm}; for the others, when present, it
   *     adds a stochastic seasonal of that period (e.g. CK's local level + seasonal)
   * @param seasonalType {@code dummy} (default when null) or {@code trig}
   * @param exogNames the regressors (possibly empty)
   * @throws IllegalArgumentException listing the known names for an unknown one; for {@code bsm}
   *     without a period; for an unknown seasonal type
   */
  public static UnobservedComponents named(
      String name, OptionalInt seasonal, String seasonalType, List<String> exogNames) {
    String key = canonicalName(name);
    TrendSpecification trend = trendNamed(key);
    if (key.equals(BSM) && seasonal.isEmpty()) {
      throw new IllegalArgumentException(
          "model bsm needs a seasonal period (--seasonal S), e.g. 12 for monthly data");
    }
    UnobservedComponentsSpec.Builder b = UnobservedComponentsSpec.builder(trend);
    if (seasonal.isPresent()) {
      addSeasonal(b, seasonal.getAsInt(), seasonalType);
    }
    b.exog(exogNames == null ? List.of() : exogNames);
    return new UnobservedComponents(key, b.build());
  }

  /**
   * The command line's name of a structural model: {@code bsm}, or the hyphenated full name of the
   * trend specification named in any of statsmodels' spellings ({@code rwdrift}, {@code random walk
   * with drift}, {@code Random-Walk-With-Drift} → {@code random-walk-with-drift}).
   *
   * @throws IllegalArgumentException listing the known names for an unknown one
   */
  public static String canonicalName(String name) {
    String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (key.equals(BSM)) {
      return BSM;
    }
    TrendSpecification trend;
    try {
      trend = TrendSpecification.of(key);
    } catch (IllegalArgumentException unknown) {
      trend = TrendSpecification.NONE;
    }
    if (trend == TrendSpecification.NONE) {
      throw new IllegalArgumentException(
          "unknown structural model "
              + InputEcho.quoted(name)
              + "; the known names are: "
              + String.join(", ", NAMES)
              + " (or statsmodels' abbreviations: "
              + abbreviations()
              + ")");
    }
    return trend.commandLineName();
  }

  /**
   * The level and trend of a model the command line names ({@code bsm}: the local linear trend).
   *
   * @throws IllegalArgumentException as {@link #canonicalName}
   */
  public static TrendSpecification trendNamed(String name) {
    String key = canonicalName(name);
    return key.equals(BSM) ? TrendSpecification.LOCAL_LINEAR_TREND : TrendSpecification.of(key);
  }

  private static String abbreviations() {
    List<String> a = new ArrayList<>();
    for (TrendSpecification t : TrendSpecification.values()) {
      if (t != TrendSpecification.NONE && !t.abbreviation().equals(t.fullName())) {
        a.add(t.abbreviation());
      }
    }
    return String.join(", ", a);
  }

  private static void addSeasonal(
      UnobservedComponentsSpec.Builder b, int period, String seasonalType) {
    String type = seasonalType == null ? "dummy" : seasonalType.strip().toLowerCase(Locale.ROOT);
    switch (type) {
      case "dummy":
        b.seasonal(period);
        break;
      case "trig":
        if (period < 2) {
          throw new IllegalArgumentException(
              "a trigonometric seasonal component needs a period of at least 2, got " + period);
        }
        b.frequencySeasonal(period);
        break;
      default:
        throw new IllegalArgumentException(
            "unknown seasonal type \"" + seasonalType + "\"; the types are: dummy, trig");
    }
  }

  /** What the model contains. */
  public UnobservedComponentsSpec spec() {
    return spec;
  }

  /**
   * statsmodels' state names in state order, e.g. {@code level, trend, seasonal, seasonal.L1, …}
   * ({@link StateNames}).
   */
  public List<String> stateNames() {
    return StateNames.of(spec);
  }

  @Override
  public List<String> stateNames(int nx) {
    return stateNames();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<ParameterBlock> parameterBlocks() {
    return blocks;
  }

  /** The model's size from its specification ({@link StructuralSize}), for the size rule. */
  @Override
  public ModelSize size() {
    return StructuralSize.of(
        spec, blocks.stream().mapToLong(ParameterBlock::size).sum(), toString());
  }

  /**
   * Start values: statsmodels' ({@link #statsmodelsStartParameters}) with the variances replaced by
   * their method-of-moments estimates where those apply ({@link MomentStart}).
   */
  @Override
  public double[] startParameters(ModelData data) {
    double[] start = statsmodelsStartParameters(data);
    return MomentStart.refine(this, spec, data, start).orElse(start);
  }

  /**
   * statsmodels' {@code UnobservedComponents.start_params} ({@link StartValues}), natural values in
   * parameter order: to start a fit where statsmodels does, {@code
   * FitOptions.defaults().withStart(model.statsmodelsStartParameters(data))}.
   */
  public double[] statsmodelsStartParameters(ModelData data) {
    Map<String, Double> start = StartValues.of(spec, data);
    List<String> names = parameterNames();
    double[] values = new double[names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = start.get(names.get(i));
    }
    return values;
  }

  @Override
  public ModelMatrices build(Var[] values, ModelData data) {
    List<String> names = parameterNames();
    if (values.length != names.size()) {
      throw new IllegalArgumentException(
          values.length
              + " parameter values for the "
              + names.size()
              + " parameters "
              + names
              + " of "
              + name);
    }
    Tape tape = values[0].tape();
    Map<String, Var> p = ParameterValues.of(parameterBlocks(), values).asMap();
    List<ComponentBlock> components = new ArrayList<>();
    ComponentBlock levelTrend = LevelTrendComponent.block(spec.trend(), p, tape);
    if (levelTrend != null) {
      components.add(levelTrend);
    }
    if (spec.seasonal() != null) {
      components.add(SeasonalComponent.block(spec.seasonal(), p, tape));
    }
    for (FrequencySeasonal f : spec.frequencySeasonals()) {
      components.add(FrequencySeasonalComponent.block(f, p, tape));
    }
    if (spec.cycle() != null) {
      components.add(CycleComponent.block(spec.cycle(), p, tape));
    }
    if (spec.autoregressiveOrder() > 0) {
      components.add(AutoregressiveComponent.block(spec.autoregressiveOrder(), p, tape));
    }
    if (!spec.exogNames().isEmpty()) {
      components.add(
          RegressionComponent.block(
              spec.exogNames(), spec.mleRegression(), spec.varyingExog(), p, tape));
    }
    Var irregular = spec.trend().irregular() ? p.get(ParameterOrder.IRREGULAR) : null;
    return SystemAssembly.assemble(tape, components, irregular);
  }

  /** With regressors, the observation row carries x_t at the regression states (last k). */
  @Override
  public StateSpace system(ModelMatrices matrices, ModelData data) {
    int k = spec.exogNames().size();
    if (k == 0) {
      return matrices.system();
    }
    return new RegressionStateSpace(matrices.system(), data.exog(), spec.states() - k);
  }

  /**
   * Checks the data against the model: one series; regressors named as the model's, in the same
   * order; at least d + 1 observed values, so that the d diffuse states are identified and one
   * observation is left for the likelihood.
   *
   * @throws IllegalArgumentException naming what does not fit
   */
  @Override
  public ModelData prepare(ModelData data) {
    if (data.y().numCols != 1) {
      throw new IllegalArgumentException(
          "model " + name + " is univariate but the data have " + data.y().numCols + " series");
    }
    if (!data.exogNames().equals(spec.exogNames())) {
      throw new IllegalArgumentException(
          "model "
              + name
              + " has the regressors "
              + spec.exogNames()
              + " but the data have "
              + data.exogNames());
    }
    int d = spec.diffuseStates();
    int observed = data.observedCount();
    if (observed < d + 1) {
      throw new IllegalArgumentException(
          "too few observations for model "
              + name
              + ": it has "
              + d
              + " diffuse initial states, so it needs at least "
              + (d + 1)
              + " observed values, and the series has "
              + observed);
    }
    return data;
  }

  @Override
  public int diffuseStates(ModelData data) {
    return spec.diffuseStates();
  }

  @Override
  public String toString() {
    return name + " (" + spec.description() + ")";
  }
}
