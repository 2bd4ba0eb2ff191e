package io.gramian.estimation.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.SystemMatrix;
import java.util.Map;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The system's directions (one forward pass of the model's tape per free parameter) against
 * five-point central differences of the system in each θ_j, on models whose initial factor comes
 * from the stationary doubling recursion (tria on the tape) and on structural models. The initial
 * factor is compared through its Gramian {@code d(cholP0 cholP0ᵀ)}, which is what the filter reads
 * and what the tape's rule makes exact for any rank.
 */
class SystemDirectionsTest {

  /** The step of the central differences in θ (unconstrained, of order one). */
  private static final double STEP = 1e-3;

  /**
   * Five-point differences have truncation h⁴ f⁽⁵⁾ / 30 ≈ 1e-13 at h = 1e-3 and rounding about ε
   * |f| / h ≈ 2e-13 on entries of order one; the worst measured is 1.5e-12 (the ARMA(2,1)'s F,
   * through the stationarity transform). 1e-9, relative to max(1, ‖FD‖∞) per matrix, leaves a
   * factor 600; a missing or wrong term changes an entry by order one.
   */
  private static final double TOLERANCE = 1e-9;

  /** {@link ScoresTest}'s models, and an ARMA(2,1) whose F and cholQ both depend on parameters. */
  static Stream<Arguments> models() {
    return Stream.concat(
        ScoresTest.models(),
        Stream.of(
            Arguments.of(
                "ARMA(2,1)",
                Sarimax.of(SarimaxOrder.of(2, 0, 1, 0, 0, 0, 0)),
                ScoresTest.log(Datasets.ukDriverDeaths().values()))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void directionsMatchCentralDifferences(String name, StateSpaceModel model, double[] series) {
    LogLikelihood likelihood =
        new LogLikelihood(model, ModelData.of(series), Map.of(), TriaRule.MASKED);
    double[] theta = likelihood.layout().unconstrained(model.startParameters(likelihood.data()));
    LogLikelihood.SystemDirections at = likelihood.systemDirections(theta);
    for (int j = 0; j < theta.length; j++) {
      StateSpaceSystem direction = at.directions()[j];
      StateSpaceSystem[] moved = new StateSpaceSystem[4];
      double[] offsets = {-2, -1, 1, 2};
      for (int o = 0; o < 4; o++) {
        double[] shifted = theta.clone();
        shifted[j] += offsets[o] * STEP;
        moved[o] = likelihood.systemDirections(shifted).base();
      }
      for (SystemMatrix m : SystemMatrix.values()) {
        DMatrixRMaj value = at.base().matrices().get(m);
        DMatrixRMaj tangent = direction.matrices().get(m);
        DMatrixRMaj[] around = new DMatrixRMaj[4];
        for (int o = 0; o < 4; o++) {
          around[o] = moved[o].matrices().get(m);
        }
        if (m == SystemMatrix.cholP0) {
          tangent = gramianTangent(value, tangent);
          for (int o = 0; o < 4; o++) {
            around[o] = gramian(around[o]);
          }
        }
        DMatrixRMaj fd = fivePoint(around);
        double err = relativeError(tangent, fd);
        assertTrue(
            err <= TOLERANCE,
            name + ", θ_" + j + ", " + m + ": direction vs central differences, error " + err);
      }
    }
  }

  /** (f(−2h) − 8 f(−h) + 8 f(h) − f(2h)) / 12h, entry by entry. */
  private static DMatrixRMaj fivePoint(DMatrixRMaj[] f) {
    DMatrixRMaj d = new DMatrixRMaj(f[0].numRows, f[0].numCols);
    for (int e = 0; e < d.data.length; e++) {
      d.data[e] = (f[0].data[e] - 8 * f[1].data[e] + 8 * f[2].data[e] - f[3].data[e]) / (12 * STEP);
    }
    return d;
  }

  private static DMatrixRMaj gramian(DMatrixRMaj S) {
    DMatrixRMaj P = new DMatrixRMaj(S.numRows, S.numRows);
    CommonOps_DDRM.multTransB(S, S, P);
    return P;
  }

  /** d(S Sᵀ) = dS Sᵀ + S dSᵀ. */
  private static DMatrixRMaj gramianTangent(DMatrixRMaj S, DMatrixRMaj dS) {
    DMatrixRMaj dP = new DMatrixRMaj(S.numRows, S.numRows);
    CommonOps_DDRM.multTransB(dS, S, dP);
    CommonOps_DDRM.multAddTransB(S, dS, dP);
    return dP;
  }

  private static double relativeError(DMatrixRMaj actual, DMatrixRMaj expected) {
    double worst = 0;
    double scale = 1;
    for (int e = 0; e < expected.data.length; e++) {
      scale = Math.max(scale, Math.abs(expected.data[e]));
    }
    for (int e = 0; e < expected.data.length; e++) {
      worst = Math.max(worst, Math.abs(actual.data[e] - expected.data[e]));
    }
    return worst / scale;
  }
}
