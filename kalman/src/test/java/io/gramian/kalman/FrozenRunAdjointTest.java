package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.kalman.testing.RandomSystems;
import java.util.EnumSet;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The frozen steps' runs walked back at once ({@link FrozenRunAdjoint}) against the same steps
 * walked back one by one ({@link SteadyState#updateAdjoint}, {@link SteadyState#predictAdjoint}),
 * which the sweep takes for an accumulator that does not sum over time.
 */
class FrozenRunAdjointTest {

  private static final int T = 600;

  /**
   * The two walks add the same terms grouped differently (the run's sums of up to 600 products, the
   * recursion through Φᵀ = (I − G Cᵀ) Fᵀ instead of Fᵀ, Cᵀ, A⁻ᵀ and Hᵀ in turn): rounding, measured
   * 4e-14 on an entry of 20 with a largest entry of about 70 (6e-16 of it). 1e-10 of the largest
   * entry leaves a wide margin; each of seven mutations tried (a term of Ā_Σ, C̄_Σ, d̄, H̄, c̄ or
   * F̄ dropped, G z left out of the recursion) moved an entry by 5e-2 or more.
   */
  private static final double TOLERANCE = 1e-10;

  /**
   * Every adjoint (F̄, c̄, H̄, d̄, cholQ̄, cholR̄, m̄₀, cholP̄₀) of a system whose steady state is
   * left at missing entries and entered again: runs longer and shorter than {@link
   * FrozenRunAdjoint#minSteps}, one of them ending at the last step.
   */
  @Test
  void runsWalkedBackAtOnceGiveTheStepByStepAdjoints() {
    for (long seed = 1; seed <= 3; seed++) {
      int nx = 2 + (int) seed;
      int ny = 1 + (int) seed % 3;
      StateSpaceSystem s = RandomSystems.system(new Random(seed), nx, ny, nx, nx, ny, ny, nx, nx);
      DMatrixRMaj Y = RandomSystems.sample(new Random(seed + 100), s, T);
      // a long run to a missing entry at 200, a run of three steps (cut by a second missing entry
      // three steps after the steady state is entered again), then a long run to the end
      Y.set(200, 0, Double.NaN);
      SquareRootFilter f = SquareRootFilter.forSystem(s);
      f.filter(s, Y);
      int again = 201;
      while (f.tape.frozenFrom(again) < 0) {
        again++;
      }
      Y.set(again + 3, 0, Double.NaN);
      SystemGradient atOnce = new SystemGradient(Dimensions.of(s));
      f.logLikelihoodGradient(s, Y, TriaRule.MASKED, atOnce);
      int[] runs = runLengths(f);
      int min = FrozenRunAdjoint.minSteps(nx);
      assertTrue(runs[0] >= 2 && runs[1] >= 1, "seed " + seed + ": long and short runs");
      assertTrue(f.tape.frozenFrom(T - 1) >= 0, "seed " + seed + ": the last step is frozen");
      StepByStepGradient oneByOne = new StepByStepGradient(new SystemGradient(Dimensions.of(s)));
      f.logLikelihoodGradient(s, Y, TriaRule.MASKED, oneByOne);
      assertClose(atOnce, oneByOne.sum, "seed " + seed + " (runs from " + min + " steps)");
    }
  }

  /** F̄ formed at listed entries only: those entries as the whole F̄ has them, the rest zero. */
  @Test
  void listedEntriesOfFBarAsTheWholeFBar() {
    StateSpaceSystem s = RandomSystems.system(new Random(7), 4, 2, 4, 4, 2, 2, 4, 4);
    DMatrixRMaj Y = RandomSystems.sample(new Random(8), s, T);
    Y.set(300, 1, Double.NaN);
    int[] entries = {0, 5, 7, 13};
    SquareRootFilter f = SquareRootFilter.forSystem(s);
    SystemGradient whole = new SystemGradient(Dimensions.of(s));
    f.logLikelihoodGradient(s, Y, TriaRule.MASKED, whole);
    SystemGradient listed =
        new SystemGradient(Dimensions.of(s), EnumSet.allOf(SystemMatrix.class), entries);
    f.logLikelihoodGradient(s, Y, TriaRule.MASKED, listed);
    assertTrue(runLengths(f)[0] >= 2, "frozen runs long enough to be walked back at once");
    double scale = maxAbs(whole.FBar.data);
    for (int e = 0; e < 16; e++) {
      boolean isListed = java.util.Arrays.binarySearch(entries, e) >= 0;
      assertEquals(isListed ? whole.FBar.data[e] : 0.0, listed.FBar.data[e], TOLERANCE * scale);
    }
    assertArrayEquals(whole.HBar.data, listed.HBar.data, 0.0, "H̄ does not depend on F̄'s entries");
  }

  /**
   * The numbers of frozen runs at least {@link FrozenRunAdjoint#minSteps} long and shorter than
   * that.
   */
  private static int[] runLengths(SquareRootFilter f) {
    int min = FrozenRunAdjoint.minSteps(f.tape.dims.nx());
    int[] counts = new int[2];
    int t = 0;
    while (t < f.tape.steps()) {
      int from = f.tape.frozenFrom(t);
      if (from < 0) {
        t++;
        continue;
      }
      int length = 0;
      while (t < f.tape.steps() && f.tape.frozenFrom(t) == from) {
        length++;
        t++;
      }
      counts[length >= min ? 0 : 1]++;
    }
    return counts;
  }

  private static void assertClose(SystemGradient expected, SystemGradient actual, String what) {
    double[] e = SystemVector.flatten(expected);
    double[] a = SystemVector.flatten(actual);
    assertArrayEquals(e, a, TOLERANCE * maxAbs(e), what);
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
