package io.gramian.kalman;

import static io.gramian.autodiff.testing.Matrices.relativeError;

import io.gramian.kalman.testing.CovarianceSmoother;
import org.ejml.data.DMatrixRMaj;

/** The smoother tests' measure of agreement with the covariance-form oracle. */
final class SmootherFixtures {

  private SmootherFixtures() {}

  /**
   * The largest relative errors of the smoothed means and covariances against the oracle ({@link
   * CovarianceSmoother}) over all steps: {@code {mean, covariance}}.
   */
  static double[] smootherErrors(StateSpace s, DMatrixRMaj Y) {
    FilterResult filtered = SquareRootFilter.forSystem(s).filter(s, Y);
    SmootherResult smoothed = RtsSmoother.forSystem(s).smooth(s, filtered);
    CovarianceSmoother oracle = CovarianceSmoother.of(s, Y);
    double meanErr = 0;
    double covErr = 0;
    for (int t = 0; t < Y.numRows; t++) {
      meanErr = Math.max(meanErr, relativeError(smoothed.smoothedMean(t), oracle.mSmooth[t]));
      covErr = Math.max(covErr, relativeError(smoothed.smoothedCovariance(t), oracle.PSmooth[t]));
    }
    return new double[] {meanErr, covErr};
  }
}
