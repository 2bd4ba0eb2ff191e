package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import java.util.Map;

/**
 * The level and trend block ({@link TrendSpecification}):
 *
 * <pre>
 *   [μ_{t+1}]   [1  1] [μ_t]   [η_t]       η_t ~ N(0, σ²_level)   (when the level is stochastic)
 *   [β_{t+1}] = [0  1] [β_t] + [ζ_t],      ζ_t ~ N(0, σ²_trend)   (when the trend is stochastic)
 *   contribution to y_t: μ_t;   both states exactly diffuse
 * </pre>
 *
 * Without a trend the block is μ_{t+1} = μ_t + η_t. The noise factor has one column per stochastic
 * element, holding its standard deviation.
 */
final class LevelTrendComponent {

  private LevelTrendComponent() {}

  /** The block, or {@code null} when the specification has no level. */
  static ComponentBlock block(TrendSpecification spec, Map<String, Var> parameters, Tape tape) {
    if (!spec.level()) {
      return null;
    }
    Var one = tape.constant(1);
    int n = spec.states();
    Var[][] F = new Var[n][n];
    F[0][0] = one;
    if (spec.trend()) {
      F[0][1] = one;
      F[1][1] = one;
    }
    int q = (spec.stochasticLevel() ? 1 : 0) + (spec.stochasticTrend() ? 1 : 0);
    Var noise = null;
    if (q > 0) {
      Var[][] R = new Var[n][q];
      int column = 0;
      if (spec.stochasticLevel()) {
        R[0][column++] = parameters.get(ParameterOrder.LEVEL);
      }
      if (spec.stochasticTrend()) {
        R[1][column] = parameters.get(ParameterOrder.TREND);
      }
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
