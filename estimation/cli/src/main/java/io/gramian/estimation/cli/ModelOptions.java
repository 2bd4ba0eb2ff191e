package io.gramian.estimation.cli;

import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.UnobservedComponents;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The model options of {@code fit} and {@code loglik --model}, and the model they name
 * (conventions.md: {@code local-level}, {@code local-linear-trend}, {@code smooth-trend},
 * {@code bsm}, {@code arima}).
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
      description = "Seasonal period (bsm; adds a stochastic seasonal to the other structural models).")
  Integer seasonal;

  @Option(
      names = "--seasonal-type",
      paramLabel = "TYPE",
      defaultValue = "dummy",
      description = "dummy or trig (default: ${DEFAULT-VALUE}).")
  String seasonalType;

  @Option(
      names = "--order",
      paramLabel = "p,d,q",
      description = "ARIMA order.")
  String order;

  @Option(
      names = "--seasonal-order",
      paramLabel = "P,D,Q,s",
      description = "Seasonal ARIMA order.")
  String seasonalOrder;

  @Option(
      names = "--mean",
      description =
          "ARIMA: estimate the mean of the differenced series (y - mean follows the ARMA when"
              + " d = D = 0; a drift otherwise).")
  boolean mean;

  /** The model, with the regressors named. */
  StateSpaceModel create(List<String> exog) {
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
      if (seasonal != null) {
        throw new IllegalArgumentException(
            "--seasonal is for structural models; for arima use --seasonal-order P,D,Q,s");
      }
      return Sarimax.of(full).withMean(mean).withRegressors(exog);
    }
    if (order != null || seasonalOrder != null || mean) {
      throw new IllegalArgumentException(
          "--order, --seasonal-order and --mean belong to --model arima, not " + model);
    }
    return UnobservedComponents.named(
        model, seasonal == null ? OptionalInt.empty() : OptionalInt.of(seasonal), seasonalType, exog);
  }

  private static int[] integers(String text, int count, String option, String form) {
    String[] parts = text.split(",", -1);
    if (parts.length != count) {
      throw new IllegalArgumentException(
          option + " takes " + count + " integers " + form + ", got \"" + text + "\"");
    }
    int[] v = new int[count];
    for (int i = 0; i < count; i++) {
      try {
        v[i] = Integer.parseInt(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + " takes " + count + " integers " + form + ", got \"" + text + "\"");
      }
    }
    return v;
  }
}
