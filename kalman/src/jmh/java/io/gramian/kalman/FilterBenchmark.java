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
 * The square-root filter over T steps: the log-likelihood alone (the baseline), the log-likelihood
 * with its full gradient (forward sweep with tape + reverse sweep), and the online step. A random
 * stable system with nx states, ny = max(1, nx / 2) observations, full-rank cholQ (q = nx), cholR
 * (r = ny) and cholP0.
 *
 * <p>With {@code -prof gc}, {@code gc.alloc.rate.norm} divided by T is the allocation per time
 * step; the workspaces are built in setup and the tape has grown to T, so it is zero.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FilterBenchmark {

  private static final long SEED = 20261128L;

  /** Time steps per call. */
  public static final int T = 200;

  @Param({"1", "2", "5", "10", "20", "50"})
  public int nx;

  private StateSpaceSystem system;
  private DMatrixRMaj Y;
  private SquareRootFilter filter;
  private SystemGradient gradient;
  private OnlineKalmanFilter online;
  private DMatrixRMaj y;

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
    filter = SquareRootFilter.forSystem(system);
    gradient = new SystemGradient(Dimensions.of(system));
    filter.logLikelihoodGradient(system, Y, TriaRule.MASKED, gradient); // grow the tape
    online = new OnlineKalmanFilter(Dimensions.of(system), system.m0(), system.cholP0());
    y = new DMatrixRMaj(ny, 1);
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

  @Benchmark
  public double onlineSteps() {
    online.reset(system.m0(), system.cholP0());
    for (int t = 0; t < T; t++) {
      System.arraycopy(Y.data, t * y.numRows, y.data, 0, y.numRows);
      online.update(y, system.H(t), system.d(t), system.cholR(t));
      online.predict(system.F(t), system.c(t), system.cholQ(t));
    }
    return online.logLikelihood();
  }

  private static DMatrixRMaj gaussian(Random rng, int rows, int cols, double scale) {
    DMatrixRMaj A = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < A.getNumElements(); i++) {
      A.data[i] = scale * rng.nextGaussian();
    }
    return A;
  }
}
