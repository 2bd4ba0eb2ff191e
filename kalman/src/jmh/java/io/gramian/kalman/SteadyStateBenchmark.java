package io.gramian.kalman;

import io.gramian.autodiff.TriaRule;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The {@link SteadyState} against every step in full, in one run: the log-likelihood and the
 * log-likelihood with its gradient over T = 20 000 steps of a random stable time-invariant system
 * (nx states, ny = max(1, nx / 2) observations, full-rank cholQ, cholR, cholP0), with no missing
 * value or with each entry of y missing with probability {@code missing}. {@code steadyState} false
 * sets the tolerance to {@link SteadyState#OFF}. Divide a score by T for the time per step; with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation per call (zero).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SteadyStateBenchmark {

  private static final long SEED = 20261204L;

  /** Time steps per call. */
  public static final int T = 20_000;

  @Param({"1", "5", "10", "20", "50"})
  public int nx;

  @Param({"0", "0.1"})
  public double missing;

  @Param({"true", "false"})
  public boolean steadyState;

  private StateSpaceSystem system;
  private DMatrixRMaj Y;
  private SquareRootFilter filter;
  private SystemGradient gradient;

  @Setup(Level.Trial)
  public void setUp() {
    Random rng = new Random(SEED + nx);
    int ny = Math.max(1, nx / 2);
    DMatrixRMaj F = gaussian(rng, nx, nx, 1);
    CommonOps_DDRM.scale(0.9 / NormOps_DDRM.normF(F), F);
    system =
        StateSpaceSystem.builder()
            .F(F)
            .c(gaussian(rng, nx, 1, 0.1))
            .H(gaussian(rng, ny, nx, 1))
            .d(gaussian(rng, ny, 1, 0.1))
            .cholQ(gaussian(rng, nx, nx, 0.5))
            .cholR(gaussian(rng, ny, ny, 0.5))
            .m0(gaussian(rng, nx, 1, 1))
            .cholP0(gaussian(rng, nx, nx, 1))
            .build();
    Y = gaussian(rng, T, ny, 1);
    for (int i = 0; i < Y.getNumElements(); i++) {
      if (rng.nextDouble() < missing) {
        Y.data[i] = Double.NaN;
      }
    }
    filter =
        SquareRootFilter.forSystem(system)
            .steadyStateTolerance(steadyState ? SteadyState.DEFAULT_TOLERANCE : SteadyState.OFF);
    gradient = new SystemGradient(Dimensions.of(system));
    filter.logLikelihoodGradient(system, Y, TriaRule.MASKED, gradient); // grow the tape
  }

  @Benchmark
  public double logLikelihood() {
    return filter.logLikelihood(system, Y);
  }

  @Benchmark
  public double logLikelihoodAndGradient() {
    gradient.zero();
    return filter.logLikelihoodGradient(system, Y, TriaRule.MASKED, gradient);
  }

  private static DMatrixRMaj gaussian(Random rng, int rows, int cols, double scale) {
    DMatrixRMaj A = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < A.getNumElements(); i++) {
      A.data[i] = scale * rng.nextGaussian();
    }
    return A;
  }
}
