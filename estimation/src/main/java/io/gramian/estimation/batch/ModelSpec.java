package io.gramian.estimation.batch;

import io.gramian.datasets.InputEcho;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.model.ApproximateDiffuse;
import io.gramian.estimation.model.StateSpaceModel;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A model as the command line's model options spell it ({@code --model local-level}, {@code --model
 * bsm --seasonal 12}, {@code --model arima --order 1,1,1 --seasonal-order 0,1,1,12}): an immutable,
 * serialisable value from which {@link #create} builds the same {@link StateSpaceModel} anywhere
 * (another thread, another machine). {@code null} is an option not given.
 *
 * <p>Thread-safe: an immutable value; {@link #create} builds a new model each call.
 *
 * @param model the model name ({@code local-level}, {@code bsm}, {@code arima}, every trend of
 *     statsmodels' {@code UnobservedComponents}, hyphenated)
 * @param seasonal the (first) seasonal period ({@code --seasonal S})
 * @param seasonalType {@code dummy} or {@code trig} for every seasonal, or one per seasonal period
 *     in order, e.g. {@code dummy,trig} ({@code --seasonal-type}; null: dummy)
 * @param order {@code p,d,q} ({@code --order})
 * @param seasonalOrder {@code P,D,Q,s} ({@code --seasonal-order})
 * @param mean ARIMA: estimate the mean ({@code --mean})
 * @param arLags ARIMA: the AR lags {@code L1,L2,...} ({@code --ar-lags})
 * @param maLags ARIMA: the MA lags ({@code --ma-lags})
 * @param init {@code exact-diffuse} (null: the default) or {@code approximate-diffuse}
 * @param kappa with {@code approximate-diffuse}: the variance of each diffuse state
 * @param components structural models: more seasonals, harmonics, a cycle, an AR component,
 *     time-varying regression coefficients (null: none; {@link StructuralOptions})
 */
public record ModelSpec(
    String model,
    Integer seasonal,
    String seasonalType,
    String order,
    String seasonalOrder,
    boolean mean,
    String arLags,
    String maLags,
    String init,
    Double kappa,
    StructuralOptions components)
    implements Serializable {

  private static final long serialVersionUID = 2L;

  public ModelSpec {
    components = components == null ? StructuralOptions.NONE : components;
  }

  /** A specification without structural components beyond one seasonal (the original options). */
  public ModelSpec(
      String model,
      Integer seasonal,
      String seasonalType,
      String order,
      String seasonalOrder,
      boolean mean,
      String arLags,
      String maLags,
      String init,
      Double kappa) {
    this(
        model,
        seasonal,
        seasonalType,
        order,
        seasonalOrder,
        mean,
        arLags,
        maLags,
        init,
        kappa,
        StructuralOptions.NONE);
  }

  /** The spellings of {@code init}. */
  public static final String EXACT_DIFFUSE = "exact-diffuse";

  public static final String APPROXIMATE_DIFFUSE = "approximate-diffuse";

  /** A model with no other option: {@code ModelSpec.named("local-level")}. */
  public static ModelSpec named(String model) {
    return new ModelSpec(model, null, null, null, null, false, null, null, null, null);
  }

  /** This specification with one seasonal period ({@code --seasonal S}), replacing any. */
  public ModelSpec withSeasonal(int period) {
    return new ModelSpec(
        model,
        period,
        seasonalType,
        order,
        seasonalOrder,
        mean,
        arLags,
        maLags,
        init,
        kappa,
        new StructuralOptions(
            List.of(),
            components.harmonics(),
            components.cycle(),
            components.dampedCycle(),
            components.autoregressive(),
            components.exogVarying()));
  }

  /** This specification with an ARIMA order {@code p,d,q} ({@code --order}). */
  public ModelSpec withOrder(String pdq) {
    return new ModelSpec(
        model,
        seasonal,
        seasonalType,
        pdq,
        seasonalOrder,
        mean,
        arLags,
        maLags,
        init,
        kappa,
        components);
  }

  /** This specification with a seasonal ARIMA order {@code P,D,Q,s} ({@code --seasonal-order}). */
  public ModelSpec withSeasonalOrder(String pdqs) {
    return new ModelSpec(
        model, seasonal, seasonalType, order, pdqs, mean, arLags, maLags, init, kappa, components);
  }

  /** This specification with these structural components (replacing any). */
  public ModelSpec withComponents(StructuralOptions value) {
    return new ModelSpec(
        model,
        seasonal,
        seasonalType,
        order,
        seasonalOrder,
        mean,
        arLags,
        maLags,
        init,
        kappa,
        value);
  }

  /**
   * A builder for every option, e.g. {@code
   * ModelSpec.builder("local-level").seasonal(7).seasonal(365).seasonalType("dummy,trig")
   * .harmonics("10").cycle().build()}.
   */
  public static ModelSpecBuilder builder(String model) {
    return new ModelSpecBuilder(model);
  }

  /** Every seasonal period, in the order given: {@code seasonal}, then the additional ones. */
  public List<Integer> seasonalPeriods() {
    List<Integer> periods = new java.util.ArrayList<>();
    if (seasonal != null) {
      periods.add(seasonal);
    }
    periods.addAll(components.additionalSeasonals());
    return List.copyOf(periods);
  }

  /**
   * The regressors the data must carry: {@code exog}, then the {@code --exog-varying} columns not
   * already among them.
   */
  public List<String> regressors(List<String> exog) {
    List<String> all = new java.util.ArrayList<>(exog == null ? List.of() : exog);
    for (String x : components.exogVarying()) {
      if (!all.contains(x)) {
        all.add(x);
      }
    }
    return List.copyOf(all);
  }

  /** This specification with or without an ARIMA mean or drift ({@code --mean}). */
  public ModelSpec withMean(boolean value) {
    return new ModelSpec(
        model, seasonal, seasonalType, order, seasonalOrder, value, arLags, maLags, init, kappa);
  }

  /** The model without regressors. */
  public StateSpaceModel create() {
    return create(List.of());
  }

  /**
   * The model, with the regressors named and the initialisation asked for.
   *
   * @throws IllegalArgumentException naming the option, when the options do not describe a model
   *     (no model, an unknown name, an option that belongs to another model, a malformed order)
   */
  public StateSpaceModel create(List<String> exog) {
    return initialised(createModel(exog));
  }

  /**
   * The model as the command line gives it, e.g. {@code --model arima --order 0,0,0
   * --seasonal-order 0,0,1,5000}: how messages about the model name it.
   */
  public String spelling() {
    StringBuilder s = new StringBuilder("--model ").append(model);
    if (order != null) {
      s.append(" --order ").append(order);
    }
    if (seasonalOrder != null) {
      s.append(" --seasonal-order ").append(seasonalOrder);
    }
    for (Integer period : seasonalPeriods()) {
      s.append(" --seasonal ").append(period);
    }
    if (seasonal != null && seasonalType != null && !"dummy".equals(seasonalType)) {
      s.append(" --seasonal-type ").append(seasonalType);
    }
    if (components.harmonics() != null) {
      s.append(" --harmonics ").append(components.harmonics());
    }
    if (components.cycle()) {
      s.append(" --cycle");
    }
    if (components.dampedCycle()) {
      s.append(" --damped-cycle");
    }
    if (components.autoregressive() != null) {
      s.append(" --autoregressive ").append(components.autoregressive());
    }
    if (!components.exogVarying().isEmpty()) {
      s.append(" --exog-varying ").append(String.join(",", components.exogVarying()));
    }
    if (arLags != null) {
      s.append(" --ar-lags ").append(arLags);
    }
    if (maLags != null) {
      s.append(" --ma-lags ").append(maLags);
    }
    if (mean) {
      s.append(" --mean");
    }
    return s.toString();
  }

  /**
   * The options given, by command-line name without the dashes ({@code model}, {@code seasonal},
   * {@code seasonal-type}, {@code order}, …), in the record's order; options not given are left
   * out. What a saved fit stores; {@link #fromOptions} reads it back. Every component of this
   * record is an option of the same name hyphenated, so a new option is saved with no other change.
   */
  public Map<String, Object> options() {
    return ModelSpecOptions.of(this);
  }

  /**
   * The specification with the options given (as {@link #options()} names them), the others not
   * given.
   *
   * @throws IllegalArgumentException naming an unknown option or a value of the wrong kind
   */
  public static ModelSpec fromOptions(Map<String, ?> options) {
    return ModelSpecOptions.from(options);
  }

  /** The model with an approximate diffuse start when {@code init} is approximate-diffuse. */
  private StateSpaceModel initialised(StateSpaceModel created) {
    if (init != null && !init.equals(EXACT_DIFFUSE) && !init.equals(APPROXIMATE_DIFFUSE)) {
      throw new IllegalArgumentException(
          "--init takes "
              + EXACT_DIFFUSE
              + " or "
              + APPROXIMATE_DIFFUSE
              + ", got \""
              + init
              + "\"");
    }
    if (!APPROXIMATE_DIFFUSE.equals(init)) {
      if (kappa != null) {
        throw new IllegalArgumentException(
            "--kappa goes with --init approximate-diffuse (the exact diffuse start has no κ)");
      }
      return created;
    }
    double k = kappa == null ? ApproximateDiffuse.STATSMODELS_KAPPA : kappa;
    if (!(k > 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException(
          "--kappa must be a positive finite variance, got " + kappa);
    }
    return ApproximateDiffuse.of(created, k).withDiffuseBurn();
  }

  private StateSpaceModel createModel(List<String> exog) {
    if (model == null) {
      throw new IllegalArgumentException(
          "no model given; use --model local-level, local-linear-trend, smooth-trend, bsm,"
              + " arima or another structural name (docs/cli.md)");
    }
    if (Sarimax.NAME.equals(model)) {
      if (order == null) {
        throw new IllegalArgumentException("model arima needs --order p,d,q, e.g. --order 1,0,0");
      }
      int[] o = integers(order, 3, "--order", "p,d,q");
      SarimaxOrder full;
      if (seasonalOrder != null) {
        int[] so = integers(seasonalOrder, 4, "--seasonal-order", "P,D,Q,s");
        full = SarimaxOrder.of(o[0], o[1], o[2], so[0], so[1], so[2], so[3]);
      } else {
        full = SarimaxOrder.of(o[0], o[1], o[2]);
      }
      if (arLags != null) {
        if (o[0] != 0) {
          throw new IllegalArgumentException(
              "--ar-lags replaces --order's p: write --order 0,"
                  + o[1]
                  + ","
                  + o[2]
                  + " --ar-lags "
                  + arLags);
        }
        full = full.withArLags(lags(arLags, "--ar-lags"));
      }
      if (maLags != null) {
        if (o[2] != 0) {
          throw new IllegalArgumentException(
              "--ma-lags replaces --order's q: write --order "
                  + o[0]
                  + ","
                  + o[1]
                  + ",0"
                  + " --ma-lags "
                  + maLags);
        }
        full = full.withMaLags(lags(maLags, "--ma-lags"));
      }
      if (seasonal != null || !components.additionalSeasonals().isEmpty()) {
        throw new IllegalArgumentException(
            "--seasonal is for structural models; for arima use --seasonal-order P,D,Q,s");
      }
      if (!components.isEmpty()) {
        throw new IllegalArgumentException(
            "--harmonics, --cycle, --damped-cycle, --autoregressive and --exog-varying belong to"
                + " structural models, not arima (for AR terms use --order p,d,q)");
      }
      return Sarimax.of(full).withMean(mean).withRegressors(exog);
    }
    if (order != null || seasonalOrder != null || mean || arLags != null || maLags != null) {
      throw new IllegalArgumentException(
          "--order, --seasonal-order, --mean, --ar-lags and --ma-lags belong to --model arima,"
              + " not "
              + InputEcho.plain(model));
    }
    return StructuralModel.of(this, exog);
  }

  /** Lags L1,L2,… : positive integers, each once, returned increasing. */
  private static int[] lags(String text, String option) {
    String[] parts = text.split(",", -1);
    int[] lags = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        lags[i] = Integer.parseInt(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + " takes positive integer lags L1,L2,..., got \"" + text + "\"");
      }
      if (lags[i] < 1) {
        throw new IllegalArgumentException(
            option + " takes positive integer lags L1,L2,..., got " + lags[i]);
      }
    }
    Arrays.sort(lags);
    for (int i = 1; i < lags.length; i++) {
      if (lags[i] == lags[i - 1]) {
        throw new IllegalArgumentException(option + " names lag " + lags[i] + " twice");
      }
    }
    return lags;
  }

  private static int[] integers(String text, int count, String option, String form) {
    String[] parts = text.split(",", -1);
    if (parts.length != count) {
      throw new IllegalArgumentException(
          option + " takes " + count + " integers " + form + ", got " + InputEcho.quoted(text));
    }
    int[] v = new int[count];
    for (int i = 0; i < count; i++) {
      try {
        v[i] = Integer.parseInt(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + " takes " + count + " integers " + form + ", got " + InputEcho.quoted(text));
      }
    }
    return v;
  }
}
