package io.gramian.notebooks;

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
 * {@code --identity TOTAL=A+B} and {@code --exact} with models other than SUTSE, through the real
 * {@code ./gramian} launcher: the seatbelts casualties with a column total = front + rear written
 * here, ℓ with the identity equal to the parts' ℓ on the same data with a missing front filled in
 * as total − rear (an exact change of variables), a dynamic factor model with an exact column, and
 * bad identities as one line with exit status 2.
 */
class ExactChannelsLauncherTest {

  /** The two runs' filters see the same numbers in a different order: about 1e-13 relative. */
  private static final double LOGLIK_RELATIVE = 1e-10;

  private static final String PARAMS =
      "sqrt.cov.irregular.front.front=90,sqrt.cov.irregular.rear.front=-30,"
          + "sqrt.cov.irregular.rear.rear=70,sqrt.cov.level.front.front=20,"
          + "sqrt.cov.level.rear.front=15,sqrt.cov.level.rear.rear=12";

  @TempDir Path dir;

  /**
   * seatbelts' front and rear with total = front + rear; with {@code missing}, front blank in every
   * fifth row (the total still given), else front as it is.
   */
  private Path withTotal(String name, boolean missing, int wrongRow) throws Exception {
    List<String> lines =
        Files.readAllLines(Launcher.ROOT.resolve("datasets/seatbelts.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(","));
    int front = header.indexOf("front");
    int rear = header.indexOf("rear");
    List<String> out = new ArrayList<>(List.of("date,front,rear,total"));
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      long a = Math.round(Double.parseDouble(f[front]));
      long b = Math.round(Double.parseDouble(f[rear]));
      long total = a + b + (i == wrongRow ? 1 : 0);
      out.add(f[0] + "," + (missing && i % 5 == 1 ? "" : a) + "," + b + "," + total);
    }
    Path file = dir.resolve(name);
    Files.write(file, out, StandardCharsets.UTF_8);
    return file;
  }

  private double loglik(Path file, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "loglik",
                file.toString(),
                "--model",
                "sutse-level",
                "--params",
                PARAMS,
                "--json",
                "-"));
    args.addAll(List.of(more));
    Launcher.Run r = new Launcher(dir).gramian(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return new JsonMapper().readTree(r.out()).get("loglikelihood").asDouble();
  }

  @Test
  void anIdentityGivesAMissingPartsLikelihood() throws Exception {
    Path complete = withTotal("complete.csv", false, -1);
    Path missing = withTotal("missing.csv", true, -1);
    double parts = loglik(complete, "--columns", "front,rear");
    double identity = loglik(missing, "--columns", "front,rear", "--identity", "total=front+rear");
    assertEquals(parts, identity, LOGLIK_RELATIVE * Math.abs(parts));

    Launcher.Run fit =
        new Launcher(dir)
            .gramian(
                "fit",
                missing.toString(),
                "--model",
                "sutse-level",
                "--columns",
                "front,rear",
                "--identity",
                "total=front+rear",
                "--forecast",
                "2",
                "--json",
                "-",
                "--quiet");
    assertEquals(0, fit.exitCode(), fit.err());
    JsonNode root = new JsonMapper().readTree(fit.out());
    assertTrue(root.get("converged").asBoolean(), root.toString());
    assertEquals("total", root.get("columns").get(2).asText());
    assertEquals(6, root.get("forecast").size());
  }

  @Test
  void aDynamicFactorModelTakesAnExactColumn() throws Exception {
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/us_macro_quarterly.csv",
                "--model",
                "dfm",
                "--columns",
                "infl,unemp,realint",
                "--exact",
                "infl",
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("sigma2.infl (fixed)"), r.out());
    assertFalse(r.out().contains("NOT converged"), r.out());
  }

  @Test
  void badIdentitiesAreOneLine() throws Exception {
    Path wrong = withTotal("wrong.csv", false, 12);
    Path json = dir.resolve("none.json");
    String[][] cases = {
      {wrong.toString(), "total=front+rear", "does not hold at row 12"},
      {wrong.toString(), "total=front+back", "the part back of total=front+back"},
      {wrong.toString(), "total=front++rear", "a name between each sign"},
    };
    for (String[] c : cases) {
      Launcher.Run r =
          new Launcher(dir)
              .gramian(
                  "fit",
                  c[0],
                  "--model",
                  "sutse-level",
                  "--columns",
                  "front,rear",
                  "--identity",
                  c[1],
                  "--json",
                  json.toString());
      String refusal = r.refusal();
      assertTrue(refusal.contains(c[2]), refusal);
      assertFalse(Files.exists(json));
    }
    Launcher.Run one =
        new Launcher(dir)
            .gramian(
                "fit",
                wrong.toString(),
                "--model",
                "local-level",
                "--column",
                "front",
                "--identity",
                "total=front+rear");
    assertTrue(one.refusal().contains("--exact and --identity go with a model of several series"));
  }
}
