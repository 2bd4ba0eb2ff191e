package io.gramian.estimation.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** AIC, BIC and HQIC with statsmodels 0.13.5's counts. */
class InformationCriteriaTest {

  /** Three floating-point operations on numbers near 1e3: a few ulps (≈ 1e-13 absolute). */
  private static final double ARITHMETIC = 1e-9;

  @Test
  void nileLocalLevelAtTheMaximum() {
    // ℓ = −633.4645636362 (the project's exact-diffuse maximum, shared reference README);
    // 2 variances + 1 diffuse state; exact diffuse, so no log-likelihood burn: n* = 100.
    InformationCriteria c = InformationCriteria.of(-633.4645636362, 2, 1, 100, 0);
    assertEquals(3, c.parameterCount());
    assertEquals(100, c.nobsEffective());
    assertEquals(1272.9291272724, c.aic(), ARITHMETIC, "2·633.4645636362 + 6");
    assertEquals(1266.9291272724 + 3 * Math.log(100), c.bic(), ARITHMETIC);
    assertEquals(1280.7446378303641, c.bic(), ARITHMETIC, "what statsmodels prints: 1280.745");
    assertEquals(1266.9291272724 + 6 * Math.log(Math.log(100)), c.hqic(), ARITHMETIC);
  }

  @Test
  void matchesStatsmodelsAtDurbinKoopmansParameters() {
    // statsmodels_diagnostics_output.txt, nile.*: llf, then aic, bic, hqic with
    // nobs_effective = 100 and df_model = 3.
    InformationCriteria c = InformationCriteria.of(-633.4645636488787, 2, 1, 100, 0);
    assertEquals(1272.9291272977573, c.aic(), ARITHMETIC);
    assertEquals(1280.7446378557215, c.bic(), ARITHMETIC);
    assertEquals(1276.0922050526046, c.hqic(), ARITHMETIC);
  }

  @Test
  void aBurnInShortensTheSampleForBicAndHqicOnly() {
    InformationCriteria burned = InformationCriteria.of(-10, 2, 0, 50, 5);
    InformationCriteria direct = InformationCriteria.of(-10, 2, 45);
    assertEquals(45, burned.nobsEffective());
    assertEquals(direct, burned);
    assertEquals(20 + 4, burned.aic(), ARITHMETIC);
    assertEquals(20 + 2 * Math.log(45), burned.bic(), ARITHMETIC);
    assertEquals(20 + 4 * Math.log(Math.log(45)), burned.hqic(), ARITHMETIC);
  }

  @Test
  void invalidInputsAreErrors() {
    assertThrows(IllegalArgumentException.class, () -> InformationCriteria.of(Double.NaN, 1, 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> InformationCriteria.of(Double.NEGATIVE_INFINITY, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> InformationCriteria.of(-1, -1, 10));
    assertThrows(IllegalArgumentException.class, () -> InformationCriteria.of(-1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> InformationCriteria.of(-1, 1, 0, 10, 11));
    assertThrows(IllegalArgumentException.class, () -> InformationCriteria.of(-1, 1, -1, 10, 0));
  }
}
