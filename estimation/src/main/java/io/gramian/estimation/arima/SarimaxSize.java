package io.gramian.estimation.arima;

import io.gramian.estimation.model.ModelSize;

/**
 * The size of a SARIMAX(p, d, q)(P, D, Q, s) model from its orders alone, in {@code long}
 * arithmetic (the int products sP, sQ, sD of {@link SarimaxOrder} can overflow for orders a user
 * may type):
 *
 * <pre>
 *   states      nx = (d + sD) + max(p + sP, q + sQ + 1) + k_x     (differencing states kept)
 *   diffuse     δ  = d + sD
 *   parameters     = p + q + P + Q + 1 (σ²) + [mean] + k_x
 *   longest lag L  = max(p + sP, q + sQ)
 * </pre>
 */
final class SarimaxSize {

  private SarimaxSize() {}

  static ModelSize of(
      SarimaxOrder order, boolean mean, int regressors, Integration integration, String label) {
    long s = order.period();
    long ar = order.p() + s * order.seasonalP();
    long ma = order.q() + s * order.seasonalQ();
    long differencing = order.d() + s * order.seasonalD();
    long arma = Math.max(ar, ma + 1);
    long states =
        (integration == Integration.DIFFUSE_STATES ? differencing : 0) + arma + regressors;
    long parameters =
        (long) order.p()
            + order.q()
            + order.seasonalP()
            + order.seasonalQ()
            + 1
            + (mean ? 1 : 0)
            + regressors;
    boolean seasonal = order.seasonalP() + (long) order.seasonalD() + order.seasonalQ() > 0;
    return new ModelSize(
        label, states, differencing, parameters, Math.max(ar, ma), seasonal ? s : 0);
  }
}
