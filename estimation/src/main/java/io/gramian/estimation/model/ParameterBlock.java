package io.gramian.estimation.model;

import io.gramian.estimation.transform.Identity;
import io.gramian.estimation.transform.ParameterTransform;
import io.gramian.estimation.transform.Square;
import io.gramian.estimation.transform.Stationary;
import io.gramian.estimation.transform.StationaryVar;
import java.util.List;

/**
 * Consecutive parameters of a model that share one transform between the unconstrained θ the
 * optimiser moves and their natural scale: a variance (σ² = θ²), real coefficients, or the
 * coefficients of a stationary AR or invertible MA polynomial (a block, because stationarity
 * constrains them jointly).
 *
 * <p>What a model's {@code build} receives for each parameter (its build value): the standard
 * deviation {@code s} with {@code σ² = s²} for a variance, so that noise factors are built without
 * a square root whose derivative is infinite at zero; the natural value otherwise.
 *
 * @param names parameter names in statsmodels' spelling, e.g. {@code sigma2.level, ar.L1}
 * @param transform θ ↔ natural for the block
 * @param variance whether the block's parameters are variances (build value = standard deviation)
 */
public record ParameterBlock(List<String> names, ParameterTransform transform, boolean variance) {

  public ParameterBlock {
    names = List.copyOf(names);
    if (transform.size() != names.size()) {
      throw new IllegalArgumentException(
          "transform of size " + transform.size() + " for " + names.size() + " parameters");
    }
  }

  /** One variance, σ² = θ². */
  public static ParameterBlock variance(String name) {
    return new ParameterBlock(List.of(name), new Square(name), true);
  }

  /** Real-valued coefficients (regression coefficients, a mean). */
  public static ParameterBlock real(String... names) {
    return new ParameterBlock(List.of(names), new Identity(names), false);
  }

  /** The coefficients of a stationary AR polynomial 1 − φ₁ z − … − φ_p z^p. */
  public static ParameterBlock autoregressive(String... names) {
    return new ParameterBlock(List.of(names), Stationary.autoregressive(names), false);
  }

  /** The coefficients of an invertible MA polynomial 1 + θ₁ z + … + θ_q z^q. */
  public static ParameterBlock movingAverage(String... names) {
    return new ParameterBlock(List.of(names), Stationary.movingAverage(names), false);
  }

  /**
   * The coefficient matrices [A₁ … A_p] (k × k each, row by row of the k × kp matrix) of a
   * stationary VAR(p), by Ansley and Kohn's transform ({@link StationaryVar}).
   */
  public static ParameterBlock stationaryVar(int k, int p, List<String> names) {
    return new ParameterBlock(names, StationaryVar.autoregressive(k, p, names), false);
  }

  /**
   * The coefficient matrices [M₁ … M_q] of an invertible vector MA polynomial I + M₁ z + … + M_q
   * z^q ({@link StationaryVar#movingAverage}).
   */
  public static ParameterBlock invertibleVma(int k, int q, List<String> names) {
    return new ParameterBlock(names, StationaryVar.movingAverage(k, q, names), false);
  }

  /** A block with another transform (e.g. a bounded damping factor). */
  public static ParameterBlock transformed(ParameterTransform transform, String... names) {
    return new ParameterBlock(List.of(names), transform, false);
  }

  public int size() {
    return names.size();
  }
}
