package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.testing.Matrices;
import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import org.apache.commons.math3.filter.DefaultMeasurementModel;
import org.apache.commons.math3.filter.DefaultProcessModel;
import org.apache.commons.math3.filter.KalmanFilter;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The square-root filter against commons-math3's covariance-form {@link KalmanFilter}, an
 * implementation nobody on this project wrote. commons-math3 has no intercepts and no likelihood,
 * so the comparison is of filtered means and covariances on a system with c = 0 and d = 0; it is
 * run update-first (correct, then predict) to match our timing.
 */
class CommonsMathAgreementTest {

  /** Two backward-stable filters on a well-conditioned system differ only by rounding. */
  private static final double AGREEMENT_TOLERANCE = 1e-10;

  @Test
  void filteredMomentsMatchCommonsMath() {
    Random rng = new Random(36);
    StateSpaceSystem random = RandomSystems.system(rng, 3, 2, 3, 3, 2, 2, 3, 3);
    StateSpaceSystem s =
        StateSpaceSystem.builder()
            .F(random.F(0))
            .H(random.H(0))
            .cholQ(random.cholQ(0))
            .cholR(random.cholR(0))
            .m0(random.m0())
            .cholP0(random.cholP0())
            .build();
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 100);
    FilterResult ours = SquareRootFilter.forSystem(s).filter(s, Y);

    KalmanFilter theirs =
        new KalmanFilter(
            new DefaultProcessModel(
                toReal(s.F(0)),
                new Array2DRowRealMatrix(3, 1),
                toReal(Matrices.gram(s.cholQ(0))),
                new ArrayRealVector(s.m0().data),
                toReal(Matrices.gram(s.cholP0()))),
            new DefaultMeasurementModel(toReal(s.H(0)), toReal(Matrices.gram(s.cholR(0)))));
    for (int t = 0; t < Y.numRows; t++) {
      theirs.correct(new double[] {Y.get(t, 0), Y.get(t, 1)});
      double[] mean = theirs.getStateEstimation();
      double[][] cov = theirs.getErrorCovariance();
      double[] ourMean = ours.filteredMean(t);
      DMatrixRMaj ourCov = ours.filteredCovariance(t);
      for (int i = 0; i < 3; i++) {
        assertEquals(mean[i], ourMean[i], AGREEMENT_TOLERANCE * Math.max(1, Math.abs(mean[i])));
        for (int j = 0; j < 3; j++) {
          assertEquals(cov[i][j], ourCov.get(i, j), AGREEMENT_TOLERANCE, "P⁺ at step " + t);
        }
      }
      theirs.predict();
    }
  }

  private static RealMatrix toReal(DMatrixRMaj A) {
    double[][] a = new double[A.numRows][A.numCols];
    for (int i = 0; i < A.numRows; i++) {
      for (int j = 0; j < A.numCols; j++) {
        a[i][j] = A.get(i, j);
      }
    }
    return new Array2DRowRealMatrix(a, false);
  }
}
