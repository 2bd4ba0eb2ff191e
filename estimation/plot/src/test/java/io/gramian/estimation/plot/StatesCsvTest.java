package io.gramian.estimation.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.results.Estimate;
import io.gramian.estimation.results.StateEstimates;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.RtsSmoother;
import io.gramian.kalman.SmootherResult;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpaceSystem;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The states table round-trips through Commons CSV. */
class StatesCsvTest {

  /**
   * Values are written exactly; the reference standard deviations come from the covariance (a
   * square root of a square), the written ones from the factor's row norm: they agree to rounding,
   * relative to the value.
   */
  private static final double ROUNDING = 1e-12;

  private static final NileLocalLevel NILE = new NileLocalLevel();

  @TempDir Path dir;

  @Test
  void roundTripsTheFilterAndSmoother() throws IOException {
    StateEstimates table =
        StateEstimates.of(NILE.series, NILE.system, NILE.filter, NILE.smoother, List.of("level"));
    List<CSVRecord> rows = parse(write(table), StatesCsv.header(List.of("level")));
    assertEquals(100, rows.size());
    for (int t = 0; t < rows.size(); t++) {
      CSVRecord row = rows.get(t);
      assertEquals(NILE.series.label(t), row.get("time"));
      assertEquals(NILE.series.value(t), Double.parseDouble(row.get("observed")));
      if (t == 0) {
        assertEquals("", row.get("predicted"), "the diffuse first step has no prediction");
        assertEquals("", row.get("predicted_sd"));
      } else {
        assertClose(NILE.filter.predictedMean(t)[0], row.get("predicted"));
        double f = NILE.filter.innovationCovariance(t).get(0, 0);
        assertClose(Math.sqrt(f), row.get("predicted_sd"));
      }
      assertClose(NILE.filter.filteredMean(t)[0], row.get("level.filtered"));
      double pf = NILE.filter.filteredCovariance(t).get(0, 0);
      assertClose(Math.sqrt(pf), row.get("level.filtered_sd"));
      assertClose(NILE.smoother.smoothedMean(t)[0], row.get("level.smoothed"));
      double ps = NILE.smoother.smoothedCovariance(t).get(0, 0);
      assertClose(Math.sqrt(ps), row.get("level.smoothed_sd"));
    }
    assertEquals("1871", rows.get(0).get("time"));
    assertEquals("1120", rows.get(0).get("observed"), "integers without a fraction");
  }

  @Test
  void missingObservationsAreEmptyAndStillPredicted() throws IOException {
    double[] y = Datasets.nile().values();
    y[10] = Double.NaN;
    TimeSeries gappy = TimeSeries.of("volume", Datasets.nile().index(), y);
    NileLocalLevel run = new NileLocalLevel(gappy);
    StateEstimates table =
        StateEstimates.of(gappy, run.system, run.filter, run.smoother, List.of("level"));
    List<CSVRecord> rows = parse(write(table), StatesCsv.header(List.of("level")));
    CSVRecord row = rows.get(10);
    assertEquals("", row.get("observed"));
    DMatrixRMaj P = run.filter.predictedCovariance(10);
    assertClose(run.filter.predictedMean(10)[0], row.get("predicted"));
    assertClose(Math.sqrt(P.get(0, 0) + NileLocalLevel.SIGMA2_IRREGULAR), row.get("predicted_sd"));
    assertClose(run.filter.predictedMean(10)[0], row.get("level.filtered"));
  }

  @Test
  void everyStateGetsFourColumnsAuxiliaryOnesIncluded() throws IOException {
    // Local level + a quarterly dummy seasonal: states level, seasonal, _seasonal.2, _seasonal.3.
    int nx = 4;
    DMatrixRMaj F = new DMatrixRMaj(nx, nx);
    F.set(0, 0, 1);
    F.set(1, 1, -1);
    F.set(1, 2, -1);
    F.set(1, 3, -1);
    F.set(2, 1, 1);
    F.set(3, 2, 1);
    DMatrixRMaj H = new DMatrixRMaj(1, nx, true, 1, 1, 0, 0);
    DMatrixRMaj cholQ = new DMatrixRMaj(nx, 2);
    cholQ.set(0, 0, 0.5);
    cholQ.set(1, 1, 0.1);
    DMatrixRMaj eye = new DMatrixRMaj(nx, nx);
    for (int i = 0; i < nx; i++) {
      eye.set(i, i, 1);
    }
    StateSpaceSystem s =
        StateSpaceSystem.builder()
            .F(F)
            .H(H)
            .d(new DMatrixRMaj(1, 1, true, 2.0))
            .cholQ(cholQ)
            .cholR(new DMatrixRMaj(1, 1, true, 1.0))
            .m0(new DMatrixRMaj(nx, 1))
            .cholP0(new DMatrixRMaj(nx, 0))
            .cholPinf(eye)
            .build();
    TimeSeries series = Datasets.presidents();
    FilterResult f = SquareRootFilter.forSystem(s).filter(s, NileLocalLevel.observations(series));
    SmootherResult sm = RtsSmoother.forSystem(s).smooth(s, f);
    List<String> names = List.of("level", "seasonal", "_seasonal.2", "_seasonal.3");
    StateEstimates table = StateEstimates.of(series, s, f, sm, names);
    String csv = write(table);
    assertTrue(
        csv.startsWith(
            "time,observed,predicted,predicted_sd,level.filtered,level.filtered_sd,"
                + "level.smoothed,level.smoothed_sd,seasonal.filtered,"),
        csv.substring(0, 200));
    List<CSVRecord> rows = parse(csv, StatesCsv.header(names));
    assertEquals(4 + 4 * nx, rows.get(0).size());
    assertEquals("1945-Q1", rows.get(0).get("time"));
    int T = series.length();
    for (int t = 0; t < T; t++) {
      CSVRecord row = rows.get(t);
      boolean identified = t + 1 >= T || !f.isDiffuse(t + 1);
      for (int i = 0; i < nx; i++) {
        String name = names.get(i);
        if (identified) {
          assertClose(f.filteredMean(t)[i], row.get(name + ".filtered"));
        } else {
          assertEquals("", row.get(name + ".filtered"), "unidentified at " + t);
        }
        assertClose(sm.smoothedMean(t)[i], row.get(name + ".smoothed"));
        assertClose(sm.smoothedStd(t)[i], row.get(name + ".smoothed_sd"));
      }
      if (!f.isDiffuse(t)) {
        double[] m = f.predictedMean(t);
        assertClose(m[0] + m[1] + 2.0, row.get("predicted"));
      }
    }
    assertEquals("", rows.get(0).get("level.filtered"), "4 diffuse states, 1 observation");
    assertTrue(!rows.get(T - 1).get("level.filtered").isEmpty());
  }

  @Test
  void writesAUtf8FileWithNewlines() throws IOException {
    StateEstimates table =
        StateEstimates.of(NILE.series, NILE.system, NILE.filter, NILE.smoother, List.of("level"));
    Path file = dir.resolve("out/states.csv");
    StatesCsv.write(table, file);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(write(table), text);
    assertEquals(101, text.split("\n", -1).length - 1, "header and 100 rows, each ending in \\n");
    assertTrue(!text.contains("\r"));
  }

  @Test
  void numbersAreExactAndNaNIsEmpty() {
    assertEquals("", StatesCsv.number(Double.NaN));
    assertEquals("1120", StatesCsv.number(1120.0));
    assertEquals("0", StatesCsv.number(-0.0));
    double awkward = 0.1 + 0.2;
    assertEquals(awkward, Double.parseDouble(StatesCsv.number(awkward)));
    assertEquals(1e-300, Double.parseDouble(StatesCsv.number(1e-300)));
    assertEquals(1e20, Double.parseDouble(StatesCsv.number(1e20)));
  }

  @Test
  void badStateNamesAreRejectedWithAMessage() {
    Exception e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StateEstimates.of(
                    NILE.series, NILE.system, NILE.filter, NILE.smoother, List.of("a", "b")));
    assertTrue(e.getMessage().contains("2 state names for 1 states"), e.getMessage());
    Estimate one = new Estimate(new double[] {1}, new double[] {1});
    Exception dup =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new StateEstimates(
                    List.of("1"),
                    new double[] {1},
                    one,
                    one,
                    one,
                    List.of("x", "x"),
                    List.of(one, one),
                    List.of(one, one)));
    assertTrue(dup.getMessage().contains("\"x\""), dup.getMessage());
  }

  private static String write(StateEstimates table) throws IOException {
    StringWriter out = new StringWriter();
    StatesCsv.write(table, out);
    return out.toString();
  }

  private static List<CSVRecord> parse(String csv, List<String> header) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
      assertEquals(header, parser.getHeaderNames());
      return parser.getRecords();
    }
  }

  private static void assertClose(double expected, String field) {
    assertTrue(!field.isEmpty(), "expected " + expected + ", found an empty field");
    double actual = Double.parseDouble(field);
    assertEquals(expected, actual, ROUNDING * Math.max(1, Math.abs(expected)), field);
  }
}
