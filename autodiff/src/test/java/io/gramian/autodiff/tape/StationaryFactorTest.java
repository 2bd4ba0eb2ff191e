package io.gramian.autodiff.tape;

import static io.gramian.autodiff.testing.FiniteDifferences.*;
import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StationaryFactor}: the value solves {@code P = F P Fᵀ + Q}, and the derivative through the
 * recorded doubling steps equals the implicit derivative of P = F P Fᵀ + Q and central differences.
 * The reference P and X come from the Kronecker form {@code (I − F ⊗ F) vec P = vec Q}, independent
 * of the doubling.
 */
class StationaryFactorTest {

  /**
   * Residual of the Lyapunov equation relative to max|P|: the doubling adds one rounding per step
   * and {@code S Sᵀ} is formed here once, a few ε · nx in all.
   */
  private static final double LYAPUNOV_TOLERANCE = 1e-13;

  /**
   * P and the implicit adjoints against the Kronecker solve, whose condition number is about {@code
   * 1 / (1 − ρ²) ≈ 50} at ρ = 0.99 times the non-normal transient: a few 1e-14 of rounding in the
   * reference itself (measured agreement ≤ 5e-15).
   */
  private static final double KRONECKER_TOLERANCE = 1e-12;

  /**
   * Five-point central differences (FiniteDifferences.FD_STEP): rounding ε |ℓ| / h with |ℓ| up to ≈
   * 50 at ρ = 0.99 dominates (measured ≤ 1.1e-10); 1e-9 leaves a factor 9.
   */
  private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-9;

  /** Stable systems: (name, F, cholQ). */
  static List<Arguments> systems() {
    Random rng = new Random(5);
    return List.of(
        Arguments.of("3 × 3, q = 2, ρ = 0.9", withSpectralRadius(rng, 3, 0.9), gaussian(rng, 3, 2)),
        Arguments.of(
            "4 × 4, q = 1, ρ = 0.99", withSpectralRadius(rng, 4, 0.99), gaussian(rng, 4, 1)),
        Arguments.of(
            "5 × 5, q = 5, ρ = 0.79", withSpectralRadius(rng, 5, 0.79), gaussian(rng, 5, 5)),
        Arguments.of(
            "2 × 2 non-normal, q = 1",
            new DMatrixRMaj(2, 2, true, 0.5, 3, 0, 0.6),
            new DMatrixRMaj(2, 1, true, 0.3, 1.0)),
        Arguments.of(
            "AR(2) companion, q = 1",
            new DMatrixRMaj(2, 2, true, 0.5, 1, 0.3, 0),
            new DMatrixRMaj(2, 1, true, 0.8, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void solvesTheLyapunovEquation(String name, DMatrixRMaj F, DMatrixRMaj cholQ) {
    Tape tape = new Tape();
    DMatrixRMaj S = StationaryFactor.of(tape.constant(F), tape.constant(cholQ)).value();
    DMatrixRMaj P = CommonOps_DDRM.multTransB(S, S, null);
    DMatrixRMaj residual = CommonOps_DDRM.multTransB(cholQ, cholQ, null);
    DMatrixRMaj FP = CommonOps_DDRM.mult(F, P, null);
    CommonOps_DDRM.multAddTransB(FP, F, residual);
    CommonOps_DDRM.subtractEquals(residual, P);
    double scale = CommonOps_DDRM.elementMaxAbs(P);
    assertTrue(
        CommonOps_DDRM.elementMaxAbs(residual) <= LYAPUNOV_TOLERANCE * scale,
        "max|F P Fᵀ + Q − P| / max|P| = " + CommonOps_DDRM.elementMaxAbs(residual) / scale);
    assertTrue(
        relativeError(P, lyapunov(F, CommonOps_DDRM.multTransB(cholQ, cholQ, null)))
            <= KRONECKER_TOLERANCE);
    for (int i = 0; i < S.numRows; i++) {
      assertTrue(S.get(i, i) >= 0, "diag(S) ≥ 0");
      for (int j = i + 1; j < S.numCols; j++) {
        assertEquals(0.0, S.get(i, j), "S is lower triangular");
      }
    }
  }

  /**
   * Loss {@code ℓ = ⟨W, P⟩}, {@code P = S Sᵀ}. Implicit differentiation of P = F P Fᵀ + Q: with
   * {@code X = Fᵀ X F + P̄_sym}, {@code P̄_sym = (W + Wᵀ) / 2}, {@code Q̄ = X} and {@code F̄ = 2 X
   * F P}, so {@code cholQ̄ = 2 Q̄ cholQ = 2 X cholQ}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void derivativeEqualsTheImplicitDerivative(String name, DMatrixRMaj F, DMatrixRMaj cholQ) {
    double[] err = implicitDerivativeErrors(name, F, cholQ);
    assertTrue(err[0] <= KRONECKER_TOLERANCE, "F̄ vs 2 X F P: " + err[0]);
    assertTrue(err[1] <= KRONECKER_TOLERANCE, "cholQ̄ vs 2 X cholQ: " + err[1]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void derivativeMatchesFiniteDifferences(String name, DMatrixRMaj F, DMatrixRMaj cholQ) {
    double[] err = finiteDifferenceErrors(name, F, cholQ);
    assertTrue(err[0] <= FINITE_DIFFERENCE_TOLERANCE, "F̄ vs central differences: " + err[0]);
    assertTrue(err[1] <= FINITE_DIFFERENCE_TOLERANCE, "cholQ̄ vs central differences: " + err[1]);
  }

  /**
   * Loss {@code ℓ = ⟨W, P⟩}, {@code P = S Sᵀ}. Implicit differentiation of P = F P Fᵀ + Q: with
   * {@code X = Fᵀ X F + P̄_sym}, {@code P̄_sym = (W + Wᵀ) / 2}, {@code Q̄ = X} and {@code F̄ = 2 X
   * F P}, so {@code cholQ̄ = 2 Q̄ cholQ = 2 X cholQ}.
   *
   * @return relative errors of the tape's F̄ and cholQ̄ against these
   */
  static double[] implicitDerivativeErrors(String name, DMatrixRMaj F, DMatrixRMaj cholQ) {
    int nx = F.numRows;
    DMatrixRMaj W = gaussian(new Random(name.hashCode()), nx, nx);
    Tape tape = new Tape();
    Var Fv = tape.variable(F);
    Var cholQv = tape.variable(cholQ);
    Var S = StationaryFactor.of(Fv, cholQv);
    tape.seed(S.times(S.transpose()), W);
    tape.backwardAdd(new double[0]);

    DMatrixRMaj PBarSym = CommonOps_DDRM.add(0.5, W, 0.5, CommonOps_DDRM.transpose(W, null), null);
    DMatrixRMaj X = lyapunov(CommonOps_DDRM.transpose(F, null), PBarSym);
    DMatrixRMaj P = lyapunov(F, CommonOps_DDRM.multTransB(cholQ, cholQ, null));
    DMatrixRMaj FBar = CommonOps_DDRM.mult(CommonOps_DDRM.mult(X, F, null), P, null);
    CommonOps_DDRM.scale(2, FBar);
    DMatrixRMaj cholQBar = CommonOps_DDRM.mult(X, cholQ, null);
    CommonOps_DDRM.scale(2, cholQBar);
    return new double[] {
      relativeError(Fv.adjoint(), FBar), relativeError(cholQv.adjoint(), cholQBar)
    };
  }

  /**
   * Loss {@code ℓ = ⟨W, S⟩} on the factor's own entries (P ≻ 0, so S is smooth).
   *
   * @return relative errors of the tape's F̄ and cholQ̄ against central differences
   */
  static double[] finiteDifferenceErrors(String name, DMatrixRMaj F, DMatrixRMaj cholQ) {
    int nx = F.numRows;
    DMatrixRMaj W = gaussian(new Random(name.hashCode() + 1L), nx, nx);
    Tape tape = new Tape();
    Var Fv = tape.variable(F);
    Var cholQv = tape.variable(cholQ);
    tape.seed(StationaryFactor.of(Fv, cholQv), W);
    tape.backwardAdd(new double[0]);

    DMatrixRMaj FBarFd = centralDifferences(f -> factorLoss(W, f, cholQ), F);
    DMatrixRMaj cholQBarFd = centralDifferences(q -> factorLoss(W, F, q), cholQ);
    return new double[] {
      relativeError(Fv.adjoint(), FBarFd), relativeError(cholQv.adjoint(), cholQBarFd)
    };
  }

  /**
   * The stationary mean μ = (I − F)⁻¹ c by doubling against a linear solve, and its derivative for
   * the loss ⟨w, μ⟩ against the implicit one: with x = (I − F)⁻ᵀ w, {@code c̄ = x} and {@code F̄ =
   * x μᵀ}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void meanSolvesTheFixedPointAndDifferentiatesImplicitly(
      String name, DMatrixRMaj F, DMatrixRMaj cholQ) {
    int nx = F.numRows;
    Random rng = new Random(name.hashCode() + 2L);
    DMatrixRMaj c = gaussian(rng, nx, 1);
    DMatrixRMaj w = gaussian(rng, nx, 1);
    Tape tape = new Tape();
    Var Fv = tape.variable(F);
    Var cv = tape.variable(c);
    Var mu = StationaryFactor.mean(Fv, cv);
    tape.seed(mu, w);
    tape.backwardAdd(new double[0]);

    DMatrixRMaj IminusF = CommonOps_DDRM.identity(nx);
    CommonOps_DDRM.subtractEquals(IminusF, F);
    DMatrixRMaj expected = new DMatrixRMaj(nx, 1);
    assertTrue(CommonOps_DDRM.solve(IminusF, c, expected));
    assertTrue(relativeError(mu.value(), expected) <= KRONECKER_TOLERANCE, name);
    DMatrixRMaj x = new DMatrixRMaj(nx, 1);
    assertTrue(CommonOps_DDRM.solve(CommonOps_DDRM.transpose(IminusF, null), w, x));
    DMatrixRMaj FBar = CommonOps_DDRM.multTransB(x, expected, null);
    assertTrue(relativeError(cv.adjoint(), x) <= KRONECKER_TOLERANCE, "c̄ " + name);
    assertTrue(relativeError(Fv.adjoint(), FBar) <= KRONECKER_TOLERANCE, "F̄ " + name);
  }

  @Test
  void theMeanOfAnUnstableTransitionIsAnError() {
    Tape tape = new Tape();
    Var F = tape.constant(new DMatrixRMaj(2, 2, true, 1.01, 0, 0, 0.5));
    Var c = tape.constant(new DMatrixRMaj(2, 1, true, 1, 1));
    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> StationaryFactor.mean(F, c));
    assertTrue(e.getMessage().contains("not stable"), e.getMessage());
  }

  /** AR(2): the first state's variance is γ₀ = σ² (1 − φ2) / ((1 + φ2)((1 − φ2)² − φ1²)). */
  @Test
  void ar2VarianceIsTheClosedForm() {
    double phi1 = 0.5;
    double phi2 = 0.3;
    double sigma = 0.8;
    Tape tape = new Tape();
    Var F = tape.constant(new DMatrixRMaj(2, 2, true, phi1, 1, phi2, 0));
    Var cholQ = tape.constant(new DMatrixRMaj(2, 1, true, sigma, 0));
    DMatrixRMaj S = StationaryFactor.of(F, cholQ).value();
    double gamma0 =
        sigma * sigma * (1 - phi2) / ((1 + phi2) * ((1 - phi2) * (1 - phi2) - phi1 * phi1));
    double p00 = S.get(0, 0) * S.get(0, 0);
    assertEquals(gamma0, p00, LYAPUNOV_TOLERANCE * gamma0);
  }

  static List<Arguments> unstable() {
    return List.of(
        Arguments.of("ρ = 1.2", withSpectralRadius(new Random(9), 3, 1.2), 3),
        Arguments.of("identity (ρ = 1)", CommonOps_DDRM.identity(2), 2),
        Arguments.of("rotation (ρ = 1)", new DMatrixRMaj(2, 2, true, 0.6, -0.8, 0.8, 0.6), 2),
        Arguments.of("unit root the noise does not reach", CommonOps_DDRM.diag(1, 0.5), 1),
        Arguments.of("explosive root the noise does not reach", CommonOps_DDRM.diag(2, 0.5), 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unstable")
  void unstableTransitionIsAnError(String name, DMatrixRMaj F, int reachedFrom) {
    int nx = F.numRows;
    // cholQ = the last nx − reachedFrom + 1 unit vectors: noise in the states from reachedFrom − 1
    // on.
    DMatrixRMaj cholQ = new DMatrixRMaj(nx, nx - reachedFrom + 1);
    for (int j = 0; j < cholQ.numCols; j++) {
      cholQ.set(reachedFrom - 1 + j, j, 1.0);
    }
    Tape tape = new Tape();
    ArithmeticException e =
        assertThrows(
            ArithmeticException.class,
            () -> StationaryFactor.of(tape.variable(F), tape.constant(cholQ)));
    assertTrue(
        e.getMessage().startsWith("F is not stable: its spectral radius is at least 1"),
        e.getMessage());
  }

  /** Without noise P = 0: the factor is 0 and the gradient is 0, not NaN. */
  @Test
  void zeroNoiseGivesAZeroFactorAndAFiniteGradient() {
    DMatrixRMaj F = withSpectralRadius(new Random(4), 3, 0.7);
    for (DMatrixRMaj cholQ : new DMatrixRMaj[] {new DMatrixRMaj(3, 2), new DMatrixRMaj(3, 0)}) {
      Tape tape = new Tape();
      Var Fv = tape.variable(F);
      Var cholQv = tape.variable(cholQ);
      Var S = StationaryFactor.of(Fv, cholQv);
      assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(S.value()));
      tape.seed(S.times(S.transpose()), gaussian(new Random(1), 3, 3));
      tape.backwardAdd(new double[0]);
      assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(Fv.adjoint()));
      assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(cholQv.adjoint()));
    }
  }

  @Test
  void shapesAreChecked() {
    Tape tape = new Tape();
    assertThrows(
        IllegalArgumentException.class,
        () -> StationaryFactor.of(tape.zeros(2, 3), tape.zeros(2, 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> StationaryFactor.of(tape.zeros(2, 2), tape.zeros(3, 1)));
  }

  // ---------------------------------------------------------------- references

  /** ⟨W, S(F, cholQ)⟩ computed on a fresh tape of constants. */
  private static double factorLoss(DMatrixRMaj W, DMatrixRMaj F, DMatrixRMaj cholQ) {
    Tape tape = new Tape();
    return inner(W, StationaryFactor.of(tape.constant(F), tape.constant(cholQ)).value());
  }

  /**
   * The solution of {@code P = A P Aᵀ + C} from the Kronecker form {@code (I − A ⊗ A) vec P = vec
   * C} (row-major vec).
   */
  static DMatrixRMaj lyapunov(DMatrixRMaj A, DMatrixRMaj C) {
    int n = A.numRows;
    DMatrixRMaj system = CommonOps_DDRM.kron(A, A, null);
    CommonOps_DDRM.scale(-1, system);
    for (int i = 0; i < n * n; i++) {
      system.add(i, i, 1.0);
    }
    DMatrixRMaj vecC = new DMatrixRMaj(n * n, 1, true, C.data);
    DMatrixRMaj vecP = new DMatrixRMaj(n * n, 1);
    assertTrue(CommonOps_DDRM.solve(system, vecC, vecP));
    DMatrixRMaj P = new DMatrixRMaj(n, n);
    System.arraycopy(vecP.data, 0, P.data, 0, n * n);
    return P;
  }
}
