package io.gramian.estimation.select;

import io.gramian.estimation.batch.ModelSpec;
import java.io.Serializable;
import java.util.Objects;

/**
 * One fitted candidate of a model search: the model, its likelihood on the differenced data ({@link
 * DifferencedLikelihood}), its number of parameters and its AICc, or why it has none.
 *
 * <p>AICc = −2ℓ + 2k + 2k(k + 1)/(n* − k − 1), with ℓ the differenced-data log-likelihood, k the
 * estimated parameters (σ² included) and n* the observed periods less the k_d diffuse states: R's
 * {@code forecast:::myarima} definition (n* = n − d − sD), which for an ARIMA model gives R's
 * number.
 *
 * @param spec the model, as the command line's options
 * @param family {@link Family#ARIMA} or {@link Family#STRUCTURAL}
 * @param logLikelihood ℓ on the differenced data (NaN when rejected)
 * @param diffuseLogLikelihood the exact diffuse ℓ that {@code gramian fit} prints (NaN when
 *     rejected)
 * @param parameters k, the estimated parameters
 * @param nobsEffective n*
 * @param aicc the AICc, {@code +∞} when rejected
 * @param differencing the differencing its likelihood is of; null when none applies
 * @param rejection null when the candidate is ranked by its AICc; otherwise why not (the fit
 *     failed, a root near the unit circle, too few observations)
 */
public record Candidate(
    ModelSpec spec,
    Family family,
    double logLikelihood,
    double diffuseLogLikelihood,
    int parameters,
    int nobsEffective,
    double aicc,
    DifferencingOrder differencing,
    String rejection)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where a candidate comes from. */
  public enum Family {
    STRUCTURAL,
    ARIMA
  }

  public Candidate {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(family, "family");
  }

  /** A candidate that could not be ranked, and why. */
  static Candidate rejected(ModelSpec spec, Family family, String why) {
    return new Candidate(
        spec, family, Double.NaN, Double.NaN, 0, 0, Double.POSITIVE_INFINITY, null, why);
  }

  /** Whether the candidate has an AICc to rank by. */
  public boolean isRanked() {
    return rejection == null;
  }

  /**
   * The model as {@code gramian fit} takes it, without {@code --model}: e.g. {@code arima --order
   * 0,1,1 --seasonal-order 0,1,1,12} or {@code local-level --seasonal 12}.
   */
  public String model() {
    return spec.spelling().substring("--model ".length());
  }

  /** AICc = −2ℓ + 2k + 2k(k + 1)/(n* − k − 1); +∞ when n* ≤ k + 1. */
  static double aicc(double logLikelihood, int k, int nobsEffective) {
    if (nobsEffective - k - 1 <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return -2 * logLikelihood + 2.0 * k + 2.0 * k * (k + 1) / (nobsEffective - k - 1);
  }
}
