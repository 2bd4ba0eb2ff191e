package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit} on the Nile written in other units: the Nile × 10⁶ used to stop at its start values
 * after 0 iterations and print "converged", ℓ 7.7 below the maximum.
 */
class FitScaleCommandTest {

  /** The Nile's maximum (shared reference: two independent optimisers agree). */
  private static final double NILE_MAX_LOGLIK = -633.4645636362;

  private static final double NILE_SIGMA2_IRREGULAR = 15098.52;

  /** The reference estimate is given to 7 digits. */
  private static final double ESTIMATE_TOLERANCE = 1e-6;

  /** ℓ at the maximum, after the Jacobian term, against the reference's 13 digits. */
  private static final double LOGLIK_TOLERANCE = 1e-8;

  private static final JsonMapper JSON = new JsonMapper();

  @TempDir Path dir;

  @Test
  void theNileInMillionsConvergesToTheSameEstimates() throws Exception {
    Path csv = nileTimes(dir, 1e6);
    Path json = dir.resolve("fit.json");
    CliRun r =
        CliRun.run("fit", csv.toString(), "--model", "local-level", "--json", json.toString());
    assertEquals(0, r.exitCode, r::toString);
    JsonNode j = JSON.readTree(json.toFile());
    assertTrue(j.get("converged").asBoolean(), j.toString());
    assertTrue(j.get("iterations").asInt() > 0, j.toString());
    double sigma2 = j.get("parameters").get(0).get("estimate").asDouble();
    assertEquals(NILE_SIGMA2_IRREGULAR, sigma2 / 1e12, ESTIMATE_TOLERANCE * NILE_SIGMA2_IRREGULAR);
    // 100 observations, one diffuse: ℓ gains −99 · 6 · ln 10.
    assertEquals(
        NILE_MAX_LOGLIK - 99 * 6 * Math.log(10),
        j.get("loglikelihood").asDouble(),
        LOGLIK_TOLERANCE);
  }

  /** datasets/nile.csv with every value multiplied by {@code a}, written to {@code dir}. */
  static Path nileTimes(Path dir, double a) throws Exception {
    List<String> lines = Files.readAllLines(FitCommandTest.NILE, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      out.append(f[0])
          .append(',')
          .append(String.format(Locale.ROOT, "%.17g", Double.parseDouble(f[1]) * a))
          .append('\n');
    }
    Path csv = dir.resolve("nile-scaled.csv");
    Files.writeString(csv, out.toString(), StandardCharsets.UTF_8);
    return csv;
  }
}
