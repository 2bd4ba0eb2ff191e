package io.gramian.estimation.models;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;

/**
 * The proper part P* of the initial covariance of a block whose states are exactly diffuse:
 *
 * <pre>
 *   P*_b = D K Kᵀ D,    K = [R, T R, …, T^{m−1} R],   m = ⌈n / q⌉   (n × mq, about n columns)
 *   D = diag(1 for the diffuse states of the block, 0 for the others);  S = tria(D K)  (n × n)
 * </pre>
 *
 * <p>Why: P₁ = κ P∞ + P* with κ → ∞, and P* lies in the range of P∞ (D zeroes every other row), so
 * it changes nothing the data can see: with x₁ = a + A δ + u and δ flat, the part of u in range(A)
 * is absorbed into δ by translating it, so the diffuse likelihood (Durbin &amp; Koopman 2012 §5.2,
 * §7.2.2; de Jong 1991) and every moment conditional on the data are the same with P* = D K Kᵀ D as
 * with statsmodels' P* = 0. It matters to the square-root filter, whose diffuse (augmented) steps
 * need the proper part of each innovation variance, F*_t = H P*_t Hᵀ + R, to be positive:
 *
 * <ul>
 *   <li>with P* = 0 and no irregular (random walk, random walk with drift, random trend), F*₁ = 0,
 *       which the filter handles only by rerunning the call on a view of the system with the
 *       diffuse directions also in the initial factor (docs/filter.md, "A singular proper part"):
 *       twice the work of each evaluation;
 *   <li>with a tiny irregular σ²_ε (an estimate near its zero boundary), the whitened first
 *       innovations are of size y/σ_ε and the diffuse collapse cancels terms of size (y/σ_ε)²,
 *       losing every digit of ℓ.
 * </ul>
 *
 * With P* spanning what the block's noise reaches within m steps (the whole block for the
 * components here when their variances are positive: the level and trend, q ≤ 2, reach both states
 * in two steps; the dummy seasonal, q = 1, all s − 1 in s − 1 steps; a trigonometric seasonal or a
 * cycle, q = n, at once), F*_t stays at least of the size of the noise the observation sees,
 * whatever σ²_ε is.
 */
final class DiffuseBlockPrior {

  private DiffuseBlockPrior() {}

  /**
   * S with S Sᵀ = P*_b, or {@code null} when the block has no noise or no diffuse state (P* = 0
   * then, as statsmodels).
   */
  static Var factor(ComponentBlock block, Tape tape) {
    if (block.noise() == null) {
      return null;
    }
    int n = block.states();
    boolean any = false;
    Var[] mask = new Var[n];
    Var one = tape.constant(1);
    for (int i = 0; i < n; i++) {
      if (block.diffuse()[i]) {
        mask[i] = one;
        any = true;
      }
    }
    if (!any) {
      return null;
    }
    int q = block.noiseColumns();
    int m = (n + q - 1) / q;
    Var[][] krylov = new Var[1][m];
    Var power = block.noise();
    for (int j = 0; j < m; j++) {
      krylov[0][j] = power;
      if (j + 1 < m) {
        power = block.transition().times(power);
      }
    }
    Var K = tape.block(krylov);
    return tape.diag(mask).times(K).tria(TriaRule.defaultRule());
  }
}
