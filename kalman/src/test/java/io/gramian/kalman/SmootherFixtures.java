package io.gramian.kalman;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Test fixtures for the smoother and forecaster tests: seeded random systems (time-invariant and
 * time-varying), plain sampling of data, and the covariance-form oracle (Kalman filter,
 * Rauch–Tung–Striebel smoother with a pseudoinverse, forecasts), written as in a textbook and
 * sharing no code with the square-root classes.
 */
final class SmootherFixtures {

  /**
   * Singular values of P⁻ at or below this fraction of the largest are zero in the oracle's
   * pseudoinverse. The covariance form leaves rounding of about 1e-15 relative in the null
   * directions of a singular P⁻; the smallest genuine eigenvalue of the systems tested here is
   * above 1e-6 relative. 1e-10 separates the two by four orders of magnitude on either side.
   */
  static final double PINV_RELATIVE_CUTOFF = 1e-10;

  private SmootherFixtures() {}

  // ---------------------------------------------------------------- systems and data

  static DMatrixRMaj gaussian(Random rng, int rows, int cols, double scale) {
    return RandomSystems.gaussian(rng, rows, cols, scale);
  }

  /** An n × cols factor of exact rank {@code rank} (zero when rank = 0). */
  static DMatrixRMaj factor(Random rng, int n, int cols, int rank, double scale) {
    return RandomSystems.factor(rng, n, cols, rank, scale);
  }

  /** A random orthogonal n × n matrix (the Q of a Gaussian matrix's QR). */
  static DMatrixRMaj orthogonal(Random rng, int n) {
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
  static DMatrixRMaj stableTransition(Random rng, int nx) {
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
  static StateSpaceSystem hiddenDeterministicComponent(Random rng, int nx, int ny) {
    return hiddenDeterministicComponent(rng, nx, ny, orthogonal(rng, nx));
  }

  /**
   * As {@link #hiddenDeterministicComponent(Random, int, int)}, with the deterministic direction u
   * = (cos φ, sin φ, 0, …, 0): then x_1 is an affine function of x_0, so the zero pivot of the
   * smoother's block is pivot 1 with rows 2 … nx − 1 below it, and the QR leaves arbitrary entries
   * (set by rounding) under that zero pivot.
   */
  static StateSpaceSystem hiddenDeterministicPair(Random rng, int nx, int ny) {
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

  /** A random stable time-invariant system with the given factor column counts and ranks. */
  static StateSpaceSystem randomSystem(
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
  static StateSpaceSystem localLinearTrend(
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

  /**
   * A time-varying system whose matrices are drawn independently for each step 0 … length − 1 (the
   * forecaster asks for steps past the data). Q has rank {@code rankQ}.
   */
  static final class TimeVarying implements StateSpace {
    final DMatrixRMaj[] F;
    final DMatrixRMaj[] c;
    final DMatrixRMaj[] H;
    final DMatrixRMaj[] d;
    final DMatrixRMaj[] cholQ;
    final DMatrixRMaj[] cholR;
    final DMatrixRMaj m0;
    final DMatrixRMaj cholP0;

    TimeVarying(
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

  /** Data drawn from the system by plain sampling (independent of {@link Simulator}). */
  static DMatrixRMaj sample(Random rng, StateSpace s, int T) {
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
  static void dropValues(Random rng, DMatrixRMaj Y, double partial, double whole) {
    for (int t = 0; t < Y.numRows; t++) {
      boolean all = rng.nextDouble() < whole;
      for (int j = 0; j < Y.numCols; j++) {
        if (all || rng.nextDouble() < partial) {
          Y.set(t, j, Double.NaN);
        }
      }
    }
  }

  // ---------------------------------------------------------------- covariance-form oracle

  static DMatrixRMaj gram(DMatrixRMaj factor) {
    return CommonOps_DDRM.multTransB(factor, factor, null);
  }

  /**
   * The covariance-form Kalman filter and RTS smoother:
   *
   * <pre>
   *   V = H P⁻ Hᵀ + R,  K = P⁻ Hᵀ V⁻¹,  m⁺ = m⁻ + K e,  P⁺ = P⁻ − K V Kᵀ
   *   m⁻' = F m⁺ + c,   P⁻' = F P⁺ Fᵀ + Q
   *   J = P⁺ Fᵀ (P⁻')⁺,  m^s = m⁺ + J (m^s' − m⁻'),  P^s = P⁺ + J (P^s' − P⁻') Jᵀ
   * </pre>
   *
   * with (·)⁺ the SVD pseudoinverse (cut-off {@link #PINV_RELATIVE_CUTOFF}).
   */
  static final class CovarianceRts {
    final DMatrixRMaj[] mPred;
    final DMatrixRMaj[] PPred;
    final DMatrixRMaj[] mFilt;
    final DMatrixRMaj[] PFilt;
    final DMatrixRMaj[] mSmooth;
    final DMatrixRMaj[] PSmooth;

    CovarianceRts(StateSpace s, DMatrixRMaj Y) {
      int T = Y.numRows;
      int nx = s.nx();
      int ny = s.ny();
      mPred = new DMatrixRMaj[T];
      PPred = new DMatrixRMaj[T];
      mFilt = new DMatrixRMaj[T];
      PFilt = new DMatrixRMaj[T];
      mSmooth = new DMatrixRMaj[T];
      PSmooth = new DMatrixRMaj[T];
      DMatrixRMaj m = s.m0().copy();
      DMatrixRMaj P = gram(s.cholP0());
      for (int t = 0; t < T; t++) {
        mPred[t] = m.copy();
        PPred[t] = P.copy();
        int[] obs = new int[ny];
        int p = 0;
        for (int j = 0; j < ny; j++) {
          if (!Double.isNaN(Y.get(t, j))) {
            obs[p++] = j;
          }
        }
        if (p > 0) {
          DMatrixRMaj R = gram(s.cholR(t));
          DMatrixRMaj Ho = new DMatrixRMaj(p, nx);
          DMatrixRMaj Ro = new DMatrixRMaj(p, p);
          DMatrixRMaj e = new DMatrixRMaj(p, 1);
          for (int i = 0; i < p; i++) {
            double pred = s.d(t).get(obs[i]);
            for (int j = 0; j < nx; j++) {
              Ho.set(i, j, s.H(t).get(obs[i], j));
              pred += s.H(t).get(obs[i], j) * m.get(j);
            }
            for (int j = 0; j < p; j++) {
              Ro.set(i, j, R.get(obs[i], obs[j]));
            }
            e.set(i, Y.get(t, obs[i]) - pred);
          }
          DMatrixRMaj PHt = CommonOps_DDRM.multTransB(P, Ho, null);
          DMatrixRMaj V = CommonOps_DDRM.mult(Ho, PHt, null);
          CommonOps_DDRM.addEquals(V, Ro);
          LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(p);
          if (!lu.setA(V.copy())) {
            throw new ArithmeticException("oracle: singular innovation covariance at " + t);
          }
          // Kᵀ = V⁻¹ (P Hᵀ)ᵀ
          DMatrixRMaj Kt = new DMatrixRMaj(p, nx);
          lu.solve(CommonOps_DDRM.transpose(PHt, null), Kt);
          DMatrixRMaj K = CommonOps_DDRM.transpose(Kt, null);
          m = m.copy();
          CommonOps_DDRM.multAdd(K, e, m);
          DMatrixRMaj KV = CommonOps_DDRM.mult(K, V, null);
          DMatrixRMaj KVKt = CommonOps_DDRM.multTransB(KV, K, null);
          P = P.copy();
          CommonOps_DDRM.subtractEquals(P, KVKt);
        }
        mFilt[t] = m.copy();
        PFilt[t] = P.copy();
        DMatrixRMaj mn = CommonOps_DDRM.mult(s.F(t), m, null);
        CommonOps_DDRM.addEquals(mn, s.c(t));
        DMatrixRMaj FP = CommonOps_DDRM.mult(s.F(t), P, null);
        DMatrixRMaj Pn = CommonOps_DDRM.multTransB(FP, s.F(t), null);
        CommonOps_DDRM.addEquals(Pn, gram(s.cholQ(t)));
        m = mn;
        P = Pn;
      }
      if (T == 0) {
        return;
      }
      mSmooth[T - 1] = mFilt[T - 1].copy();
      PSmooth[T - 1] = PFilt[T - 1].copy();
      for (int t = T - 2; t >= 0; t--) {
        DMatrixRMaj PFt = CommonOps_DDRM.multTransB(PFilt[t], s.F(t), null);
        DMatrixRMaj J = CommonOps_DDRM.mult(PFt, pinv(PPred[t + 1]), null);
        DMatrixRMaj dm = mSmooth[t + 1].copy();
        CommonOps_DDRM.subtractEquals(dm, mPred[t + 1]);
        mSmooth[t] = mFilt[t].copy();
        CommonOps_DDRM.multAdd(J, dm, mSmooth[t]);
        DMatrixRMaj dP = PSmooth[t + 1].copy();
        CommonOps_DDRM.subtractEquals(dP, PPred[t + 1]);
        DMatrixRMaj JdP = CommonOps_DDRM.mult(J, dP, null);
        PSmooth[t] = PFilt[t].copy();
        CommonOps_DDRM.multAddTransB(JdP, J, PSmooth[t]);
      }
    }
  }

  /** The Moore–Penrose pseudoinverse by SVD, singular values ≤ cut-off · largest dropped. */
  static DMatrixRMaj pinv(DMatrixRMaj A) {
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(A.numRows, A.numCols, true, true, false);
    if (!svd.decompose(A.copy())) {
      throw new ArithmeticException("oracle: SVD failed");
    }
    DMatrixRMaj U = svd.getU(null, false);
    DMatrixRMaj W = svd.getW(null);
    DMatrixRMaj V = svd.getV(null, false);
    double largest = 0;
    for (int i = 0; i < Math.min(W.numRows, W.numCols); i++) {
      largest = Math.max(largest, W.get(i, i));
    }
    DMatrixRMaj Winv = new DMatrixRMaj(W.numCols, W.numRows);
    for (int i = 0; i < Math.min(W.numRows, W.numCols); i++) {
      double w = W.get(i, i);
      if (w > PINV_RELATIVE_CUTOFF * largest) {
        Winv.set(i, i, 1.0 / w);
      }
    }
    DMatrixRMaj VW = CommonOps_DDRM.mult(V, Winv, null);
    return CommonOps_DDRM.multTransB(VW, U, null);
  }

  // ---------------------------------------------------------------- error measures

  /** ‖actual − expected‖_F / ‖expected‖_F, or the absolute difference when expected = 0. */
  static double relativeError(DMatrixRMaj actual, DMatrixRMaj expected) {
    if (actual.numRows != expected.numRows || actual.numCols != expected.numCols) {
      throw new IllegalArgumentException(
          "shapes differ: "
              + actual.numRows
              + " × "
              + actual.numCols
              + " and "
              + expected.numRows
              + " × "
              + expected.numCols);
    }
    double diff = 0;
    double ref = 0;
    for (int i = 0; i < expected.getNumElements(); i++) {
      double e = expected.data[i];
      double a = actual.data[i];
      diff += (a - e) * (a - e);
      ref += e * e;
    }
    return ref == 0 ? Math.sqrt(diff) : Math.sqrt(diff / ref);
  }

  static double relativeError(double[] actual, DMatrixRMaj expected) {
    return relativeError(new DMatrixRMaj(actual.length, 1, true, actual), expected);
  }

  static double relativeError(double[] actual, double[] expected) {
    return relativeError(
        new DMatrixRMaj(actual.length, 1, true, actual),
        new DMatrixRMaj(expected.length, 1, true, expected));
  }

  /**
   * The largest relative errors of the smoothed means and covariances against the oracle over all
   * steps: {@code {mean, covariance}}.
   */
  static double[] smootherErrors(StateSpace s, DMatrixRMaj Y) {
    FilterResult filtered = SquareRootFilter.forSystem(s).filter(s, Y);
    SmootherResult smoothed = RtsSmoother.forSystem(s).smooth(s, filtered);
    CovarianceRts oracle = new CovarianceRts(s, Y);
    double meanErr = 0;
    double covErr = 0;
    for (int t = 0; t < Y.numRows; t++) {
      meanErr = Math.max(meanErr, relativeError(smoothed.smoothedMean(t), oracle.mSmooth[t]));
      covErr = Math.max(covErr, relativeError(smoothed.smoothedCovariance(t), oracle.PSmooth[t]));
    }
    return new double[] {meanErr, covErr};
  }
}
