package io.gramian.estimation.model;

/**
 * The size of a model as its specification states it, before anything is built: what {@link
 * ModelSizeRule} checks against the data. Counts are {@code long}, so that a specification that
 * names sizes beyond Java's {@code int} (an AR order of 2³¹ − 1, a seasonal period times a seasonal
 * order) is described exactly rather than overflowing.
 *
 * @param label how the model is named in messages, e.g. {@code SARIMAX(0, 0, 0)x(0, 0, 1, 5000)}
 * @param states nx, the state dimension; 0 when the model does not say (then only its parameters
 *     are checked before it is built)
 * @param diffuseStates exactly diffuse initial states, including ARIMA's d + sD differencing states
 *     (the observations simple differencing drops)
 * @param parameters all parameters, fixed ones included
 * @param longestLag the degree L of the longest lag polynomial (ARIMA: max(p + sP, q + sQ); an
 *     autoregressive component: its order), 0 for none
 * @param seasonalPeriod the longest seasonal period s, 0 without a season
 */
public record ModelSize(
    String label,
    long states,
    long diffuseStates,
    long parameters,
    long longestLag,
    long seasonalPeriod) {

  /**
   * @throws IllegalArgumentException for a negative count
   */
  public ModelSize {
    if (states < 0 || diffuseStates < 0 || parameters < 0 || longestLag < 0 || seasonalPeriod < 0) {
      throw new IllegalArgumentException(
          "model sizes are non-negative; got states="
              + states
              + " diffuse="
              + diffuseStates
              + " parameters="
              + parameters
              + " lag="
              + longestLag
              + " period="
              + seasonalPeriod);
    }
  }

  /** A model that states only its number of parameters. */
  public static ModelSize ofParameters(String label, long parameters) {
    return new ModelSize(label, 0, 0, parameters, 0, 0);
  }

  /** Whether the model states its state dimension. */
  public boolean statesKnown() {
    return states > 0;
  }
}
