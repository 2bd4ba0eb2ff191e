package io.gramian.autodiff;

/**
 * The differentiation rule used for {@code L = tria(M)}.
 *
 * <p>All three rules share one template. With {@code W = dM Q} and a map {@code T: W ↦ K},
 *
 * <pre>
 *   K = T W,   U = strictly_upper(K),   dL = W − L (U − Uᵀ)               (JVP)
 *   Y = Lᵀ L̄,  Z = strictly_upper(Yᵀ − Y),   M̄ = (L̄ + Tᵀ Z) Qᵀ            (VJP)
 * </pre>
 *
 * <p>Whatever {@code T} is, {@code dL Lᵀ + L dLᵀ = dM Mᵀ + M dMᵀ} (the rotation {@code U − Uᵀ} is
 * skew), so every rule is exact for a loss that depends on {@code M} only through {@code M Mᵀ}. The
 * rules differ in the non-Gramian part of {@code dL}, which matters when the caller reads the
 * blocks of {@code L} (as the Kalman update does). See {@code docs/tria.md}.
 */
public enum TriaRule {
  /**
   * Textbook rule, {@code T = L⁻¹}: Murray's Cholesky derivative of {@code G = M Mᵀ}. Needs every
   * pivot of {@code L} non-zero; at an exactly zero pivot it returns non-finite values. Kept as the
   * reference and the negative control.
   */
  FULL_RANK,

  /**
   * The published rule (arXiv:2603.13559), {@code T = L⁺} (Moore–Penrose pseudoinverse): the
   * column-space term plus the null-space correction {@code (I − L L⁺) W}. Exact for singular state
   * noise and initial covariance, but not where the Kalman update meets a singular
   * observation-noise covariance.
   */
  PSEUDOINVERSE,

  /**
   * The pivot-masked rule (the default), {@code T = E_J L_JJ⁻¹ E_Jᵀ} with {@code J = { j : |L_jj| >
   * τ }} ({@link RankThreshold}): a triangular solve that skips zero pivots. Exact also for
   * singular observation noise, and needs no SVD.
   */
  MASKED;

  /** The rule Gramian uses unless told otherwise. */
  public static TriaRule defaultRule() {
    return MASKED;
  }
}
