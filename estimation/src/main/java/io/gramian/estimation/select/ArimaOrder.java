package io.gramian.estimation.select;

import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.batch.ModelSpec;

/**
 * A point of the stepwise search: (p, d, q)(P, D, Q)_s with or without a constant (a mean when d +
 * D = 0, a drift when d + D = 1: {@code --mean}).
 */
record ArimaOrder(
    int p,
    int d,
    int q,
    int seasonalP,
    int seasonalD,
    int seasonalQ,
    int period,
    boolean constant) {

  /** The model as the command line spells it; no seasonal order when s = 1 or (P, D, Q) = 0. */
  ModelSpec spec() {
    ModelSpec spec = ModelSpec.named(Sarimax.NAME).withOrder(p + "," + d + "," + q);
    if (period > 1 && seasonalP + seasonalD + seasonalQ > 0) {
      spec = spec.withSeasonalOrder(seasonalP + "," + seasonalD + "," + seasonalQ + "," + period);
    }
    return spec.withMean(constant);
  }

  ArimaOrder with(int newP, int newQ, int newSeasonalP, int newSeasonalQ) {
    return new ArimaOrder(newP, d, newQ, newSeasonalP, seasonalD, newSeasonalQ, period, constant);
  }

  ArimaOrder withConstant(boolean value) {
    return new ArimaOrder(p, d, q, seasonalP, seasonalD, seasonalQ, period, value);
  }
}
