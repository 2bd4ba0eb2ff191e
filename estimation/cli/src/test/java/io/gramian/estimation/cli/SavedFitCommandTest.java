package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --save}, {@code forecast FIT.json} and {@code fit --start}: the saved forecast repeats
 * the fit's to the bit, a refit from its own saved fit starts at the optimum, and every kind of bad
 * saved file or data is one line and exit status 2. (The forecasts from other data are checked
 * against statsmodels' extend and apply through the launcher, in the notebooks module.)
 */
class SavedFitCommandTest {

  static final Path NILE = FitCommandTest.NILE;

  static final Path AIR = Path.of("..", "datasets", "air_passengers.csv");

  /**
   * A refit started at its own optimum: BFGS is already within its gradient tolerance there, or one
   * or two steps away, so ℓ agrees to the optimiser's convergence, far inside this relative
   * difference.
   */
  static final double REFIT_LOGLIKELIHOOD_TOLERANCE = 1e-9;

  static final int REFIT_MAX_ITERATIONS = 2;

  @TempDir Path dir;

  private static final JsonMapper JSON = new JsonMapper();

  @Test
  void theSavedForecastIsTheFitsForecastToTheBit() throws Exception {
    Path fitJson = dir.resolve("fit.json");
    Path saved = dir.resolve("air.fit.json");
    CliRun fit =
        CliRun.run(
            "fit",
            AIR.toString(),
            "--model",
            "arima",
            "--order",
            "0,1,1",
            "--seasonal-order",
            "0,1,1,12",
            "--transform",
            "log",
            "--forecast",
            "12",
            "--level",
            "80,95",
            "--json",
            fitJson.toString(),
            "--save",
            saved.toString(),
            "--quiet");
    assertEquals(0, fit.exitCode, fit.toString());
    Path forecastJson = dir.resolve("forecast.json");
    CliRun forecast =
        CliRun.run(
            "forecast",
            saved.toString(),
            "--forecast",
            "12",
            "--level",
            "80,95",
            "--json",
            forecastJson.toString());
    assertEquals(0, forecast.exitCode, forecast.toString());
    JsonNode expected = JSON.readTree(fitJson.toFile()).get("forecast");
    JsonNode actual = JSON.readTree(forecastJson.toFile()).get("forecast");
    assertEquals(expected.toString(), actual.toString());
    assertEquals("saved", JSON.readTree(forecastJson.toFile()).get("start").asText());
    assertTrue(forecast.out.contains("Forecast (80%, 95% intervals)"), forecast.out);
    assertTrue(
        forecast.out.contains("the saved data (air_passengers.csv, 144 periods"), forecast.out);
    // the summary's table is the fit's
    String table = fit.out.substring(fit.out.indexOf("\nForecast ("));
    assertTrue(forecast.out.endsWith(table), forecast.out);
  }

  @Test
  void aRefitFromItsOwnSavedFitStartsAtTheOptimum() throws Exception {
    Path saved = dir.resolve("nile.fit.json");
    Path first = dir.resolve("first.json");
    Path again = dir.resolve("again.json");
    assertEquals(
        0,
        CliRun.run(
                "fit",
                NILE.toString(),
                "--model",
                "local-linear-trend",
                "--save",
                saved.toString(),
                "--json",
                first.toString(),
                "--quiet")
            .exitCode);
    CliRun refit =
        CliRun.run(
            "fit",
            NILE.toString(),
            "--model",
            "local-linear-trend",
            "--start",
            saved.toString(),
            "--json",
            again.toString(),
            "--quiet");
    assertEquals(0, refit.exitCode, refit.toString());
    JsonNode a = JSON.readTree(first.toFile());
    JsonNode b = JSON.readTree(again.toFile());
    assertTrue(a.get("iterations").asInt() > REFIT_MAX_ITERATIONS, a.toString());
    assertTrue(b.get("iterations").asInt() <= REFIT_MAX_ITERATIONS, b.toString());
    double la = a.get("loglikelihood").asDouble();
    assertEquals(
        la, b.get("loglikelihood").asDouble(), REFIT_LOGLIKELIHOOD_TOLERANCE * Math.abs(la));
  }

  @Test
  void startingAnotherModelAtASavedFitIsRefused() throws Exception {
    Path saved = savedNile();
    assertRefused(
        List.of(
            "fit", NILE.toString(), "--model", "local-linear-trend", "--start", saved.toString()),
        saved
            + " was saved from --model local-level with parameters [sigma2.irregular,"
            + " sigma2.level]; this model's parameters are [sigma2.irregular, sigma2.level,"
            + " sigma2.trend]");
  }

  @Test
  void dataThatContinueTheSavedDataExtendIt() throws Exception {
    List<String> lines = Files.readAllLines(NILE);
    Path train = write("train.csv", lines.subList(0, 81));
    List<String> rest = new ArrayList<>(List.of(lines.get(0)));
    rest.addAll(lines.subList(81, lines.size()));
    Path later = write("later.csv", rest);
    Path saved = dir.resolve("train.fit.json");
    assertEquals(
        0,
        CliRun.run(
                "fit",
                train.toString(),
                "--model",
                "local-level",
                "--save",
                saved.toString(),
                "--quiet")
            .exitCode);
    CliRun extended =
        CliRun.run(
            "forecast", saved.toString(), later.toString(), "--forecast", "2", "--json", "-");
    assertEquals(0, extended.exitCode, extended.toString());
    JsonNode e = JSON.readTree(extended.out);
    assertEquals("extend", e.get("start").asText());
    assertEquals(100, e.get("nobs").asInt());
    assertEquals("1971", e.get("forecast").get(0).get("period").asText());
    CliRun applied =
        CliRun.run("forecast", saved.toString(), NILE.toString(), "--forecast", "2", "--json", "-");
    JsonNode a = JSON.readTree(applied.out);
    assertEquals("apply", a.get("start").asText());
    assertEquals(100, a.get("nobs").asInt());
    // the same data either way: the same forecast up to rounding (statsmodels: extend = apply)
    assertEquals(
        e.get("forecast").get(1).get("mean").asDouble(),
        a.get("forecast").get(1).get("mean").asDouble(),
        1e-9 * Math.abs(a.get("forecast").get(1).get("mean").asDouble()));
  }

  @Test
  void badSavedFilesAndIncompatibleDataAreOneLineAndExitStatus2() throws Exception {
    Path saved = savedNile();
    String text = Files.readString(saved);
    assertRefused(
        List.of("forecast", NILE.toString(), "--forecast", "3"),
        NILE + ": not valid JSON at line 1, column 1: unexpected character 'd'");
    Path other = write("other.json", List.of("{\"format\": \"something\", \"version\": 1}"));
    assertRefused(
        List.of("forecast", other.toString(), "--forecast", "3"),
        other
            + " is not a saved Gramian fit (its \"format\" is \"something\", not \"gramian-fit\");"
            + " write one with gramian fit … --save FIT.json");
    Path newer = write("newer.json", List.of(text.replace("\"version\": 1,", "\"version\": 2,")));
    assertRefused(
        List.of("forecast", newer.toString(), "--forecast", "3"),
        newer + " is a gramian-fit of version 2, newer than this software reads (1)");
    Path corrupt = write("corrupt.json", List.of(text.replace("\"nobs\": 100,", "\"nobs\": 100")));
    // the error is on the line after "nobs" (its missing comma), at the next member's quote
    long nobsLine = text.substring(0, text.indexOf("\"nobs\": 100,")).lines().count();
    assertRefused(
        List.of("forecast", corrupt.toString(), "--forecast", "3"),
        corrupt + ": not valid JSON at line " + (nobsLine + 1) + ", column 5: expected ',' or '}'");
    Path cut = write("cut.json", List.of(text.substring(0, text.length() / 2)));
    assertRefused(
        List.of("forecast", cut.toString(), "--forecast", "3"), cut + ": not valid JSON at line ");
    assertRefused(
        List.of("forecast", saved.toString(), AIR.toString(), "--forecast", "3"),
        AIR + " has monthly periods but the fit was saved from annual data (nile.csv)");
    Path renamed =
        write(
            "renamed.csv",
            Files.readAllLines(NILE).stream().map(l -> l.replace("volume", "flow")).toList());
    assertRefused(
        List.of("forecast", saved.toString(), renamed.toString(), "--forecast", "3"),
        renamed + " has no column \"volume\", which the saved fit models; its columns are flow");
    assertRefused(
        List.of("forecast", saved.toString(), "--forecast", "0"),
        "--forecast takes a positive number of periods, got 0");
  }

  @Test
  void aFitWithRegressorsForecastsWithTheirFutureValuesAsTheFitDid() throws Exception {
    List<String> lines = Files.readAllLines(NILE);
    List<String> withX = new ArrayList<>(List.of(lines.get(0) + ",x"));
    for (int t = 1; t < lines.size(); t++) {
      withX.add(lines.get(t) + "," + (t % 7));
    }
    Path data = write("nile_x.csv", withX);
    Path future = write("future.csv", List.of("date,x", "1971,3", "1972,-1", "1973,2.5"));
    Path saved = dir.resolve("x.fit.json");
    Path fitJson = dir.resolve("fit_x.json");
    CliRun fit =
        CliRun.run(
            "fit",
            data.toString(),
            "--model",
            "local-level",
            "--exog",
            "x",
            "--forecast",
            "3",
            "--future",
            future.toString(),
            "--json",
            fitJson.toString(),
            "--save",
            saved.toString(),
            "--quiet");
    assertEquals(0, fit.exitCode, fit.toString());
    assertTrue(Files.readString(saved).contains("\"exog\": [\"x\"]"));
    Path forecastJson = dir.resolve("forecast_x.json");
    CliRun forecast =
        CliRun.run(
            "forecast",
            saved.toString(),
            "--forecast",
            "3",
            "--future",
            future.toString(),
            "--json",
            forecastJson.toString());
    assertEquals(0, forecast.exitCode, forecast.toString());
    assertEquals(
        JSON.readTree(fitJson.toFile()).get("forecast").toString(),
        JSON.readTree(forecastJson.toFile()).get("forecast").toString());
    assertRefused(
        List.of("forecast", saved.toString(), NILE.toString(), "--forecast", "3"),
        NILE
            + " has no column \"x\", which the saved fit models as a regressor; its columns are"
            + " volume");
    assertRefused(
        List.of("forecast", saved.toString(), "--forecast", "3"),
        saved + " has regressors (x); give their values over the horizon with --future FUTURE.csv");
    assertRefused(
        List.of(
            "forecast", savedNile().toString(), "--forecast", "3", "--future", future.toString()),
        "--future gives regressors' values over the horizon, but ");
  }

  private Path savedNile() throws Exception {
    Path saved = dir.resolve("nile.fit.json");
    CliRun fit =
        CliRun.run(
            "fit",
            NILE.toString(),
            "--model",
            "local-level",
            "--save",
            saved.toString(),
            "--quiet");
    assertEquals(0, fit.exitCode, fit.toString());
    return saved;
  }

  private Path write(String name, List<String> lines) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /** One line on standard error starting with the message, exit 2, no output, no JSON file. */
  private void assertRefused(List<String> args, String message) {
    Path out = dir.resolve("refused.json");
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--json", out.toString()));
    CliRun r = CliRun.run(all.toArray(String[]::new));
    assertEquals(2, r.exitCode, r.toString());
    assertEquals("", r.out, r.toString());
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.startsWith("gramian: " + message), r.err);
    assertFalse(Files.exists(out));
  }
}
