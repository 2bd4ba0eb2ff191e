package io.gramian.estimation.transform;

import java.util.Arrays;
import java.util.List;

/**
 * The coefficients of a stationary AR(p) or invertible MA(q) polynomial from unconstrained θ (Jones
 * 1980; Monahan 1984; statsmodels' {@code constrain_stationary_univariate}):
 *
 * <pre>
 *   r_k = θ_k / √(1 + θ_k²)                       partial autocorrelations in (−1, 1)
 *   φ   = DurbinLevinson(r)                        φ(z) = 1 − φ₁ z − … − φ_p z^p,
 *                                                  all roots outside |z| = 1
 *   AR:  natural = φ                               y_t = φ₁ y_{t−1} + … + φ_p y_{t−p} + ε_t
 *   MA:  natural = −φ                              θ(z) = 1 + θ₁ z + … + θ_q z^q = φ(z), invertible
 * </pre>
 *
 * The MA sign: statsmodels writes the MA polynomial with plus signs, 1 + θ₁ z + …, which is φ(z)
 * for θ_i = −φ_i; its invertibility constraint is therefore the same map with the sign flipped, as
 * here.
 *
 * <p>Why r = θ/√(1 + θ²) rather than tanh θ (either maps ℝ onto (−1, 1)): it is statsmodels'
 * choice, and it saturates algebraically rather than exponentially — |r| = 1 − 1e-8 needs |θ| ≈
 * 7000 rather than ≈ 9.5, and dr/dθ = (1 + θ²)^{−3/2} decays as |θ|^{−3} rather than e^{−2|θ|} — so
 * a near-unit-root estimate keeps a usable gradient and stays representable. (Our r is statsmodels'
 * with the sign flipped: statsmodels' recursion carries −r_k, so its θ for the same φ is −θ here;
 * the natural-scale values agree.)
 *
 * <p>Pull-back: φ̄ = ±natural̄, r̄ by reverse mode through the recursion ({@link DurbinLevinson}),
 * θ̄_k = r̄_k (1 + θ_k²)^{−3/2}.
 */
public final class Stationary implements ParameterTransform {

  private enum Polynomial {
    AUTOREGRESSIVE(1, "stationary", "1 − φ₁z − … − φ_pz^p"),
    MOVING_AVERAGE(-1, "invertible", "1 + θ₁z + … + θ_qz^q");

    final double sign;
    final String property;
    final String formula;

    Polynomial(double sign, String property, String formula) {
      this.sign = sign;
      this.property = property;
      this.formula = formula;
    }
  }

  private final Polynomial polynomial;
  private final List<String> names;

  private Stationary(Polynomial polynomial, String... names) {
    this.polynomial = polynomial;
    this.names = List.of(names);
  }

  /**
   * The AR coefficients φ₁ … φ_p of a stationary polynomial 1 − φ₁ z − … − φ_p z^p.
   *
   * @param names the coefficients' names in lag order, e.g. {@code ar.L1, ar.L2}
   */
  public static Stationary autoregressive(String... names) {
    return new Stationary(Polynomial.AUTOREGRESSIVE, names);
  }

  /**
   * The MA coefficients θ₁ … θ_q of an invertible polynomial 1 + θ₁ z + … + θ_q z^q.
   *
   * @param names the coefficients' names in lag order, e.g. {@code ma.L1}
   */
  public static Stationary movingAverage(String... names) {
    return new Stationary(Polynomial.MOVING_AVERAGE, names);
  }

  @Override
  public int size() {
    return names.size();
  }

  @Override
  public double[] toNatural(double[] theta) {
    Lengths.require(theta, size(), "theta");
    double[] r = new double[theta.length];
    for (int k = 0; k < theta.length; k++) {
      r[k] = theta[k] / Math.hypot(1, theta[k]);
    }
    double[] phi = DurbinLevinson.coefficients(r);
    for (int i = 0; i < phi.length; i++) {
      phi[i] *= polynomial.sign;
    }
    return phi;
  }

  /**
   * θ_k = r_k / √(1 − r_k²) with r the partial autocorrelations of the polynomial.
   *
   * @throws IllegalArgumentException naming the coefficients when one is not finite or the
   *     polynomial is not stationary (AR) or invertible (MA), that is some |r_k| ≥ 1
   */
  @Override
  public double[] toUnconstrained(double[] natural) {
    Lengths.requireFinite(natural, names);
    double[] phi = new double[natural.length];
    for (int i = 0; i < natural.length; i++) {
      phi[i] = polynomial.sign * natural[i];
    }
    double[] r = DurbinLevinson.partialAutocorrelations(phi);
    double[] theta = new double[r.length];
    for (int k = r.length - 1; k >= 0; k--) {
      if (!(Math.abs(r[k]) < 1)) {
        throw new IllegalArgumentException(
            String.format(
                "%s = %s is not %s: the partial autocorrelation at lag %d is %s, and every one must "
                    + "lie in (−1, 1) (equivalently, all roots of %s outside the unit circle)",
                String.join(", ", names),
                Arrays.toString(natural),
                polynomial.property,
                k + 1,
                r[k],
                polynomial.formula));
      }
      theta[k] = r[k] / Math.sqrt((1 - r[k]) * (1 + r[k]));
    }
    return theta;
  }

  /**
   * An MA polynomial: any finite coefficients (the likelihood exists whether or not the polynomial
   * is invertible). An AR polynomial: stationary, since its stationary initial covariance exists
   * only then.
   */
  @Override
  public void requireLikelihoodExists(double[] natural) {
    if (polynomial == Polynomial.MOVING_AVERAGE) {
      Lengths.requireFinite(natural, names);
      return;
    }
    try {
      toUnconstrained(natural);
    } catch (IllegalArgumentException notStationary) {
      throw new IllegalArgumentException(
          notStationary.getMessage()
              + "; the likelihood needs a stationary AR polynomial (its"
              + " stationary initial covariance does not exist otherwise)",
          notStationary);
    }
  }

  @Override
  public double[] pullBack(double[] theta, double[] naturalBar) {
    Lengths.require(theta, size(), "theta");
    Lengths.require(naturalBar, size(), "naturalBar");
    double[] r = new double[theta.length];
    double[] phiBar = new double[theta.length];
    for (int k = 0; k < theta.length; k++) {
      r[k] = theta[k] / Math.hypot(1, theta[k]);
      phiBar[k] = polynomial.sign * naturalBar[k];
    }
    double[] rBar = DurbinLevinson.pullBack(r, phiBar);
    double[] thetaBar = new double[theta.length];
    for (int k = 0; k < theta.length; k++) {
      double h = Math.hypot(1, theta[k]);
      thetaBar[k] = rBar[k] / (h * h * h);
    }
    return thetaBar;
  }
}
