package io.gramian.kalman;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Draws state and observation paths from a {@link StateSpace}:
 *
 * <pre>
 *   x_0     = m0 + cholP0 u,             u ~ N(0, I_k)
 *   y_t     = H_t x_t + d_t + cholR_t v_t,     v_t ~ N(0, I_r)
 *   x_{t+1} = F_t x_t + c_t + cholQ_t w_t,     w_t ~ N(0, I_q)
 * </pre>
 *
 * for {@code t = 0 … T − 1}, so that {@code x_0 ~ N(m0, cholP0 cholP0ᵀ)} and the noises have
 * covariances {@code cholR cholRᵀ} and {@code cholQ cholQᵀ}. Rank-deficient factors give paths that
 * stay in the corresponding subspaces exactly.
 *
 * <p>Reproducibility: the standard normals come from {@link Random#nextGaussian()}, whose algorithm
 * is fixed by the Java SE specification, so one seed gives the same path on every conforming JVM.
 * They are drawn in this order: the k entries of u, then for each step t the r entries of v_t
 * followed (for t &lt; T − 1) by the q entries of w_t.
 */
public final class Simulator {

  private Simulator() {}

  /**
   * One path of T steps from a seed.
   *
   * @param steps T ≥ 0
   * @param seed the seed of a {@link Random}; the same seed gives the same path
   */
  public static SimulatedPath simulate(StateSpace system, int steps, long seed) {
    return simulate(system, steps, new Random(seed));
  }

  /**
   * One path of T steps, drawing from {@code random} (so successive calls continue one stream).
   *
   * @param steps T ≥ 0
   * @param random the source of the normals. Modified (advanced).
   * @throws IllegalArgumentException if T is negative or the system has an exactly diffuse initial
   *     part ({@code d > 0})
   */
  public static SimulatedPath simulate(StateSpace system, int steps, Random random) {
    if (steps < 0) {
      throw new IllegalArgumentException("the number of steps must be ≥ 0, got " + steps);
    }
    if (system.diffuseRank() > 0) {
      throw new IllegalArgumentException(
          "the system has "
              + system.diffuseRank()
              + " exactly diffuse initial directions, which have no"
              + " distribution to draw from; give it a proper initial state (m0, cholP0)");
    }
    final int nx = system.nx();
    final int ny = system.ny();
    DMatrixRMaj states = new DMatrixRMaj(steps, nx);
    DMatrixRMaj observations = new DMatrixRMaj(steps, ny);
    if (steps == 0) {
      return new SimulatedPath(states, observations);
    }
    double[] x = new double[nx];
    double[] next = new double[nx];
    double[] noise = new double[Math.max(system.k(), Math.max(system.q(), system.r()))];

    DMatrixRMaj m0 = system.m0();
    DMatrixRMaj cholP0 = system.cholP0();
    draw(random, noise, system.k());
    for (int i = 0; i < nx; i++) {
      x[i] = m0.data[i] + dot(cholP0, i, noise);
    }
    for (int t = 0; t < steps; t++) {
      System.arraycopy(x, 0, states.data, t * nx, nx);
      DMatrixRMaj H = system.H(t);
      DMatrixRMaj d = system.d(t);
      DMatrixRMaj cholR = system.cholR(t);
      draw(random, noise, cholR.numCols);
      for (int i = 0; i < ny; i++) {
        observations.data[t * ny + i] = dot(H, i, x) + d.data[i] + dot(cholR, i, noise);
      }
      if (t < steps - 1) {
        DMatrixRMaj F = system.F(t);
        DMatrixRMaj c = system.c(t);
        DMatrixRMaj cholQ = system.cholQ(t);
        draw(random, noise, cholQ.numCols);
        for (int i = 0; i < nx; i++) {
          next[i] = dot(F, i, x) + c.data[i] + dot(cholQ, i, noise);
        }
        double[] swap = x;
        x = next;
        next = swap;
      }
    }
    return new SimulatedPath(states, observations);
  }

  private static void draw(Random random, double[] noise, int count) {
    for (int j = 0; j < count; j++) {
      noise[j] = random.nextGaussian();
    }
  }

  /** Row i of A times the first A.numCols entries of v. */
  private static double dot(DMatrixRMaj A, int i, double[] v) {
    final int cols = A.numCols;
    double s = 0;
    for (int j = 0; j < cols; j++) {
      s += A.data[i * cols + j] * v[j];
    }
    return s;
  }
}
