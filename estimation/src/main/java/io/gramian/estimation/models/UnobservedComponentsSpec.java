package io.gramian.estimation.models;

import io.gramian.datasets.InputEcho;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an {@link UnobservedComponents} model contains, as statsmodels' constructor arguments say it
 * (Harvey 1989; Durbin &amp; Koopman 2012 §3.2):
 *
 * <pre>
 *   y_t = μ_t + γ_t + Σ_k γ^(k)_t + c_t + a_t + x_tᵀ β_t + ε_t
 * </pre>
 *
 * with the level/trend μ ({@link TrendSpecification}, which also says whether ε is present), a
 * dummy seasonal γ ({@link Seasonal}), trigonometric seasonals γ^(k) ({@link FrequencySeasonal}), a
 * cycle c ({@link Cycle}), an AR(p) process a_t = φ₁ a_{t−1} + … + φ_p a_{t−p} + ξ_t and regression
 * effects on the named exogenous columns. The state is stacked in statsmodels' order: level, trend,
 * seasonal (s − 1), trigonometric seasonals (2h each), cycle (2), AR (p), regression coefficients
 * (k).
 *
 * @param trend the level/trend specification (and the irregular)
 * @param seasonal the dummy seasonal, or {@code null}
 * @param frequencySeasonals the trigonometric seasonals (possibly none)
 * @param cycle the cycle, or {@code null}
 * @param autoregressiveOrder p ≥ 0
 * @param exogNames the regressors' names (columns of the data's exog, in order)
 * @param mleRegression false (the default, as KFAS and Commandeur &amp; Koopman): the coefficients
 *     are exactly diffuse states, β_{t+1} = β_t, estimated by the filter (recursive least squares);
 *     true: they are parameters {@code beta.<name>} estimated by maximum likelihood, carried as
 *     states known at β with no variance (statsmodels puts x_tᵀβ in the observation intercept
 *     instead, which gives the same likelihood; see {@link RegressionComponent})
 * @param varyingExog the regressors (among {@code exogNames}) whose coefficients follow random
 *     walks, β_{j,t+1} = β_{j,t} + ξ_{j,t}, ξ_{j,t} ~ N(0, σ²_j), each with the parameter {@code
 *     sigma2.beta.<name>}; they start exactly diffuse, so they need {@code mleRegression} false
 */
public record UnobservedComponentsSpec(
    TrendSpecification trend,
    Seasonal seasonal,
    List<FrequencySeasonal> frequencySeasonals,
    Cycle cycle,
    int autoregressiveOrder,
    List<String> exogNames,
    boolean mleRegression,
    List<String> varyingExog) {

  /**
   * @throws IllegalArgumentException when the model has no stochastic part (its likelihood would be
   *     degenerate), an AR order is negative, regressor names repeat or are blank, or two
   *     trigonometric seasonals share a period and a number of harmonics, or a varying regressor is
   *     not among the regressors, or varying coefficients are asked with {@code mleRegression}
   */
  public UnobservedComponentsSpec {
    if (trend == null) {
      throw new IllegalArgumentException("the trend specification is required (use NONE)");
    }
    frequencySeasonals = List.copyOf(frequencySeasonals);
    exogNames = List.copyOf(exogNames);
    varyingExog = List.copyOf(varyingExog);
    if (autoregressiveOrder < 0) {
      throw new IllegalArgumentException(
          "the autoregressive order must be ≥ 0, got " + autoregressiveOrder);
    }
    Set<String> seen = new HashSet<>();
    for (FrequencySeasonal f : frequencySeasonals) {
      if (!seen.add(f.varianceName())) {
        throw new IllegalArgumentException(
            "two trigonometric seasonals of period "
                + f.period()
                + " with "
                + f.harmonics()
                + " harmonics would share the parameter name "
                + f.varianceName());
      }
    }
    Set<String> names = new HashSet<>();
    for (String name : exogNames) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a regressor name is blank");
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException(
            "the regressor " + InputEcho.quoted(name) + " is listed twice");
      }
    }
    Set<String> varying = new HashSet<>();
    for (String name : varyingExog) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException(
            "the varying regressor " + InputEcho.quoted(name) + " is not among the regressors");
      }
      if (!varying.add(name)) {
        throw new IllegalArgumentException(
            "the varying regressor " + InputEcho.quoted(name) + " is listed twice");
      }
    }
    if (mleRegression && !varyingExog.isEmpty()) {
      throw new IllegalArgumentException(
          "time-varying regression coefficients are states that start exactly diffuse; they do not"
              + " combine with regression coefficients estimated by maximum likelihood");
    }
    boolean stochastic =
        !varyingExog.isEmpty()
            || trend.irregular()
            || trend.stochasticLevel()
            || trend.stochasticTrend()
            || (seasonal != null && seasonal.stochastic())
            || frequencySeasonals.stream().anyMatch(FrequencySeasonal::stochastic)
            || (cycle != null && cycle.stochastic())
            || autoregressiveOrder > 0;
    if (!stochastic) {
      throw new IllegalArgumentException(
          "the model has no stochastic component, so its likelihood is degenerate; add an"
              + " irregular (a trend specification such as dconstant instead of "
              + trend.abbreviation()
              + ") or a stochastic component");
    }
  }

  /** A specification whose regression coefficients are all constant (no varying regressor). */
  public UnobservedComponentsSpec(
      TrendSpecification trend,
      Seasonal seasonal,
      List<FrequencySeasonal> frequencySeasonals,
      Cycle cycle,
      int autoregressiveOrder,
      List<String> exogNames,
      boolean mleRegression) {
    this(
        trend,
        seasonal,
        frequencySeasonals,
        cycle,
        autoregressiveOrder,
        exogNames,
        mleRegression,
        List.of());
  }

  /** Whether the coefficient of regressor {@code name} follows a random walk. */
  public boolean varies(String name) {
    return varyingExog.contains(name);
  }

  /** A builder starting from a trend specification and nothing else. */
  public static Builder builder(TrendSpecification trend) {
    return new Builder(trend);
  }

  /**
   * Number of states nx (at least 1: a model of the irregular alone keeps an unused state). The k
   * regression coefficients are states in both forms: diffuse, or known at β (MLE).
   */
  public int states() {
    int n =
        trend.states()
            + (seasonal == null ? 0 : seasonal.states())
            + frequencySeasonals.stream().mapToInt(FrequencySeasonal::states).sum()
            + (cycle == null ? 0 : 2)
            + autoregressiveOrder
            + exogNames.size();
    return Math.max(n, 1);
  }

  /** Number of exactly diffuse states d. */
  public int diffuseStates() {
    return trend.states()
        + (seasonal == null ? 0 : seasonal.states())
        + frequencySeasonals.stream().mapToInt(FrequencySeasonal::diffuseStates).sum()
        + (cycle == null || cycle.isStationary() ? 0 : 2)
        + (mleRegression ? 0 : exogNames.size());
  }

  /** A one-line description, e.g. {@code lltrend + seasonal(12) + exog(petrol, law)}. */
  public String description() {
    List<String> parts = new ArrayList<>();
    parts.add(trend.abbreviation());
    if (seasonal != null) {
      parts.add(
          (seasonal.stochastic() ? "" : "deterministic ") + "seasonal(" + seasonal.period() + ")");
    }
    for (FrequencySeasonal f : frequencySeasonals) {
      parts.add(
          (f.stochastic() ? "" : "deterministic ")
              + "freq_seasonal("
              + f.period()
              + ", "
              + f.harmonics()
              + ")");
    }
    if (cycle != null) {
      parts.add(
          (cycle.damped() ? "damped " : "") + (cycle.stochastic() ? "stochastic " : "") + "cycle");
    }
    if (autoregressiveOrder > 0) {
      parts.add("ar(" + autoregressiveOrder + ")");
    }
    if (!exogNames.isEmpty()) {
      parts.add((mleRegression ? "mle " : "") + "exog(" + String.join(", ", exogNames) + ")");
    }
    if (!varyingExog.isEmpty()) {
      parts.add("varying(" + String.join(", ", varyingExog) + ")");
    }
    return String.join(" + ", parts);
  }

  /** Assembles a specification step by step; each method returns this builder. */
  public static final class Builder {
    private final TrendSpecification trend;
    private Seasonal seasonal;
    private final List<FrequencySeasonal> frequencySeasonals = new ArrayList<>();
    private Cycle cycle;
    private int autoregressiveOrder;
    private List<String> exogNames = List.of();
    private boolean mleRegression;
    private List<String> varyingExog = List.of();

    private Builder(TrendSpecification trend) {
      this.trend = trend;
    }

    /** A stochastic dummy seasonal of period s. */
    public Builder seasonal(int period) {
      return seasonal(new Seasonal(period, true));
    }

    public Builder seasonal(Seasonal value) {
      this.seasonal = value;
      return this;
    }

    /** A stochastic trigonometric seasonal of period s with ⌊s/2⌋ harmonics. */
    public Builder frequencySeasonal(int period) {
      return frequencySeasonal(FrequencySeasonal.of(period));
    }

    /** Adds a trigonometric seasonal (several may be added). */
    public Builder frequencySeasonal(FrequencySeasonal value) {
      frequencySeasonals.add(value);
      return this;
    }

    public Builder cycle(Cycle value) {
      this.cycle = value;
      return this;
    }

    /** An AR(p) component, p ≥ 0 (0 for none). */
    public Builder autoregressive(int order) {
      this.autoregressiveOrder = order;
      return this;
    }

    /** Regression on these exog columns (coefficients as diffuse states unless MLE). */
    public Builder exog(List<String> names) {
      this.exogNames = List.copyOf(names);
      return this;
    }

    public Builder exog(String... names) {
      return exog(List.of(names));
    }

    /** Whether regression coefficients are parameters (true) or diffuse states (false). */
    public Builder mleRegression(boolean value) {
      this.mleRegression = value;
      return this;
    }

    /**
     * Which regressors (already named by {@link #exog}) have coefficients that follow random walks,
     * each with its variance {@code sigma2.beta.<name>}.
     */
    public Builder varyingExog(List<String> names) {
      this.varyingExog = List.copyOf(names);
      return this;
    }

    /**
     * @throws IllegalArgumentException as the record's constructor
     */
    public UnobservedComponentsSpec build() {
      return new UnobservedComponentsSpec(
          trend,
          seasonal,
          frequencySeasonals,
          cycle,
          autoregressiveOrder,
          exogNames,
          mleRegression,
          varyingExog);
    }
  }
}
