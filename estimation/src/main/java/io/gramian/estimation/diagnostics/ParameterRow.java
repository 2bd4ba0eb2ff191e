package io.gramian.estimation.diagnostics;

import java.util.OptionalDouble;

/**
 * One row of the summary's parameter table: a name, its estimate and, where defined, its standard
 * error. z, P&gt;|z| and the 95% interval are derived from these by {@link SummaryTable}.
 *
 * @param name the parameter's name (statsmodels' spelling, e.g. {@code sigma2.level})
 * @param estimate the estimate (finite)
 * @param stdError the standard error, empty where it is undefined (e.g. a variance at its zero
 *     boundary); when present it is finite and positive
 */
public record ParameterRow(String name, double estimate, OptionalDouble stdError) {

  /** Validates the row. */
  public ParameterRow {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a parameter row needs a name");
    }
    if (!Double.isFinite(estimate)) {
      throw new IllegalArgumentException(
          "parameter " + name + ": the estimate must be finite, got " + estimate);
    }
    if (stdError == null) {
      throw new IllegalArgumentException(
          "parameter " + name + ": stdError must not be null (use OptionalDouble.empty())");
    }
    if (stdError.isPresent()) {
      double se = stdError.getAsDouble();
      if (!(Double.isFinite(se) && se > 0)) {
        throw new IllegalArgumentException(
            "parameter "
                + name
                + ": a standard error must be finite and positive, got "
                + se
                + " (use OptionalDouble.empty() where it is undefined)");
      }
    }
  }

  /** A row with a standard error. */
  public static ParameterRow of(String name, double estimate, double stdError) {
    return new ParameterRow(name, estimate, OptionalDouble.of(stdError));
  }

  /** A row whose standard error is undefined. */
  public static ParameterRow withoutStdError(String name, double estimate) {
    return new ParameterRow(name, estimate, OptionalDouble.empty());
  }
}
