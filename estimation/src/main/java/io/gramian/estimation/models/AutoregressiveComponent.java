package io.gramian.estimation.models;

import io.gramian.autodiff.tape.StationaryFactor;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import java.util.Map;

/**
 * The AR(p) block, a_t = φ₁ a_{t−1} + … + φ_p a_{t−p} + ξ_t, ξ_t ~ N(0, σ²_ar), in companion form
 * (statsmodels' {@code autoregressive=p}):
 *
 * <pre>
 *   [a_{t+1}  ]   [φ₁ φ₂ … φ_{p−1} φ_p] [a_t      ]   [ξ_t]
 *   [a_t      ]   [ 1  0 …  0      0  ] [a_{t−1}  ]   [ 0 ]
 *   [  ⋮      ] = [      ⋱            ] [  ⋮      ] + [ ⋮ ]
 *   [a_{t−p+2}]   [ 0  0 …  1      0  ] [a_{t−p+1}]   [ 0 ]
 *   contribution to y_t: a_t;   start: stationary, S Sᵀ = T S Sᵀ Tᵀ + R Rᵀ
 * </pre>
 *
 * φ is stationary by construction ({@link io.gramian.estimation.transform.Stationary}).
 */
final class AutoregressiveComponent {

  private AutoregressiveComponent() {}

  static ComponentBlock block(int p, Map<String, Var> parameters, Tape tape) {
    Var one = tape.constant(1);
    Var[][] F = new Var[p][p];
    for (int j = 0; j < p; j++) {
      F[0][j] = parameters.get(ParameterOrder.ar(j + 1));
    }
    for (int i = 1; i < p; i++) {
      F[i][i - 1] = one;
    }
    Var[][] R = new Var[p][1];
    R[0][0] = parameters.get(ParameterOrder.AR_VARIANCE);
    Var transition = ComponentBlock.matrix(tape, F);
    Var noise = ComponentBlock.matrix(tape, R);
    double[] design = new double[p];
    design[0] = 1;
    return new ComponentBlock(
        transition,
        noise,
        design,
        false,
        null,
        StationaryFactor.of(transition, noise),
        new boolean[p]);
  }
}
