package io.gramian.estimation.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows of results.csv and forecasts.csv: columns in the contract's order, exact numbers. */
class ResultsTableTest {

  private static final List<String> NAMES = List.of("sigma2.irregular", "sigma2.level");

  private static SeriesResult fitted() {
    return SeriesResult.ok(
        "a,\"b\"",
        100,
        new SeriesFit(
            -633.4645636362,
            1272.9291272724,
            1280.7446,
            0.1 + 0.2,
            true,
            17,
            NAMES,
            new double[] {15098.52, 1.0 / 3},
            new double[] {2600.0, Double.NaN},
            List.of(new ForecastPoint(1, "1971", 798.37, 1e-300, Double.MAX_VALUE))));
  }

  @Test
  void theColumnsAreTheContractsInOrder() {
    assertEquals(
        "id,status,message,nobs,loglikelihood,aic,bic,hqic,converged,iterations,"
            + "sigma2.irregular,sigma2.irregular.std_error,sigma2.level,sigma2.level.std_error",
        ResultsTable.csvHeader(NAMES));
    assertEquals("id,step,period,mean,lower,upper", ForecastsTable.csvHeader());
    assertEquals(
        "id,step,period,mean,lower,upper,"
            + "original.median,original.mean,original.lower,original.upper",
        ForecastsTable.csvHeader(SeriesTransform.LOG10));
  }

  @Test
  void numbersReadBackExactlyAndUndefinedIsEmpty() {
    String row = ResultsTable.csvRow(fitted(), NAMES);
    assertTrue(row.startsWith("\"a,\"\"b\"\"\",ok,,100,"), row);
    String[] fields = row.substring(row.indexOf(",ok,")).split(",", -1);
    // fields: "", ok, message, nobs, ll, aic, bic, hqic, converged, iterations, est, se, est, se
    assertEquals(-633.4645636362, Double.parseDouble(fields[4]));
    assertEquals(0.1 + 0.2, Double.parseDouble(fields[7]), 0.0);
    assertEquals("true", fields[8]);
    assertEquals("17", fields[9]);
    assertEquals(1.0 / 3, Double.parseDouble(fields[12]), 0.0);
    assertEquals("", fields[13], "an undefined standard error is empty");
    String forecast = ForecastsTable.csvRows(fitted()).get(0);
    String[] f = forecast.substring(forecast.indexOf(",1,")).split(",", -1);
    assertEquals(1e-300, Double.parseDouble(f[4]), 0.0);
    assertEquals(Double.MAX_VALUE, Double.parseDouble(f[5]), 0.0);
  }

  @Test
  void aFailedSeriesHasItsReasonOnOneLineAndEveryFittedColumnEmpty() {
    SeriesResult failed = SeriesResult.failed("s1", 7, "too few observations:\n 7 for 2");
    assertEquals("too few observations: 7 for 2", failed.message());
    assertEquals(
        "s1,failed,too few observations: 7 for 2,7,,,,,,,,,,", ResultsTable.csvRow(failed, NAMES));
    assertEquals(List.of(), ForecastsTable.csvRows(failed));
    List<Object> cells = ResultsTable.cells(failed, NAMES);
    assertEquals(ResultsTable.columns(NAMES).size(), cells.size());
    assertEquals(7, cells.get(3));
    assertNull(cells.get(4));
  }
}
