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
 * {@code fit --forecast H --level 80,95} through the real {@code ./gramian} launcher: every level's
 * interval in the JSON and the summary, and a bad level as one line, exit status 2 and no output
 * file. (The bounds are checked against the normal quantiles in the command line's {@code
 * FitCommandTest}.)
 */
class ForecastLevelsLauncherTest {

  @TempDir Path dir;

  @Test
  void severalLevelsReachTheJsonAndTheSummary() throws Exception {
    Path json = dir.resolve("fit.json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/nile.csv",
                "--model",
                "local-level",
                "--forecast",
                "3",
                "--level",
                "80,95",
                "--json",
                json.toString(),
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Forecast (80%, 95% intervals)"), r.out());
    JsonNode step = new JsonMapper().readTree(json.toFile()).get("forecast").get(2);
    assertEquals("1973", step.get("period").asText());
    JsonNode intervals = step.get("intervals");
    assertEquals(2, intervals.size());
    assertEquals(80, intervals.get(0).get("level").asDouble());
    assertTrue(intervals.get(0).get("lower").asDouble() > intervals.get(1).get("lower").asDouble());
    assertEquals(step.get("upper").asDouble(), intervals.get(1).get("upper").asDouble());
  }

  @Test
  void aBadLevelIsOneLineAndWritesNothing() throws Exception {
    Path json = dir.resolve("none.json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/nile.csv",
                "--model",
                "local-level",
                "--forecast",
                "3",
                "--level",
                "80,x",
                "--json",
                json.toString());
    String refusal = r.refusal();
    assertTrue(refusal.startsWith("gramian: --level: 'x' is not a number"), refusal);
    assertFalse(Files.exists(json));
  }
}
