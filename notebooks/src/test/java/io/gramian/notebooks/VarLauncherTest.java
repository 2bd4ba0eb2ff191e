package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --model var} through the real {@code ./gramian} launcher on the US macro data: {@code
 * loglik} at statsmodels' VARMAX estimates equals its log-likelihood, {@code fit} reaches its
 * maximum with a forecast for each series, and bad VAR options are one line, exit status 2, no
 * file. (The library's VectorAutoregressionTest checks four cases and the gradient.)
 */
class VarLauncherTest {

  /** As the library's reference test: 1e-8 relative. */
  private static final double SAME_LIKELIHOOD = 1e-8;

  /** statsmodels' maximum is polished to about 1e-7. */
  private static final double SAME_MAXIMUM = 1e-6;

  /**
   * A forecast at the fit's estimates against statsmodels' at its own: both at the same maximum,
   * whose estimates agree to about 1e-5 relative, which moves the means by about that much.
   */
  private static final double SAME_FORECAST = 1e-5;

  /** The forecasts' standard deviations move with the noise estimates, about 1e-4 relative. */
  private static final double SAME_FORECAST_SD = 1e-3;

  private static final Path REFERENCE =
      Launcher.ROOT.resolve(
          "estimation/src/test/resources/io/gramian/estimation/models/varmax/statsmodels_var.csv");

  @TempDir Path dir;

  /** statsmodels' estimates of a reference case, as {@code NAME=VALUE}, and its ℓ there. */
  private record Estimate(List<String> params, double loglikelihood) {}

  private static Estimate estimate(String name) throws java.io.IOException {
    List<String> params = new ArrayList<>();
    double loglikelihood = Double.NaN;
    for (String line : Files.readAllLines(REFERENCE)) {
      String[] f = line.split(",");
      if (f[0].equals(name) && f[1].equals("estimate")) {
        if (f[2].equals("loglikelihood")) {
          loglikelihood = Double.parseDouble(f[3]);
        } else {
          params.add(f[2] + "=" + f[3]);
        }
      }
    }
    return new Estimate(params, loglikelihood);
  }

  @Test
  void logLikelihoodAtStatsmodelsEstimatesAndTheFit() throws Exception {
    Estimate estimate = estimate("macro_var1_c");
    List<String> params = estimate.params();
    double statsmodels = estimate.loglikelihood();
    Launcher.Run at =
        new Launcher(dir)
            .gramian(
                "loglik",
                "datasets/us_macro_quarterly.csv",
                "--model",
                "var",
                "--order",
                "1",
                "--columns",
                "infl,unemp",
                "--params",
                String.join(",", params),
                "--json",
                "-");
    assertEquals(0, at.exitCode(), at.err());
    double ll = new JsonMapper().readTree(at.out()).get("loglikelihood").asDouble();
    assertEquals(statsmodels, ll, SAME_LIKELIHOOD * Math.abs(statsmodels));

    Path json = dir.resolve("var.json");
    Launcher.Run fit =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/us_macro_quarterly.csv",
                "--model",
                "var",
                "--order",
                "1",
                "--columns",
                "infl,unemp",
                "--forecast",
                "4",
                "--json",
                json.toString(),
                "--quiet");
    assertEquals(0, fit.exitCode(), fit.err());
    assertTrue(fit.out().contains("var(1), trend c"), fit.out());
    assertTrue(fit.out().contains("Equation unemp"), fit.out());
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertTrue(root.get("converged").asBoolean());
    assertTrue(root.get("loglikelihood").asDouble() >= statsmodels - SAME_MAXIMUM);
    assertEquals(8, root.get("forecast").size());
    assertEquals("unemp", root.get("forecast").get(7).get("series").asText());
  }

  /**
   * statsmodels' other error specifications from the command line: {@code --error-cov diagonal} and
   * {@code --measurement-error} (whose unemployment variance statsmodels puts at 1.9e-12, an almost
   * exact channel): {@code loglik} at its estimates equals its log-likelihood, and the fit reaches
   * its maximum.
   */
  @Test
  void diagonalCovarianceAndMeasurementErrorFromTheCommandLine() throws Exception {
    String[][] cases = {
      {"macro_var1_c_diag", "--error-cov", "diagonal"}, {"macro_var1_c_meas", "--measurement-error"}
    };
    for (String[] c : cases) {
      Estimate estimate = estimate(c[0]);
      List<String> params = estimate.params();
      double statsmodels = estimate.loglikelihood();
      List<String> model =
          new ArrayList<>(
              List.of(
                  "datasets/us_macro_quarterly.csv",
                  "--model",
                  "var",
                  "--order",
                  "1",
                  "--columns",
                  "infl,unemp"));
      model.addAll(List.of(c).subList(1, c.length));
      List<String> loglik = new ArrayList<>(List.of("loglik"));
      loglik.addAll(model);
      loglik.addAll(List.of("--params", String.join(",", params), "--json", "-"));
      Launcher.Run at = new Launcher(dir).gramian(loglik.toArray(String[]::new));
      assertEquals(0, at.exitCode(), at.err());
      double ll = new JsonMapper().readTree(at.out()).get("loglikelihood").asDouble();
      assertEquals(statsmodels, ll, SAME_LIKELIHOOD * Math.abs(statsmodels), c[0]);

      Path json = dir.resolve(c[0] + ".json");
      List<String> fit = new ArrayList<>(List.of("fit"));
      fit.addAll(model);
      fit.addAll(List.of("--json", json.toString(), "--quiet"));
      Launcher.Run run = new Launcher(dir).gramian(fit.toArray(String[]::new));
      assertEquals(0, run.exitCode(), run.err());
      JsonNode root = new JsonMapper().readTree(json.toFile());
      assertTrue(root.get("converged").asBoolean(), c[0]);
      assertTrue(root.get("loglikelihood").asDouble() >= statsmodels - SAME_MAXIMUM, c[0]);
    }
  }

  /**
   * A time trend and a regressor from the command line: log front- and rear-seat casualties with
   * the seat-belt law, statsmodels' {@code VARMAX(log y, exog=law, order=(1, 0), trend='ct')}
   * without the petrol price is not in the reference, so the fit with both regressors is: the
   * regressor columns are read as they are (the transform applies to the series).
   */
  @Test
  void trendAndRegressorsFromTheCommandLine() throws Exception {
    double statsmodels = Double.NaN;
    for (String line : Files.readAllLines(REFERENCE)) {
      String[] f = line.split(",");
      if (f[0].equals("belts_var1_c_law")
          && f[1].equals("estimate")
          && f[2].equals("loglikelihood")) {
        statsmodels = Double.parseDouble(f[3]);
      }
    }
    Path json = dir.resolve("law.json");
    Launcher.Run fit =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/seatbelts.csv",
                "--model",
                "var",
                "--order",
                "1",
                "--columns",
                "front,rear",
                "--transform",
                "log",
                "--exog",
                "law",
                "--json",
                json.toString(),
                "--quiet");
    assertEquals(0, fit.exitCode(), fit.err());
    assertTrue(fit.out().contains("var(1), trend c, exog law"), fit.out());
    assertTrue(fit.out().contains("beta.law.front"), fit.out());
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertTrue(root.get("converged").asBoolean());
    assertTrue(
        root.get("loglikelihood").asDouble() >= statsmodels - SAME_MAXIMUM,
        root.get("loglikelihood") + " against " + statsmodels);

    String refusal =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/seatbelts.csv",
                "--model",
                "var",
                "--order",
                "1",
                "--columns",
                "front,rear",
                "--exog",
                "law",
                "--trend",
                "ct",
                "--forecast",
                "3")
            .refusal();
    assertTrue(refusal.contains("needs the regressors' values over the horizon"), refusal);
  }

  /**
   * A forecast with regressors from {@code --future}: six months with the seat-belt law in force,
   * against statsmodels' {@code get_forecast(6, exog=1)} at its estimates (the fit's own estimates
   * are at the same maximum, so the two agree to the estimates' precision).
   */
  @Test
  void forecastWithFutureRegressors() throws Exception {
    Map<String, Double> reference = new HashMap<>();
    for (String line : Files.readAllLines(REFERENCE)) {
      String[] f = line.split(",");
      if (f[0].equals("belts_var1_c_law") && f[1].equals("forecast")) {
        reference.put(f[2], Double.parseDouble(f[3]));
      }
    }
    assertEquals(24, reference.size());
    Path future = dir.resolve("future.csv");
    Files.writeString(
        future, "date,law\n1985-01,1\n1985-02,1\n1985-03,1\n1985-04,1\n1985-05,1\n1985-06,1\n");
    Path json = dir.resolve("forecast.json");
    Launcher.Run fit =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/seatbelts.csv",
                "--model",
                "var",
                "--order",
                "1",
                "--columns",
                "front,rear",
                "--transform",
                "log",
                "--exog",
                "law",
                "--forecast",
                "6",
                "--future",
                future.toString(),
                "--json",
                json.toString(),
                "--quiet");
    assertEquals(0, fit.exitCode(), fit.err());
    JsonNode rows = new JsonMapper().readTree(json.toFile()).get("forecast");
    assertEquals(12, rows.size());
    for (JsonNode row : rows) {
      String series = row.get("series").asText(); // the transformed series, log(front)
      int h = row.get("step").asInt();
      double mean = reference.get(series + ".mean.h" + h);
      double sd = reference.get(series + ".sd.h" + h);
      assertEquals(
          mean, row.get("mean").asDouble(), SAME_FORECAST * Math.abs(mean), row.toString());
      assertEquals(sd, row.get("std").asDouble(), SAME_FORECAST_SD * sd, row.toString());
    }
  }

  @Test
  void badVarOptionsAreOneLineAndWriteNothing() throws Exception {
    Path json = dir.resolve("none.json");
    String[][] cases = {
      {"--columns", "infl,unemp", "--model var needs --order P"},
      {"--columns", "infl,unemp", "--order", "1,0,0", "is the number of lags"},
      {"--columns", "infl,unemp", "--order", "1", "--trend", "cc", "'cc' is not one of n"},
      {"--columns", "infl,unemp", "--order", "1", "--rank", "1", "--rank goes with"},
      {"--columns", "infl,unemp", "--order", "1", "--seasonal", "4", "--seasonal does not go"},
    };
    String[][] varmaxCases = {
      {"--columns", "infl,unemp", "--model varmax needs --order P,Q"},
      {"--columns", "infl,unemp", "--order", "0,0", "two lag counts ≥ 0 not both 0"},
      {"--columns", "infl,unemp", "--order", "1", "two lag counts"},
    };
    for (String[] c : cases) {
      List<String> args =
          new ArrayList<>(
              List.of("fit", "datasets/us_macro_quarterly.csv", "--model", "var", "--json"));
      args.add(json.toString());
      args.addAll(List.of(c).subList(0, c.length - 1));
      String refusal = new Launcher(dir).gramian(args.toArray(String[]::new)).refusal();
      assertTrue(refusal.contains(c[c.length - 1]), refusal);
      assertFalse(Files.exists(json));
    }
    for (String[] c : varmaxCases) {
      List<String> args =
          new ArrayList<>(
              List.of("fit", "datasets/us_macro_quarterly.csv", "--model", "varmax", "--json"));
      args.add(json.toString());
      args.addAll(List.of(c).subList(0, c.length - 1));
      String refusal = new Launcher(dir).gramian(args.toArray(String[]::new)).refusal();
      assertTrue(refusal.contains(c[c.length - 1]), refusal);
      assertFalse(Files.exists(json));
    }
  }
}
