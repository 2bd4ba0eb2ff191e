package io.gramian.kalman;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * The simulation smoother of Durbin and Koopman ("A simple and efficient simulation smoother for
 * state space time series analysis", <i>Biometrika</i> 89, 2002): draws of the states {@code x_0 …
 * x_{T−1}} from their joint distribution given the data {@code y_0 … y_{T−1}} (T × nx per draw),
 *
 * <pre>
 *   x̃ = x̂(y) + x⁺ − x̂(y⁺),    (x⁺, y⁺) ~ the model ({@link Simulator}),  y⁺ missing where y is
 * </pre>
 *
 * with {@code x̂(·)} the smoothed mean, computed by the square-root {@link SquareRootFilter} and
 * {@link RtsSmoother}. Why: {@code x⁺ − x̂(y⁺)} is a smoothing error, which for a linear Gaussian
 * model is {@code N(0, Var(x | y))} whatever y is, and independent of {@code y⁺}; adding it to the
 * smoothed mean of the data gives a draw of x given y, with the smoother's cross-time covariances
 * as well as its marginal ones.
 *
 * <p><b>Exact diffuse starts.</b> {@code y⁺} is drawn with the diffuse directions at {@code δ = 0}
 * ({@code x⁺_0 = m0 + cholP0 η}); the smoothing is done with the diffuse system. The exact diffuse
 * smoothed mean is equivariant: moving {@code δ} moves {@code y⁺} and {@code x̂(y⁺)} by the same
 * state response as {@code x⁺}, so the smoothing error, hence the draw, does not depend on the
 * value chosen. <b>Missing values</b> are missing in {@code y⁺} at the same places, so both
 * smoothings condition on the same observations.
 *
 * <p>Cost per draw: one simulation, one filter and one smoother run over T steps. The normals come
 * from the caller's {@link Random} in {@link Simulator}'s order, one path per draw, so one seed
 * gives the same draws on every conforming JVM. An instance is a workspace for one set of {@link
 * Dimensions}; not thread-safe, use one per thread.
 */
public final class SimulationSmoother {

  private final Dimensions dims;
  private final SquareRootFilter filter;
  private final RtsSmoother smoother;

  /** A simulation smoother workspace for systems of the given dimensions. */
  public SimulationSmoother(Dimensions dims) {
    this.dims = dims;
    // the smoother reads every step's diffuse moments: a filter that stays augmented keeps them
    filter = new SquareRootFilter(dims).diffuseConversion(false);
    smoother = new RtsSmoother(dims);
  }

  /** A simulation smoother workspace sized for this system. */
  public static SimulationSmoother forSystem(StateSpace system) {
    return new SimulationSmoother(Dimensions.of(system));
  }

  /**
   * {@code count} independent draws of the states given {@code Y}: the data are filtered and
   * smoothed once, then each draw costs one simulated path and one smoothing of it.
   *
   * @param Y the data, T × ny, NaN where missing. Not modified.
   * @param count number of draws, ≥ 0
   * @param random the source of the normals. Modified (advanced).
   * @return the draws, each T × nx (row t is x̃_t)
   * @throws IllegalArgumentException if the dimensions differ or the count is negative
   */
  public DMatrixRMaj[] draw(StateSpace system, DMatrixRMaj Y, int count, Random random) {
    if (count < 0) {
      throw new IllegalArgumentException("the number of draws must be ≥ 0, got " + count);
    }
    SmootherResult smoothed = smoother.smooth(system, filter.filter(system, Y));
    DMatrixRMaj[] draws = new DMatrixRMaj[count];
    for (int i = 0; i < count; i++) {
      draws[i] = draw(system, Y, smoothed, random);
    }
    return draws;
  }

  /**
   * One draw of the states given {@code Y}, whose smoothed moments the caller has.
   *
   * @param Y the data, T × ny, NaN where missing. Not modified.
   * @param smoothed the smoother's result for {@code system} and {@code Y}. Not modified.
   * @param random the source of the normals. Modified (advanced).
   * @return x̃, T × nx (row t is x̃_t)
   * @throws IllegalArgumentException if the dimensions or the number of steps differ
   */
  public DMatrixRMaj draw(
      StateSpace system, DMatrixRMaj Y, SmootherResult smoothed, Random random) {
    Dimensions d = Dimensions.of(system);
    if (!d.equals(dims)) {
      throw new IllegalArgumentException(
          "this simulation smoother was built for " + dims + " but the system has " + d);
    }
    final int T = Y.numRows;
    if (smoothed.steps() != T || smoothed.nx() != dims.nx()) {
      throw new IllegalArgumentException(
          "the smoother result has "
              + smoothed.steps()
              + " steps of "
              + smoothed.nx()
              + " states, the data "
              + T
              + " steps and the system "
              + dims.nx()
              + " states");
    }
    final int nx = dims.nx();
    final int ny = dims.ny();
    SimulatedPath path = Simulator.simulate(new DiffuseAtZero(system), T, random);
    DMatrixRMaj yPlus = path.observations();
    for (int t = 0; t < T; t++) {
      for (int j = 0; j < ny; j++) {
        if (Double.isNaN(Y.unsafe_get(t, j))) {
          yPlus.unsafe_set(t, j, Double.NaN);
        }
      }
    }
    SmootherResult smoothedPlus = smoother.smooth(system, filter.filter(system, yPlus));
    DMatrixRMaj x = path.states();
    for (int t = 0; t < T; t++) {
      double[] mean = smoothed.smoothedMean(t);
      double[] meanPlus = smoothedPlus.smoothedMean(t);
      for (int i = 0; i < nx; i++) {
        x.unsafe_set(t, i, mean[i] + x.unsafe_get(t, i) - meanPlus[i]);
      }
    }
    return x;
  }

  /** The system with its exactly diffuse directions at δ = 0: x_0 = m0 + cholP0 η. */
  private static final class DiffuseAtZero extends ForwardingStateSpace {
    private final StateSpace system;

    DiffuseAtZero(StateSpace system) {
      this.system = system;
    }

    @Override
    protected StateSpace delegate() {
      return system;
    }

    @Override
    public int diffuseRank() {
      return 0;
    }

    @Override
    public DMatrixRMaj cholPinf() {
      return new DMatrixRMaj(system.nx(), 0);
    }
  }
}
