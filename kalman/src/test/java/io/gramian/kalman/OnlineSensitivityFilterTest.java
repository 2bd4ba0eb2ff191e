package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The online sensitivities against two independent computations: central differences of the online
 * filter's ℓ_t and m_t (no derivative code at all), and the batch reverse sweep's gradient
 * (adjoints, not tangents). The systems move linearly along random directions, system(θ) = S₀ + Σ_j
 * θ_j D_j, so D_j is the exact direction of θ_j.
 */
class OnlineSensitivityFilterTest {

  /** Central-difference step: truncation error O(h²) ≈ 1e-10 against roundoff ε/h ≈ 2e-11. */
  private static final double H_STEP = 1e-5;

  /**
   * Per-step agreement with central differences, relative to the term's scale (|ℓ_t| + 1): the
   * differences' truncation and roundoff (above), amplified by up to ~100 through the filter.
   */
  private static final double FINITE_DIFFERENCE = 1e-7;

  /** Tangent sum against the reverse sweep's gradient: the same derivative, rounded differently. */
  private static final double REVERSE_AGREEMENT = 1e-10;

  /** A snapshot continues to the last bit. */
  private static final double EXACT = 0.0;

  private static final int DIRECTIONS = 3;

  @Test
  void scoresAndMeanTangentsMatchCentralDifferencesWithMissingValues() {
    Random rng = new Random(31);
    StateSpaceSystem base = RandomSystems.system(rng, 3, 2, 3, 3, 2, 2, 3, 3);
    StateSpaceSystem[] directions = randomDirections(rng, base, DIRECTIONS);
    DMatrixRMaj Y = RandomSystems.sample(rng, base, 80);
    RandomSystems.dropValues(rng, Y, 0.15, 0.1);
    checkAgainstDifferences(base, directions, Y);
  }

  /**
   * Rank-deficient inputs, where the masked rule is exact and the pseudoinverse rule is not: a
   * state noise of rank 1 in 3 states, an initial factor of rank 1, an observation without noise.
   */
  @Test
  void singularNoiseAndAnExactObservationKeepExactSensitivities() {
    Random rng = new Random(32);
    StateSpaceSystem base = RandomSystems.system(rng, 3, 2, 3, 1, 2, 2, 3, 1);
    base.cholR(0).data[2] = 0; // the second observation is exact
    base.cholR(0).data[3] = 0;
    StateSpaceSystem[] directions = randomDirections(rng, base, DIRECTIONS);
    DMatrixRMaj Y = RandomSystems.sample(rng, base, 60);
    checkAgainstDifferences(base, directions, Y);
  }

  @Test
  void summedScoresEqualTheReverseSweepsGradient() {
    Random rng = new Random(33);
    StateSpaceSystem base = RandomSystems.system(rng, 4, 2, 4, 2, 2, 2, 4, 4);
    StateSpaceSystem[] directions = randomDirections(rng, base, DIRECTIONS);
    DMatrixRMaj Y = RandomSystems.sample(rng, base, 200);
    RandomSystems.dropValues(rng, Y, 0.1, 0.05);
    SquareRootFilter batch = SquareRootFilter.forSystem(base);
    SystemGradient g = new SystemGradient(Dimensions.of(base));
    double ll = batch.logLikelihoodGradient(base, Y, TriaRule.MASKED, g);

    OnlineSensitivityFilter kf = new OnlineSensitivityFilter(Dimensions.of(base), DIRECTIONS);
    run(kf, base, directions, Y, Y.numRows);
    assertEquals(ll, kf.logLikelihood(), REVERSE_AGREEMENT * Math.abs(ll));
    for (int j = 0; j < DIRECTIONS; j++) {
      double expected = inner(g.matrices(), directions[j].matrices());
      assertEquals(
          expected,
          kf.gradient()[j],
          REVERSE_AGREEMENT * (Math.abs(expected) + 1),
          "direction " + (j + 1));
    }
  }

  @Test
  void aRestoredSnapshotContinuesToTheLastBit() {
    Random rng = new Random(34);
    StateSpaceSystem base = RandomSystems.system(rng, 3, 2, 3, 2, 2, 2, 2, 2);
    StateSpaceSystem[] directions = randomDirections(rng, base, DIRECTIONS);
    DMatrixRMaj Y = RandomSystems.sample(rng, base, 120);
    RandomSystems.dropValues(rng, Y, 0.1, 0.1);
    Dimensions dims = Dimensions.of(base);

    OnlineSensitivityFilter straight = new OnlineSensitivityFilter(dims, DIRECTIONS);
    run(straight, base, directions, Y, Y.numRows);

    for (int cut : new int[] {0, 1, 57}) { // before any step, after one, mid-series
      OnlineSensitivityFilter first = new OnlineSensitivityFilter(dims, DIRECTIONS);
      run(first, base, directions, Y, cut);
      byte[] bytes = first.snapshot().toBytes();
      OnlineSensitivityFilter second = new OnlineSensitivityFilter(dims, DIRECTIONS);
      second.restore(OnlineFilterState.fromBytes(bytes));
      continueRun(second, base, directions, Y, cut);
      assertEquals(straight.logLikelihood(), second.logLikelihood(), EXACT, "cut " + cut);
      assertArrayEquals(straight.gradient(), second.gradient(), EXACT);
      assertArrayEquals(straight.mean().data, second.mean().data, EXACT);
      assertArrayEquals(straight.meanTangent(1).data, second.meanTangent(1).data, EXACT);
      assertEquals(straight.snapshot(), second.snapshot());
    }
  }

  @Test
  void thePlainOnlineFilterRestoresToTheLastBitToo() {
    Random rng = new Random(35);
    StateSpaceSystem s = RandomSystems.system(rng, 3, 2, 3, 3, 2, 2, 3, 3);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 90);
    OnlineKalmanFilter straight = new OnlineKalmanFilter(Dimensions.of(s), s.m0(), s.cholP0());
    OnlineKalmanFilter first = new OnlineKalmanFilter(Dimensions.of(s), s.m0(), s.cholP0());
    OnlineKalmanFilter second = new OnlineKalmanFilter(Dimensions.of(s), s.m0(), s.cholP0());
    DMatrixRMaj y = new DMatrixRMaj(2, 1);
    for (int t = 0; t < Y.numRows; t++) {
      if (t == 40) {
        second.restore(OnlineFilterState.fromBytes(first.snapshot().toBytes()));
      }
      y.data[0] = Y.get(t, 0);
      y.data[1] = Y.get(t, 1);
      straight.update(y, s.H(t), s.d(t), s.cholR(t));
      straight.predict(s.F(t), s.c(t), s.cholQ(t));
      OnlineKalmanFilter live = t < 40 ? first : second;
      live.update(y, s.H(t), s.d(t), s.cholR(t));
      live.predict(s.F(t), s.c(t), s.cholQ(t));
    }
    assertEquals(straight.logLikelihood(), second.logLikelihood(), EXACT);
    assertArrayEquals(straight.mean().data, second.mean().data, EXACT);
    assertArrayEquals(straight.cholP().data, second.cholP().data, EXACT);
    assertEquals(straight.step(), second.step());
  }

  @Test
  void snapshotsOfOtherSizesOrBrokenBytesAreRefused() {
    Random rng = new Random(36);
    StateSpaceSystem s = RandomSystems.system(rng, 3, 2, 3, 3, 2, 2, 3, 3);
    StateSpaceSystem[] directions = randomDirections(rng, s, 2);
    OnlineSensitivityFilter two = new OnlineSensitivityFilter(Dimensions.of(s), 2);
    two.reset(s, directions);
    OnlineFilterState state = two.snapshot();
    OnlineSensitivityFilter three = new OnlineSensitivityFilter(Dimensions.of(s), 3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> three.restore(state));
    assertTrue(e.getMessage().contains("2 directions"), e.getMessage());
    OnlineKalmanFilter plain = new OnlineKalmanFilter(Dimensions.of(s), s.m0(), s.cholP0());
    assertThrows(IllegalArgumentException.class, () -> plain.restore(state));

    byte[] bytes = state.toBytes();
    byte[] shorter = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    assertThrows(IllegalArgumentException.class, () -> OnlineFilterState.fromBytes(shorter));
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 8);
    assertThrows(IllegalArgumentException.class, () -> OnlineFilterState.fromBytes(longer));
    byte[] foreign = bytes.clone();
    foreign[0] ^= 1;
    e = assertThrows(IllegalArgumentException.class, () -> OnlineFilterState.fromBytes(foreign));
    assertTrue(e.getMessage().contains("format tag"), e.getMessage());
  }

  @Test
  void wrongDirectionsAreReported() {
    Random rng = new Random(37);
    StateSpaceSystem s = RandomSystems.system(rng, 3, 2, 3, 3, 2, 2, 3, 3);
    StateSpaceSystem other = RandomSystems.system(rng, 3, 2, 2, 2, 2, 2, 3, 3);
    OnlineSensitivityFilter kf = new OnlineSensitivityFilter(Dimensions.of(s), 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> kf.reset(s, new StateSpace[] {s, s}));
    assertTrue(e.getMessage().contains("2 directions given, expected 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> kf.reset(s, new StateSpace[] {other}));
    assertTrue(e.getMessage().startsWith("direction 1 has"), e.getMessage());
  }

  // ---------------------------------------------------------------- helpers

  private static void checkAgainstDifferences(
      StateSpaceSystem base, StateSpaceSystem[] directions, DMatrixRMaj Y) {
    int T = Y.numRows;
    int nx = base.nx();
    OnlineSensitivityFilter kf = new OnlineSensitivityFilter(Dimensions.of(base), DIRECTIONS);
    kf.reset(base, directions);
    double[][] scores = new double[T][DIRECTIONS];
    double[][][] meanTangents = new double[T][DIRECTIONS][];
    DMatrixRMaj y = new DMatrixRMaj(base.ny(), 1);
    for (int t = 0; t < T; t++) {
      System.arraycopy(Y.data, t * base.ny(), y.data, 0, base.ny());
      kf.update(y, base, directions);
      for (int j = 0; j < DIRECTIONS; j++) {
        scores[t][j] = kf.score()[j];
        meanTangents[t][j] = kf.meanTangent(j).data.clone();
      }
      kf.predict(base, directions);
    }
    for (int j = 0; j < DIRECTIONS; j++) {
      double[][] plus = new double[T][];
      double[][] minus = new double[T][];
      double[][] mPlus = new double[T][];
      double[][] mMinus = new double[T][];
      plainRun(moved(base, directions[j], H_STEP), Y, plus, mPlus);
      plainRun(moved(base, directions[j], -H_STEP), Y, minus, mMinus);
      for (int t = 0; t < T; t++) {
        double fd = (plus[t][0] - minus[t][0]) / (2 * H_STEP);
        assertEquals(
            fd,
            scores[t][j],
            FINITE_DIFFERENCE * (Math.abs(plus[t][0]) + 1),
            "dℓ_t/dθ_" + (j + 1) + " at t = " + t);
        for (int i = 0; i < nx; i++) {
          double fdm = (mPlus[t][i] - mMinus[t][i]) / (2 * H_STEP);
          assertEquals(
              fdm,
              meanTangents[t][j][i],
              FINITE_DIFFERENCE * (Math.abs(mPlus[t][i]) + 1),
              "dm_t/dθ_" + (j + 1) + " entry " + i + " at t = " + t);
        }
      }
    }
  }

  /** The plain online filter's ℓ_t and filtered mean per step, no derivative code. */
  private static void plainRun(StateSpaceSystem s, DMatrixRMaj Y, double[][] ll, double[][] m) {
    OnlineKalmanFilter kf = new OnlineKalmanFilter(Dimensions.of(s), s.m0(), s.cholP0());
    DMatrixRMaj y = new DMatrixRMaj(s.ny(), 1);
    for (int t = 0; t < Y.numRows; t++) {
      System.arraycopy(Y.data, t * s.ny(), y.data, 0, s.ny());
      ll[t] = new double[] {kf.update(y, s.H(t), s.d(t), s.cholR(t))};
      m[t] = kf.mean().data.clone();
      kf.predict(s.F(t), s.c(t), s.cholQ(t));
    }
  }

  private static void run(
      OnlineSensitivityFilter kf,
      StateSpaceSystem s,
      StateSpaceSystem[] directions,
      DMatrixRMaj Y,
      int steps) {
    kf.reset(s, directions);
    continueRunTo(kf, s, directions, Y, 0, steps);
  }

  private static void continueRun(
      OnlineSensitivityFilter kf,
      StateSpaceSystem s,
      StateSpaceSystem[] directions,
      DMatrixRMaj Y,
      int from) {
    continueRunTo(kf, s, directions, Y, from, Y.numRows);
  }

  private static void continueRunTo(
      OnlineSensitivityFilter kf,
      StateSpaceSystem s,
      StateSpaceSystem[] directions,
      DMatrixRMaj Y,
      int from,
      int to) {
    DMatrixRMaj y = new DMatrixRMaj(s.ny(), 1);
    for (int t = from; t < to; t++) {
      System.arraycopy(Y.data, t * s.ny(), y.data, 0, s.ny());
      kf.update(y, s, directions);
      kf.predict(s, directions);
    }
  }

  /** Random directions D_j moving every matrix, with the system's shapes. */
  private static StateSpaceSystem[] randomDirections(Random rng, StateSpaceSystem s, int n) {
    StateSpaceSystem[] out = new StateSpaceSystem[n];
    for (int j = 0; j < n; j++) {
      out[j] =
          new StateSpaceSystem(
              s.matrices()
                  .map(
                      (m, v) -> {
                        DMatrixRMaj d = new DMatrixRMaj(v.numRows, v.numCols);
                        for (int i = 0; i < d.data.length; i++) {
                          d.data[i] = 0.1 * rng.nextGaussian();
                        }
                        return d;
                      }));
    }
    return out;
  }

  /** S₀ + h D. */
  private static StateSpaceSystem moved(StateSpaceSystem s, StateSpaceSystem d, double h) {
    SystemMatrices<DMatrixRMaj> dm = d.matrices();
    return new StateSpaceSystem(
        s.matrices()
            .map(
                (m, v) -> {
                  DMatrixRMaj out = v.copy();
                  CommonOps_DDRM.addEquals(out, h, dm.get(m));
                  return out;
                }));
  }

  /** Σ over matrices of ⟨Ā, D⟩. */
  private static double inner(SystemMatrices<DMatrixRMaj> bar, SystemMatrices<DMatrixRMaj> d) {
    double sum = 0;
    for (SystemMatrix m : SystemMatrix.values()) {
      DMatrixRMaj a = bar.get(m);
      DMatrixRMaj b = d.get(m);
      if (a == null || b == null || a.getNumElements() != b.getNumElements()) {
        continue;
      }
      for (int i = 0; i < a.getNumElements(); i++) {
        sum += a.data[i] * b.data[i];
      }
    }
    return sum;
  }
}
