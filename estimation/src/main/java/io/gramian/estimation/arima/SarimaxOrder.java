package io.gramian.estimation.arima;

/**
 * The orders of a seasonal ARIMA model (p, d, q)(P, D, Q, s):
 *
 * <pre>
 *   φ(L) Φ(L^s) (1 − L)^d (1 − L^s)^D y_t = θ(L) Θ(L^s) ε_t
 *   deg φ = p,  deg Φ = P,  deg θ = q,  deg Θ = Q   (Φ, Θ polynomials in L^s)
 * </pre>
 *
 * Without a seasonal part P = D = Q = 0 and s is 0 (statsmodels' {@code (0, 0, 0, 0)}); with one,
 * s ≥ 2.
 *
 * @param p non-seasonal autoregressive order, ≥ 0
 * @param d non-seasonal differences, ≥ 0
 * @param q non-seasonal moving-average order, ≥ 0
 * @param seasonalP seasonal autoregressive order P, ≥ 0
 * @param seasonalD seasonal differences D, ≥ 0
 * @param seasonalQ seasonal moving-average order Q, ≥ 0
 * @param period the season's length s: 0 without a seasonal part, ≥ 2 with one
 */
public record SarimaxOrder(
    int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period) {

  /**
   * @throws IllegalArgumentException naming the order that is negative, or a seasonal part with
   *     a period below 2
   */
  public SarimaxOrder {
    requireNonNegative("p", p);
    requireNonNegative("d", d);
    requireNonNegative("q", q);
    requireNonNegative("P", seasonalP);
    requireNonNegative("D", seasonalD);
    requireNonNegative("Q", seasonalQ);
    requireNonNegative("s", period);
    boolean seasonal = seasonalP + seasonalD + seasonalQ > 0;
    if (seasonal && period < 2) {
      throw new IllegalArgumentException(
          "a seasonal order (P, D, Q) = (" + seasonalP + ", " + seasonalD + ", " + seasonalQ
              + ") needs a period s ≥ 2, got s = " + period);
    }
    if (period == 1) {
      throw new IllegalArgumentException(
          "the seasonal period s = 1 is not a season; use the non-seasonal orders instead");
    }
  }

  /** A non-seasonal ARIMA(p, d, q). */
  public static SarimaxOrder of(int p, int d, int q) {
    return new SarimaxOrder(p, d, q, 0, 0, 0, 0);
  }

  /** A seasonal ARIMA(p, d, q)(P, D, Q)_s. */
  public static SarimaxOrder of(int p, int d, int q, int P, int D, int Q, int s) {
    return new SarimaxOrder(p, d, q, P, D, Q, P + D + Q == 0 ? 0 : s);
  }

  /** Degree of the multiplied-out AR polynomial φ(z) Φ(z^s): p + sP. */
  public int arDegree() {
    return p + period * seasonalP;
  }

  /** Degree of the multiplied-out MA polynomial θ(z) Θ(z^s): q + sQ. */
  public int maDegree() {
    return q + period * seasonalQ;
  }

  /** Number of differencing states, d + sD: the observations simple differencing drops. */
  public int differencingStates() {
    return d + period * seasonalD;
  }

  /** Dimension of the ARMA block of the state (Harvey form): max(p + sP, q + sQ + 1). */
  public int armaStates() {
    return Math.max(arDegree(), maDegree() + 1);
  }

  /** Whether the model differences the series at all (d + D > 0). */
  public boolean isIntegrated() {
    return d + seasonalD > 0;
  }

  /** statsmodels' spelling, e.g. {@code (0, 1, 1)x(0, 1, 1, 12)}. */
  @Override
  public String toString() {
    return "(" + p + ", " + d + ", " + q + ")x(" + seasonalP + ", " + seasonalD + ", "
        + seasonalQ + ", " + period + ")";
  }

  private static void requireNonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "the ARIMA order " + name + " must be non-negative, got " + value);
    }
  }
}
