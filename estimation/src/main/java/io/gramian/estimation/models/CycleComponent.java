package io.gramian.estimation.models;

import io.gramian.autodiff.tape.StationaryFactor;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import java.util.Map;

/**
 * The cycle block ({@link Cycle}), 2 states:
 *
 * <pre>
 *   [c_{t+1} ]       [ cos λ_c  sin λ_c] [c_t ]   [κ_t ]
 *   [c*_{t+1}] = ρ_c [−sin λ_c  cos λ_c] [c*_t] + [κ*_t],    noise factor σ_cycle I₂
 *   contribution to y_t: c_t
 *   start: stationary, S Sᵀ = T S Sᵀ Tᵀ + σ² I (stochastic and damped); exactly diffuse otherwise
 * </pre>
 *
 * cos λ_c and sin λ_c of the parameter λ_c come from {@link Trigonometric}.
 */
final class CycleComponent {

  private CycleComponent() {}

  static ComponentBlock block(Cycle cycle, Map<String, Var> parameters, Tape tape) {
    Var lambda = parameters.get(ParameterOrder.CYCLE_FREQUENCY);
    Var cos = Trigonometric.cos(lambda);
    Var sin = Trigonometric.sin(lambda);
    if (cycle.damped()) {
      Var rho = parameters.get(ParameterOrder.CYCLE_DAMPING);
      cos = rho.mul(cos);
      sin = rho.mul(sin);
    }
    Var F = ComponentBlock.matrix(tape, new Var[][] {{cos, sin}, {sin.neg(), cos}});
    Var noise = null;
    if (cycle.stochastic()) {
      Var s = parameters.get(ParameterOrder.CYCLE);
      noise = ComponentBlock.matrix(tape, new Var[][] {{s, null}, {null, s}});
    }
    double[] design = {1, 0};
    if (cycle.isStationary()) {
      return new ComponentBlock(
          F, noise, design, false, null, StationaryFactor.of(F, noise), new boolean[2]);
    }
    return new ComponentBlock(F, noise, design, false, null, null, ComponentBlock.allDiffuse(2));
  }
}
