package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The smoother with exactly diffuse initial directions: against statsmodels' exact-diffuse smoother
 * on the Nile (every row, the diffuse 1871 included), and against the limit κ → ∞ of the smoother
 * with a proper initial state P₁ = P* + κ P∞ on systems with several diffuse directions.
 *
 * <p>The limit is taken with the proper-state path of the square-root smoother (d = 0), which
 * {@code RtsSmootherTest} checks against the covariance form, not with the covariance form itself:
 * that loses about κ² ε of its covariances to cancellation and cannot reach a κ where the limit has
 * settled (one of these systems still moves by 1% between κ = 1e5 and 1e6). The diffuse path under
 * test shares with it only the one-step kernel.
 */
class DiffuseSmootherTest {

  /** statsmodels' values to 17 digits; rounding of both smoothers is far below. */
  private static final double REFERENCE_TOLERANCE = 1e-9;

  /**
   * Richardson extrapolation 2 x(2κ) − x(κ) leaves O(κ⁻²) of the limit, and a factor of size √κ
   * costs about κ ε of precision: at κ = 1e8 both are below 1e-8 relative to the moments' scale.
   */
  private static final double LIMIT_TOLERANCE = 1e-7;

  private static final double KAPPA = 1e8;

  @Test
  void nileMatchesStatsmodelsExactDiffuseSmoother() throws IOException {
    List<double[]> rows = NileReferenceFilterTest.readReference();
    DMatrixRMaj Y = new DMatrixRMaj(rows.size(), 1);
    for (int t = 0; t < rows.size(); t++) {
      Y.set(t, 0, rows.get(t)[1]);
    }
    StateSpaceSystem s =
        StateSpaceSystem.builder()
            .F(scalar(1))
            .H(scalar(1))
            .cholQ(scalar(Math.sqrt(1469.1)))
            .cholR(scalar(Math.sqrt(15099)))
            .m0(scalar(0))
            .cholP0(scalar(0))
            .cholPinf(scalar(1))
            .build();
    SmootherResult smoothed =
        RtsSmoother.forSystem(s).smooth(s, SquareRootFilter.forSystem(s).filter(s, Y));
    for (int t = 0; t < rows.size(); t++) {
      double[] ref = rows.get(t);
      assertEquals(
          ref[9], smoothed.smoothedMean(t)[0], REFERENCE_TOLERANCE * ref[9], "a_smooth " + t);
      assertEquals(
          ref[10],
          smoothed.smoothedCovariance(t).get(0, 0),
          REFERENCE_TOLERANCE * ref[10],
          "V_smooth " + t);
    }
  }

  static Stream<DiffuseFilterTest.Case> cases() {
    return DiffuseFilterTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTheLimitOfALargeInitialVariance(DiffuseFilterTest.Case c) {
    DiffuseFilterTest.Fixture f = new DiffuseFilterTest.Fixture(c);
    StateSpaceSystem s = f.system;
    SmootherResult smoothed =
        RtsSmoother.forSystem(s).smooth(s, SquareRootFilter.forSystem(s).filter(s, f.Y));
    SmootherResult near = properSmoother(s, KAPPA, f.Y);
    SmootherResult far = properSmoother(s, 2 * KAPPA, f.Y);
    for (int t = 0; t < f.Y.numRows; t++) {
      DMatrixRMaj m =
          extrapolate(
              new DMatrixRMaj(s.nx(), 1, true, near.smoothedMean(t)),
              new DMatrixRMaj(s.nx(), 1, true, far.smoothedMean(t)));
      DMatrixRMaj P = extrapolate(near.smoothedCovariance(t), far.smoothedCovariance(t));
      double scaleM = Math.max(1, CommonOps_DDRM.elementMaxAbs(m));
      double scaleP = Math.max(1, CommonOps_DDRM.elementMaxAbs(P));
      for (int i = 0; i < s.nx(); i++) {
        assertEquals(
            m.get(i), smoothed.smoothedMean(t)[i], LIMIT_TOLERANCE * scaleM, c + " mean " + t);
        for (int j = 0; j < s.nx(); j++) {
          assertEquals(
              P.get(i, j),
              smoothed.smoothedCovariance(t).get(i, j),
              LIMIT_TOLERANCE * scaleP,
              c + " covariance " + t);
        }
      }
    }
  }

  private static SmootherResult properSmoother(StateSpaceSystem s, double kappa, DMatrixRMaj Y) {
    StateSpaceSystem p = proper(s, kappa);
    return RtsSmoother.forSystem(p).smooth(p, SquareRootFilter.forSystem(p).filter(p, Y));
  }

  /** The system with P₁ = P* + κ P∞ and no diffuse direction. */
  private static StateSpaceSystem proper(StateSpaceSystem s, double kappa) {
    DMatrixRMaj Pinf = s.cholPinf().copy();
    CommonOps_DDRM.scale(Math.sqrt(kappa), Pinf);
    DMatrixRMaj factor = new DMatrixRMaj(s.nx(), s.k() + s.diffuseRank());
    CommonOps_DDRM.insert(s.cholP0(), factor, 0, 0);
    CommonOps_DDRM.insert(Pinf, factor, 0, s.k());
    return s.withInitialState(s.m0(), factor, null);
  }

  private static DMatrixRMaj extrapolate(DMatrixRMaj atKappa, DMatrixRMaj atTwoKappa) {
    DMatrixRMaj out = atTwoKappa.copy();
    CommonOps_DDRM.scale(2, out);
    CommonOps_DDRM.subtractEquals(out, atKappa);
    return out;
  }

  private static DMatrixRMaj scalar(double v) {
    return new DMatrixRMaj(new double[][] {{v}});
  }
}
