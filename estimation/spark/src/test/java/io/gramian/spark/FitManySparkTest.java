package io.gramian.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.estimation.cli.FitManyInProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local[2] against {@code gramian fit-many} (the command line's, in this JVM) on
 * the same files: every cell of results.csv and forecasts.csv, by id.
 */
class FitManySparkTest {
  /**
   * Same code and data on both sides: the fits run the same operations in the same order, so they
   * agree to the last bit in practice; 1e-9 relative is the contract's bound.
   */
  private static final double AGREEMENT = 1e-9;

  private static final int SERIES = 12;
  private static final int HORIZON = 4;
  private static final double WIDE_OFFSET = 100;

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("FitManySparkTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Seeded monthly local-level-plus-noise series of 48 to 72 points; s0 too short to fit. */
  private static List<double[]> series() {
    Random random = new Random(11);
    List<double[]> all = new ArrayList<>();
    for (int s = 0; s < SERIES; s++) {
      int n = s == 0 ? 1 : 48 + random.nextInt(25);
      double[] y = new double[n];
      double level = 10 * random.nextGaussian();
      for (int t = 0; t < n; t++) {
        level += 0.5 * random.nextGaussian();
        y[t] = level + random.nextGaussian();
      }
      all.add(y);
    }
    return all;
  }

  private static String month(int t) {
    return String.format("%d-%02d", 2000 + t / 12, t % 12 + 1);
  }

  /** A long CSV, the rows of each id in reverse time order and the ids interleaved. */
  private static Path longCsv(Path dir) throws IOException {
    List<double[]> all = series();
    StringBuilder csv = new StringBuilder("store,month,sales\n");
    for (int t = 80; t >= 0; t--) {
      for (int s = 0; s < all.size(); s++) {
        if (t < all.get(s).length) {
          csv.append("s").append(s).append(',').append(month(t)).append(',');
          csv.append(all.get(s)[t]).append('\n');
        }
      }
    }
    return Files.writeString(dir.resolve("long.csv"), csv);
  }

  /**
   * A wide CSV: the series as columns of one monthly index, missing where a series has ended, each
   * raised by {@value #WIDE_OFFSET} so that its logarithm is defined.
   */
  private static Path wideCsv(Path dir) throws IOException {
    List<double[]> all = series().subList(1, SERIES); // a wide file has one length: no s0
    int n = all.stream().mapToInt(y -> y.length).max().getAsInt();
    StringBuilder csv = new StringBuilder("month");
    for (int s = 0; s < all.size(); s++) {
      csv.append(",w").append(s);
    }
    csv.append('\n');
    for (int t = 0; t < n; t++) {
      csv.append(month(t));
      for (double[] y : all) {
        csv.append(',').append(t < y.length ? Double.toString(WIDE_OFFSET + y[t]) : "");
      }
      csv.append('\n');
    }
    return Files.writeString(dir.resolve("wide.csv"), csv);
  }

  @Test
  void aLongTableGivesFitManysTablesWithForecasts(@TempDir Path dir) throws IOException {
    Path data = longCsv(dir);
    List<String> layout = List.of("--id", "store", "--value", "sales");
    agreesWithFitMany(dir, data, layout, List.of("--model", "local-level"), SERIES, 1);
  }

  @Test
  void aWideTableWithModelOptionsGivesFitManysTables(@TempDir Path dir) throws IOException {
    Path data = wideCsv(dir);
    List<String> model =
        List.of(
            "--model",
            "local-linear-trend",
            "--fix",
            "sigma2.trend=0.001",
            "--cov-type",
            "oim",
            "--transform",
            "log");
    agreesWithFitMany(dir, data, List.of(), model, SERIES - 1, 0);
  }

  private static void agreesWithFitMany(
      Path dir, Path data, List<String> layout, List<String> model, int series, int failed)
      throws IOException {
    List<String> common = new ArrayList<>(layout);
    common.addAll(model);
    common.addAll(List.of("--forecast", Integer.toString(HORIZON)));

    List<String> fitMany = new ArrayList<>(List.of("fit-many", data.toString(), "--quiet"));
    fitMany.addAll(common);
    Path results = dir.resolve("results.csv");
    Path forecasts = dir.resolve("forecasts.csv");
    fitMany.addAll(List.of("--out", results.toString(), "--forecast-out", forecasts.toString()));
    assertEquals(0, FitManyInProcess.run(fitMany.toArray(String[]::new)));

    List<String> job = new ArrayList<>(List.of(data.toString()));
    job.addAll(common);
    Path sparkResults = dir.resolve("spark-results");
    Path sparkForecasts = dir.resolve("spark-forecasts");
    job.addAll(
        List.of("--out", sparkResults.toString(), "--forecast-out", sparkForecasts.toString()));
    FitManySpark.run(spark, job.toArray(String[]::new));

    Table want = Table.read(results);
    Table got = Table.read(part(sparkResults));
    assertEquals(want.header, got.header, "results.csv's columns, in order");
    assertEquals(series, want.rows.size());
    assertAgree(want, got, 1);
    assertEquals(
        failed, want.rows.values().stream().filter(row -> row.get(1).equals("failed")).count());

    Table wantForecasts = Table.read(forecasts);
    Table gotForecasts = Table.read(part(sparkForecasts));
    assertEquals(wantForecasts.header, gotForecasts.header, "forecasts.csv's columns, in order");
    assertEquals((series - failed) * HORIZON, wantForecasts.rows.size());
    assertAgree(wantForecasts, gotForecasts, 2);
  }

  /**
   * Every cell of every row of {@code want} (keyed by its first {@code key} cells) in {@code got}.
   */
  private static void assertAgree(Table want, Table got, int key) {
    assertEquals(want.rows.keySet(), got.rows.keySet());
    for (var entry : want.rows.entrySet()) {
      List<String> w = entry.getValue();
      List<String> g = got.rows.get(entry.getKey());
      for (int c = key; c < w.size(); c++) {
        String at = entry.getKey() + " " + want.header.get(c);
        if (isNumber(w.get(c))) {
          double x = Double.parseDouble(w.get(c));
          assertEquals(x, Double.parseDouble(g.get(c)), AGREEMENT * Math.max(1, Math.abs(x)), at);
        } else {
          assertEquals(w.get(c), g.get(c), at);
        }
      }
    }
  }

  private static boolean isNumber(String cell) {
    try {
      Double.parseDouble(cell);
      return !cell.isEmpty();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Path part(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().get();
    }
  }

  /** A CSV file's header and rows (keyed by the first one or two cells), quotes undone. */
  private record Table(List<String> header, Map<String, List<String>> rows) {
    static Table read(Path file) throws IOException {
      List<String> lines = Files.readAllLines(file);
      List<String> header = fields(lines.get(0));
      Map<String, List<String>> rows = new LinkedHashMap<>();
      boolean forecast = header.get(1).equals("step");
      for (String line : lines.subList(1, lines.size())) {
        List<String> f = fields(line);
        rows.put(forecast ? f.get(0) + "/" + f.get(1) : f.get(0), f);
      }
      return new Table(header, rows);
    }

    private static List<String> fields(String line) {
      List<String> out = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = !quoted;
        } else if (ch == ',' && !quoted) {
          out.add(cell.toString());
          cell.setLength(0);
        } else {
          cell.append(ch);
        }
      }
      out.add(cell.toString());
      return out;
    }
  }

  @Test
  void aBadModelOrOptionIsOneLineAndStatusTwoBeforeSparkStarts() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (String[] args :
          List.of(
              new String[] {"data.csv", "--model", "local-levle", "--out", "r"},
              new String[] {"data.csv", "--model", "bsm", "--out", "r"},
              new String[] {"data.csv", "--model", "local-level", "--fix", "rho=1", "--out", "r"},
              new String[] {"data.csv", "--model", "local-level", "--threads", "2", "--out", "r"},
              new String[] {
                "data.csv", "--model", "local-level", "--forecast", "3", "--out", "r"
              })) {
        captured.reset();
        SparkArguments.Exit exit =
            assertThrows(SparkArguments.Exit.class, () -> SparkArguments.parse(args));
        assertEquals(2, exit.status(), String.join(" ", args));
        String err = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("gramian-spark: "), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
      }
    } finally {
      System.setErr(stderr);
    }
  }
}
