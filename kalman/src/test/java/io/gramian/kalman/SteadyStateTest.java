package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.testing.Matrices;
import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The steady state ({@link SteadyState}): its gradient is the exact gradient of the ℓ it computes
 * (central differences of the frozen ℓ), its ℓ and gradient differ from the unfrozen ones by a
 * first-order multiple of the tolerance, and it is entered and left where docs/filter.md says.
 */
class SteadyStateTest {

  private static final int T = 2000;

  /**
   * The freeze's tolerance for the difference tests: so loose that the frozen gradient differs from
   * the unfrozen one by about 8e-4 of its norm, far above the finite differences' error.
   */
  private static final double LOOSE = 1e-4;

  /**
   * Central differences at relative step 1e-6: truncation O(h² ℓ‴) ≈ 1e-9 and rounding O(ε |ℓ| / h)
   * ≈ 1e-6 absolute against a gradient of norm ≈ 1e2, so ≈ 1e-8 of the norm; 1e-6 leaves a margin
   * and is far below the 8e-4 that tells the frozen gradient from the unfrozen one.
   */
  private static final double FD_RELATIVE_TOLERANCE = 1e-6;

  private static final double FD_STEP = 1e-6;

  /**
   * κ in |ℓ_frozen − ℓ| ≤ κ · tol · N_frozen and in ‖∇ℓ_frozen − ∇ℓ‖ ≤ κ · tol · ‖∇ℓ‖
   * (docs/filter.md): first order in tol, with a constant set by the Riccati recursion's
   * contraction and the innovations' scale. These systems measure up to about 75; 100 is the bound
   * the tests hold.
   */
  private static final double KAPPA = 100;

  /** Below this, both differences are rounding: the frozen and unfrozen sums agree to it. */
  private static final double ROUNDING_FLOOR = 1e-11;

  private static StateSpaceSystem system(long seed) {
    return RandomSystems.system(new Random(seed), 3, 2, 3, 3, 2, 2, 3, 3);
  }

  private static DMatrixRMaj data(long seed, StateSpaceSystem s) {
    Random rng = new Random(seed + 1000);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, T);
    RandomSystems.dropValues(rng, Y, 0.01, 0.01);
    return Y;
  }

  private static int frozenSteps(SquareRootFilter f) {
    int n = 0;
    for (int t = 0; t < f.tape.steps(); t++) {
      if (f.tape.frozenFrom(t) >= 0) {
        n++;
      }
    }
    return n;
  }

  private static int[] freezePattern(SquareRootFilter f) {
    int[] pattern = new int[f.tape.steps()];
    for (int t = 0; t < pattern.length; t++) {
      pattern[t] = f.tape.frozenFrom(t);
    }
    return pattern;
  }

  /**
   * The freeze steps (those a freeze begins after) whose step before was taken as the predictor's
   * array; fails if a freeze step itself is on the tape as an array.
   */
  private static int freezesAfterAnArray(SquareRootFilter f) {
    int n = 0;
    for (int t = 1; t + 1 < f.tape.steps(); t++) {
      if (f.tape.frozenFrom(t + 1) == t && f.tape.frozenFrom(t) < 0) {
        assertFalse(f.tape.arrayStep(t), "freeze step " + t + " keeps its update's factor");
        if (f.tape.arrayStep(t - 1)) {
          n++;
        }
      }
    }
    return n;
  }

  private static double[] gradient(SquareRootFilter f, StateSpaceSystem s, DMatrixRMaj Y) {
    SystemGradient g = new SystemGradient(Dimensions.of(s));
    f.logLikelihoodGradient(s, Y, TriaRule.MASKED, g);
    return SystemVector.flatten(g);
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  private static double maxAbsDifference(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @Test
  void gradientIsTheExactGradientOfTheFrozenLogLikelihood() {
    StateSpaceSystem s = system(5);
    DMatrixRMaj Y = data(5, s);
    SquareRootFilter f = SquareRootFilter.forSystem(s).steadyStateTolerance(LOOSE);
    SystemGradient systemGradient = new SystemGradient(Dimensions.of(s));
    double taped = f.logLikelihoodGradient(s, Y, TriaRule.MASKED, systemGradient);
    double[] g = SystemVector.flatten(systemGradient);
    int[] pattern = freezePattern(f);
    assertTrue(frozenSteps(f) > T / 2, "the loose tolerance freezes most steps");
    // the gradient's sweep takes the predictor's array where ℓ alone does, the step a freeze
    // begins at run again as two blocks: the same arithmetic, so the same ℓ to the bit
    assertTrue(freezesAfterAnArray(f) > 0, "a freeze step follows an array step");
    assertEquals(f.logLikelihood(s, Y), taped, 0.0, "ℓ alone against the gradient's ℓ");
    double[] unfrozen = gradient(SquareRootFilter.forSystem(s).steadyStateTolerance(0), s, Y);
    double norm = maxAbs(g);
    assertTrue(
        maxAbsDifference(g, unfrozen) > 100 * FD_RELATIVE_TOLERANCE * norm,
        "at this tolerance the frozen and unfrozen gradients are told apart");
    double[] x = SystemVector.flatten(s);
    double[] fd = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double h = FD_STEP * Math.max(1, Math.abs(x[i]));
      double[] xp = x.clone();
      xp[i] += h;
      double[] xm = x.clone();
      xm[i] -= h;
      double lp = f.logLikelihood(SystemVector.withEntries(s, xp), Y);
      double lm = f.logLikelihood(SystemVector.withEntries(s, xm), Y);
      fd[i] = (lp - lm) / (2 * h);
    }
    f.filter(s, Y); // the differences stay on one branch: the freezes begin at the same steps
    assertArrayEquals(pattern, freezePattern(f));
    assertTrue(
        maxAbsDifference(g, fd) <= FD_RELATIVE_TOLERANCE * norm,
        maxAbsDifference(g, fd) / norm + " of the gradient's norm");
  }

  /**
   * An accumulator that does not sum over time gets each step's F̄ and H̄ complete before the sweep
   * asks for an earlier step's: one that pulls a shared scratch matrix back whenever the step
   * changes records, step by step, what an accumulator with a matrix of its own per step records;
   * and their sums are the grouped sums of a {@link SystemGradient}, to rounding.
   */
  @Test
  void accumulatorsThatDoNotSumOverTimeGetEachStepComplete() {
    StateSpaceSystem s = system(5);
    DMatrixRMaj Y = data(5, s);
    SquareRootFilter f = SquareRootFilter.forSystem(s).steadyStateTolerance(LOOSE);
    SystemGradient grouped = new SystemGradient(Dimensions.of(s));
    f.logLikelihoodGradient(s, Y, TriaRule.MASKED, grouped);
    assertTrue(frozenSteps(f) > T / 2, "the loose tolerance freezes most steps");
    PerStep ownMatrices = new PerStep(s, false);
    f.logLikelihoodGradient(s, Y, TriaRule.MASKED, ownMatrices);
    PerStep sharedScratch = new PerStep(s, true);
    f.logLikelihoodGradient(s, Y, TriaRule.MASKED, sharedScratch);
    sharedScratch.pullBack();
    DMatrixRMaj FSum = new DMatrixRMaj(s.nx(), s.nx());
    DMatrixRMaj HSum = new DMatrixRMaj(s.ny(), s.nx());
    for (int t = 0; t < T; t++) {
      assertArrayEquals(ownMatrices.F[t].data, sharedScratch.F[t].data, 0.0, "F̄ of step " + t);
      assertArrayEquals(ownMatrices.H[t].data, sharedScratch.H[t].data, 0.0, "H̄ of step " + t);
      org.ejml.dense.row.CommonOps_DDRM.addEquals(FSum, ownMatrices.F[t]);
      org.ejml.dense.row.CommonOps_DDRM.addEquals(HSum, ownMatrices.H[t]);
    }
    double scale = Math.max(maxAbs(grouped.FBar.data), maxAbs(grouped.HBar.data));
    assertArrayEquals(grouped.FBar.data, FSum.data, ROUNDING_FLOOR * scale, "F̄ summed");
    assertArrayEquals(grouped.HBar.data, HSum.data, ROUNDING_FLOOR * scale, "H̄ summed");
  }

  /**
   * Per-step F̄_t and H̄_t: in a matrix of their own per step, or in one scratch matrix each,
   * pulled back into step t's record when the sweep asks for another step's.
   */
  private static final class PerStep extends StepByStepGradient {
    final DMatrixRMaj[] F;
    final DMatrixRMaj[] H;
    private final PulledBack FBar;
    private final PulledBack HBar;

    PerStep(StateSpaceSystem s, boolean shared) {
      super(new SystemGradient(Dimensions.of(s)));
      FBar = new PulledBack(s.nx(), s.nx(), shared);
      HBar = new PulledBack(s.ny(), s.nx(), shared);
      F = FBar.records;
      H = HBar.records;
    }

    void pullBack() {
      FBar.pull();
      HBar.pull();
    }

    @Override
    public DMatrixRMaj FBar(int t) {
      return FBar.at(t);
    }

    @Override
    public DMatrixRMaj HBar(int t) {
      return HBar.at(t);
    }
  }

  /** One matrix's per-step records, written directly or through a scratch matrix pulled back. */
  private static final class PulledBack {
    final DMatrixRMaj[] records = new DMatrixRMaj[T];
    private final boolean shared;
    private final DMatrixRMaj scratch;
    private int step = -1;

    PulledBack(int rows, int cols, boolean shared) {
      this.shared = shared;
      for (int t = 0; t < T; t++) {
        records[t] = new DMatrixRMaj(rows, cols);
      }
      scratch = new DMatrixRMaj(rows, cols);
    }

    DMatrixRMaj at(int t) {
      if (!shared) {
        return records[t];
      }
      if (t != step) {
        pull();
      }
      step = t;
      return scratch;
    }

    void pull() {
      if (step >= 0) {
        org.ejml.dense.row.CommonOps_DDRM.addEquals(records[step], scratch);
        scratch.zero();
      }
    }
  }

  @Test
  void differenceFromTheUnfrozenFilterIsFirstOrderInTheTolerance() {
    for (long seed : new long[] {5, 6, 7}) {
      StateSpaceSystem s = system(seed);
      DMatrixRMaj Y = data(seed, s);
      SquareRootFilter f = SquareRootFilter.forSystem(s).steadyStateTolerance(SteadyState.OFF);
      double l0 = f.logLikelihood(s, Y);
      double[] g0 = gradient(f, s, Y);
      assertEquals(0, frozenSteps(f));
      double norm = maxAbs(g0);
      for (double tol :
          new double[] {1e-4, 1e-6, 1e-8, 1e-10, 1e-12, SteadyState.DEFAULT_TOLERANCE}) {
        f.steadyStateTolerance(tol);
        double l = f.logLikelihood(s, Y);
        double[] g = gradient(f, s, Y);
        int frozen = frozenSteps(f);
        assertTrue(frozen > T / 3, "seed " + seed + ", tol " + tol + ": " + frozen + " frozen");
        double dl = Math.abs(l - l0);
        double dg = maxAbsDifference(g, g0) / norm;
        String at = "seed " + seed + ", tol " + tol;
        assertTrue(dl <= KAPPA * tol * frozen + ROUNDING_FLOOR * Math.abs(l0), at + ": Δℓ " + dl);
        assertTrue(dg <= KAPPA * tol + ROUNDING_FLOOR, at + ": Δ∇ℓ " + dg);
      }
    }
  }

  /**
   * ℓ alone takes its steps as the one-step predictor's array ({@link PredictorArray}), the taped
   * sweep as an update and a predict: both freeze at the same steps, so at a tolerance coarse
   * enough for the freeze to move ℓ well beyond rounding, they still agree to rounding.
   */
  @Test
  void theUntapedSweepFreezesWhereTheTapedSweepDoes() {
    for (long seed : new long[] {5, 6, 7}) {
      StateSpaceSystem s = system(seed);
      DMatrixRMaj Y = data(seed, s);
      SquareRootFilter f = SquareRootFilter.forSystem(s).steadyStateTolerance(SteadyState.OFF);
      double unfrozen = f.logLikelihood(s, Y);
      for (double tol : new double[] {1e-4, 1e-6}) {
        f.steadyStateTolerance(tol);
        double untaped = f.logLikelihood(s, Y);
        double taped = f.filter(s, Y).logLikelihood();
        double rounding = ROUNDING_FLOOR * Math.abs(unfrozen);
        String at = "seed " + seed + ", tol " + tol;
        assertTrue(frozenSteps(f) > T / 3, at + ": the taped sweep froze");
        assertTrue(Math.abs(untaped - unfrozen) > 10 * rounding, at + ": the freeze moved ℓ");
        assertEquals(taped, untaped, rounding, at + ": untaped against taped ℓ");
      }
    }
  }

  @Test
  void aMissingEntryLeavesTheSteadyStateAndItIsEnteredAgain() {
    StateSpaceSystem s = system(8);
    DMatrixRMaj Y = RandomSystems.sample(new Random(9), s, T);
    Y.set(1000, 1, Double.NaN);
    SquareRootFilter f = SquareRootFilter.forSystem(s);
    f.filter(s, Y);
    assertEquals(-1, f.tape.frozenFrom(1000));
    int before = f.tape.frozenFrom(999);
    int after = f.tape.frozenFrom(T - 1);
    assertTrue(before >= 0 && before < 999, "frozen before the missing entry");
    assertTrue(after > 1000, "frozen again after it, from a new freeze step");
  }

  @Test
  void onlySystemsKnownToBeTimeInvariantWithoutDiffuseDirectionsFreeze() {
    StateSpaceSystem s = system(10);
    DMatrixRMaj Y = RandomSystems.sample(new Random(11), s, T);
    StateSpace timeVarying = RandomSystems.declaredTimeVarying(s);
    SquareRootFilter f = SquareRootFilter.forSystem(s);
    double frozenLogLik = f.logLikelihood(s, Y);
    f.filter(s, Y);
    assertTrue(frozenSteps(f) > T / 2);
    double unfrozenLogLik = f.logLikelihood(timeVarying, Y);
    f.filter(timeVarying, Y);
    assertEquals(0, frozenSteps(f));
    assertEquals(unfrozenLogLik, frozenLogLik, ROUNDING_FLOOR * Math.abs(unfrozenLogLik));
    StateSpaceSystem diffuse =
        s.withInitialState(s.m0(), s.cholP0(), Matrices.gaussian(new Random(12), 3, 1, 1));
    SquareRootFilter fd = SquareRootFilter.forSystem(diffuse);
    fd.filter(diffuse, Y);
    assertEquals(0, frozenSteps(fd));
  }

  @Test
  void aNegativeOrNonFiniteToleranceIsRefused() {
    SquareRootFilter f = SquareRootFilter.forSystem(system(1));
    assertThrows(IllegalArgumentException.class, () -> f.steadyStateTolerance(-1e-9));
    assertThrows(IllegalArgumentException.class, () -> f.steadyStateTolerance(Double.NaN));
    assertEquals(SteadyState.DEFAULT_TOLERANCE, f.steadyStateTolerance());
  }
}
