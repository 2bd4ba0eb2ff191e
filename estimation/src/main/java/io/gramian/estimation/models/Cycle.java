package io.gramian.estimation.models;

/**
 * A (possibly damped, possibly stochastic) cycle with frequency λ_c and damping ρ_c (Durbin &amp;
 * Koopman 2012 §3.2.1; Harvey 1989; statsmodels' {@code cycle=True}):
 *
 * <pre>
 *   [c_{t+1} ]       [ cos λ_c   sin λ_c] [c_t ]   [κ_t ]
 *   [c*_{t+1}] = ρ_c [−sin λ_c   cos λ_c] [c*_t] + [κ*_t],    κ, κ* ~ N(0, σ²_cycle)
 * </pre>
 *
 * State (c, c*): c_t enters y_t. Parameters: {@code sigma2.cycle} (when stochastic), {@code
 * frequency.cycle} λ_c in (2π / maxPeriod, 2π / minPeriod), {@code damping.cycle} ρ_c in (0, 1)
 * (when damped; otherwise ρ_c = 1), both through {@link Bounded}.
 *
 * <p>Initialisation: a stochastic damped cycle is stationary, P₁ = ρ² R P₁ Rᵀ + σ² I, solved by
 * {@link io.gramian.autodiff.tape.StationaryFactor} (as KFAS does); every other cycle (undamped, or
 * deterministic) is exactly diffuse. statsmodels makes every cycle diffuse.
 *
 * @param stochastic whether κ, κ* are present
 * @param damped whether ρ_c is a parameter (otherwise ρ_c = 1)
 * @param minPeriod the shortest period allowed, ≥ 2 (frequency at most π)
 * @param maxPeriod the longest period allowed, &gt; minPeriod, may be infinite (frequency 0)
 */
public record Cycle(boolean stochastic, boolean damped, double minPeriod, double maxPeriod) {

  /** statsmodels' period bounds when the data carry no frequency: (2, ∞), so λ_c ∈ (0, π). */
  public static final double DEFAULT_MIN_PERIOD = 2;

  /**
   * @throws IllegalArgumentException when the period bounds are not 2 ≤ min &lt; max
   */
  public Cycle {
    if (!(minPeriod >= 2) || !(maxPeriod > minPeriod)) {
      throw new IllegalArgumentException(
          "the cycle's period bounds must satisfy 2 ≤ min < max, got ("
              + minPeriod
              + ", "
              + maxPeriod
              + ")");
    }
  }

  /** A damped stochastic cycle with statsmodels' default bounds, λ_c ∈ (0, π). */
  public static Cycle dampedStochastic() {
    return new Cycle(true, true, DEFAULT_MIN_PERIOD, Double.POSITIVE_INFINITY);
  }

  /** Lower bound of λ_c, 2π / maxPeriod. */
  public double minFrequency() {
    return 2 * Math.PI / maxPeriod;
  }

  /** Upper bound of λ_c, 2π / minPeriod. */
  public double maxFrequency() {
    return 2 * Math.PI / minPeriod;
  }

  /** Whether the cycle starts from its stationary distribution (stochastic and damped). */
  boolean isStationary() {
    return stochastic && damped;
  }
}
