package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gramian loglik --system} with an exactly diffuse start and no observation noise: the
 * proper part of the first innovation covariance is singular, its diffuse part is not, and the
 * exact diffuse likelihood exists.
 */
class LoglikExactDiffuseTest {

  /** Closed form against a few exact operations in double precision. */
  private static final double CLOSED_FORM_TOLERANCE = 1e-13;

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String NOISE_FREE_LEVEL =
      "{\"F\":[[1]],\"H\":[[1]],\"cholQ\":[[1]],\"cholR\":[[]],\"m0\":[0],\"cholP0\":[[]],"
          + "\"cholPinf\":[[1]]}";

  @TempDir Path dir;

  @Test
  void noiseFreeLocalLevelHasItsExactDiffuseLikelihoodAndGradient() throws IOException {
    Path data = Files.writeString(dir.resolve("y.csv"), "y\n1\n2.5\n2\n");
    Path system = Files.writeString(dir.resolve("sys.json"), NOISE_FREE_LEVEL);
    CliRun run =
        CliRun.run(
            "loglik", data.toString(), "--system", system.toString(), "--gradient", "--json", "-");
    assertEquals(0, run.exitCode, run.toString());
    JsonNode out = JSON.readTree(run.out);
    // y_1 = δ exactly (F∞ = 1): −½ log 2π; then innovations 1.5 and −0.5 with variance 1.
    double expected = -1.5 * Math.log(2 * Math.PI) - 0.5 * (1.5 * 1.5 + 0.5 * 0.5);
    assertEquals(expected, out.get("loglikelihood").asDouble(), CLOSED_FORM_TOLERANCE);
    JsonNode g = out.get("gradient");
    // With H = 1: x_1 = y_1, and ℓ = −(3/2) log 2π − log |cholPinf|
    //   − ½ ((2.5 − F − c)² + (2 − 2.5 F − c)²) / cholQ² − 2 log |cholQ|,
    // so at F = 1, c = 0, cholQ = 1: ∂ℓ/∂F = 1.5 − 0.5 · 2.5, ∂ℓ/∂c = 1.5 − 0.5,
    // ∂ℓ/∂cholQ = (1.5² + 0.5²) − 2, ∂ℓ/∂cholPinf = −1.
    assertEquals(0.25, g.get("F").get(0).get(0).asDouble(), CLOSED_FORM_TOLERANCE);
    assertEquals(1.0, g.get("c").get(0).asDouble(), CLOSED_FORM_TOLERANCE);
    assertEquals(0.5, g.get("cholQ").get(0).get(0).asDouble(), CLOSED_FORM_TOLERANCE);
    assertEquals(-1.0, g.get("cholPinf").get(0).get(0).asDouble(), CLOSED_FORM_TOLERANCE);
  }

  /**
   * statsmodels 0.13.5: {@code UnobservedComponents(nile, 'llevel', use_exact_diffuse=True)
   * .loglike([0, 1469.1])}.
   */
  private static final double NILE_NO_IRREGULAR = -1396.219624998074;

  /** statsmodels' value to 16 digits; rounding over 100 steps is far below. */
  private static final double REFERENCE_TOLERANCE = 1e-9;

  @Test
  void localLevelWithTheIrregularAtZeroMatchesStatsmodels() throws IOException {
    // The model layer reaches the same update: the level is diffuse and the first
    // observation noise-free.
    CliRun run =
        CliRun.run(
            "loglik",
            FitCommandTest.NILE.toString(),
            "--model",
            "local-level",
            "--params",
            "sigma2.irregular=0,sigma2.level=1469.1",
            "--json",
            "-");
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(
        NILE_NO_IRREGULAR,
        JSON.readTree(run.out).get("loglikelihood").asDouble(),
        REFERENCE_TOLERANCE * Math.abs(NILE_NO_IRREGULAR));
  }

  @Test
  void aNoiseFreeRelationNoDiffuseDirectionExplainsIsOneLineNamingStepAndObservation()
      throws IOException {
    Path data = Files.writeString(dir.resolve("y.csv"), "a,b\n1,1.5\n2,2\n");
    Path system =
        Files.writeString(
            dir.resolve("sys.json"),
            "{\"F\":[[1]],\"H\":[[1],[1]],\"cholQ\":[[1]],\"cholR\":[[],[]],\"m0\":[0],"
                + "\"cholP0\":[[]],\"cholPinf\":[[1]]}");
    CliRun run = CliRun.run("loglik", data.toString(), "--system", system.toString());
    assertEquals(1, run.exitCode, run.toString());
    assertEquals(1, run.err.strip().split("\n").length, run.err);
    assertTrue(run.err.contains("time step 1") && run.err.contains("observation 2"), run.err);
    assertFalse(run.err.contains("Exception"), run.err);
  }
}
