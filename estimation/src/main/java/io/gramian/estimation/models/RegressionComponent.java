package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import java.util.List;
import java.util.Map;

/**
 * Regression effects x_tᵀ β_t on k exogenous columns, as k states, constant or following random
 * walks:
 *
 * <pre>
 *   β_{t+1} = β_t + R ξ_t,   ξ_t ~ N(0, I_v),   contribution to y_t: x_tᵀ β_t  (design varies)
 *   R (k × v): column i holds σ_j in the row of the i-th varying coefficient j (parameter
 *       sigma2.beta.&lt;name&gt;); no column (no noise) when every coefficient is constant
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
    return block(names, mle, List.of(), parameters, tape);
  }

  /**
   * @param varying the names (among {@code names}) whose coefficients follow random walks; they
   *     need {@code mle} false
   */
  static ComponentBlock block(
      List<String> names,
      boolean mle,
      List<String> varying,
      Map<String, Var> parameters,
      Tape tape) {
    int k = names.size();
    Var transition = tape.identity(k);
    if (!mle) {
      return new ComponentBlock(
          transition,
          noise(names, varying, parameters, tape),
          new double[k],
          true,
          null,
          null,
          ComponentBlock.allDiffuse(k));
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

  /** R, k × v, or {@code null} when no coefficient varies. */
  private static Var noise(
      List<String> names, List<String> varying, Map<String, Var> parameters, Tape tape) {
    if (varying.isEmpty()) {
      return null;
    }
    Var[][] R = new Var[names.size()][varying.size()]; // null entries are 0
    for (int i = 0; i < varying.size(); i++) {
      R[names.indexOf(varying.get(i))][i] =
          parameters.get(ParameterOrder.betaVariance(varying.get(i)));
    }
    return ComponentBlock.matrix(tape, R);
  }
}
