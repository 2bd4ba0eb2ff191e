package io.gramian.estimation.cli;

import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.model.StateSpaceModel;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The model options of {@code fit}, {@code fit-many} and {@code loglik --model}, and the model they
 * name: the options are read here, the model is built by the library's {@link ModelSpec}
 * (docs/cli.md: {@code local-level}, {@code local-linear-trend}, {@code smooth-trend}, {@code bsm},
 * {@code arima}).
 */
final class ModelOptions {

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description =
          "local-level, local-linear-trend, smooth-trend, bsm (needs --seasonal) or arima (needs"
              + " --order); fit also takes auto (the model 'gramian select' ranks first).")
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
  }

  /** The options as a serialisable specification: what the library builds the model from. */
  ModelSpec spec() {
    return new ModelSpec(
        model, seasonal, seasonalType, order, seasonalOrder, mean, arLags, maLags, init, kappa);
  }

  /** The model, with the regressors named and the initialisation asked for. */
  StateSpaceModel create(List<String> exog) {
    return spec().create(exog);
  }

  /**
   * The model as the command line gave it, e.g. {@code --model arima --order 0,0,0 --seasonal-order
   * 0,0,1,5000}: how messages about the model's size name it.
   */
  String spelling() {
    return spec().spelling();
  }
}
