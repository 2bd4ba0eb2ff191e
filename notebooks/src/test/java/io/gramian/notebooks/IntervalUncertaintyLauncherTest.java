package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --forecast H --interval-uncertainty parameters} through the real {@code ./gramian}
 * launcher: the same means with wider standard errors and intervals than the plain run, the
 * summary's note, and a bad value or a missing --forecast as one line, exit status 2 and no file.
 * (The widening itself is checked in {@code ParameterUncertaintyTest}.)
 */
class IntervalUncertaintyLauncherTest {

  @TempDir Path dir;

  @Test
  void parametersWidenTheIntervalsAroundTheSameMeans() throws Exception {
    Path plainJson = dir.resolve("plain.json");
    Path wideJson = dir.resolve("wide.json");
    Launcher.Run plain = fit(plainJson, "--interval-uncertainty", "noise");
    Launcher.Run wide = fit(wideJson, "--interval-uncertainty", "parameters");
    assertEquals(0, plain.exitCode(), plain.err());
    assertEquals(0, wide.exitCode(), wide.err());
    assertFalse(plain.out().contains("parameters' uncertainty"), plain.out());
    assertTrue(
        wide.out().contains("Intervals include the parameters' uncertainty (delta method, opg"),
        wide.out());
    JsonNode plainRoot = new JsonMapper().readTree(plainJson.toFile());
    JsonNode wideRoot = new JsonMapper().readTree(wideJson.toFile());
    assertEquals("noise", plainRoot.get("interval_uncertainty").asText());
    assertEquals("parameters", wideRoot.get("interval_uncertainty").asText());
    JsonNode p = plainRoot.get("forecast");
    JsonNode w = wideRoot.get("forecast");
    for (int h = 0; h < 3; h++) {
      assertEquals(p.get(h).get("mean").asDouble(), w.get(h).get("mean").asDouble(), 0.0);
      assertTrue(w.get(h).get("std").asDouble() > p.get(h).get("std").asDouble());
      assertTrue(w.get(h).get("lower").asDouble() < p.get(h).get("lower").asDouble());
      assertTrue(w.get(h).get("upper").asDouble() > p.get(h).get("upper").asDouble());
    }
  }

  @Test
  void badValuesAreOneLineAndWriteNothing() throws Exception {
    Path json = dir.resolve("none.json");
    Launcher.Run bad = fit(json, "--interval-uncertainty", "both");
    assertEquals(
        "gramian: --interval-uncertainty: 'both' is not one of noise, parameters", bad.refusal());
    Launcher.Run alone =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/nile.csv",
                "--model",
                "local-level",
                "--interval-uncertainty",
                "parameters",
                "--json",
                json.toString());
    assertEquals(
        "gramian: --interval-uncertainty sets what the forecast intervals include; give"
            + " --forecast H with it",
        alone.refusal());
    assertFalse(Files.exists(json));
  }

  private Launcher.Run fit(Path json, String... more) throws Exception {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "fit",
                "datasets/nile.csv",
                "--model",
                "local-level",
                "--forecast",
                "3",
                "--json",
                json.toString(),
                "--quiet"));
    args.addAll(java.util.List.of(more));
    return new Launcher(dir).gramian(args.toArray(String[]::new));
  }
}
