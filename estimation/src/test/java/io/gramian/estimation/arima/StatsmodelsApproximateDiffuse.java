package io.gramian.estimation.arima;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * statsmodels' default SARIMAX log-likelihood for d + D > 0, recomputed with our filter in our
 * (statsmodels') state space: the differencing states start with variance κ = 1e6 instead of
 * exactly diffuse ({@code initialization='approximate_diffuse'}), and the first k = d + sD terms
 * are dropped ({@code loglikelihood_burn = k}):
 *
 * <pre>
 *   P₁ = cholP0 cholP0ᵀ + κ cholPinf cholPinfᵀ,   ℓ = Σ_{t > k} ℓ_t
 * </pre>
 *
 * Unlike the exact diffuse likelihood this depends on the scale of the data through κ.
 */
final class StatsmodelsApproximateDiffuse {

  /** statsmodels' {@code initial_variance}. */
  static final double KAPPA = 1e6;

  private StatsmodelsApproximateDiffuse() {}

  /** ℓ in statsmodels' approximate diffuse convention, at natural values of all parameters. */
  static double of(Sarimax model, ModelData data, double[] natural) {
    LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
    StateSpace exact = ll.system(natural);
    DMatrixRMaj scaled = exact.cholPinf().copy();
    CommonOps_DDRM.scale(Math.sqrt(KAPPA), scaled);
    DMatrixRMaj cholP0 = new DMatrixRMaj(exact.nx(), exact.k() + exact.diffuseRank());
    CommonOps_DDRM.insert(exact.cholP0(), cholP0, 0, 0);
    CommonOps_DDRM.insert(scaled, cholP0, 0, exact.k());
    StateSpaceSystem approximate =
        StateSpaceSystem.builder()
            .F(exact.F(0))
            .c(exact.c(0))
            .H(exact.H(0))
            .d(exact.d(0))
            .cholQ(exact.cholQ(0))
            .cholR(exact.cholR(0))
            .m0(exact.m0())
            .cholP0(cholP0)
            .build();
    FilterResult result =
        SquareRootFilter.forSystem(approximate).filter(approximate, ll.data().y());
    double sum = 0;
    for (int t = model.order().differencingStates(); t < result.steps(); t++) {
      sum += result.logLikelihoodTerm(t);
    }
    return sum;
  }
}
