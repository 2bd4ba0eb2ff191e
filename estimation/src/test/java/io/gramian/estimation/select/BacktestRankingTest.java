package io.gramian.estimation.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.backtest.Backtest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code select --by backtest}: every candidate of the AICc search is backtested and ranked by its
 * RMSE. The backtest itself is checked against R and statsmodels in the backtest package's tests;
 * here, the ranking: the same candidates, each RMSE that of its own backtest, in ascending order.
 */
class BacktestRankingTest {

  private static final int HORIZON = 5;
  private static final int FOLDS = 10;

  @Test
  void ranksEveryCandidateOfTheSearchByItsBacktestRmse() {
    TimeSeries nile = Datasets.nile();
    ModelSearch search = ModelSearch.of(1).withThreads(1);
    Selection byAicc = search.select(nile);
    BacktestRanking byBacktest = search.selectByBacktest(nile, HORIZON, FOLDS, c -> {});

    assertEquals(HORIZON, byBacktest.horizon());
    assertEquals(FOLDS, byBacktest.folds());
    List<BacktestRanking.Entry> entries = byBacktest.candidates();
    assertEquals(byAicc.candidates().size(), entries.size());
    assertEquals(
        byAicc.candidates().stream().map(r -> r.candidate().model()).sorted().toList(),
        entries.stream().map(e -> e.candidate().model()).sorted().toList());
    double previous = 0;
    boolean seenUnranked = false;
    for (int i = 0; i < entries.size(); i++) {
      BacktestRanking.Entry e = entries.get(i);
      assertEquals(i + 1, e.rank());
      if (e.isRanked()) {
        assertTrue(!seenUnranked, "a backtested candidate after one without an RMSE");
        assertTrue(e.rmse() >= previous, "not in ascending RMSE at rank " + e.rank());
        previous = e.rmse();
        // exactly what a backtest of that model alone gives
        assertEquals(
            Backtest.run(e.candidate().spec(), nile, HORIZON, FOLDS).overallRmse(), e.rmse());
      } else {
        seenUnranked = true;
      }
    }
    assertTrue(entries.get(0).isRanked());
    assertEquals(entries.get(0).candidate(), byBacktest.best());
  }

  @Test
  void foldsThatLeaveTooLittleDataAreRefused() {
    TimeSeries nile = Datasets.nile();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelSearch.of(1).selectByBacktest(nile, 50, 60, c -> {}));
    assertTrue(e.getMessage().contains("no candidate could be backtested"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelSearch.of(1).selectByBacktest(nile, 0, 10, c -> {}));
  }
}
