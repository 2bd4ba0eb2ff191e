package io.gramian.estimation.models;

/**
 * A seasonal component in trigonometric (frequency-domain) form with period s and h harmonics
 * (Durbin &amp; Koopman 2012 §3.2.1, eqs. 3.7–3.8; Harvey 1989; statsmodels' {@code
 * freq_seasonal=[{'period': s, 'harmonics': h}]}):
 *
 * <pre>
 *   γ_t = Σ_{j=1..h} γ_{j,t},            λ_j = 2πj / s
 *   [γ_{j,t+1} ]   [ cos λ_j   sin λ_j] [γ_{j,t} ]   [ω_{j,t} ]
 *   [γ*_{j,t+1}] = [−sin λ_j   cos λ_j] [γ*_{j,t}] + [ω*_{j,t}],   ω, ω* ~ N(0, σ²)
 * </pre>
 *
 * State (γ_1, γ*_1, γ_2, γ*_2, …, γ_h, γ*_h): 2h states; each γ_j enters y_t; the noise, with one
 * common variance (parameter {@code sigma2.freq_seasonal_s(h)}), enters all of them.
 *
 * <p>Initialisation: exactly diffuse, except γ*_{s/2} when s is even and h = s/2. There λ = π, sin
 * λ = 0, and γ*_{s/2} never reaches the observations, so the data cannot identify it. statsmodels
 * keeps the state (its exact diffuse filter then never leaves the diffuse phase for that direction
 * and its log-likelihood ignores it); Gramian keeps the state too, so the state vector is
 * statsmodels', but starts it known at 0 with no variance: it has no effect on ℓ, and the number of
 * diffuse states is 2h − 1, as KFAS counts it (KFAS drops the state).
 *
 * @param period s ≥ 2
 * @param harmonics h, 1 ≤ h ≤ ⌊s/2⌋
 * @param stochastic whether the noise is present
 */
public record FrequencySeasonal(int period, int harmonics, boolean stochastic) {

  /**
   * @throws IllegalArgumentException when s &lt; 2 or h is outside [1, ⌊s/2⌋]
   */
  public FrequencySeasonal {
    if (period < 2) {
      throw new IllegalArgumentException(
          "a trigonometric seasonal component needs a period of at least 2, got " + period);
    }
    if (harmonics < 1 || harmonics > period / 2) {
      throw new IllegalArgumentException(
          "a trigonometric seasonal component of period "
              + period
              + " takes 1 to "
              + period / 2
              + " harmonics, got "
              + harmonics);
    }
  }

  /** Period s with statsmodels' default number of harmonics ⌊s/2⌋, stochastic. */
  public static FrequencySeasonal of(int period) {
    return new FrequencySeasonal(period, period / 2, true);
  }

  /** statsmodels' parameter name, {@code sigma2.freq_seasonal_<s>(<h>)}. */
  public String varianceName() {
    return "sigma2.freq_seasonal_" + period + "(" + harmonics + ")";
  }

  /** Number of states, 2h. */
  int states() {
    return 2 * harmonics;
  }

  /** Whether harmonic j (1-based) is the one at λ = π, whose second state is unidentified. */
  boolean isNyquist(int j) {
    return 2 * j == period;
  }

  /** Number of exactly diffuse states: 2h, less one when harmonic s/2 is included. */
  int diffuseStates() {
    return states() - (isNyquist(harmonics) ? 1 : 0);
  }
}
