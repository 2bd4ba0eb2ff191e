package io.gramian.estimation.models;

/**
 * A seasonal component in dummy (time-domain) form with period s (Durbin &amp; Koopman 2012 §3.2.1;
 * statsmodels' {@code seasonal=s}): the seasonal effects sum to zero over a period, up to noise,
 *
 * <pre>
 *   γ_{t+1} = −γ_t − γ_{t−1} − … − γ_{t−s+2} + ω_t,     ω_t ~ N(0, σ²_seasonal)
 * </pre>
 *
 * State (γ_t, γ_{t−1}, …, γ_{t−s+2}): s − 1 states, all exactly diffuse; γ_t enters y_t. Its
 * transition has −1 in the whole first row and ones on the sub-diagonal; the noise enters the first
 * state only. A deterministic seasonal ({@code stochastic = false}) has no ω and no parameter.
 *
 * @param period s ≥ 2
 * @param stochastic whether ω_t is present (parameter {@code sigma2.seasonal})
 */
public record Seasonal(int period, boolean stochastic) {

  /**
   * @throws IllegalArgumentException when the period is below 2
   */
  public Seasonal {
    if (period < 2) {
      throw new IllegalArgumentException(
          "a seasonal component needs a period of at least 2, got " + period);
    }
  }

  /** Number of states, s − 1. */
  int states() {
    return period - 1;
  }
}
