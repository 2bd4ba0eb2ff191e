package io.gramian.autodiff.tape;

import io.gramian.autodiff.TriaRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A factor {@code S} (nx × nx, lower triangular) of the stationary covariance of {@code x_{t+1} = F
 * x_t + w_t}, {@code w_t ~ N(0, cholQ cholQᵀ)}:
 *
 * <pre>
 *   S Sᵀ = P,   P = F P Fᵀ + Q,   Q = cholQ cholQᵀ          F: nx × nx,  cholQ: nx × q
 * </pre>
 *
 * computed on the tape by the square-root doubling recursion
 *
 * <pre>
 *   S₀ = tria(cholQ),   A₀ = F
 *   S_{k+1} = tria([S_k, A_k S_k]),   A_{k+1} = A_k A_k
 * </pre>
 *
 * so that {@code S_k S_kᵀ = Σ_{j < 2^k} F^j Q F^jᵀ}: each step doubles the number of terms of the
 * series, and the remainder {@code P − S_k S_kᵀ = A_k P A_kᵀ} shrinks with {@code A_k = F^(2^k)},
 * which is squared at every step (quadratic convergence). The recursion stops at the first k with
 * {@code max|A_k S_k| ≤ CONVERGENCE_TOLERANCE · max|S_k|}, when the next increment is below
 * rounding (relative size 10⁻³² in P): about {@code log₂(37 / −ln ρ(F))} steps, 8 at ρ = 0.79, 12
 * at ρ = 0.99, 16 at ρ = 0.999.
 *
 * <h2>Why differentiating the unrolled recursion is exact</h2>
 *
 * Every step is recorded on the tape, so the reverse pass returns the exact derivative of the
 * computed {@code S_K}. That value is a polynomial in (F, cholQ): {@code S_K S_Kᵀ = P_K = Σ_{j <
 * 2^K} F^j Q F^jᵀ}, and each step reads the previous one only through its Gramian (that of {@code
 * [S_k, A_k S_k]} is {@code P_k + A_k P_k A_kᵀ}), so the Gramian identity of every tria rule makes
 * the tape's derivative of {@code P_K} exact whatever the rank of cholQ; where P is positive
 * definite, tria is smooth there and the derivative of {@code S_K} itself is exact too. What is
 * left is the truncation {@code P − P_K = A_K P A_Kᵀ}, whose derivative is of relative size about
 * {@code 2^K · 10⁻³²} at the stopping point, far below rounding.
 *
 * <p>Contrast the linear iteration {@code P ← F P Fᵀ + Q}: differentiating only its last step is
 * biased (45 % off at ρ = 0.79), because it converges linearly and the steps left out still carry a
 * derivative of order one. Here nothing is left out, and the iteration converges quadratically, so
 * recording every step costs only about {@code log₂} of the number of terms. The result agrees with
 * the implicit derivative of P = F P Fᵀ + Q ({@code X = Fᵀ X F + P̄_sym}, {@code Q̄ = X}, {@code F̄
 * = 2 X F P}) to rounding (about 1e-15 in the tests).
 *
 * <p>Stability is required of F itself, not only of the part of the state that cholQ reaches: after
 * convergence, {@code A_K} is squared (off the tape) until {@code ‖A‖_∞ < 1}, which proves {@code
 * ρ(F) < 1}. An F with an eigenvalue of modulus at least 1 is an {@link ArithmeticException}.
 */
public final class StationaryFactor {

  /**
   * Stop when {@code max|A_k S_k| ≤} this times {@code max|S_k|}: the next increment of P is then
   * below {@code 10⁻³²} of P, far below double-precision rounding of P.
   */
  public static final double CONVERGENCE_TOLERANCE = 1e-16;

  /** The most doubling steps (2⁶⁴ terms of the series); more means ρ(F) is 1 to rounding. */
  public static final int MAX_STEPS = 64;

  /**
   * {@code max|A_k|} beyond which F is declared unstable: for a stable F, {@code A_k = F^{2^k}} can
   * exceed 1 only by the transient growth of a non-normal F, never by a factor 10¹⁵⁰ in models of
   * this size; with the bound, {@code A_k A_k} cannot overflow.
   */
  public static final double DIVERGENCE_BOUND = 1e150;

  /** Largest accepted bound {@code nx · max|A_k| · max|S_k|} on the entries of {@code A_k S_k}. */
  private static final double OVERFLOW_GUARD = 1e300;

  private StationaryFactor() {}

  /**
   * The stationary factor S of (F, cholQ), differentiated through every doubling step with the
   * default tria rule ({@link TriaRule#defaultRule()}).
   *
   * @param F nx × nx, spectral radius below 1
   * @param cholQ nx × q, any rank (q = 0 and cholQ = 0 give S = 0)
   * @return S, nx × nx lower triangular with {@code S Sᵀ = F S Sᵀ Fᵀ + cholQ cholQᵀ}
   * @throws ArithmeticException if F is not stable (its spectral radius is at least 1)
   */
  public static Var of(Var F, Var cholQ) {
    final int nx = F.rows();
    if (F.cols() != nx || cholQ.rows() != nx) {
      throw new IllegalArgumentException(
          "stationaryFactor: F is "
              + F.rows()
              + " × "
              + F.cols()
              + " and cholQ is "
              + cholQ.rows()
              + " × "
              + cholQ.cols()
              + "; expected nx × nx and nx × q");
    }
    F.tape.requireOwn(cholQ, "stationaryFactor");
    final TriaRule rule = TriaRule.defaultRule();
    Var S = cholQ.tria(rule);
    Var A = F;
    for (int step = 0; step < MAX_STEPS; step++) {
      double a = CommonOps_DDRM.elementMaxAbs(A.value);
      double s = CommonOps_DDRM.elementMaxAbs(S.value);
      if (a > DIVERGENCE_BOUND || a * s * nx > OVERFLOW_GUARD) {
        throw notStable(
            "at doubling step " + step + ", max|F^(2^" + step + ")| = " + a + " and max|S| = " + s);
      }
      Var AS = A.times(S);
      if (CommonOps_DDRM.elementMaxAbs(AS.value) <= CONVERGENCE_TOLERANCE * s) {
        requireStable(A.value, step);
        return S;
      }
      S = F.tape.block(new Var[][] {{S, AS}}).tria(rule);
      A = A.times(A);
    }
    throw notStable("the doubling recursion did not converge in " + MAX_STEPS + " steps");
  }

  /**
   * The stationary mean μ of {@code x_{t+1} = F x_t + c + w_t}, {@code μ = F μ + c = (I − F)⁻¹ c},
   * on the tape by the same doubling, without a solve:
   *
   * <pre>
   *   μ₀ = c,   A₀ = F,   μ_{k+1} = μ_k + A_k μ_k,   A_{k+1} = A_k A_k
   * </pre>
   *
   * so that {@code μ_k = Σ_{j < 2^k} F^j c}, stopped when the increment {@code A_k μ_k} is below
   * {@link #CONVERGENCE_TOLERANCE} of μ_k (or is exactly zero). Every step is recorded, so the
   * derivative is that of the truncated series, exact to rounding as for the factor.
   *
   * @param F nx × nx, spectral radius below 1
   * @param c nx × 1
   * @return μ, nx × 1
   * @throws ArithmeticException if F is not stable
   */
  public static Var mean(Var F, Var c) {
    final int nx = F.rows();
    if (F.cols() != nx || c.rows() != nx || c.cols() != 1) {
      throw new IllegalArgumentException(
          "stationaryMean: F is "
              + F.rows()
              + " × "
              + F.cols()
              + " and c is "
              + c.rows()
              + " × "
              + c.cols()
              + "; expected nx × nx and nx × 1");
    }
    F.tape.requireOwn(c, "stationaryMean");
    Var mu = c;
    Var A = F;
    for (int step = 0; step < MAX_STEPS; step++) {
      double a = CommonOps_DDRM.elementMaxAbs(A.value);
      double m = CommonOps_DDRM.elementMaxAbs(mu.value);
      if (a > DIVERGENCE_BOUND || a * m * nx > OVERFLOW_GUARD) {
        throw notStable(
            "at doubling step " + step + ", max|F^(2^" + step + ")| = " + a + " and max|μ| = " + m);
      }
      Var Amu = A.times(mu);
      double increment = CommonOps_DDRM.elementMaxAbs(Amu.value);
      if (increment <= CONVERGENCE_TOLERANCE * m) {
        requireStable(A.value, step);
        return mu;
      }
      mu = mu.add(Amu);
      A = A.times(A);
    }
    throw notStable("the doubling recursion did not converge in " + MAX_STEPS + " steps");
  }

  /**
   * Proves {@code ρ(F) < 1} from {@code A = F^(2^step)}: squares A (values only, not recorded)
   * until {@code ‖A‖_∞ < 1}, which bounds {@code ρ(F)^(2^k) ≤ ‖A‖_∞ < 1}.
   */
  private static void requireStable(DMatrixRMaj Ak, int step) {
    DMatrixRMaj A = Ak.copy();
    DMatrixRMaj square = new DMatrixRMaj(A.numRows, A.numCols);
    for (int k = step; k < MAX_STEPS; k++) {
      double norm = maxRowSum(A);
      if (norm < 1) {
        return;
      }
      if (!(norm <= DIVERGENCE_BOUND)) {
        throw notStable("‖F^(2^" + k + ")‖_∞ exceeds " + DIVERGENCE_BOUND);
      }
      CommonOps_DDRM.mult(A, A, square);
      DMatrixRMaj t = A;
      A = square;
      square = t;
    }
    throw notStable("‖F^(2^k)‖_∞ stays at least 1 up to k = " + MAX_STEPS);
  }

  /** {@code ‖A‖_∞ = max_i Σ_j |A_ij|}, an upper bound on the spectral radius. */
  private static double maxRowSum(DMatrixRMaj A) {
    double largest = 0;
    for (int i = 0; i < A.numRows; i++) {
      double sum = 0;
      for (int j = 0; j < A.numCols; j++) {
        sum += Math.abs(A.unsafe_get(i, j));
      }
      largest = Math.max(largest, sum);
    }
    return largest;
  }

  private static ArithmeticException notStable(String detail) {
    return new ArithmeticException(
        "F is not stable: its spectral radius is at least 1, so the process has no stationary"
            + " covariance to start from ("
            + detail
            + ")");
  }
}
