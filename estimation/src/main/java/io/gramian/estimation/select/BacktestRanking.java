package io.gramian.estimation.select;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.backtest.Backtest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The candidates of a {@link ModelSearch} ranked by out-of-sample forecast error: each candidate
 * with an AICc is backtested ({@link Backtest}: rolling origin, K folds of horizon H, estimated
 * once on the first fold's data) on the series the search modelled, and ranked by the root mean
 * squared error over every fold and horizon, RMSE = √(Σ e² / N) ({@link
 * io.gramian.estimation.backtest.BacktestResult#overallRmse()}).
 *
 * <p>Unlike AICc, errors of forecasts of the same series compare whatever the differencing, so
 * every backtested candidate is comparable. Candidates the search rejected, and those whose
 * backtest failed (a fold's fit, too little data for the first fold), come last, in search order,
 * with the reason.
 *
 * @param horizon H, the periods each fold forecasts
 * @param folds K, the rolling origins
 * @param candidates every candidate of the search, ranked
 */
public record BacktestRanking(int horizon, int folds, List<BacktestRanking.Entry> candidates)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * One candidate's place.
   *
   * @param rank 1 for the smallest RMSE
   * @param candidate the candidate as the search fitted it
   * @param rmse the backtest's RMSE over every fold and horizon; NaN when not backtested
   * @param failure why it was not backtested or its backtest failed; null when it has an RMSE
   */
  public record Entry(int rank, Candidate candidate, double rmse, String failure)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Whether the candidate has an RMSE. */
    public boolean isRanked() {
      return failure == null;
    }
  }

  public BacktestRanking {
    candidates = List.copyOf(candidates);
  }

  /**
   * Backtests the ranked candidates of {@code selection} on {@code modelled} (the series on the
   * scale the search modelled it, after any transform) and ranks them.
   *
   * @throws IllegalArgumentException when no candidate could be backtested (the first such
   *     failure's message: e.g. H and K leave the first fold too few observations)
   */
  static BacktestRanking of(Selection selection, TimeSeries modelled, int horizon, int folds) {
    List<Entry> backtested = new ArrayList<>();
    List<Entry> failed = new ArrayList<>();
    String firstFailure = null;
    for (RankedCandidate r : selection.candidates()) {
      Candidate c = r.candidate();
      if (!c.isRanked()) {
        failed.add(new Entry(0, c, Double.NaN, "rejected by the search: " + c.rejection()));
        continue;
      }
      try {
        double rmse = Backtest.run(c.spec(), modelled, horizon, folds).overallRmse();
        if (Double.isNaN(rmse)) {
          failed.add(new Entry(0, c, rmse, "every actual of the folds is missing"));
        } else {
          backtested.add(new Entry(0, c, rmse, null));
        }
      } catch (IllegalArgumentException | ArithmeticException e) {
        firstFailure = firstFailure == null ? e.getMessage() : firstFailure;
        failed.add(new Entry(0, c, Double.NaN, "backtest failed: " + e.getMessage()));
      }
    }
    if (backtested.isEmpty()) {
      throw new IllegalArgumentException(
          "no candidate could be backtested with horizon "
              + horizon
              + " and "
              + folds
              + " folds"
              + (firstFailure == null ? "" : ": " + firstFailure));
    }
    backtested.sort(Comparator.comparingDouble(Entry::rmse)); // stable: ties keep search order
    List<Entry> ranked = new ArrayList<>();
    for (Entry e : backtested) {
      ranked.add(new Entry(ranked.size() + 1, e.candidate(), e.rmse(), null));
    }
    for (Entry e : failed) {
      ranked.add(new Entry(ranked.size() + 1, e.candidate(), e.rmse(), e.failure()));
    }
    return new BacktestRanking(horizon, folds, ranked);
  }

  /** The chosen model: rank 1, the smallest RMSE. */
  public Candidate best() {
    return candidates.get(0).candidate();
  }
}
