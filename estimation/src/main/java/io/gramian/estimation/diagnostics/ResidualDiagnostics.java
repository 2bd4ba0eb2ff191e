package io.gramian.estimation.diagnostics;

/**
 * The three residual tests of statsmodels' {@code MLEResults.summary()}, computed from the
 * standardized one-step residuals ṽ<sub>t</sub> = v<sub>t</sub>/√F<sub>t</sub> after the diffuse
 * burn-in: Ljung–Box Q (serial correlation), H (heteroskedasticity, two-sided) and Jarque–Bera
 * (normality, with skewness and kurtosis).
 *
 * <p>The residual array holds one entry per period, NaN for a missing observation; its first {@code
 * burnIn} entries (the diffuse periods, statsmodels' {@code max(loglikelihood_burn, nobs_diffuse)})
 * are ignored whatever they hold. Each test follows {@link LjungBox}, {@link Heteroskedasticity}
 * and {@link JarqueBera}.
 *
 * @param ljungBox Q(h) with df = 0
 * @param heteroskedasticity H(round((T − d)/3))
 * @param jarqueBera JB with skewness and kurtosis
 */
public record ResidualDiagnostics(
    LjungBox.Result ljungBox,
    Heteroskedasticity.Result heteroskedasticity,
    JarqueBera.Result jarqueBera) {

  /** Validates that no component is null. */
  public ResidualDiagnostics {
    if (ljungBox == null || heteroskedasticity == null || jarqueBera == null) {
      throw new IllegalArgumentException("residual diagnostics need all three test results");
    }
  }

  /**
   * The diagnostics as statsmodels' summary computes them: Ljung–Box at lag 1 (its "Ljung-Box (L1)
   * (Q)" line), H and Jarque–Bera with their defaults.
   */
  public static ResidualDiagnostics of(double[] standardizedResiduals, int burnIn) {
    return of(standardizedResiduals, burnIn, 1);
  }

  /** As {@link #of(double[], int)} with Q(ljungBoxLags) instead of Q(1). */
  public static ResidualDiagnostics of(
      double[] standardizedResiduals, int burnIn, int ljungBoxLags) {
    return new ResidualDiagnostics(
        LjungBox.afterBurnIn(standardizedResiduals, burnIn, ljungBoxLags),
        Heteroskedasticity.afterBurnIn(standardizedResiduals, burnIn),
        JarqueBera.afterBurnIn(standardizedResiduals, burnIn));
  }
}
