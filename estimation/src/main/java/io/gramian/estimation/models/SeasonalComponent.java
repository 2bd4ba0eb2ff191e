package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import java.util.Map;

/**
 * The dummy seasonal block of period s ({@link Seasonal}), s − 1 states:
 *
 * <pre>
 *   [γ_{t+1}  ]   [−1 −1 … −1 −1] [γ_t      ]   [ω_t]
 *   [γ_t      ]   [ 1  0 …  0  0] [γ_{t−1}  ]   [ 0 ]
 *   [  ⋮      ] = [    ⋱        ] [  ⋮      ] + [ ⋮ ],    ω_t ~ N(0, σ²_seasonal)
 *   [γ_{t−s+3}]   [ 0  0 …  1  0] [γ_{t−s+2}]   [ 0 ]
 *   contribution to y_t: γ_t;   all states exactly diffuse
 * </pre>
 */
final class SeasonalComponent {

  private SeasonalComponent() {}

  static ComponentBlock block(Seasonal seasonal, Map<String, Var> parameters, Tape tape) {
    int n = seasonal.states();
    Var one = tape.constant(1);
    Var minusOne = tape.constant(-1);
    Var[][] F = new Var[n][n];
    for (int j = 0; j < n; j++) {
      F[0][j] = minusOne;
    }
    for (int i = 1; i < n; i++) {
      F[i][i - 1] = one;
    }
    Var noise = null;
    if (seasonal.stochastic()) {
      Var[][] R = new Var[n][1];
      R[0][0] = parameters.get(ParameterOrder.SEASONAL);
      noise = ComponentBlock.matrix(tape, R);
    }
    double[] design = new double[n];
    design[0] = 1;
    return new ComponentBlock(
        ComponentBlock.matrix(tape, F),
        noise,
        design,
        false,
        null,
        null,
        ComponentBlock.allDiffuse(n));
  }
}
