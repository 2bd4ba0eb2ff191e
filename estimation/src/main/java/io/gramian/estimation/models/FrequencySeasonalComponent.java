package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import java.util.Map;

/**
 * The trigonometric seasonal block of period s with h harmonics ({@link FrequencySeasonal}), 2h
 * states, block diagonal in the harmonics:
 *
 * <pre>
 *   [γ_{j,t+1} ]   [ cos λ_j  sin λ_j] [γ_{j,t} ]   [ω_{j,t} ]
 *   [γ*_{j,t+1}] = [−sin λ_j  cos λ_j] [γ*_{j,t}] + [ω*_{j,t}],   λ_j = 2πj/s,  j = 1 … h
 *   noise factor σ I_{2h};   contribution to y_t: Σ_j γ_{j,t}
 * </pre>
 *
 * The frequencies are constants. All states are exactly diffuse except γ*_{s/2} (see {@link
 * FrequencySeasonal}), which starts known at 0.
 */
final class FrequencySeasonalComponent {

  private FrequencySeasonalComponent() {}

  static ComponentBlock block(FrequencySeasonal f, Map<String, Var> parameters, Tape tape) {
    int n = f.states();
    Var[][] F = new Var[n][n];
    double[] design = new double[n];
    boolean[] diffuse = ComponentBlock.allDiffuse(n);
    for (int j = 1; j <= f.harmonics(); j++) {
      int i = 2 * (j - 1);
      double lambda = 2 * Math.PI * j / f.period();
      // At λ = π use the exact values: Math.sin(π) is 1.2e-16, not 0.
      double cos = f.isNyquist(j) ? -1 : Math.cos(lambda);
      double sin = f.isNyquist(j) ? 0 : Math.sin(lambda);
      F[i][i] = tape.constant(cos);
      F[i][i + 1] = tape.constant(sin);
      F[i + 1][i] = tape.constant(-sin);
      F[i + 1][i + 1] = tape.constant(cos);
      design[i] = 1;
      if (f.isNyquist(j)) {
        diffuse[i + 1] = false;
      }
    }
    Var noise = null;
    if (f.stochastic()) {
      Var s = parameters.get(f.varianceName());
      Var[][] R = new Var[n][n];
      for (int i = 0; i < n; i++) {
        R[i][i] = s;
      }
      noise = ComponentBlock.matrix(tape, R);
    }
    return new ComponentBlock(
        ComponentBlock.matrix(tape, F), noise, design, false, null, null, diffuse);
  }
}
