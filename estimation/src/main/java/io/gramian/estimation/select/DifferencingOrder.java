package io.gramian.estimation.select;

import java.io.Serializable;

/**
 * The differencing {@code (1 − L)^d (1 − L^s)^D} whose differenced data a likelihood is of: two
 * candidates' AICc compare when their differencing orders are equal.
 *
 * @param d the number of first differences
 * @param seasonalD the number of seasonal differences D
 * @param period the seasonal period s (1 when the search has none)
 */
public record DifferencingOrder(int d, int seasonalD, int period) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** {@code d=1 D=1} (D shown only when there is a seasonal period). */
  public String label() {
    return period > 1 ? "d=" + d + " D=" + seasonalD : "d=" + d;
  }
}
