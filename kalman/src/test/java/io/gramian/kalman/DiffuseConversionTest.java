package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.testing.Matrices;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The conversion from the augmented to the ordinary filter on its own: its moments against a
 * covariance-form computation, its tangent against central differences, and its adjoint against its
 * tangent (the dot-product test), in the explicit and the Gramian form.
 */
class DiffuseConversionTest {

  /** One conversion of size 5 × (5 + 3): rounding only. */
  private static final double ROUNDING_TOLERANCE = 1e-12;

  /** Central differences of step 1e-6: h² truncation and ε / h rounding, both near 1e-9. */
  private static final double FD_TOLERANCE = 1e-7;

  private static final double FD_STEP = 1e-6;

  private static final int NX = 5;
  private static final int D = 3;
  private static final int W = D + 1;

  private final Random rng = new Random(20261205);

  @Test
  void momentsAreTheStateGivenTheDataWithDeltaIntegratedOut() {
    Inputs in = inputs();
    DMatrixRMaj X = in.X.copy();
    DMatrixRMaj S = in.S.copy();
    conversion().convert(in.Lc, X, S, false);
    // δ̂ solves (L_ZZ L_ZZᵀ) δ̂ = s with s = −L_ZZ l_zZᵀ; P' = P⁺ + Ā (L_ZZ L_ZZᵀ)⁻¹ Āᵀ
    DMatrixRMaj LZZ = CommonOps_DDRM.extract(in.Lc, 0, D, 0, D);
    DMatrixRMaj lzZ = CommonOps_DDRM.extract(in.Lc, D, D + 1, 0, D);
    DMatrixRMaj precision = new DMatrixRMaj(D, D);
    CommonOps_DDRM.multTransB(LZZ, LZZ, precision);
    DMatrixRMaj s = new DMatrixRMaj(D, 1);
    CommonOps_DDRM.multTransB(-1.0, LZZ, lzZ, s);
    DMatrixRMaj delta = new DMatrixRMaj(D, 1);
    CommonOps_DDRM.solve(precision, s, delta);
    DMatrixRMaj Abar = CommonOps_DDRM.extract(in.X, 0, NX, 1, W);
    DMatrixRMaj mean = CommonOps_DDRM.extract(in.X, 0, NX, 0, 1);
    CommonOps_DDRM.multAdd(Abar, delta, mean);
    DMatrixRMaj covariance = new DMatrixRMaj(D, D);
    CommonOps_DDRM.invert(precision, covariance);
    DMatrixRMaj P = Matrices.gram(in.S);
    DMatrixRMaj AC = new DMatrixRMaj(NX, D);
    CommonOps_DDRM.mult(Abar, covariance, AC);
    CommonOps_DDRM.multAddTransB(AC, Abar, P);
    assertEquals(1, X.numCols);
    assertTrue(Matrices.relativeError(X, mean) <= ROUNDING_TOLERANCE);
    assertTrue(Matrices.relativeError(Matrices.gram(S), P) <= ROUNDING_TOLERANCE);
  }

  @Test
  void tangentMatchesCentralDifferences() {
    Inputs in = inputs();
    Inputs dir = directions();
    Run run = run(in, dir);
    DMatrixRMaj dX = run.dX();
    DMatrixRMaj dS = run.dS();

    DMatrixRMaj[] plus = converted(in, dir, FD_STEP);
    DMatrixRMaj[] minus = converted(in, dir, -FD_STEP);
    DMatrixRMaj fdMean = plus[0].copy();
    CommonOps_DDRM.subtractEquals(fdMean, minus[0]);
    CommonOps_DDRM.scale(0.5 / FD_STEP, fdMean);
    DMatrixRMaj fdS = plus[1].copy();
    CommonOps_DDRM.subtractEquals(fdS, minus[1]);
    CommonOps_DDRM.scale(0.5 / FD_STEP, fdS);
    assertTrue(Matrices.relativeError(dX, fdMean) <= FD_TOLERANCE);
    assertTrue(Matrices.relativeError(dS, fdS) <= FD_TOLERANCE);
  }

  @Test
  void adjointIsTheTangentsTransposeInBothForms() {
    Inputs in = inputs();
    Inputs dir = directions();
    Run run = run(in, dir);
    DiffuseConversion conversion = run.conversion();
    DMatrixRMaj S = run.S();
    DMatrixRMaj dX = run.dX();
    DMatrixRMaj dS = run.dS();

    // a loss reading S' through P' only: S̄' = G S' with G symmetric
    DMatrixRMaj G = Matrices.gaussian(rng, NX, NX);
    CommonOps_DDRM.addEquals(G, CommonOps_DDRM.transpose(G, null));
    DMatrixRMaj mBar = Matrices.gaussian(rng, NX, 1);
    DMatrixRMaj SBarConverted = new DMatrixRMaj(NX, NX);
    CommonOps_DDRM.mult(G, S, SBarConverted);
    double out = Matrices.inner(mBar, dX) + Matrices.inner(SBarConverted, dS);

    // explicit form
    DMatrixRMaj SBar = SBarConverted.copy();
    DMatrixRMaj XBar = new DMatrixRMaj(1, 1);
    DMatrixRMaj LcBar = new DMatrixRMaj(W, W);
    conversion.adjoint(TriaRule.MASKED, mBar, null, SBar, XBar, LcBar);
    double in1 =
        Matrices.inner(XBar, dir.X) + Matrices.inner(SBar, dir.S) + Matrices.inner(LcBar, dir.Lc);
    assertEquals(out, in1, ROUNDING_TOLERANCE * Math.abs(out));

    // Gramian form: S̄⁺ = G S⁺ stays with the caller
    DMatrixRMaj XBarG = new DMatrixRMaj(1, 1);
    DMatrixRMaj LcBarG = new DMatrixRMaj(W, W);
    conversion.adjoint(TriaRule.MASKED, mBar, G, null, XBarG, LcBarG);
    DMatrixRMaj SBarPlus = new DMatrixRMaj(NX, NX);
    CommonOps_DDRM.mult(G, in.S, SBarPlus);
    double in2 =
        Matrices.inner(XBarG, dir.X)
            + Matrices.inner(SBarPlus, dir.S)
            + Matrices.inner(LcBarG, dir.Lc);
    assertEquals(out, in2, ROUNDING_TOLERANCE * Math.abs(out));
    assertTrue(Matrices.relativeError(SBar, SBarPlus) <= ROUNDING_TOLERANCE);
  }

  @Test
  void waitsUntilEveryDirectionIsIdentifiedWellEnough() {
    Inputs in = inputs();
    DMatrixRMaj Lc = in.Lc.copy();
    // row 1 of L_ZZ: (3, 1), relative pivot 1/√10 ≈ 0.32
    Lc.set(1, 0, 3.0);
    Lc.set(1, 1, 1.0);
    Lc.set(2, 0, 0.0);
    Lc.set(2, 1, 0.0);
    assertEquals(1 / Math.sqrt(10), DiffuseConversion.smallestRelativePivot(Lc), 1e-15);
    assertTrue(DiffuseConversion.ready(Lc));
    // the same geometry with direction 1 in units a million times larger: still ready
    DMatrixRMaj rescaled = Lc.copy();
    rescaled.set(1, 0, 3e6);
    rescaled.set(1, 1, 1e6);
    assertTrue(DiffuseConversion.ready(rescaled));
    // direction 1 nearly in the span of direction 0
    DMatrixRMaj nearlyDependent = Lc.copy();
    nearlyDependent.set(1, 1, 0.5 * DiffuseConversion.RELATIVE_PIVOT * 3.0);
    assertFalse(DiffuseConversion.ready(nearlyDependent));
    // a direction not yet identified
    DMatrixRMaj unidentified = Lc.copy();
    unidentified.set(2, 2, 0.0);
    assertFalse(DiffuseConversion.ready(unidentified));
  }

  private record Inputs(DMatrixRMaj X, DMatrixRMaj S, DMatrixRMaj Lc) {}

  /** A conversion of {@code in} (giving S') and its tangent along {@code dir} (dm', dS'). */
  private record Run(DiffuseConversion conversion, DMatrixRMaj S, DMatrixRMaj dX, DMatrixRMaj dS) {}

  private static Run run(Inputs in, Inputs dir) {
    DiffuseConversion conversion = conversion();
    DMatrixRMaj X = in.X.copy();
    DMatrixRMaj S = in.S.copy();
    conversion.convert(in.Lc, X, S, true);
    DMatrixRMaj dX = dir.X.copy();
    DMatrixRMaj dS = dir.S.copy();
    conversion.tangent(TriaRule.MASKED, dX, dS, dir.Lc);
    return new Run(conversion, S, dX, dS);
  }

  private static DiffuseConversion conversion() {
    return new DiffuseConversion(new Dimensions(NX, 1, NX, 1, NX, D));
  }

  /** X = [m, Ā], a lower-triangular S⁺, and a collapse factor with positive pivots. */
  private Inputs inputs() {
    DMatrixRMaj S = lower(NX);
    DMatrixRMaj Lc = lower(W);
    for (int j = 0; j < W; j++) {
      Lc.set(j, j, 0.5 + Math.abs(Lc.get(j, j)));
    }
    return new Inputs(Matrices.gaussian(rng, NX, W), S, Lc);
  }

  /** Tangent directions: any dX, dS⁺ lower triangular (as a filter's), dL_c lower triangular. */
  private Inputs directions() {
    return new Inputs(Matrices.gaussian(rng, NX, W), lower(NX), lower(W));
  }

  private DMatrixRMaj lower(int n) {
    DMatrixRMaj L = Matrices.gaussian(rng, n, n);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        L.set(i, j, 0.0);
      }
    }
    return L;
  }

  /** m' and P' at the inputs moved by h along the direction, by a conversion of its own. */
  private static DMatrixRMaj[] converted(Inputs in, Inputs dir, double h) {
    DMatrixRMaj X = in.X.copy();
    DMatrixRMaj S = in.S.copy();
    DMatrixRMaj Lc = in.Lc.copy();
    CommonOps_DDRM.addEquals(X, h, dir.X);
    CommonOps_DDRM.addEquals(S, h, dir.S);
    CommonOps_DDRM.addEquals(Lc, h, dir.Lc);
    conversion().convert(Lc, X, S, false);
    return new DMatrixRMaj[] {X, S};
  }
}
