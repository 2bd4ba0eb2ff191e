package io.gramian.estimation.models;

import io.gramian.datasets.InputEcho;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The level and trend of an unobserved components model, with statsmodels' specification strings
 * (Harvey 1989; Durbin &amp; Koopman 2012 §3.2; statsmodels' {@code UnobservedComponents} table of
 * trend specifications):
 *
 * <pre>
 *   y_t     = μ_t + ε_t + (other components),    ε_t ~ N(0, σ²_irregular)
 *   μ_{t+1} = μ_t + β_t + η_t,                   η_t ~ N(0, σ²_level)
 *   β_{t+1} = β_t + ζ_t,                         ζ_t ~ N(0, σ²_trend)
 * </pre>
 *
 * State (level μ, trend β), in that order, both exactly diffuse. Each specification keeps some of
 * the terms: without the trend, β_t is absent; a deterministic level or trend has no η or ζ.
 *
 * <table>
 *   <caption>specifications</caption>
 *   <tr><th>name</th><th>ε</th><th>μ</th><th>η</th><th>β</th><th>ζ</th><th>model</th></tr>
 *   <tr><td>irregular</td><td>✓</td><td></td><td></td><td></td><td></td><td>y = ε</td></tr>
 *   <tr><td>fixed intercept</td><td></td><td>✓</td><td></td><td></td><td></td><td>y = μ</td></tr>
 *   <tr><td>dconstant</td><td>✓</td><td>✓</td><td></td><td></td><td></td><td>y = μ + ε</td></tr>
 *   <tr><td>llevel</td><td>✓</td><td>✓</td><td>✓</td><td></td><td></td><td>local level</td></tr>
 *   <tr><td>rwalk</td><td></td><td>✓</td><td>✓</td><td></td><td></td><td>random walk</td></tr>
 *   <tr><td>fixed slope</td><td></td><td>✓</td><td></td><td>✓</td><td></td><td>y = μ_t, μ_{t+1} = μ_t + β</td></tr>
 *   <tr><td>dtrend</td><td>✓</td><td>✓</td><td></td><td>✓</td><td></td><td>deterministic trend</td></tr>
 *   <tr><td>lldtrend</td><td>✓</td><td>✓</td><td>✓</td><td>✓</td><td></td><td>local linear deterministic trend</td></tr>
 *   <tr><td>rwdrift</td><td></td><td>✓</td><td>✓</td><td>✓</td><td></td><td>random walk with drift</td></tr>
 *   <tr><td>lltrend</td><td>✓</td><td>✓</td><td>✓</td><td>✓</td><td>✓</td><td>local linear trend</td></tr>
 *   <tr><td>strend</td><td>✓</td><td>✓</td><td></td><td>✓</td><td>✓</td><td>smooth trend</td></tr>
 *   <tr><td>rtrend</td><td></td><td>✓</td><td></td><td>✓</td><td>✓</td><td>random trend</td></tr>
 *   <tr><td>none</td><td></td><td></td><td></td><td></td><td></td><td>no level and no irregular</td></tr>
 * </table>
 *
 * {@code none} is for models made of other components only (a cycle or an AR process, say);
 * statsmodels reaches it with {@code level=False, irregular=False}. {@code fixed intercept} and
 * {@code fixed slope} have no noise of their own either (statsmodels gives them no abbreviation, so
 * their full names stand for one); they need another stochastic component.
 */
public enum TrendSpecification {
  NONE("none", "none", false, false, false, false, false),
  IRREGULAR("irregular", "ntrend", true, false, false, false, false),
  FIXED_INTERCEPT("fixed intercept", "fixed intercept", false, true, false, false, false),
  DETERMINISTIC_CONSTANT("deterministic constant", "dconstant", true, true, false, false, false),
  LOCAL_LEVEL("local level", "llevel", true, true, true, false, false),
  RANDOM_WALK("random walk", "rwalk", false, true, true, false, false),
  FIXED_SLOPE("fixed slope", "fixed slope", false, true, false, true, false),
  DETERMINISTIC_TREND("deterministic trend", "dtrend", true, true, false, true, false),
  LOCAL_LINEAR_DETERMINISTIC_TREND(
      "local linear deterministic trend", "lldtrend", true, true, true, true, false),
  RANDOM_WALK_WITH_DRIFT("random walk with drift", "rwdrift", false, true, true, true, false),
  LOCAL_LINEAR_TREND("local linear trend", "lltrend", true, true, true, true, true),
  SMOOTH_TREND("smooth trend", "strend", true, true, false, true, true),
  RANDOM_TREND("random trend", "rtrend", false, true, false, true, true);

  private final String fullName;
  private final String abbreviation;
  private final boolean irregular;
  private final boolean level;
  private final boolean stochasticLevel;
  private final boolean trend;
  private final boolean stochasticTrend;

  TrendSpecification(
      String fullName,
      String abbreviation,
      boolean irregular,
      boolean level,
      boolean stochasticLevel,
      boolean trend,
      boolean stochasticTrend) {
    this.fullName = fullName;
    this.abbreviation = abbreviation;
    this.irregular = irregular;
    this.level = level;
    this.stochasticLevel = stochasticLevel;
    this.trend = trend;
    this.stochasticTrend = stochasticTrend;
  }

  /**
   * The specification named by statsmodels' full string ({@code "local linear trend"}), its
   * hyphenated form as the command line writes it ({@code "local-linear-trend"}) or its
   * abbreviation ({@code "lltrend"}); case, surrounding blanks, hyphens and underscores for blanks
   * are all accepted.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static TrendSpecification of(String name) {
    String key = normalised(name);
    for (TrendSpecification s : values()) {
      if (s.fullName.equals(key) || s.abbreviation.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown trend specification "
            + InputEcho.quoted(name)
            + "; the specifications are: "
            + Arrays.stream(values())
                .map(s -> s.abbreviation + " (" + s.fullName + ")")
                .collect(Collectors.joining(", ")));
  }

  /** The name with hyphens and underscores as blanks, lower case, stripped. */
  private static String normalised(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
  }

  /** The command line's spelling: the full name hyphenated, e.g. {@code local-linear-trend}. */
  public String commandLineName() {
    return fullName.replace(' ', '-');
  }

  /** statsmodels' full name, e.g. {@code local linear trend}. */
  public String fullName() {
    return fullName;
  }

  /** statsmodels' abbreviation, e.g. {@code lltrend}. */
  public String abbreviation() {
    return abbreviation;
  }

  /** Whether the observation has the irregular ε_t. */
  public boolean irregular() {
    return irregular;
  }

  /** Whether the state has a level μ_t. */
  public boolean level() {
    return level;
  }

  /** Whether the level has its own noise η_t. */
  public boolean stochasticLevel() {
    return stochasticLevel;
  }

  /** Whether the state has a trend (slope) β_t. */
  public boolean trend() {
    return trend;
  }

  /** Whether the trend has its own noise ζ_t. */
  public boolean stochasticTrend() {
    return stochasticTrend;
  }

  /** Number of states: level and trend, 0 to 2. */
  int states() {
    return (level ? 1 : 0) + (trend ? 1 : 0);
  }
}
