package io.gramian.estimation.models;

import static io.gramian.estimation.models.ReferenceChecks.HALF_LOG_2PI;
import static io.gramian.estimation.models.ReferenceChecks.LOGLIK_RELATIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every trend specification and component against R KFAS: the 14 structural models of statsmodels'
 * KFAS tests on US unemployment ({@code kfas_unemp.csv}; statsmodels {@code results_structural.py},
 * computed with KFAS by {@code test_ucm.R}), at their parameters. KFAS' log-likelihood is the exact
 * diffuse one plus ½ log 2π for each diffuse observation with F∞ &gt; 0; for these univariate
 * models, whose diffuse states are all identified, one per diffuse state d:
 *
 * <pre>
 *   ℓ_KFAS = ℓ + (d / 2) log 2π
 * </pre>
 *
 * The rule is checked first where both conventions are tabulated: statsmodels' maxima in {@code
 * cases.csv} and their {@code *_KFASconv} rows (the Nile local level: ℓ = −633.4645636362, ℓ_KFAS =
 * −632.545625103 at the maximum; the reference README's −632.5456251157 is at Durbin &amp;
 * Koopman's parameters (15099, 1469.1), where ℓ = −633.4645636489).
 */
class KfasUnempTest {

  static List<ReferenceCase> unemp() {
    return KfasUnempCases.all();
  }

  static List<ReferenceCase> kfasConvention() {
    return ExactDiffuseCases.kfasConvention();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kfasConvention")
  void conversionRuleHoldsOnTheTabulatedMaxima(ReferenceCase c) {
    int d = c.model().spec().diffuseStates();
    double kfas = ReferenceChecks.loglik(c.model(), c.data(), c.natural()) + d * HALF_LOG_2PI;
    assertEquals(c.loglik(), kfas, LOGLIK_RELATIVE * Math.abs(c.loglik()), c.id() + ", d = " + d);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unemp")
  void logLikelihoodMatchesKfas(ReferenceCase c) {
    int d = c.model().spec().diffuseStates();
    double kfas = ReferenceChecks.loglik(c.model(), c.data(), c.natural()) + d * HALF_LOG_2PI;
    assertEquals(c.loglik(), kfas, LOGLIK_RELATIVE * Math.abs(c.loglik()), c.id() + ", d = " + d);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unemp")
  void parametersAreNamedAndOrderedAsTheTableLists(ReferenceCase c) {
    assertEquals(List.copyOf(c.parameters().keySet()), c.model().parameterNames(), c.id());
  }
}
