package io.gramian.estimation.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Assembles a {@link ModelSpec} option by option, as a command line gives them; each method returns
 * this builder:
 *
 * <pre>{@code
 * ModelSpec daily = ModelSpec.builder("local-level")
 *     .seasonal(7).seasonal(365).seasonalType("dummy,trig").harmonics(10)
 *     .build();
 * }</pre>
 *
 * Not thread-safe; {@link #build} returns an immutable value. The options are checked when the
 * model is {@linkplain ModelSpec#create created}.
 */
public final class ModelSpecBuilder {

  private final String model;
  private final List<Integer> seasonals = new ArrayList<>();
  private String seasonalType;
  private String order;
  private String seasonalOrder;
  private boolean mean;
  private String arLags;
  private String maLags;
  private String init;
  private Double kappa;
  private String harmonics;
  private boolean cycle;
  private boolean dampedCycle;
  private Integer autoregressive;
  private List<String> exogVarying = List.of();

  ModelSpecBuilder(String model) {
    this.model = model;
  }

  /** Adds a seasonal period ({@code --seasonal S}, repeatable). */
  public ModelSpecBuilder seasonal(int period) {
    seasonals.add(period);
    return this;
  }

  /** {@code dummy}, {@code trig}, or one per seasonal period, e.g. {@code dummy,trig}. */
  public ModelSpecBuilder seasonalType(String value) {
    seasonalType = value;
    return this;
  }

  /** The harmonics of the trigonometric seasonals: one for all, or one each in order. */
  public ModelSpecBuilder harmonics(int... values) {
    harmonics = Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    return this;
  }

  /** A stochastic cycle ({@code --cycle}). */
  public ModelSpecBuilder cycle() {
    cycle = true;
    return this;
  }

  /** The cycle damped ({@code --damped-cycle}, with {@link #cycle}). */
  public ModelSpecBuilder dampedCycle() {
    dampedCycle = true;
    return this;
  }

  /** An AR(p) component ({@code --autoregressive P}). */
  public ModelSpecBuilder autoregressive(int p) {
    autoregressive = p;
    return this;
  }

  /** Regressors whose coefficients follow random walks ({@code --exog-varying A,B}). */
  public ModelSpecBuilder exogVarying(String... columns) {
    exogVarying = List.of(columns);
    return this;
  }

  /** ARIMA order {@code p,d,q}. */
  public ModelSpecBuilder order(String pdq) {
    order = pdq;
    return this;
  }

  /** Seasonal ARIMA order {@code P,D,Q,s}. */
  public ModelSpecBuilder seasonalOrder(String pdqs) {
    seasonalOrder = pdqs;
    return this;
  }

  /** ARIMA: estimate the mean. */
  public ModelSpecBuilder mean() {
    mean = true;
    return this;
  }

  /** ARIMA: the AR lags {@code L1,L2,...}. */
  public ModelSpecBuilder arLags(String lags) {
    arLags = lags;
    return this;
  }

  /** ARIMA: the MA lags {@code L1,L2,...}. */
  public ModelSpecBuilder maLags(String lags) {
    maLags = lags;
    return this;
  }

  /** {@code exact-diffuse} or {@code approximate-diffuse} (with its κ, or null for 1e6). */
  public ModelSpecBuilder init(String value, Double kappaValue) {
    init = value;
    kappa = kappaValue;
    return this;
  }

  public ModelSpec build() {
    Integer first = seasonals.isEmpty() ? null : seasonals.get(0);
    List<Integer> more = seasonals.isEmpty() ? List.of() : seasonals.subList(1, seasonals.size());
    return new ModelSpec(
        model,
        first,
        seasonalType,
        order,
        seasonalOrder,
        mean,
        arLags,
        maLags,
        init,
        kappa,
        new StructuralOptions(more, harmonics, cycle, dampedCycle, autoregressive, exogVarying));
  }
}
