package io.gramian.estimation.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.batch.ModelSpec;
import org.junit.jupiter.api.Test;

/**
 * The Java guide's and docs/cli.md's backtest example, as written there: the airline model on ln
 * AirPassengers, H = 12, K = 12, estimated once, with the figures the documents print.
 */
class BacktestGuideTest {

  /** The documents print five or six significant digits: half a unit in the last one. */
  private static final double PRINTED = 5e-7;

  @Test
  void theAirlineExampleGivesThePrintedFigures() {
    TimeSeries air = Datasets.airPassengers().log();
    ModelSpec airline = ModelSpec.named("arima").withOrder("0,1,1").withSeasonalOrder("0,1,1,12");
    BacktestResult once = Backtest.run(airline, air, 12, 12);
    assertEquals(0.021936, once.rmse()[0], PRINTED);
    assertEquals(0.025529, once.rmse()[1], PRINTED);
    assertEquals(0.042344, once.rmse()[11], PRINTED);
    assertEquals(0.1526, once.metrics().get(0).mase(), 5e-5);
    assertEquals(0.018623, once.metrics().get(0).mae(), PRINTED);
    assertEquals(0.917, once.metrics().get(2).coverage(95), 5e-4);
    assertTrue(once.overallRmse() > once.rmse()[0]);
    assertTrue(once.table().contains("origins 1959-01 to 1959-12"), once.table());
    assertTrue(once.csv().startsWith("horizon,mae,rmse,mape,mase,coverage\n"));
    BacktestResult passengers = once.originalScale(Datasets.airPassengers(), Math.E);
    assertEquals(8.2020, passengers.mae()[0], 5e-5);
    assertEquals(9.0157, passengers.mae()[1], 5e-5);
    assertEquals(17.629, passengers.rmse()[2], 5e-4);
    assertEquals(0.917, passengers.metrics().get(2).coverage(95), 5e-4);
    assertTrue(passengers.table().startsWith("Backtest of passengers:"), passengers.table());
  }
}
