package io.gramian.kalman.testing;

import static io.gramian.autodiff.testing.Matrices.gaussian;

import io.gramian.kalman.ForwardingStateSpace;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Seeded random systems and data for the filter, smoother, forecaster and gradient tests: stable
 * time-invariant and time-varying systems with factors of chosen column counts and ranks, systems
 * with a hidden deterministic component, the local linear trend, data drawn by plain sampling
 * (independent of the library's filter and simulator), and missing values.
 */
public final class RandomSystems {

  private RandomSystems() {}

  /** An n × cols factor of exact rank {@code rank} (zero when rank = 0). */
  public static DMatrixRMaj factor(Random rng, int n, int cols, int rank, double scale) {
    if (rank == 0) {
      return new DMatrixRMaj(n, cols);
    }
    DMatrixRMaj A =
        CommonOps_DDRM.mult(gaussian(rng, n, rank, scale), gaussian(rng, rank, cols, 1.0), null);
    CommonOps_DDRM.scale(1.0 / Math.sqrt(rank), A);
    return A;
  }

  /**
   * A random stable system: F with spectral radius below one (a scaled random orthogonal-ish
   * matrix), factors with the requested column counts and ranks.
   */
  public static StateSpaceSystem system(
      Random rng, int nx, int ny, int q, int rankQ, int r, int rankR, int k, int rankP0) {
    DMatrixRMaj F = gaussian(rng, nx, nx, 1.0);
    // ‖F‖₂ ≤ ‖F‖_F = 0.9: a stable transition.
    CommonOps_DDRM.scale(0.9 / NormOps_DDRM.normF(F), F);
    return StateSpaceSystem.builder()
        .F(F)
        .c(gaussian(rng, nx, 1, 0.3))
        .H(gaussian(rng, ny, nx, 1.0))
        .d(gaussian(rng, ny, 1, 0.3))
        .cholQ(factor(rng, nx, q, rankQ, 0.7))
        .cholR(factor(rng, ny, r, rankR, 0.5))
        .m0(gaussian(rng, nx, 1, 1.0))
        .cholP0(factor(rng, nx, k, rankP0, 1.0))
        .build();
  }

  /** A random orthogonal n × n matrix (the Q of a Gaussian matrix's QR). */
  public static DMatrixRMaj orthogonal(Random rng, int n) {
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
    if (!qr.decompose(gaussian(rng, n, n, 1.0))) {
      throw new ArithmeticException("fixture: QR failed");
    }
    return qr.getQ(null, false);
  }

  /**
   * A random stable, well-conditioned transition {@code U diag(σ) Vᵀ} with singular values σ in
   * [0.3, 0.95]: a transition with a tiny singular value would make P⁻ ill-conditioned and the
   * covariance-form oracle (which needs (P⁻)⁺) lose digits that the square-root form keeps.
   */
  public static DMatrixRMaj stableTransition(Random rng, int nx) {
    DMatrixRMaj sigma = new DMatrixRMaj(nx, nx);
    for (int i = 0; i < nx; i++) {
      sigma.set(i, i, 0.3 + 0.65 * rng.nextDouble());
    }
    DMatrixRMaj US = CommonOps_DDRM.mult(orthogonal(rng, nx), sigma, null);
    return CommonOps_DDRM.multTransB(US, orthogonal(rng, nx), null);
  }

  /**
   * A system whose last state component is deterministic (no state noise, known at the start) in a
   * rotated basis: with x = U z, z_last' = 0.8 z_last + c_last, the predicted covariance P⁻ = U
   * diag(P_z, 0) Uᵀ is singular at every step along a generic direction, so the zero pivot of every
   * smoother step comes from rounding (not an exactly zero row), while P⁻ stays well conditioned on
   * its range.
   */
  public static StateSpaceSystem hiddenDeterministicComponent(Random rng, int nx, int ny) {
    return hiddenDeterministicComponent(rng, nx, ny, orthogonal(rng, nx));
  }

  /**
   * As {@link #hiddenDeterministicComponent(Random, int, int)}, with the deterministic direction u
   * = (cos φ, sin φ, 0, …, 0): then x_1 is an affine function of x_0, so the zero pivot of the
   * smoother's block is pivot 1 with rows 2 … nx − 1 below it, and the QR leaves arbitrary entries
   * (set by rounding) under that zero pivot.
   */
  public static StateSpaceSystem hiddenDeterministicPair(Random rng, int nx, int ny) {
    double phi = 0.3 + rng.nextDouble();
    DMatrixRMaj u = new DMatrixRMaj(nx, 1);
    u.set(0, Math.cos(phi));
    u.set(1, Math.sin(phi));
    // Householder reflector with H e_last = u, times a random rotation of the other coordinates.
    DMatrixRMaj v = new DMatrixRMaj(nx, 1);
    v.set(nx - 1, 1.0);
    CommonOps_DDRM.subtractEquals(v, u);
    DMatrixRMaj H = CommonOps_DDRM.identity(nx);
    CommonOps_DDRM.multAddTransB(-2.0 / CommonOps_DDRM.dot(v, v), v, v, H);
    DMatrixRMaj W = CommonOps_DDRM.identity(nx);
    CommonOps_DDRM.insert(orthogonal(rng, nx - 1), W, 0, 0);
    return hiddenDeterministicComponent(rng, nx, ny, CommonOps_DDRM.mult(H, W, null));
  }

  private static StateSpaceSystem hiddenDeterministicComponent(
      Random rng, int nx, int ny, DMatrixRMaj U) {
    int n1 = nx - 1;
    DMatrixRMaj Fz = new DMatrixRMaj(nx, nx);
    CommonOps_DDRM.insert(stableTransition(rng, n1), Fz, 0, 0);
    Fz.set(n1, n1, 0.8);
    DMatrixRMaj cholQz = new DMatrixRMaj(nx, n1);
    CommonOps_DDRM.insert(factor(rng, n1, n1, n1, 0.7), cholQz, 0, 0);
    DMatrixRMaj cholP0z = new DMatrixRMaj(nx, n1);
    CommonOps_DDRM.insert(factor(rng, n1, n1, n1, 1.0), cholP0z, 0, 0);
    DMatrixRMaj F = CommonOps_DDRM.multTransB(CommonOps_DDRM.mult(U, Fz, null), U, null);
    return StateSpaceSystem.builder()
        .F(F)
        .c(CommonOps_DDRM.mult(U, gaussian(rng, nx, 1, 0.3), null))
        .H(gaussian(rng, ny, nx, 1.0))
        .d(gaussian(rng, ny, 1, 0.3))
        .cholQ(CommonOps_DDRM.mult(U, cholQz, null))
        .cholR(factor(rng, ny, ny, ny, 0.5))
        .m0(gaussian(rng, nx, 1, 1.0))
        .cholP0(CommonOps_DDRM.mult(U, cholP0z, null))
        .build();
  }

  /**
   * A random stable time-invariant system with the given factor column counts and ranks, its
   * transition well conditioned ({@link #stableTransition}): for the tests whose oracle needs
   * (P⁻)⁺.
   */
  public static StateSpaceSystem wellConditioned(
      Random rng, int nx, int ny, int q, int rankQ, int r, int rankR, int k, int rankP0) {
    return StateSpaceSystem.builder()
        .F(stableTransition(rng, nx))
        .c(gaussian(rng, nx, 1, 0.3))
        .H(gaussian(rng, ny, nx, 1.0))
        .d(gaussian(rng, ny, 1, 0.3))
        .cholQ(factor(rng, nx, q, rankQ, 0.7))
        .cholR(factor(rng, ny, r, rankR, 0.5))
        .m0(gaussian(rng, nx, 1, 1.0))
        .cholP0(factor(rng, nx, k, rankP0, 1.0))
        .build();
  }

  /**
   * The local linear trend with noise on the slope only: level' = level + slope, slope' = slope +
   * ζ, y = level + ε; cholQ = [0; σζ] (rank 1) and the given initial factor.
   */
  public static StateSpaceSystem localLinearTrend(
      double sigmaZeta, double sigmaEps, DMatrixRMaj m0, DMatrixRMaj cholP0) {
    return StateSpaceSystem.builder()
        .F(new DMatrixRMaj(new double[][] {{1, 1}, {0, 1}}))
        .H(new DMatrixRMaj(new double[][] {{1, 0}}))
        .cholQ(new DMatrixRMaj(new double[][] {{0}, {sigmaZeta}}))
        .cholR(new DMatrixRMaj(new double[][] {{sigmaEps}}))
        .m0(m0)
        .cholP0(cholP0)
        .build();
  }

  /** 0 … n − 1 in a random order (Fisher–Yates): observed entries as a step lists them. */
  public static int[] shuffledIndex(Random rng, int n) {
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      index[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = index[i];
      index[i] = index[j];
      index[j] = swap;
    }
    return index;
  }

  /**
   * The same matrices, not declared time-invariant: what a filter does for a system it cannot
   * assume constant (no steady state, F and H looked at every step).
   */
  public static StateSpace declaredTimeVarying(StateSpace system) {
    return new ForwardingStateSpace() {
      @Override
      protected StateSpace delegate() {
        return system;
      }

      @Override
      public boolean isTimeInvariant() {
        return false;
      }
    };
  }

  /**
   * A time-varying system whose matrices are drawn independently for each step 0 … length − 1 (the
   * forecaster asks for steps past the data). Q has rank {@code rankQ}.
   */
  public static final class TimeVarying implements StateSpace {
    private final DMatrixRMaj[] F;
    private final DMatrixRMaj[] c;
    private final DMatrixRMaj[] H;
    private final DMatrixRMaj[] d;
    private final DMatrixRMaj[] cholQ;
    private final DMatrixRMaj[] cholR;
    private final DMatrixRMaj m0;
    private final DMatrixRMaj cholP0;

    public TimeVarying(
        Random rng, int nx, int ny, int q, int rankQ, int r, int k, int rankP0, int length) {
      F = new DMatrixRMaj[length];
      c = new DMatrixRMaj[length];
      H = new DMatrixRMaj[length];
      d = new DMatrixRMaj[length];
      cholQ = new DMatrixRMaj[length];
      cholR = new DMatrixRMaj[length];
      for (int t = 0; t < length; t++) {
        F[t] = stableTransition(rng, nx);
        c[t] = gaussian(rng, nx, 1, 0.3);
        H[t] = gaussian(rng, ny, nx, 1.0);
        d[t] = gaussian(rng, ny, 1, 0.3);
        cholQ[t] = factor(rng, nx, q, rankQ, 0.7);
        cholR[t] = factor(rng, ny, r, ny, 0.5);
      }
      m0 = gaussian(rng, nx, 1, 1.0);
      cholP0 = factor(rng, nx, k, rankP0, 1.0);
    }

    @Override
    public int nx() {
      return m0.numRows;
    }

    @Override
    public int ny() {
      return H[0].numRows;
    }

    @Override
    public int q() {
      return cholQ[0].numCols;
    }

    @Override
    public int r() {
      return cholR[0].numCols;
    }

    @Override
    public int k() {
      return cholP0.numCols;
    }

    @Override
    public DMatrixRMaj F(int t) {
      return F[t];
    }

    @Override
    public DMatrixRMaj c(int t) {
      return c[t];
    }

    @Override
    public DMatrixRMaj H(int t) {
      return H[t];
    }

    @Override
    public DMatrixRMaj d(int t) {
      return d[t];
    }

    @Override
    public DMatrixRMaj cholQ(int t) {
      return cholQ[t];
    }

    @Override
    public DMatrixRMaj cholR(int t) {
      return cholR[t];
    }

    @Override
    public DMatrixRMaj m0() {
      return m0;
    }

    @Override
    public DMatrixRMaj cholP0() {
      return cholP0;
    }
  }

  /**
   * Data drawn from the system by plain sampling (independent of {@link
   * io.gramian.kalman.Simulator}).
   */
  public static DMatrixRMaj sample(Random rng, StateSpace s, int T) {
    DMatrixRMaj x = s.m0().copy();
    CommonOps_DDRM.multAdd(s.cholP0(), gaussian(rng, s.k(), 1, 1.0), x);
    DMatrixRMaj Y = new DMatrixRMaj(T, s.ny());
    for (int t = 0; t < T; t++) {
      DMatrixRMaj y = CommonOps_DDRM.mult(s.H(t), x, null);
      CommonOps_DDRM.addEquals(y, s.d(t));
      CommonOps_DDRM.multAdd(s.cholR(t), gaussian(rng, s.r(), 1, 1.0), y);
      System.arraycopy(y.data, 0, Y.data, t * s.ny(), s.ny());
      DMatrixRMaj next = CommonOps_DDRM.mult(s.F(t), x, null);
      CommonOps_DDRM.addEquals(next, s.c(t));
      CommonOps_DDRM.multAdd(s.cholQ(t), gaussian(rng, s.q(), 1, 1.0), next);
      x = next;
    }
    return Y;
  }

  /** Marks a fraction of single entries, and a fraction of whole steps, missing (NaN). */
  public static void dropValues(Random rng, DMatrixRMaj Y, double partial, double whole) {
    for (int t = 0; t < Y.numRows; t++) {
      boolean all = rng.nextDouble() < whole;
      for (int j = 0; j < Y.numCols; j++) {
        if (all || rng.nextDouble() < partial) {
          Y.set(t, j, Double.NaN);
        }
      }
    }
  }
}
