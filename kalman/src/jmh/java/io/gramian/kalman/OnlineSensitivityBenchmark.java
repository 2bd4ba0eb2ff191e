package io.gramian.kalman;

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
 * The online step over T steps, without sensitivities ({@link OnlineKalmanFilter}) and with n of
 * them ({@link OnlineSensitivityFilter}), on the systems of {@link FilterBenchmark} (nx states, ny
 * = max(1, nx / 2), full-rank factors) and n random directions. The ratio of the two is what
 * carrying the tangents costs; with {@code -prof gc} both allocate nothing per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OnlineSensitivityBenchmark {

  private static final long SEED = 20261205L;

  /** Time steps per call. */
  public static final int T = 200;

  @Param({"2", "4", "10"})
  public int nx;

  @Param({"1", "2", "4"})
  public int directions;

  private StateSpaceSystem system;
  private StateSpaceSystem[] tangents;
  private DMatrixRMaj Y;
  private OnlineKalmanFilter plain;
  private OnlineSensitivityFilter withSensitivities;
  private DMatrixRMaj y;

  @Setup(Level.Trial)
  public void setUp() {
    Random rng = new Random(SEED + nx);
    system = randomSystem(rng, nx);
    tangents = new StateSpaceSystem[directions];
    for (int j = 0; j < directions; j++) {
      tangents[j] = randomSystem(rng, nx);
    }
    int ny = system.ny();
    Y = new DMatrixRMaj(T, ny);
    for (int i = 0; i < Y.getNumElements(); i++) {
      Y.data[i] = rng.nextGaussian();
    }
    plain = new OnlineKalmanFilter(Dimensions.of(system), system.m0(), system.cholP0());
    withSensitivities = new OnlineSensitivityFilter(Dimensions.of(system), directions);
    y = new DMatrixRMaj(ny, 1);
  }

  @Benchmark
  public double onlineSteps() {
    plain.reset(system.m0(), system.cholP0());
    for (int t = 0; t < T; t++) {
      System.arraycopy(Y.data, t * y.numRows, y.data, 0, y.numRows);
      plain.update(y, system.H(t), system.d(t), system.cholR(t));
      plain.predict(system.F(t), system.c(t), system.cholQ(t));
    }
    return plain.logLikelihood();
  }

  @Benchmark
  public double onlineStepsWithSensitivities() {
    withSensitivities.reset(system, tangents);
    for (int t = 0; t < T; t++) {
      System.arraycopy(Y.data, t * y.numRows, y.data, 0, y.numRows);
      withSensitivities.update(y, system, tangents);
      withSensitivities.predict(system, tangents);
    }
    return withSensitivities.gradient()[0];
  }

  private static StateSpaceSystem randomSystem(Random rng, int nx) {
    int ny = Math.max(1, nx / 2);
    DMatrixRMaj F = gaussian(rng, nx, nx, 1);
    CommonOps_DDRM.scale(0.9 / NormOps_DDRM.normF(F), F);
    return StateSpaceSystem.builder()
        .F(F)
        .c(gaussian(rng, nx, 1, 0.1))
        .H(gaussian(rng, ny, nx, 1))
        .d(gaussian(rng, ny, 1, 0.1))
        .cholQ(gaussian(rng, nx, nx, 0.5))
        .cholR(gaussian(rng, ny, ny, 0.5))
        .m0(gaussian(rng, nx, 1, 1))
        .cholP0(gaussian(rng, nx, nx, 1))
        .build();
  }

  private static DMatrixRMaj gaussian(Random rng, int rows, int cols, double scale) {
    DMatrixRMaj A = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < A.getNumElements(); i++) {
      A.data[i] = scale * rng.nextGaussian();
    }
    return A;
  }
}
