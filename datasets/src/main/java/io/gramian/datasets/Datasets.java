package io.gramian.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The classic time series bundled with Gramian (see the datasets README for their provenance). Each
 * call reads the bundled CSV file afresh; the results are immutable.
 */
public final class Datasets {

  private static final List<String> NAMES =
      List.of(
          "air_passengers",
          "nile",
          "presidents",
          "seatbelts",
          "uk_driver_deaths",
          "us_macro_quarterly");

  private Datasets() {}

  /** The names of the bundled datasets, such as {@code "nile"}, in alphabetical order. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The bundled dataset called {@code name} (for example {@code "nile"}; a {@code .csv} suffix and
   * letter case are ignored), as read from its CSV file.
   *
   * @throws IllegalArgumentException listing the bundled names if there is no such dataset
   */
  public static TimeSeriesFrame load(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    if (key.endsWith(".csv")) {
      key = key.substring(0, key.length() - ".csv".length());
    }
    if (!NAMES.contains(key)) {
      throw new IllegalArgumentException(
          "no bundled dataset \"" + name + "\"; the datasets are: " + String.join(", ", NAMES));
    }
    String fileName = key + ".csv";
    try (InputStream stream = Datasets.class.getResourceAsStream(fileName)) {
      if (stream == null) {
        throw new IllegalStateException("the bundled file " + fileName + " is not in the jar");
      }
      try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
        return CsvTimeSeriesReader.read(reader, fileName);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled file " + fileName, e);
    }
  }

  /** Annual flow of the Nile at Aswan, 1871–1970 (100 values, 10⁸ m³). */
  public static TimeSeries nile() {
    return load("nile").column("volume");
  }

  /** UK car drivers killed or seriously injured, monthly 1969-01 to 1984-12 (192 values). */
  public static TimeSeries ukDriverDeaths() {
    return load("uk_driver_deaths").column("drivers");
  }

  /**
   * UK road casualties and covariates, monthly 1969-01 to 1984-12: DriversKilled, drivers, front,
   * rear, kms, PetrolPrice, VanKilled and law (1 from 1983-02, when the seat-belt law came into
   * force).
   */
  public static TimeSeriesFrame seatbelts() {
    return load("seatbelts");
  }

  /** International airline passengers (thousands), monthly 1949-01 to 1960-12 (144 values). */
  public static TimeSeries airPassengers() {
    return load("air_passengers").column("passengers");
  }

  /**
   * Quarterly approval ratings of the US president, 1945-Q1 to 1974-Q4 (120 values, 6 of them
   * missing).
   */
  public static TimeSeries presidents() {
    return load("presidents").column("approval");
  }

  /**
   * US macroeconomic data, quarterly 1959-Q1 to 2009-Q3 (203 rows): realgdp, realcons, realinv,
   * cpi, unemp, infl and realint.
   */
  public static TimeSeriesFrame usMacroQuarterly() {
    return load("us_macro_quarterly");
  }
}
