package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled datasets: lengths, frequencies, first and last periods and known values. */
class DatasetsTest {

  @Test
  void nileIsAnnual1871To1970() {
    TimeSeries nile = Datasets.nile();
    assertSeries(nile, "volume", Frequency.ANNUAL, 100, "1871", "1970");
    assertEquals(1120, nile.value(0));
    assertEquals(1160, nile.value(1));
    assertEquals(740, nile.value(99));
    assertEquals(100, nile.observedCount());
    assertEquals(LocalDate.of(1871, 1, 1), nile.startDate(0).orElseThrow());
  }

  @Test
  void ukDriverDeathsIsMonthly1969To1984() {
    TimeSeries drivers = Datasets.ukDriverDeaths();
    assertSeries(drivers, "drivers", Frequency.MONTHLY, 192, "1969-01", "1984-12");
    assertEquals(1687, drivers.value(0));
    assertEquals(1763, drivers.value(191));
  }

  @Test
  void seatbeltsHasEightMonthlyColumns() {
    TimeSeriesFrame seatbelts = Datasets.seatbelts();
    assertEquals(
        List.of(
            "DriversKilled", "drivers", "front", "rear", "kms", "PetrolPrice", "VanKilled", "law"),
        seatbelts.columnNames());
    assertEquals(Frequency.MONTHLY, seatbelts.frequency());
    assertEquals(192, seatbelts.length());
    assertEquals("1969-01", seatbelts.index().label(0));
    assertEquals("1984-12", seatbelts.index().label(191));
    assertEquals(107, seatbelts.column("DriversKilled").value(0));
    assertEquals(0.102971811805368, seatbelts.column("PetrolPrice").value(0), 0);
    assertEquals(Datasets.ukDriverDeaths().values()[5], seatbelts.column("drivers").value(5));
  }

  @Test
  void seatbeltLawStartsInFebruary1983() {
    TimeSeries law = Datasets.seatbelts().column("law");
    int january1983 = 14 * 12;
    assertEquals("1983-01", law.label(january1983));
    assertEquals(0, law.value(january1983));
    assertEquals(1, law.value(january1983 + 1));
    assertEquals(23, Arrays.stream(law.values()).sum());
  }

  @Test
  void airPassengersIsMonthly1949To1960() {
    TimeSeries passengers = Datasets.airPassengers();
    assertSeries(passengers, "passengers", Frequency.MONTHLY, 144, "1949-01", "1960-12");
    assertEquals(112, passengers.value(0));
    assertEquals(432, passengers.value(143));
  }

  @Test
  void presidentsIsQuarterlyWithSixMissingValues() {
    TimeSeries approval = Datasets.presidents();
    assertSeries(approval, "approval", Frequency.QUARTERLY, 120, "1945-Q1", "1974-Q4");
    assertEquals(114, approval.observedCount());
    assertTrue(approval.isMissing(0));
    assertEquals(87, approval.value(1));
    assertEquals(24, approval.value(119));
    for (String missing :
        List.of("1945-Q1", "1948-Q3", "1948-Q4", "1952-Q3", "1972-Q3", "1972-Q4")) {
      assertTrue(approval.isMissing(approval.index().labels().indexOf(missing)), missing);
    }
  }

  @Test
  void usMacroQuarterlyRunsFrom1959Q1To2009Q3() {
    TimeSeriesFrame macro = Datasets.usMacroQuarterly();
    assertEquals(
        List.of("realgdp", "realcons", "realinv", "cpi", "unemp", "infl", "realint"),
        macro.columnNames());
    assertEquals(Frequency.QUARTERLY, macro.frequency());
    assertEquals(203, macro.length());
    assertEquals("1959-Q1", macro.index().label(0));
    assertEquals("2009-Q3", macro.index().label(202));
    assertEquals(2710.349, macro.column("realgdp").value(0), 0);
    assertEquals(12990.341, macro.column("realgdp").value(202), 0);
    assertEquals(5.8, macro.column("unemp").value(0), 0);
    assertEquals(9.6, macro.column("unemp").value(202), 0);
  }

  @Test
  void everyNamedDatasetLoadsWithItsFileNameAsSource() {
    for (String name : Datasets.names()) {
      TimeSeriesFrame frame = Datasets.load(name);
      assertEquals(name + ".csv", frame.source());
      assertTrue(frame.length() > 0, name);
    }
  }

  @Test
  void loadAcceptsFileNamesAndAnyLetterCase() {
    assertEquals(Datasets.load("nile"), Datasets.load("Nile.csv"));
  }

  @Test
  void loadRejectsUnknownNamesListingTheBundledOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Datasets.load("sunspots"));
    assertEquals(
        "no bundled dataset \"sunspots\"; the datasets are: air_passengers, nile, presidents,"
            + " seatbelts, uk_driver_deaths, us_macro_quarterly",
        error.getMessage());
  }

  private static void assertSeries(
      TimeSeries series, String name, Frequency frequency, int length, String first, String last) {
    assertEquals(name, series.name());
    assertEquals(frequency, series.frequency());
    assertEquals(length, series.length());
    assertEquals(first, series.label(0));
    assertEquals(last, series.label(length - 1));
  }
}
