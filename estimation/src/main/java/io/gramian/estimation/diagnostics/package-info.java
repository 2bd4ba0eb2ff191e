/**
 * Residual diagnostics, information criteria and the plain-text fit summary, following statsmodels
 * 0.13.5's {@code MLEResults} (the project's reference implementation).
 *
 * <p>Inputs are plain arrays and records, so nothing here depends on the model or fit classes.
 * Residual series use NaN for a missing value. The {@code afterBurnIn} entry points take the full
 * series of standardized one-step residuals v<sub>t</sub>/√F<sub>t</sub> and the number d of
 * leading periods to skip (the diffuse periods, statsmodels' {@code max(loglikelihood_burn,
 * nobs_diffuse)}), as {@code test_serial_correlation}, {@code test_heteroskedasticity} and {@code
 * test_normality} do. A statistic that cannot be computed (too few values, zero variance, an
 * infinite value, a lag count out of range) is an {@link java.lang.IllegalArgumentException} naming
 * the problem, never a NaN.
 */
package io.gramian.estimation.diagnostics;
