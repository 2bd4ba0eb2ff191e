package io.gramian.estimation.results;

import java.util.List;

/**
 * The forecast of one future period back on the scale of the data before a logarithm was taken, an
 * immutable value. With the modelled value z = log_b y forecast as N(μ_h, σ_h²):
 *
 * <pre>
 *   median  b^μ_h                                  (the back-transformed mean)
 *   mean    exp(μ_h ln b + σ_h² (ln b)² / 2)       (the log-normal mean: exp(μ_h + σ_h²/2) for b = e)
 *   bounds  b^(μ_h ∓ z σ_h)                        (the back-transformed bounds, same coverage)
 * </pre>
 *
 * @param step the horizon h = 1, 2, …
 * @param period the period's label
 * @param median b^μ_h, half the probability on each side
 * @param mean the log-normal mean, above the median by the factor exp(σ_h² (ln b)² / 2)
 * @param intervals b raised to the bounds of each level's interval, in increasing order of level
 */
public record OriginalScaleStep(
    int step, String period, double median, double mean, List<Interval> intervals) {

  /** Copies the intervals. */
  public OriginalScaleStep {
    intervals = List.copyOf(intervals);
  }

  /** The interval at the highest level (the one the summary and JSON's lower/upper show). */
  public Interval widest() {
    return intervals.get(intervals.size() - 1);
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
}
