package io.gramian.estimation.transform;

import java.util.Arrays;
import java.util.List;

/**
 * The coefficients of an AR or MA polynomial with gaps, left unconstrained (natural = θ):
 *
 * <pre>
 *   AR:  1 − φ_{l₁} z^{l₁} − … − φ_{l_m} z^{l_m}        e.g. lags 1, 4: 1 − φ₁z − φ₄z⁴
 *   MA:  1 + θ_{l₁} z^{l₁} + … + θ_{l_m} z^{l_m}        e.g. ARIMA(1, 1, (1, 4)): 1 + θ₁z + θ₄z⁴
 * </pre>
 *
 * <p>Why no stationarity transform: Jones' map ({@link Stationary}) is a bijection onto the
 * stationary polynomials of full degree; no such map is known onto those whose coefficients vanish
 * at given lags. (statsmodels applies the full-degree map to the listed coefficients as though
 * their lags were consecutive, which constrains another polynomial: 1 + θ₁z + θ₄z² for lags 1 and
 * 4.) Instead:
 *
 * <ul>
 *   <li>AR: stationarity is the domain of the likelihood (the stationary initial covariance exists
 *       only there), so {@link #toUnconstrained} refuses a non-stationary polynomial, and in a fit
 *       a trial point outside cannot be filtered, which the line search treats as too far: the
 *       optimiser stays inside.
 *   <li>MA: the likelihood exists for any coefficients, and they are not constrained (as Stata does
 *       not constrain them); {@link #isStationary} tells whether an estimate is invertible.
 * </ul>
 *
 * Stationarity of the sparse polynomial is that of its full-degree form with zeros at the missing
 * lags: every partial autocorrelation of the step-down recursion in (−1, 1).
 */
public final class SparsePolynomial implements ParameterTransform {

  private final boolean autoregressive;
  private final int[] lags;
  private final List<String> names;

  private SparsePolynomial(boolean autoregressive, int[] lags, String... names) {
    if (lags.length != names.length) {
      throw new IllegalArgumentException(
          lags.length + " lags for " + names.length + " coefficient names");
    }
    for (int i = 0; i < lags.length; i++) {
      if (lags[i] < 1 || (i > 0 && lags[i] <= lags[i - 1])) {
        throw new IllegalArgumentException(
            "lags must be positive and increasing, got " + Arrays.toString(lags));
      }
    }
    this.autoregressive = autoregressive;
    this.lags = lags.clone();
    this.names = List.of(names);
  }

  /**
   * The AR coefficients φ at {@code lags} of 1 − Σ φ_l z^l, which must be stationary.
   *
   * @param lags positive, increasing
   * @param names the coefficients' names in lag order, e.g. {@code ar.L1, ar.L4}
   */
  public static SparsePolynomial autoregressive(int[] lags, String... names) {
    return new SparsePolynomial(true, lags, names);
  }

  /**
   * The MA coefficients θ at {@code lags} of 1 + Σ θ_l z^l, any real values.
   *
   * @param lags positive, increasing
   * @param names the coefficients' names in lag order, e.g. {@code ma.L1, ma.L4}
   */
  public static SparsePolynomial movingAverage(int[] lags, String... names) {
    return new SparsePolynomial(false, lags, names);
  }

  @Override
  public int size() {
    return names.size();
  }

  @Override
  public double[] toNatural(double[] theta) {
    Lengths.require(theta, size(), "theta");
    return theta.clone();
  }

  /**
   * θ = natural.
   *
   * @throws IllegalArgumentException naming the coefficients when one is not finite, or when an AR
   *     polynomial is not stationary
   */
  @Override
  public double[] toUnconstrained(double[] natural) {
    Lengths.requireFinite(natural, names);
    if (autoregressive && !isStationary(natural)) {
      throw new IllegalArgumentException(
          String.format(
              "%s = %s is not stationary: the polynomial 1 − %s has a root on or inside the unit"
                  + " circle; the likelihood needs a stationary AR polynomial (its stationary initial"
                  + " covariance does not exist otherwise)",
              String.join(", ", names), Arrays.toString(natural), terms("φ")));
    }
    return natural.clone();
  }

  @Override
  public double[] pullBack(double[] theta, double[] naturalBar) {
    Lengths.require(theta, size(), "theta");
    Lengths.require(naturalBar, size(), "naturalBar");
    return naturalBar.clone();
  }

  /**
   * Whether 1 ∓ Σ c_l z^l (− for AR, + for MA) has all its roots outside the unit circle:
   * stationary for an AR polynomial, invertible for an MA one.
   */
  public boolean isStationary(double[] natural) {
    Lengths.require(natural, size(), "natural");
    double sign = autoregressive ? 1 : -1;
    double[] full = new double[lags.length == 0 ? 0 : lags[lags.length - 1]];
    for (int i = 0; i < lags.length; i++) {
      full[lags[i] - 1] = sign * natural[i];
    }
    for (double r : DurbinLevinson.partialAutocorrelations(full)) {
      if (!(Math.abs(r) < 1)) {
        return false;
      }
    }
    return true;
  }

  private String terms(String symbol) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < lags.length; i++) {
      s.append(i == 0 ? "" : " − ").append(symbol).append(lags[i]).append("·z^").append(lags[i]);
    }
    return s.toString();
  }
}
