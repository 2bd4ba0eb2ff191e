/**
 * Structural time series models: {@link io.gramian.estimation.models.UnobservedComponents}, after
 * statsmodels' {@code UnobservedComponents} (Harvey 1989; Durbin &amp; Koopman 2012 §3.2):
 *
 * <pre>
 *   y_t = μ_t + γ_t + Σ_k γ^(k)_t + c_t + a_t + x_tᵀ β + ε_t
 * </pre>
 *
 * <ul>
 *   <li>What a model contains: {@link io.gramian.estimation.models.UnobservedComponentsSpec} and
 *       its parts {@link io.gramian.estimation.models.TrendSpecification} (level/trend and
 *       irregular), {@link io.gramian.estimation.models.Seasonal} (dummy), {@link
 *       io.gramian.estimation.models.FrequencySeasonal} (trigonometric), {@link
 *       io.gramian.estimation.models.Cycle}; AR order and regressors.
 *   <li>Each component's block of the system, on the tape: {@code LevelTrendComponent}, {@code
 *       SeasonalComponent}, {@code FrequencySeasonalComponent}, {@code CycleComponent}, {@code
 *       AutoregressiveComponent}, {@code RegressionComponent}; stacked by {@code SystemAssembly};
 *       regressors enter the observation row per step through {@code RegressionStateSpace}.
 *   <li>Parameters in statsmodels' order and spelling ({@code ParameterOrder}), the logistic {@link
 *       io.gramian.estimation.models.Bounded} transform of the cycle's frequency and damping,
 *       statsmodels' start values ({@code StartValues}, {@code HodrickPrescott}).
 * </ul>
 *
 * <p>Several series: {@link io.gramian.estimation.models.Sutse}, the multivariate local level with
 * Cholesky-factor disturbance covariances and optionally a reduced-rank (common) level.
 *
 * <p>Log-likelihood: exact diffuse (Durbin &amp; Koopman 2012 §7.2.2, statsmodels' {@code
 * use_exact_diffuse=True}); KFAS reports it plus ½ log 2π per diffuse state.
 */
package io.gramian.estimation.models;
