package io.gramian.estimation.arima;

import java.util.ArrayList;
import java.util.List;

/**
 * The orders of a seasonal ARIMA model (p, d, q)(P, D, Q, s):
 *
 * <pre>
 *   φ(L) Φ(L^s) (1 − L)^d (1 − L^s)^D y_t = θ(L) Θ(L^s) ε_t
 *   deg φ = p,  deg Φ = P,  deg θ = q,  deg Θ = Q   (Φ, Θ polynomials in L^s)
 * </pre>
 *
 * Without a seasonal part P = D = Q = 0 and s is 0 (statsmodels' {@code (0, 0, 0, 0)}); with one, s
 * ≥ 2.
 *
 * <p>Sparse lags: φ or θ may have coefficients at some lags only, e.g. ARIMA(1, 1, (1, 4)) with
 * θ(z) = 1 + θ₁z + θ₄z⁴ ({@link #withMaLags}; statsmodels' {@code order=(1, 1, (1, 0, 0, 1))},
 * Stata's {@code ma(1 4)}). p and q are then the degrees (the largest lags) and {@link #arLags},
 * {@link #maLags} the lags that have a coefficient; by default 1 … p and 1 … q.
 *
 * @param p non-seasonal autoregressive order, ≥ 0
 * @param d non-seasonal differences, ≥ 0
 * @param q non-seasonal moving-average order, ≥ 0
 * @param seasonalP seasonal autoregressive order P, ≥ 0
 * @param seasonalD seasonal differences D, ≥ 0
 * @param seasonalQ seasonal moving-average order Q, ≥ 0
 * @param period the season's length s: 0 without a seasonal part, ≥ 2 with one
 * @param arLags the lags of φ that have a coefficient, increasing, the last p; empty for all of 1 …
 *     p
 * @param maLags the lags of θ that have a coefficient, increasing, the last q; empty for all of 1 …
 *     q
 */
public record SarimaxOrder(
    int p,
    int d,
    int q,
    int seasonalP,
    int seasonalD,
    int seasonalQ,
    int period,
    List<Integer> arLags,
    List<Integer> maLags) {

  /** The orders with dense lags 1 … p and 1 … q. */
  public SarimaxOrder(
      int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period) {
    this(p, d, q, seasonalP, seasonalD, seasonalQ, period, List.of(), List.of());
  }

  /**
   * @throws IllegalArgumentException naming the order that is negative, a seasonal part with a
   *     period below 2, or lags that are not positive and increasing up to p (q)
   */
  public SarimaxOrder {
    arLags = List.copyOf(arLags);
    maLags = List.copyOf(maLags);
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
          "a seasonal order (P, D, Q) = ("
              + seasonalP
              + ", "
              + seasonalD
              + ", "
              + seasonalQ
              + ") needs a period s ≥ 2, got s = "
              + period);
    }
    if (period == 1) {
      throw new IllegalArgumentException(
          "the seasonal period s = 1 is not a season; use the non-seasonal orders instead");
    }
    requireLags("AR", arLags, p);
    requireLags("MA", maLags, q);
    // lags 1 … p are the dense polynomial: stored as empty, so that equal orders are equal
    arLags = arLags.size() == p ? List.of() : arLags;
    maLags = maLags.size() == q ? List.of() : maLags;
  }

  /** The lags of φ that have a coefficient: 1 … p unless sparse. */
  @Override
  public List<Integer> arLags() {
    return arLags.isEmpty() ? denseLags(p) : arLags;
  }

  /** The lags of θ that have a coefficient: 1 … q unless sparse. */
  @Override
  public List<Integer> maLags() {
    return maLags.isEmpty() ? denseLags(q) : maLags;
  }

  /** A non-seasonal ARIMA(p, d, q). */
  public static SarimaxOrder of(int p, int d, int q) {
    return new SarimaxOrder(p, d, q, 0, 0, 0, 0);
  }

  /** A seasonal ARIMA(p, d, q)(P, D, Q)_s. */
  public static SarimaxOrder of(int p, int d, int q, int P, int D, int Q, int s) {
    return new SarimaxOrder(p, d, q, P, D, Q, P + D + Q == 0 ? 0 : s);
  }

  /**
   * These orders with φ's coefficients at the given lags only (p becomes the largest).
   *
   * @throws IllegalArgumentException when the lags are not positive and increasing
   */
  public SarimaxOrder withArLags(int... lags) {
    List<Integer> list = list(lags);
    return new SarimaxOrder(
        lags.length == 0 ? 0 : lags[lags.length - 1],
        d,
        q,
        seasonalP,
        seasonalD,
        seasonalQ,
        period,
        list,
        maLags);
  }

  /**
   * These orders with θ's coefficients at the given lags only (q becomes the largest).
   *
   * @throws IllegalArgumentException when the lags are not positive and increasing
   */
  public SarimaxOrder withMaLags(int... lags) {
    List<Integer> list = list(lags);
    return new SarimaxOrder(
        p,
        d,
        lags.length == 0 ? 0 : lags[lags.length - 1],
        seasonalP,
        seasonalD,
        seasonalQ,
        period,
        arLags,
        list);
  }

  /** Whether φ lacks a coefficient at some lag below p. */
  public boolean sparseAr() {
    return !arLags.isEmpty();
  }

  /** Whether θ lacks a coefficient at some lag below q. */
  public boolean sparseMa() {
    return !maLags.isEmpty();
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

  /**
   * statsmodels' spelling, e.g. {@code (0, 1, 1)x(0, 1, 1, 12)}, with sparse lags as a list: {@code
   * (1, 1, [1, 4])x(0, 0, 0, 0)}.
   */
  @Override
  public String toString() {
    return "("
        + (sparseAr() ? arLags.toString() : String.valueOf(p))
        + ", "
        + d
        + ", "
        + (sparseMa() ? maLags.toString() : String.valueOf(q))
        + ")x("
        + seasonalP
        + ", "
        + seasonalD
        + ", "
        + seasonalQ
        + ", "
        + period
        + ")";
  }

  private static List<Integer> denseLags(int order) {
    List<Integer> lags = new ArrayList<>();
    for (int i = 1; i <= order; i++) {
      lags.add(i);
    }
    return lags;
  }

  private static List<Integer> list(int[] lags) {
    List<Integer> list = new ArrayList<>();
    for (int lag : lags) {
      list.add(lag);
    }
    return list;
  }

  private static void requireLags(String polynomial, List<Integer> lags, int degree) {
    if (lags.isEmpty()) {
      return; // all of 1 … degree
    }
    for (int i = 0; i < lags.size(); i++) {
      if (lags.get(i) < 1 || (i > 0 && lags.get(i) <= lags.get(i - 1))) {
        throw new IllegalArgumentException(
            "the " + polynomial + " lags must be positive and increasing, got " + lags);
      }
    }
    int last = lags.get(lags.size() - 1);
    if (last != degree) {
      throw new IllegalArgumentException(
          "the "
              + polynomial
              + " lags "
              + lags
              + " end at "
              + last
              + " but the order is "
              + degree);
    }
  }

  private static void requireNonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "the ARIMA order " + name + " must be non-negative, got " + value);
    }
  }
}
