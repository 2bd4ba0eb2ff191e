package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.kalman.testing.CovarianceFilter;
import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The square-root filter against the covariance-form oracle on seeded random systems. */
class FilterAgreementTest {

  /**
   * Both forms are backward stable on these well-conditioned systems (condition numbers of the
   * innovation covariances below 1e4); their difference is rounding, far below 1e-10 relative.
   */
  private static final double AGREEMENT_TOLERANCE = 1e-10;

  /**
   * ℓ alone takes each observed step as the one-step predictor's array (one triangularisation), the
   * taped sweep as an update and a predict (two): the same ℓ up to a few roundings per step, summed
   * over at most 200 steps (measured: at most 3e-16 relative).
   */
  private static final double SAME_SWEEP_ROUNDING = 1e-13;

  @ParameterizedTest(name = "nx={0} ny={1} q={2}/{3} r={4}/{5} k={6}/{7} T={8} missing={9}")
  @CsvSource({
    "3,2,3,3,2,2,3,3,50,0",
    "4,2,4,1,2,2,4,2,60,0",
    "4,2,2,2,2,2,4,0,60,0",
    "3,2,3,3,2,1,3,3,40,0",
    "3,2,3,3,2,0,3,3,40,0",
    "5,3,5,5,3,3,5,5,80,1",
    "2,4,2,2,4,4,2,2,30,0",
    "3,2,6,6,1,1,3,3,40,1",
    "1,1,1,1,1,1,1,1,200,1"
  })
  void squareRootMatchesCovarianceForm(
      int nx, int ny, int q, int rankQ, int r, int rankR, int k, int rankP0, int T, int missing) {
    Random rng = new Random(nx * 1000L + ny * 100L + rankQ * 10L + rankR + k + T);
    StateSpaceSystem s = RandomSystems.system(rng, nx, ny, q, rankQ, r, rankR, k, rankP0);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, T);
    if (missing == 1) {
      RandomSystems.dropValues(rng, Y, 0.2, 0.3);
    }
    FilterResult res = SquareRootFilter.forSystem(s).filter(s, Y);
    CovarianceFilter oracle = CovarianceFilter.of(s, Y);

    assertRelative(oracle.logLikelihood, res.logLikelihood(), "log-likelihood");
    double untaped = SquareRootFilter.forSystem(s).logLikelihood(s, Y);
    assertRelative(oracle.logLikelihood, untaped, "log-likelihood of the untaped sweep");
    assertEquals(
        res.logLikelihood(),
        untaped,
        SAME_SWEEP_ROUNDING * Math.abs(untaped),
        "the taped and untaped forward sweeps must give the same ℓ");
    for (int t = 0; t < T; t++) {
      assertRelative(oracle.terms[t], res.logLikelihoodTerm(t), "ℓ_" + t);
      assertClose(
          oracle.predictedMean[t], new DMatrixRMaj(nx, 1, true, res.predictedMean(t)), "m⁻_" + t);
      assertClose(
          oracle.filteredMean[t], new DMatrixRMaj(nx, 1, true, res.filteredMean(t)), "m⁺_" + t);
      assertClose(oracle.predictedCov[t], res.predictedCovariance(t), "P⁻_" + t);
      assertClose(oracle.filteredCov[t], res.filteredCovariance(t), "P⁺_" + t);
    }
  }

  private static void assertRelative(double expected, double actual, String what) {
    assertTrue(
        Math.abs(actual - expected) <= AGREEMENT_TOLERANCE * Math.max(1.0, Math.abs(expected)),
        what + ": expected " + expected + ", got " + actual);
  }

  /** ‖A − B‖ ≤ tol · max(1, ‖B‖) (covariances can be exactly zero where a factor is). */
  private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
    double diff = NormOps_DDRM.normF(CommonOps_DDRM.subtract(actual, expected, null));
    double scale = Math.max(1.0, NormOps_DDRM.normF(expected));
    assertTrue(diff <= AGREEMENT_TOLERANCE * scale, what + " differs by " + diff);
  }
}
