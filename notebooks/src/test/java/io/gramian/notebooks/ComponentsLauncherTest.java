package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structural components through the real {@code ./gramian} launcher: a stochastic cycle by its
 * command-line spelling against statsmodels' ℓ, the time-varying coefficient of docs/cli.md's
 * example reaching statsmodels' maximum, and a bad combination as one line with exit status 2. The
 * reference values are rows of the library's {@code batch/statsmodels_components.csv}.
 */
class ComponentsLauncherTest {

  /** statsmodels' exact diffuse ℓ, 17 digits; the library agrees to below 1e-9 relative. */
  private static final double LOGLIK_RELATIVE = 1e-9;

  /** A fit may end at most this far below statsmodels' maximum (absolute, in ℓ). */
  private static final double FIT_LOGLIK_SLACK = 1e-6;

  /** statsmodels, unemp, local level + stochastic cycle at (0.05, 0.02, 0.01, 0.3). */
  private static final double CYCLE_LOGLIK = -135.1259399985394;

  /** statsmodels' maximum of infl on a local level and a random-walk coefficient on unemp. */
  private static final double VARYING_MAXIMUM = -450.72047379201547;

  private static final JsonMapper JSON = new JsonMapper();

  @TempDir Path dir;

  @Test
  void aCycleBySpellingIsStatsmodels() throws Exception {
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "loglik",
                "datasets/us_macro_quarterly.csv",
                "--column",
                "unemp",
                "--model",
                "llevel",
                "--cycle",
                "--params",
                "sigma2.irregular=0.05,sigma2.level=0.02,sigma2.cycle=0.01,frequency.cycle=0.3",
                "--json",
                "-");
    assertEquals(0, r.exitCode(), r.err());
    double ll = JSON.readTree(r.out()).get("loglikelihood").asDouble();
    assertEquals(CYCLE_LOGLIK, ll, LOGLIK_RELATIVE * Math.abs(CYCLE_LOGLIK));
  }

  @Test
  void aTimeVaryingCoefficientReachesStatsmodelsMaximum() throws Exception {
    Path json = dir.resolve("fit.json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/us_macro_quarterly.csv",
                "--column",
                "infl",
                "--model",
                "local-level",
                "--exog-varying",
                "unemp",
                "--json",
                json.toString(),
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("sigma2.beta.unemp"), r.out());
    JsonNode fit = JSON.readTree(json.toFile());
    assertTrue(fit.get("converged").asBoolean());
    assertTrue(fit.get("loglikelihood").asDouble() >= VARYING_MAXIMUM - FIT_LOGLIK_SLACK);
    List<String> names = new ArrayList<>();
    fit.get("parameters").forEach(p -> names.add(p.get("name").asText()));
    assertEquals(List.of("sigma2.irregular", "sigma2.level", "sigma2.beta.unemp"), names);
  }

  @Test
  void aDampedCycleWithoutACycleIsOneLine() throws Exception {
    Path json = dir.resolve("none.json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/nile.csv",
                "--model",
                "random-walk-with-drift",
                "--damped-cycle",
                "--json",
                json.toString());
    assertEquals(
        "gramian: --damped-cycle goes with --cycle: write --cycle --damped-cycle for a damped"
            + " cycle",
        r.refusal());
    assertFalse(Files.exists(json));
  }
}
