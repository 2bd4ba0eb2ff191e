package io.gramian.estimation.cli;

import io.gramian.datasets.InputEcho;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.model.ApproximateDiffuse;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.UnobservedComponents;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The model options of {@code fit} and {@code loglik --model}, and the model they name
 * (docs/cli.md: {@code local-level}, {@code local-linear-trend}, {@code smooth-trend}, {@code bsm},
 * {@code arima}).
 */
final class ModelOptions {

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description =
          "local-level, local-linear-trend, smooth-trend, bsm (needs --seasonal) or arima (needs"
              + " --order).")
  String model;

  @Option(
      names = "--seasonal",
      paramLabel = "S",
      description =
          "Seasonal period (bsm; adds a stochastic seasonal to the other structural models).")
  Integer seasonal;

  @Option(
      names = "--seasonal-type",
      paramLabel = "TYPE",
      defaultValue = "dummy",
      description = "dummy or trig (default: ${DEFAULT-VALUE}).")
  String seasonalType;

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

  /** The spellings of {@code --init}. */
  static final String EXACT_DIFFUSE = "exact-diffuse";

  static final String APPROXIMATE_DIFFUSE = "approximate-diffuse";

  /**
   * Refuses the options that describe a named model's likelihood when the system is given instead
   * ({@code loglik --system}).
   */
  void requireNoModelOptions(String instead) {
    if (arLags != null || maLags != null || init != null || kappa != null) {
      throw new IllegalArgumentException(
          "--ar-lags, --ma-lags, --init and --kappa go with --model, not with " + instead);
    }
  }

  /** The model, with the regressors named and the initialisation asked for. */
  StateSpaceModel create(List<String> exog) {
    StateSpaceModel created = createModel(exog);
    return initialised(created);
  }

  /** The model with an approximate diffuse start when {@code --init approximate-diffuse}. */
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
          "no model given; use --model local-level, local-linear-trend, smooth-trend, bsm or"
              + " arima");
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
      if (seasonal != null) {
        throw new IllegalArgumentException(
            "--seasonal is for structural models; for arima use --seasonal-order P,D,Q,s");
      }
      return Sarimax.of(full).withMean(mean).withRegressors(exog);
    }
    if (order != null || seasonalOrder != null || mean || arLags != null || maLags != null) {
      throw new IllegalArgumentException(
          "--order, --seasonal-order, --mean, --ar-lags and --ma-lags belong to --model arima,"
              + " not "
              + InputEcho.plain(model));
    }
    return UnobservedComponents.named(
        model,
        seasonal == null ? OptionalInt.empty() : OptionalInt.of(seasonal),
        seasonalType,
        exog);
  }

  /** Lags L1,L2,… : positive integers, each once, returned increasing. */
  static int[] lags(String text, String option) {
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
    java.util.Arrays.sort(lags);
    for (int i = 1; i < lags.length; i++) {
      if (lags[i] == lags[i - 1]) {
        throw new IllegalArgumentException(option + " names lag " + lags[i] + " twice");
      }
    }
    return lags;
  }

  /**
   * The model as the command line gave it, e.g. {@code --model arima --order 0,0,0 --seasonal-order
   * 0,0,1,5000}: how messages about the model's size name it.
   */
  String spelling() {
    StringBuilder s = new StringBuilder("--model ").append(model);
    if (order != null) {
      s.append(" --order ").append(order);
    }
    if (seasonalOrder != null) {
      s.append(" --seasonal-order ").append(seasonalOrder);
    }
    if (seasonal != null) {
      s.append(" --seasonal ").append(seasonal);
      if (!"dummy".equals(seasonalType)) {
        s.append(" --seasonal-type ").append(seasonalType);
      }
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
