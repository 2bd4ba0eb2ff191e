package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved fits through the real {@code ./gramian} launcher: {@code fit --save} then {@code forecast
 * FIT.json} repeats {@code fit --forecast} to the bit, and {@code forecast FIT.json DATA.csv} from
 * data that continue the saved data, or from other data, equals statsmodels' {@code
 * res.extend(new)} and {@code res.apply(data)} at the same parameters
 * (statsmodels_saved_fit_forecasts.py, its output committed beside it).
 */
class SavedFitLauncherTest {

  /**
   * Relative agreement with statsmodels at the same parameters: both run an exact diffuse filter in
   * double precision (the reference's extend and apply differ from each other by 1e-14); 1e-9
   * leaves room for their different orders of operations over 144 periods.
   */
  static final double STATSMODELS_TOLERANCE = 1e-9;

  @TempDir Path dir;

  private static final JsonMapper JSON = new JsonMapper();

  @Test
  void forecastFromTheSavedFitRepeatsTheFitsForecast() throws Exception {
    Path fitJson = dir.resolve("fit.json");
    Path saved = dir.resolve("nile.fit.json");
    Launcher launcher = new Launcher(dir);
    Launcher.Run fit =
        launcher.gramian(
            "fit",
            "datasets/nile.csv",
            "--model",
            "local-level",
            "--forecast",
            "10",
            "--json",
            fitJson.toString(),
            "--save",
            saved.toString(),
            "--quiet");
    assertEquals(0, fit.exitCode(), fit.err());
    Path forecastJson = dir.resolve("forecast.json");
    Launcher.Run forecast =
        launcher.gramian(
            "forecast", saved.toString(), "--forecast", "10", "--json", forecastJson.toString());
    assertEquals(0, forecast.exitCode(), forecast.err());
    assertEquals(
        JSON.readTree(fitJson.toFile()).get("forecast").toString(),
        JSON.readTree(forecastJson.toFile()).get("forecast").toString());
  }

  @Test
  void forecastsFromOtherDataAreStatsmodelsExtendAndApply() throws Exception {
    Map<String, List<double[]>> reference = reference();
    List<String> nile = Files.readAllLines(Launcher.ROOT.resolve("datasets/nile.csv"));
    Path nileFit =
        savedFit(
            write("nile_train.csv", nile.subList(0, 81)),
            "--model",
            "local-level",
            "--fix",
            "sigma2.irregular=15099,sigma2.level=1469.1");
    check(reference.get("nile_extend"), nileFit, write("nile_later.csv", tail(nile, 81)), "extend");
    check(
        reference.get("nile_apply_full"),
        nileFit,
        Launcher.ROOT.resolve("datasets/nile.csv"),
        "apply");
    check(
        reference.get("nile_apply_first90"),
        nileFit,
        write("nile_90.csv", nile.subList(0, 91)),
        "apply");
    List<String> air = Files.readAllLines(Launcher.ROOT.resolve("datasets/air_passengers.csv"));
    Path airFit =
        savedFit(
            write("air_train.csv", air.subList(0, 121)),
            "--model",
            "arima",
            "--order",
            "0,1,1",
            "--seasonal-order",
            "0,1,1,12",
            "--transform",
            "log",
            "--fix",
            "ma.L1=-0.4,ma.S.L12=-0.55,sigma2=0.0014");
    check(reference.get("air_extend"), airFit, write("air_later.csv", tail(air, 121)), "extend");
    check(
        reference.get("air_apply_full"),
        airFit,
        Launcher.ROOT.resolve("datasets/air_passengers.csv"),
        "apply");
  }

  @Test
  void aSavedFitOfAnotherFrequencyIsOneLineAndWritesNothing() throws Exception {
    Path saved = savedFit(Launcher.ROOT.resolve("datasets/nile.csv"), "--model", "local-level");
    Path json = dir.resolve("none.json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "forecast",
                saved.toString(),
                "datasets/air_passengers.csv",
                "--forecast",
                "3",
                "--json",
                json.toString());
    assertEquals(
        "gramian: datasets/air_passengers.csv has monthly periods but the fit was saved from"
            + " annual data (nile.csv)",
        r.refusal());
    assertFalse(Files.exists(json));
  }

  private void check(List<double[]> expected, Path fit, Path data, String start) throws Exception {
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "forecast",
                fit.toString(),
                data.toString(),
                "--forecast",
                Integer.toString(expected.size()),
                "--level",
                "80,95",
                "--json",
                "-");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode out = JSON.readTree(r.out());
    assertEquals(start, out.get("start").asText(), data.toString());
    JsonNode steps = out.get("forecast");
    assertEquals(expected.size(), steps.size());
    for (int h = 0; h < expected.size(); h++) {
      double[] e = expected.get(h); // mean, se, lower80, upper80, lower95, upper95
      JsonNode s = steps.get(h);
      JsonNode i80 = s.get("intervals").get(0);
      JsonNode i95 = s.get("intervals").get(1);
      double[] actual = {
        s.get("mean").asDouble(), s.get("std").asDouble(),
        i80.get("lower").asDouble(), i80.get("upper").asDouble(),
        i95.get("lower").asDouble(), i95.get("upper").asDouble()
      };
      for (int k = 0; k < e.length; k++) {
        assertEquals(
            e[k],
            actual[k],
            STATSMODELS_TOLERANCE * Math.abs(e[k]),
            data + " step " + (h + 1) + " column " + k);
      }
    }
  }

  private Path savedFit(Path data, String... options) throws Exception {
    Path saved = Files.createTempFile(dir, "saved", ".fit.json");
    List<String> args = new ArrayList<>(List.of("fit", data.toString()));
    args.addAll(List.of(options));
    args.addAll(List.of("--save", saved.toString(), "--quiet"));
    Launcher.Run r = new Launcher(dir).gramian(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return saved;
  }

  private static List<String> tail(List<String> lines, int from) {
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    out.addAll(lines.subList(from, lines.size()));
    return out;
  }

  private Path write(String name, List<String> lines) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /** The reference's rows by case, each step's six numbers in order. */
  private static Map<String, List<double[]>> reference() throws Exception {
    Map<String, List<double[]>> cases = new HashMap<>();
    try (InputStream in =
        SavedFitLauncherTest.class.getResourceAsStream("statsmodels_saved_fit_forecasts.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].split(",");
        double[] v = new double[6];
        for (int k = 0; k < 6; k++) {
          v[k] = Double.parseDouble(f[k + 2]);
        }
        cases.computeIfAbsent(f[0], c -> new ArrayList<>()).add(v);
      }
    }
    assertEquals(5, cases.size());
    return cases;
  }
}
