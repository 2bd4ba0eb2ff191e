package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * cholQ̄ and cholR̄ formed once from the sums of the steps' left factors ({@link
 * NoiseFactorAdjointSum}, taken for an accumulator that sums over time) against the same adjoints
 * formed step by step (an accumulator that does not), on time-invariant systems with missing
 * entries: steps taken as the predictor's array and as two blocks, steps with every, some and no
 * entry observed, thin and square noise factors.
 */
class NoiseFactorAdjointSumTest {

  private static final int T = 400;

  /** The share of observed entries set missing: enough for steps with one, some and none. */
  private static final double MISSING = 0.3;

  /**
   * The two add the same terms grouped differently (a sum of 400 left factors times cholQ, against
   * 400 products summed): rounding, measured 3.3e-14 of the largest entry (cholR̄ at nx = 1, whose
   * sum cancels), within 1e-13 everywhere. 1e-10 of it leaves a wide margin; each of five mutations
   * tried (a row of the state noise's sum dropped, the observation noise's sum left out or its
   * entries put at the wrong index, K₂₂ read from the wrong block of an array step's K, G⁺ added
   * for G at a two-block predict) moved an entry by 15% or more.
   */
  private static final double TOLERANCE = 1e-10;

  @Test
  void summedNoiseAdjointsGiveTheStepByStepOnes() {
    int[][] shapes = {
      // nx, ny, q, r
      {1, 1, 1, 1}, {3, 2, 3, 2}, {4, 3, 2, 1}, {6, 4, 6, 4}, {8, 5, 3, 5},
    };
    boolean sawArray = false;
    boolean sawBlocks = false;
    for (int c = 0; c < shapes.length; c++) {
      int nx = shapes[c][0];
      int ny = shapes[c][1];
      int q = shapes[c][2];
      int r = shapes[c][3];
      Random rng = new Random(40 + c);
      StateSpaceSystem s = RandomSystems.system(rng, nx, ny, q, q, r, r, nx, nx);
      DMatrixRMaj Y = RandomSystems.sample(new Random(80 + c), s, T);
      for (int i = 0; i < Y.data.length; i++) {
        if (rng.nextDouble() < MISSING) {
          Y.data[i] = Double.NaN;
        }
      }
      SquareRootFilter f = SquareRootFilter.forSystem(s);
      SystemGradient summed = new SystemGradient(Dimensions.of(s));
      f.logLikelihoodGradient(s, Y, TriaRule.MASKED, summed);
      for (int t = 0; t < T; t++) {
        sawArray |= f.tape.arrayStep(t);
        sawBlocks |= !f.tape.arrayStep(t) && f.tape.observedCount(t) > 0;
      }
      StepByStepGradient oneByOne = new StepByStepGradient(new SystemGradient(Dimensions.of(s)));
      f.logLikelihoodGradient(s, Y, TriaRule.MASKED, oneByOne);
      String what = "nx " + nx + ", ny " + ny + ", q " + q + ", r " + r;
      assertClose(oneByOne.sum.cholQBar, summed.cholQBar, "cholQ̄, " + what);
      assertClose(oneByOne.sum.cholRBar, summed.cholRBar, "cholR̄, " + what);
      double[] e = SystemVector.flatten(oneByOne.sum);
      double[] a = SystemVector.flatten(summed);
      assertArrayEquals(e, a, TOLERANCE * maxAbs(e), "every adjoint, " + what);
    }
    assertTrue(sawArray && sawBlocks, "steps of both kinds");
  }

  private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
    assertTrue(maxAbs(expected.data) > 0, what + " is not zero");
    assertArrayEquals(expected.data, actual.data, TOLERANCE * maxAbs(expected.data), what);
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
