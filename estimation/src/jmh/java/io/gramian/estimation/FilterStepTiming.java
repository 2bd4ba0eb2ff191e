package io.gramian.estimation;

import io.gramian.autodiff.TriaRule;
import io.gramian.kalman.Dimensions;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.SystemGradient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * The time per step of one side-by-side filter case, ℓ alone or ℓ with its gradient, for comparing
 * two builds of the kernels on the same input: run it on each build's class path in turn, several
 * rounds, and compare the medians. The case folder is one that {@code side_by_side.py --inputs DIR}
 * writes (F, c, H, d, cholQ, cholR, m0, cholP0, Y as CSV).
 *
 * <p>Arguments: the case folder, {@code ll} or {@code grad}, and seconds to run (default 10): the
 * first fifth warms up, then the median of four timed fifths is printed, in µs per step.
 */
public final class FilterStepTiming {

  private FilterStepTiming() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    boolean gradient = args[1].equals("grad");
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
    StateSpaceSystem system = SideBySide.system(dir);
    DMatrixRMaj Y = SideBySide.read(dir, "Y");
    SquareRootFilter filter = SquareRootFilter.forSystem(system);
    SystemGradient g = new SystemGradient(Dimensions.of(system));
    double[] perStep = new double[5];
    double sink = 0;
    for (int round = 0; round < perStep.length; round++) {
      long t0 = System.nanoTime();
      int runs = 0;
      while (System.nanoTime() - t0 < seconds * 1e9 / perStep.length) {
        if (gradient) {
          g.zero();
          sink += filter.logLikelihoodGradient(system, Y, TriaRule.MASKED, g);
        } else {
          sink += filter.logLikelihood(system, Y);
        }
        runs++;
      }
      perStep[round] = (System.nanoTime() - t0) * 1e-3 / runs / Y.numRows;
    }
    double[] timed = Arrays.copyOfRange(perStep, 1, perStep.length);
    Arrays.sort(timed);
    System.out.printf(
        Locale.ROOT,
        "%s %s %.3f µs per step (median of %d)%s%n",
        dir.getFileName(),
        gradient ? "ℓ+∇" : "ℓ",
        0.5 * (timed[1] + timed[2]),
        timed.length,
        sink == 42 ? " " : "");
  }
}
