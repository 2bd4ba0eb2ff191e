package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import java.util.List;
import java.util.Map;

/**
 * Regression effects x_tᵀ β on k exogenous columns, as k constant states:
 *
 * <pre>
 *   β_{t+1} = β_t  (no noise),    contribution to y_t: x_tᵀ β_t   (the design row varies with t)
 *   start: exactly diffuse (statsmodels' mle_regression=False, KFAS, Commandeur &amp; Koopman)
 *       or known, β_1 = β with no variance (mle_regression=True: β are parameters beta.&lt;name&gt;)
 * </pre>
 *
 * With known states the filter computes exactly statsmodels' likelihood with the observation
 * intercept d_t = x_tᵀ β, and β enters the system only through the time-invariant m0, so its
 * gradient comes from the filter's reverse sweep like any other parameter's.
 */
final class RegressionComponent {

  private RegressionComponent() {}

  static ComponentBlock block(
      List<String> names, boolean mle, Map<String, Var> parameters, Tape tape) {
    int k = names.size();
    Var transition = tape.identity(k);
    if (!mle) {
      return new ComponentBlock(
          transition, null, new double[k], true, null, null, ComponentBlock.allDiffuse(k));
    }
    Var[][] mean = new Var[k][1];
    for (int j = 0; j < k; j++) {
      mean[j][0] = parameters.get(ParameterOrder.beta(names.get(j)));
    }
    return new ComponentBlock(
        transition,
        null,
        new double[k],
        true,
        ComponentBlock.matrix(tape, mean),
        null,
        new boolean[k]);
  }
}
