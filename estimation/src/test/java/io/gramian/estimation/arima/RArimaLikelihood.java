package io.gramian.estimation.arima;

import io.gramian.autodiff.tape.StationaryFactor;
import io.gramian.autodiff.tape.Tape;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpaceSystem;
import org.ejml.data.DMatrixRMaj;

/**
 * R's {@code arima(method = "ML")} log-likelihood, recomputed with our filter in R's own state
 * space ({@code makeARIMA} and {@code ARIMA_Like} in R's stats package), to compare like with like
 * where R's convention differs from ours (d + D > 0):
 *
 * <pre>
 *   state (a_t, y_{t−1}, …, y_{t−k}),  k = d + sD,   y_t = a_t[0] + Σ_i Δ_i y_{t−i}
 *   (1 − L)^d (1 − L^s)^D = 1 − Σ_i Δ_i L^i
 *   P₁ = blockdiag(P_a, κ σ² I_k),  κ = 1e6                    (R's kappa, in units of σ²)
 *   kept steps: observed, with F_t/σ² &lt; 1e4 (R's "gain" test; drops the first k)
 *   ℓ = −½ [ n (log(ssq/ν) + sumlog/ν) + n + n log 2π ],  n = #observed − k
 *   ssq = Σ e_t²/(F_t/σ²),  sumlog = Σ log(F_t/σ²),  ν = #kept
 * </pre>
 *
 * (σ² is concentrated out: ℓ does not depend on the σ² used to filter.) The ARMA part is Harvey's
 * form with the stationary P_a, as in R (Gardner et al. 1980). Only for models without mean or
 * regressors, as in the reference rows.
 */
final class RArimaLikelihood {

  /** R's κ, the differencing states' prior variance in units of σ². */
  static final double KAPPA = 1e6;

  /** R drops a step whose innovation variance exceeds this (in units of σ²). */
  static final double GAIN_LIMIT = 1e4;

  private RArimaLikelihood() {}

  /**
   * @param phi, seasonalPhi, theta, seasonalTheta the coefficients (statsmodels' signs)
   * @param y the series, NaN where missing
   */
  static double of(
      SarimaxOrder order,
      double[] phi,
      double[] theta,
      double[] seasonalPhi,
      double[] seasonalTheta,
      double sigma2,
      double[] y) {
    int s = order.period();
    double[] arPoly = Polynomials.multiply(Polynomials.ar(phi, 1), Polynomials.ar(seasonalPhi, s));
    double[] maPoly =
        Polynomials.multiply(Polynomials.ma(theta, 1), Polynomials.ma(seasonalTheta, s));
    double[] diff = Polynomials.differencing(order.d(), order.seasonalD(), s);
    int p = arPoly.length - 1;
    int q = maPoly.length - 1;
    int r = Math.max(p, q + 1);
    int k = diff.length - 1;
    int n = r + k;
    DMatrixRMaj F = new DMatrixRMaj(n, n);
    DMatrixRMaj H = new DMatrixRMaj(1, n);
    DMatrixRMaj cholQ = new DMatrixRMaj(n, 1);
    for (int i = 0; i < r; i++) {
      if (i < p) {
        F.set(i, 0, -arPoly[i + 1]);
      }
      if (i + 1 < r) {
        F.set(i, i + 1, 1);
      }
      cholQ.set(i, 0, Math.sqrt(sigma2) * (i == 0 ? 1 : i <= q ? maPoly[i] : 0));
    }
    H.set(0, 0, 1);
    for (int i = 0; i < k; i++) {
      H.set(0, r + i, -diff[i + 1]);
    }
    if (k > 0) {
      for (int j = 0; j < n; j++) {
        F.set(r, j, H.get(0, j));
      }
      for (int i = 1; i < k; i++) {
        F.set(r + i, r + i - 1, 1);
      }
    }
    DMatrixRMaj Fa = new DMatrixRMaj(r, r);
    DMatrixRMaj Qa = new DMatrixRMaj(r, 1);
    for (int i = 0; i < r; i++) {
      Qa.set(i, 0, cholQ.get(i, 0));
      for (int j = 0; j < r; j++) {
        Fa.set(i, j, F.get(i, j));
      }
    }
    Tape tape = new Tape();
    DMatrixRMaj Sa = StationaryFactor.of(tape.constant(Fa), tape.constant(Qa)).value();
    DMatrixRMaj cholP0 = new DMatrixRMaj(n, n);
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        cholP0.set(i, j, Sa.get(i, j));
      }
    }
    for (int i = 0; i < k; i++) {
      cholP0.set(r + i, r + i, Math.sqrt(KAPPA * sigma2));
    }
    StateSpaceSystem system =
        StateSpaceSystem.builder()
            .F(F)
            .H(H)
            .cholQ(cholQ)
            .cholR(new DMatrixRMaj(1, 0))
            .m0(new DMatrixRMaj(n, 1))
            .cholP0(cholP0)
            .build();
    FilterResult result =
        SquareRootFilter.forSystem(system).filter(system, new DMatrixRMaj(y.length, 1, true, y));
    double ssq = 0;
    double sumlog = 0;
    int kept = 0;
    int observed = 0;
    for (int t = 0; t < y.length; t++) {
      if (Double.isNaN(y[t])) {
        continue;
      }
      observed++;
      double gain = result.innovationCovariance(t).get(0, 0) / sigma2;
      if (gain < GAIN_LIMIT) {
        double e = result.innovation(t)[0];
        ssq += e * e / gain;
        sumlog += Math.log(gain);
        kept++;
      }
    }
    int used = observed - k;
    return -0.5
        * (used * (Math.log(ssq / kept) + sumlog / kept) + used + used * Math.log(2 * Math.PI));
  }
}
