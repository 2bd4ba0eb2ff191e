package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The structural components' options run in-process through the command line: every case of the
 * library's statsmodels table ({@code batch/statsmodels_components.csv}, see the README there)
 * spelled as its {@code spelling} column says, with {@code loglik --model … --params …}; the
 * spellings statsmodels offers for one model agree; bad combinations are one line and exit 2.
 */
class ComponentsCommandTest {

  /**
   * ℓ, relative: as the library's {@code ComponentsReferenceTest}, the same computation reached
   * through the options (17-digit references, agreement measured below 1e-9).
   */
  private static final double LOGLIK_RELATIVE = 1e-9;

  private static final JsonMapper JSON = new JsonMapper();

  private static final Path BATCH =
      Path.of("src", "test", "resources", "io", "gramian", "estimation", "batch");

  private static final Path DATASETS = Path.of("..", "datasets");

  /** One case of the table: its options, data and parameters. */
  record Case(String id, String spelling, String data, Map<String, String> params, double llf) {
    @Override
    public String toString() {
      return id;
    }
  }

  static List<Case> cases() {
    Map<String, Case> cases = new LinkedHashMap<>();
    try (Reader in =
        Files.newBufferedReader(
            BATCH.resolve("statsmodels_components.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
        String id = r.get("case");
        Case c =
            cases.computeIfAbsent(
                id, k -> new Case(k, r.get("spelling"), r.get("data"), new LinkedHashMap<>(), 0));
        if (r.get("quantity").equals("param")) {
          c.params().put(r.get("name"), r.get("value"));
        } else if (r.get("quantity").equals("llf")) {
          cases.put(
              id,
              new Case(id, c.spelling(), c.data(), c.params(), Double.parseDouble(r.get("value"))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(cases.values());
  }

  /** The data options of each data set of the table. */
  private static List<String> data(String data) {
    switch (data) {
      case "nile":
        return List.of(DATASETS.resolve("nile.csv").toString());
      case "lnksi":
        return List.of(
            DATASETS.resolve("seatbelts.csv").toString(),
            "--column",
            "drivers",
            "--transform",
            "log");
      case "unemp":
        return List.of(DATASETS.resolve("us_macro_quarterly.csv").toString(), "--column", "unemp");
      case "infl_unemp":
        return List.of(DATASETS.resolve("us_macro_quarterly.csv").toString(), "--column", "infl");
      case "daily":
        return List.of(BATCH.resolve("daily_two_seasons.csv").toString());
      default:
        throw new IllegalStateException("unknown data " + data);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void loglikOfEverySpellingIsStatsmodels(Case c) throws Exception {
    List<String> args = new ArrayList<>(List.of("loglik"));
    args.addAll(data(c.data()));
    args.addAll(List.of(c.spelling().split(" ")));
    args.add("--params");
    args.add(
        c.params().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(",")));
    args.addAll(List.of("--gradient", "--json", "-"));
    CliRun run = CliRun.run(args.toArray(String[]::new));
    assertEquals(0, run.exitCode, run.toString());
    JsonNode json = JSON.readTree(run.out);
    assertEquals(
        c.llf(), json.get("loglikelihood").asDouble(), LOGLIK_RELATIVE * Math.abs(c.llf()), c.id());
    List<String> names = new ArrayList<>();
    json.get("gradient").fieldNames().forEachRemaining(names::add);
    assertEquals(new ArrayList<>(c.params().keySet()), names, c.id());
  }

  /** ℓ of a spelling on the Nile at σ² = 15000 for each parameter. */
  private static double nileLoglik(String... spelling) throws Exception {
    CliRun names = CliRun.run(concat(List.of("loglik", "../datasets/nile.csv"), spelling));
    // the message lists the parameters the model needs
    String needs =
        names.err.substring(names.err.indexOf("parameter: ") + "parameter: ".length()).strip();
    String params =
        List.of(needs.split(", ")).stream().map(n -> n + "=15000").collect(Collectors.joining(","));
    List<String> args = new ArrayList<>(List.of("loglik", "../datasets/nile.csv"));
    args.addAll(List.of(spelling));
    args.addAll(List.of("--params", params, "--json", "-"));
    CliRun run = CliRun.run(args.toArray(String[]::new));
    assertEquals(0, run.exitCode, run.toString());
    return JSON.readTree(run.out).get("loglikelihood").asDouble();
  }

  private static String[] concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "local-level, llevel",
    "local-level, Local_Level",
    "random-walk-with-drift, rwdrift",
    "local-linear-deterministic-trend, lldtrend",
    "smooth-trend, strend",
    "random-trend, rtrend",
    "irregular, ntrend",
    "deterministic-constant, dconstant",
    "random-walk, rwalk",
    "deterministic-trend, dtrend",
    "local-linear-trend, lltrend"
  })
  void statsmodelsAbbreviationsNameTheSameModel(String name, String abbreviation) throws Exception {
    assertEquals(nileLoglik("--model", name), nileLoglik("--model", abbreviation));
  }

  @Test
  void severalSeasonalsRepeatedOrCommaSeparated() throws Exception {
    String daily = BATCH.resolve("daily_two_seasons.csv").toString();
    String params =
        "sigma2.irregular=0.15,sigma2.level=0.003,sigma2.freq_seasonal_7(3)=1e-4,"
            + "sigma2.freq_seasonal_365(2)=1e-6";
    CliRun repeated =
        CliRun.run(
            "loglik",
            daily,
            "--model",
            "local-level",
            "--seasonal",
            "7",
            "--seasonal",
            "365",
            "--seasonal-type",
            "trig",
            "--harmonics",
            "3",
            "--harmonics",
            "2",
            "--params",
            params,
            "--json",
            "-");
    CliRun commas =
        CliRun.run(
            "loglik",
            daily,
            "--model",
            "local-level",
            "--seasonal",
            "7,365",
            "--seasonal-type",
            "trig",
            "--harmonics",
            "3,2",
            "--params",
            params,
            "--json",
            "-");
    assertEquals(0, repeated.exitCode, repeated.toString());
    assertEquals(repeated.out, commas.out);
  }

  @Test
  void fitNamesTheComponentsParameters() throws Exception {
    CliRun run =
        CliRun.run(
            "fit",
            "../datasets/us_macro_quarterly.csv",
            "--column",
            "unemp",
            "--model",
            "fixed-intercept",
            "--autoregressive",
            "2",
            "--cycle",
            "--json",
            "-",
            "--quiet");
    assertEquals(0, run.exitCode, run.toString());
    List<String> names = new ArrayList<>();
    for (JsonNode p : JSON.readTree(run.out).get("parameters")) {
      names.add(p.get("name").asText());
    }
    assertEquals(List.of("sigma2.cycle", "sigma2.ar", "frequency.cycle", "ar.L1", "ar.L2"), names);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--model local-level --harmonics 3|--harmonics goes with a trigonometric seasonal",
        "--model local-level --seasonal 1|--seasonal takes a period of at least 2, got 1",
        "--model local-level --damped-cycle|--damped-cycle goes with --cycle",
        "--model local-level --autoregressive 0|--autoregressive takes an order P of at least 1",
        "--model local-level --seasonal 7 --seasonal 7|--seasonal 7 is given twice",
        "--model local-level --seasonal 7 --seasonal 12|at most one dummy seasonal",
        "--model local-level --seasonal 12 --seasonal-type trig --harmonics 7|takes 1 to 6"
            + " harmonics, got 7",
        "--model local-level --seasonal 7,12 --seasonal-type trig --harmonics 1,2,3|--harmonics"
            + " gives 3 numbers for 2 trigonometric seasonals",
        "--model local-level --seasonal 7,12,4 --seasonal-type dummy,trig|--seasonal-type gives"
            + " 2 types for 3 seasonal periods",
        "--model local-level --seasonal-type trig|--seasonal-type goes with --seasonal S",
        "--model local-level --seasonal 12 --seasonal-type fourier|unknown seasonal type",
        "--model fixed-intercept|the model has no stochastic component",
        "--model local-trend|unknown structural model",
        "--model arima --order 1,0,0 --cycle|belong to structural models, not arima",
        "--model local-level --exog-varying nothere|nothere"
      })
  void badCombinationsAreOneLineAndExitTwo(String options, String message) {
    CliRun run = CliRun.run(concat(List.of("fit", "../datasets/nile.csv"), options.split(" ")));
    assertEquals(2, run.exitCode, run.toString());
    assertEquals("", run.out);
    assertEquals(1, run.err.strip().lines().count(), run.err);
    assertTrue(run.err.contains(message), run.err);
  }

  @Test
  void forecastWithVaryingCoefficientsIsRefusedBeforeTheFit() {
    CliRun run =
        CliRun.run(
            "fit",
            "../datasets/us_macro_quarterly.csv",
            "--column",
            "infl",
            "--model",
            "local-level",
            "--exog-varying",
            "unemp",
            "--forecast",
            "4");
    assertEquals(2, run.exitCode, run.toString());
    assertEquals("", run.out);
    assertTrue(run.err.startsWith("gramian: --forecast with --exog-varying needs"), run.err);
  }

  /**
   * The forecast, relative: statsmodels' filter over four missing observations and Gramian's
   * forecaster compute the same moments (measured 1.7e-14 on the mean, 5e-16 on the sd).
   */
  private static final double FORECAST_RELATIVE = 1e-9;

  /** The 97.5% normal quantile, what the 95% bounds lie from the mean in forecast sds. */
  private static final double Z95 = 1.959963984540054;

  /** The table's values of one quantity of one case, by name, in the table's order. */
  private static Map<String, String> quantity(String id, String quantity) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    try (Reader in =
        Files.newBufferedReader(
            BATCH.resolve("statsmodels_components.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
        if (r.get("case").equals(id) && r.get("quantity").equals(quantity)) {
          values.put(r.get("name"), r.get("value"));
        }
      }
    }
    assertTrue(!values.isEmpty(), "no " + quantity + " for " + id);
    return values;
  }

  @Test
  void forecastWithAVaryingCoefficientIsStatsmodels(@TempDir Path dir) throws Exception {
    String id = "infl_llevel_varying_unemp";
    List<String> quarters = List.of("2009-Q4", "2010-Q1", "2010-Q2", "2010-Q3");
    List<String> unemp = new ArrayList<>(quantity(id, "future_unemp").values());
    StringBuilder future = new StringBuilder("date,unemp\n");
    for (int h = 0; h < quarters.size(); h++) {
      future.append(quarters.get(h)).append(',').append(unemp.get(h)).append('\n');
    }
    Path file = dir.resolve("future.csv");
    Files.writeString(file, future.toString());
    String fixed =
        quantity(id, "fit_param").entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    CliRun run =
        CliRun.run(
            "fit",
            "../datasets/us_macro_quarterly.csv",
            "--column",
            "infl",
            "--model",
            "local-level",
            "--exog-varying",
            "unemp",
            "--fix",
            fixed,
            "--forecast",
            "4",
            "--future",
            file.toString(),
            "--json",
            "-",
            "--quiet");
    assertEquals(0, run.exitCode, run.toString());
    JsonNode forecast = JSON.readTree(run.out).get("forecast");
    Map<String, String> means = quantity(id, "forecast_mean");
    Map<String, String> sds = quantity(id, "forecast_sd");
    for (int h = 1; h <= 4; h++) {
      JsonNode step = forecast.get(h - 1);
      double mean = Double.parseDouble(means.get(Integer.toString(h)));
      double sd = Double.parseDouble(sds.get(Integer.toString(h)));
      assertEquals(mean, step.get("mean").asDouble(), FORECAST_RELATIVE * Math.abs(mean), "h " + h);
      double ours = (step.get("upper").asDouble() - step.get("mean").asDouble()) / Z95;
      assertEquals(sd, ours, FORECAST_RELATIVE * sd, "sd at h " + h);
    }
  }

  @Test
  void fitManyRefusesVaryingCoefficients(@TempDir Path dir) {
    CliRun run =
        CliRun.run(
            "fit-many",
            "../datasets/nile.csv",
            "--model",
            "local-level",
            "--exog-varying",
            "volume",
            "--out",
            dir.resolve("never.csv").toString());
    assertEquals(2, run.exitCode, run.toString());
    assertTrue(run.err.contains("--exog-varying"), run.err);
  }
}
