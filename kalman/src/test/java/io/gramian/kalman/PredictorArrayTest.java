package io.gramian.kalman;

import static io.gramian.autodiff.testing.Matrices.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class PredictorArrayTest {

  /**
   * The covariance form below and the one triangularisation differ by rounding: the innovation
   * covariances of these blocks have condition numbers below about 1e4, so ℓ_t, the predicted mean
   * and the predicted covariance agree far below 1e-12 relative.
   */
  private static final double TOLERANCE = 1e-12;

  /**
   * {@link StepKernel#updateAndPredict} against the update and the predict in covariance form,
   * written here: ℓ_t, X⁻_{t+1} (with a diffuse sensitivity column when w = 2) and S⁻_{t+1}
   * S⁻_{t+1}ᵀ = F P⁺ Fᵀ + Q; S⁻_{t+1} lower triangular with a non-negative diagonal. Dense and
   * sparse F and H (each of the block's products), a time-varying view (the general products), thin
   * cholQ, a thin S⁻ (the first step), one to four observed entries in any order.
   */
  @Test
  void oneTriangularisationIsTheUpdateAndThePredict() {
    Random rng = new Random(20261207);
    for (int trial = 0; trial < 400; trial++) {
      int nx = 1 + rng.nextInt(8);
      int ny = 1 + rng.nextInt(4);
      int q = 1 + rng.nextInt(nx);
      int s = trial % 3 == 0 ? 1 + rng.nextInt(nx) : nx;
      checkAgainstCovarianceForm(
          rng, trial, nx, ny, q, ny, s, 1 + trial % 2, trial % 4 >= 2, trial % 5 == 0);
    }
  }

  /**
   * The same with noise-free observations (cholR with no column: R = 0, the innovation covariance H
   * P⁻ Hᵀ regular through a regular S⁻) and no state noise (cholQ with no column), each alone and
   * together.
   */
  @Test
  void noiseFreeObservationsAndNoStateNoise() {
    Random rng = new Random(20261208);
    for (int trial = 0; trial < 120; trial++) {
      int nx = 1 + rng.nextInt(8);
      int ny = 1 + rng.nextInt(Math.min(nx, 4));
      int q = trial % 3 == 1 ? 1 + rng.nextInt(nx) : 0;
      int r = trial % 3 == 2 ? ny : 0;
      checkAgainstCovarianceForm(
          rng, trial, nx, ny, q, r, nx, 1 + trial % 2, false, trial % 5 == 0);
    }
  }

  /**
   * One random step (F, H, noise factors, S⁻, X⁻, y and the observed entries drawn here) through
   * {@link StepKernel#updateAndPredict}, against the covariance form: ℓ_t, X⁻_{t+1} and S⁻_{t+1}
   * S⁻_{t+1}ᵀ = F P⁺ Fᵀ + Q; S⁻_{t+1} lower triangular with a non-negative diagonal. With r < ny
   * (or a thin S⁻) every entry of y may be observed only when the innovation covariance stays
   * regular: here r = 0 comes with a regular S⁻ (diagonal at least 0.5) and a dense H of at most nx
   * rows.
   */
  private static void checkAgainstCovarianceForm(
      Random rng,
      int trial,
      int nx,
      int ny,
      int q,
      int r,
      int s,
      int w,
      boolean sparse,
      boolean timeVarying) {
    String where =
        "case " + trial + " (nx " + nx + ", ny " + ny + ", q " + q + ", r " + r + ", s " + s + ")";
    DMatrixRMaj F = sparse ? companion(rng, nx) : gaussian(rng, nx, nx, 0.9 / nx);
    DMatrixRMaj H = gaussian(rng, ny, nx, 1.0);
    if (sparse) {
      for (int i = 0; i < ny; i++) {
        for (int j = 0; j < nx; j++) {
          if ((i + j) % 3 != 0) {
            H.set(i, j, 0.0);
          }
        }
      }
    }
    DMatrixRMaj cholQ = lower(gaussian(rng, nx, q, 0.5));
    DMatrixRMaj cholR = lower(gaussian(rng, ny, r, 0.5));
    for (int i = 0; i < Math.min(ny, r); i++) {
      cholR.set(i, i, 0.5 + Math.abs(cholR.get(i, i)));
    }
    DMatrixRMaj c = gaussian(rng, nx, 1, 0.1);
    DMatrixRMaj d = gaussian(rng, ny, 1, 0.1);
    DMatrixRMaj S = gaussian(rng, nx, s, 1.0);
    if (s == nx) {
      S = lower(S);
      if (r < ny) {
        for (int i = 0; i < nx; i++) {
          S.set(i, i, 0.5 + Math.abs(S.get(i, i)));
        }
      }
    }
    DMatrixRMaj X = gaussian(rng, nx, w, 1.0);
    double[] y = new double[ny];
    for (int i = 0; i < ny; i++) {
      y[i] = rng.nextGaussian();
    }
    int p = 1 + rng.nextInt(ny);
    int[] index = RandomSystems.shuffledIndex(rng, ny);

    StateSpaceSystem system =
        StateSpaceSystem.builder()
            .F(F)
            .c(c)
            .H(H)
            .d(d)
            .cholQ(cholQ)
            .cholR(cholR)
            .cholP0(CommonOps_DDRM.identity(nx))
            .build();
    StepKernel kernel = new StepKernel(new Dimensions(nx, ny, q, r, nx, w - 1));
    kernel.startSweep(timeVarying ? RandomSystems.declaredTimeVarying(system) : system);
    DMatrixRMaj XNext = X.copy();
    DMatrixRMaj SNext = S.copy();
    double llt =
        kernel.updateAndPredict(0, H, d, cholR, F, c, cholQ, y, index, p, XNext, SNext)
            - 0.5 * kernel.zSquared;

    Covariance expected = covarianceForm(F, c, H, d, cholQ, cholR, y, index, p, X, S);
    assertEquals(expected.llt, llt, TOLERANCE * Math.max(1, Math.abs(expected.llt)), where);
    assertClose(expected.XNext, XNext, where + ": X⁻_{t+1}");
    assertEquals(nx, SNext.numRows, where);
    assertEquals(nx, SNext.numCols, where);
    for (int i = 0; i < nx; i++) {
      assertTrue(SNext.get(i, i) >= 0, where + ": diagonal of S⁻_{t+1}");
      for (int j = i + 1; j < nx; j++) {
        assertEquals(0.0, SNext.get(i, j), 0.0, where + ": S⁻_{t+1} above its diagonal");
      }
    }
    DMatrixRMaj PNext = CommonOps_DDRM.multTransB(SNext, SNext, null);
    assertClose(expected.PNext, PNext, where + ": S⁻_{t+1} S⁻_{t+1}ᵀ");
  }

  /**
   * Which steps take the array ({@link StepKernel#predictorArrayFits}): blocks of at most 18 rows
   * whatever F, but of at most 4 for an F of upper bandwidth one (a shift up), beyond 18 rows one
   * observed entry with a mostly nonzero F only, and nothing that records derivatives.
   */
  @Test
  void theArrayIsTakenWhereItWasMeasuredToPay() {
    assertTrue(fits(5, 2, denseF(5), true));
    assertTrue(fits(12, 6, denseF(12), true));
    assertFalse(fits(12, 7, denseF(12), true));
    assertTrue(fits(40, 1, denseF(40), true));
    assertFalse(fits(40, 2, denseF(40), true));
    assertFalse(fits(40, 1, shiftUp(40), true)); // a sparse F beyond 18 rows
    assertTrue(fits(13, 1, shiftUpWithDenseRow(13), true)); // a dummy seasonal's F
    assertFalse(fits(13, 1, shiftUp(13), true)); // banded beyond 4 rows
    assertTrue(fits(3, 1, shiftUp(3), true));
    assertTrue(fits(13, 1, shiftUp(13), false)); // F may vary: its band is not known
    StepKernel recording = new StepKernel(new Dimensions(5, 2, 5, 2, 5));
    recording.startSweep(system(denseF(5), 2));
    recording.forDerivatives(true);
    assertFalse(recording.predictorArrayFits(2, denseF(5)));
  }

  private static boolean fits(int nx, int p, DMatrixRMaj F, boolean timeInvariant) {
    StepKernel kernel = new StepKernel(new Dimensions(nx, p, nx, p, nx));
    StateSpaceSystem system = system(F, p);
    kernel.startSweep(timeInvariant ? system : RandomSystems.declaredTimeVarying(system));
    return kernel.predictorArrayFits(p, F);
  }

  private static StateSpaceSystem system(DMatrixRMaj F, int ny) {
    int nx = F.numRows;
    return StateSpaceSystem.builder()
        .F(F)
        .H(new DMatrixRMaj(ny, nx))
        .cholQ(CommonOps_DDRM.identity(nx))
        .cholR(CommonOps_DDRM.identity(ny))
        .cholP0(CommonOps_DDRM.identity(nx))
        .build();
  }

  private static DMatrixRMaj denseF(int nx) {
    DMatrixRMaj F = new DMatrixRMaj(nx, nx);
    java.util.Arrays.fill(F.data, 0.1);
    return F;
  }

  private static DMatrixRMaj shiftUp(int nx) {
    DMatrixRMaj F = new DMatrixRMaj(nx, nx);
    for (int i = 0; i < nx; i++) {
      F.set(i, 0, 0.1);
      if (i + 1 < nx) {
        F.set(i, i + 1, 1.0);
      }
    }
    return F;
  }

  private static DMatrixRMaj shiftUpWithDenseRow(int nx) {
    DMatrixRMaj F = shiftUp(nx);
    for (int j = 0; j < nx; j++) {
      F.set(0, j, -1.0);
    }
    return F;
  }

  /** A singular innovation covariance is refused by the array as by the update, naming the step. */
  @Test
  void aSingularInnovationNamesTheStep() {
    int nx = 3;
    DMatrixRMaj F = CommonOps_DDRM.identity(nx);
    DMatrixRMaj H = new DMatrixRMaj(1, nx, true, 1, 0, 0);
    DMatrixRMaj cholQ = CommonOps_DDRM.identity(nx);
    DMatrixRMaj cholR = new DMatrixRMaj(1, 1);
    DMatrixRMaj S = new DMatrixRMaj(nx, nx); // P⁻ = 0: H P⁻ Hᵀ + R = 0
    StateSpaceSystem system =
        StateSpaceSystem.builder()
            .F(F)
            .H(H)
            .cholQ(cholQ)
            .cholR(cholR)
            .cholP0(CommonOps_DDRM.identity(nx))
            .build();
    StepKernel kernel = new StepKernel(Dimensions.of(system));
    kernel.startSweep(system);
    FilterException e =
        assertThrows(
            FilterException.class,
            () ->
                kernel.updateAndPredict(
                    7,
                    H,
                    new DMatrixRMaj(1, 1),
                    cholR,
                    F,
                    new DMatrixRMaj(nx, 1),
                    cholQ,
                    new double[] {1.0},
                    new int[] {0},
                    1,
                    new DMatrixRMaj(nx, 1),
                    S));
    assertEquals(7, e.step());
    assertTrue(e.getMessage().startsWith("time step 8: "), e.getMessage());
    assertTrue(e.getMessage().contains("singular"), e.getMessage());
  }

  private record Covariance(double llt, DMatrixRMaj XNext, DMatrixRMaj PNext) {}

  /**
   * The update and the predict in covariance form on the observed rows: Σ = H P⁻ Hᵀ + R, K = P⁻ Hᵀ
   * Σ⁻¹, X⁺ = X⁻ + K E, P⁺ = P⁻ − K H P⁻, X⁻_{t+1} = F X⁺ + [c, 0], P⁻_{t+1} = F P⁺ Fᵀ + Q, ℓ_t =
   * −½ (p log 2π + log det Σ + eᵀ Σ⁻¹ e).
   */
  private static Covariance covarianceForm(
      DMatrixRMaj F,
      DMatrixRMaj c,
      DMatrixRMaj H,
      DMatrixRMaj d,
      DMatrixRMaj cholQ,
      DMatrixRMaj cholR,
      double[] y,
      int[] index,
      int p,
      DMatrixRMaj X,
      DMatrixRMaj S) {
    int nx = F.numRows;
    int w = X.numCols;
    DMatrixRMaj P = CommonOps_DDRM.multTransB(S, S, null);
    DMatrixRMaj Ho = new DMatrixRMaj(p, nx);
    DMatrixRMaj cholRo = new DMatrixRMaj(p, cholR.numCols);
    DMatrixRMaj E = new DMatrixRMaj(p, w);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < nx; j++) {
        Ho.set(i, j, H.get(index[i], j));
      }
      for (int j = 0; j < cholR.numCols; j++) {
        cholRo.set(i, j, cholR.get(index[i], j));
      }
      E.set(i, 0, y[index[i]] - d.get(index[i], 0));
    }
    DMatrixRMaj HX = CommonOps_DDRM.mult(Ho, X, null);
    CommonOps_DDRM.subtractEquals(E, HX);
    DMatrixRMaj PHt = CommonOps_DDRM.multTransB(P, Ho, null);
    DMatrixRMaj sigma = CommonOps_DDRM.mult(Ho, PHt, null);
    CommonOps_DDRM.addEquals(sigma, CommonOps_DDRM.multTransB(cholRo, cholRo, null));
    DMatrixRMaj sigmaInvE = new DMatrixRMaj(p, w);
    CommonOps_DDRM.solve(sigma, E, sigmaInvE);
    double quadratic = 0;
    for (int i = 0; i < p; i++) {
      quadratic += E.get(i, 0) * sigmaInvE.get(i, 0);
    }
    double llt =
        -0.5 * (p * Math.log(2 * Math.PI) + Math.log(CommonOps_DDRM.det(sigma)) + quadratic);
    DMatrixRMaj XFilt = X.copy();
    CommonOps_DDRM.multAdd(PHt, sigmaInvE, XFilt);
    DMatrixRMaj sigmaInvHP = new DMatrixRMaj(p, nx);
    CommonOps_DDRM.solve(sigma, CommonOps_DDRM.transpose(PHt, null), sigmaInvHP);
    DMatrixRMaj PFilt = P.copy();
    CommonOps_DDRM.multAdd(-1, PHt, sigmaInvHP, PFilt);
    DMatrixRMaj XNext = CommonOps_DDRM.mult(F, XFilt, null);
    for (int i = 0; i < nx; i++) {
      XNext.add(i, 0, c.get(i, 0));
    }
    DMatrixRMaj PNext = CommonOps_DDRM.multTransB(CommonOps_DDRM.mult(F, PFilt, null), F, null);
    CommonOps_DDRM.addEquals(PNext, CommonOps_DDRM.multTransB(cholQ, cholQ, null));
    return new Covariance(llt, XNext, PNext);
  }

  private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
    assertEquals(expected.numRows, actual.numRows, what);
    assertEquals(expected.numCols, actual.numCols, what);
    double scale = Math.max(1, CommonOps_DDRM.elementMaxAbs(expected));
    for (int e = 0; e < expected.getNumElements(); e++) {
      assertEquals(expected.data[e], actual.data[e], TOLERANCE * scale, what + ", entry " + e);
    }
  }

  private static DMatrixRMaj lower(DMatrixRMaj m) {
    for (int i = 0; i < m.numRows; i++) {
      for (int j = i + 1; j < m.numCols; j++) {
        m.set(i, j, 0.0);
      }
    }
    return m;
  }

  /** A companion matrix: its first row random and small, ones below the diagonal. */
  private static DMatrixRMaj companion(Random rng, int nx) {
    DMatrixRMaj F = new DMatrixRMaj(nx, nx);
    for (int j = 0; j < nx; j++) {
      F.set(0, j, 0.3 * rng.nextGaussian() / nx);
    }
    for (int i = 1; i < nx; i++) {
      F.set(i, i - 1, 1.0);
    }
    return F;
  }
}
