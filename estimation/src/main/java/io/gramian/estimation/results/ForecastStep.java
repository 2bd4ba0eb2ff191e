package io.gramian.estimation.results;

import java.util.List;

/**
 * The forecast of the observation at one future period, an immutable value: its mean, its standard
 * error (noise included) and an interval at each level asked for, lowest level first. One entry of
 * the {@code forecast} list of {@code fit --json}.
 *
 * @param step the horizon h = 1, 2, … (periods after the last observation)
 * @param period the period's label, such as {@code 1971} or {@code 1961-01}
 * @param mean the forecast mean μ_h = H m_h + d
 * @param standardError σ_h = sqrt(H P_h Hᵀ + R), finite and non-negative
 * @param intervals μ_h ∓ z·σ_h at each level, in increasing order of level
 */
public record ForecastStep(
    int step, String period, double mean, double standardError, List<Interval> intervals) {

  /** Copies the intervals and checks the values. */
  public ForecastStep {
    intervals = List.copyOf(intervals);
    if (step < 1) {
      throw new IllegalArgumentException("a forecast step is 1 or more, got " + step);
    }
    if (!Double.isFinite(mean) || !(standardError >= 0) || Double.isInfinite(standardError)) {
      throw new IllegalArgumentException(
          "forecast step "
              + step
              + " has mean "
              + mean
              + " and standard error "
              + standardError
              + "; both must be finite");
    }
  }

  /** The variance σ_h². */
  public double variance() {
    return standardError * standardError;
  }

  /** The interval at {@code level} percent, one of the levels the forecast was made with. */
  public Interval interval(double level) {
    for (Interval i : intervals) {
      if (i.level() == level) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "the forecast has no "
            + level
            + "% interval; its levels are "
            + intervals.stream().map(Interval::level).toList());
  }

  /** The interval at the highest level (the one the summary and JSON's lower/upper show). */
  public Interval widest() {
    return intervals.get(intervals.size() - 1);
  }
}
