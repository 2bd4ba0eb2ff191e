package io.gramian.kalman;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Simulated future paths: draws of {@code y_{t₀+1} … y_{t₀+H}} (and of the states) given {@code y_0
 * … y_{t₀}}, from the fitted model. Each path starts from the one-step forecast of the state,
 * {@code x_{t₀+1} ~ N(m_1, S_1 S_1ᵀ)} ({@link Forecast#stateMean}, {@link Forecast#stateFactor}),
 * then runs the model forward with its own noises:
 *
 * <pre>
 *   y_{t₀+h}   = H x_{t₀+h} + d + cholR v_h
 *   x_{t₀+h+1} = F x_{t₀+h} + c + cholQ w_h,      h = 1 … H
 * </pre>
 *
 * with the matrices of step {@code t₀ + h}, as {@link Forecaster} uses them. So the paths' mean and
 * covariance at horizon h are the forecast's {@code μ_h, A_h A_hᵀ}, and their cross-horizon
 * dependence is the model's. Each path is a {@link Simulator} run on the system shifted to start at
 * step {@code t₀ + 1}; the normals come from the caller's {@link Random} in that order, path after
 * path.
 */
public final class ForecastSimulator {

  private ForecastSimulator() {}

  /**
   * {@code count} paths over the forecast's horizon.
   *
   * @param system the system the forecast was made with (asked for the same steps)
   * @param forecast the forecast whose first horizon starts the paths; horizon H ≥ 1
   * @param count number of paths, ≥ 0
   * @param random the source of the normals. Modified (advanced).
   * @return the paths, each H steps: {@link SimulatedPath#observations()} row h − 1 is y_{t₀+h}
   * @throws IllegalArgumentException if the count is negative, the horizon is zero or the
   *     dimensions differ
   */
  public static SimulatedPath[] simulate(
      StateSpace system, Forecast forecast, int count, Random random) {
    if (count < 0) {
      throw new IllegalArgumentException("the number of paths must be ≥ 0, got " + count);
    }
    if (forecast.horizon() < 1) {
      throw new IllegalArgumentException("the forecast has no horizon to simulate");
    }
    if (forecast.nx() != system.nx() || forecast.ny() != system.ny()) {
      throw new IllegalArgumentException(
          "the forecast has nx = "
              + forecast.nx()
              + ", ny = "
              + forecast.ny()
              + " but the system has nx = "
              + system.nx()
              + ", ny = "
              + system.ny());
    }
    StateSpace future =
        new FromForecast(system, forecast.step(1), forecast.stateMean(1), forecast.stateFactor(1));
    SimulatedPath[] paths = new SimulatedPath[count];
    for (int i = 0; i < count; i++) {
      paths[i] = Simulator.simulate(future, forecast.horizon(), random);
    }
    return paths;
  }

  /** The system from step {@code first} on, started at N(mean, factor factorᵀ), not diffuse. */
  private static final class FromForecast extends ForwardingStateSpace {
    private final StateSpace system;
    private final int first;
    private final DMatrixRMaj m0;
    private final DMatrixRMaj cholP0;

    FromForecast(StateSpace system, int first, double[] mean, DMatrixRMaj factor) {
      this.system = system;
      this.first = first;
      this.m0 = new DMatrixRMaj(mean.length, 1, true, mean);
      this.cholP0 = factor;
    }

    @Override
    protected StateSpace delegate() {
      return system;
    }

    @Override
    public int k() {
      return cholP0.numCols;
    }

    @Override
    public DMatrixRMaj F(int t) {
      return system.F(first + t);
    }

    @Override
    public DMatrixRMaj c(int t) {
      return system.c(first + t);
    }

    @Override
    public DMatrixRMaj H(int t) {
      return system.H(first + t);
    }

    @Override
    public DMatrixRMaj d(int t) {
      return system.d(first + t);
    }

    @Override
    public DMatrixRMaj cholQ(int t) {
      return system.cholQ(first + t);
    }

    @Override
    public DMatrixRMaj cholR(int t) {
      return system.cholR(first + t);
    }

    @Override
    public DMatrixRMaj m0() {
      return m0;
    }

    @Override
    public DMatrixRMaj cholP0() {
      return cholP0;
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
