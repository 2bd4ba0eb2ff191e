package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gramian fit-many} in-process: wide and long files give the same table, in input order and
 * whatever the number of threads; a series that cannot be fitted is a failed row; bad input is one
 * line, exit status 2 and no output.
 */
class FitManyCommandTest {

  /**
   * The Nile local level's exact-diffuse ℓ (statsmodels, KFAS); the fit reaches it to about 1e-9
   * relative, so 1e-6 absolute leaves room without hiding a wrong likelihood.
   */
  private static final double NILE_LOGLIK = -633.4645636362;

  private static final double NILE_LOGLIK_TOLERANCE = 1e-6;

  private static final int SERIES = 6;
  private static final int PERIODS = 48;

  @TempDir Path dir;
  private Path wide;
  private Path sortedLong;
  private Path unsortedLong;

  /** Seeded random walks plus noise, monthly, one of them constant, one with a gap. */
  @BeforeEach
  void writeData() throws IOException {
    Random random = new Random(7);
    double[][] y = new double[SERIES][PERIODS];
    for (int s = 0; s < SERIES; s++) {
      double level = 10 * random.nextGaussian();
      for (int t = 0; t < PERIODS; t++) {
        y[s][t] = s == 2 ? 4.0 : level + random.nextGaussian();
        level += 0.5 * random.nextGaussian();
      }
    }
    y[4][10] = Double.NaN;
    StringBuilder w = new StringBuilder("month");
    for (int s = 0; s < SERIES; s++) {
      w.append(",s").append(s);
    }
    w.append('\n');
    List<String> longRows = new ArrayList<>();
    for (int t = 0; t < PERIODS; t++) {
      String month = String.format(Locale.ROOT, "%d-%02d", 2015 + t / 12, t % 12 + 1);
      w.append(month);
      for (int s = 0; s < SERIES; s++) {
        String v = Double.isNaN(y[s][t]) ? "" : Double.toString(y[s][t]);
        w.append(',').append(v);
      }
      w.append('\n');
    }
    for (int s = 0; s < SERIES; s++) {
      for (int t = 0; t < PERIODS; t++) {
        String month = String.format(Locale.ROOT, "%d-%02d", 2015 + t / 12, t % 12 + 1);
        String v = Double.isNaN(y[s][t]) ? "NA" : Double.toString(y[s][t]);
        longRows.add("s" + s + "," + month + "," + v);
      }
    }
    wide = dir.resolve("wide.csv");
    Files.writeString(wide, w);
    sortedLong = dir.resolve("long.csv");
    Files.writeString(sortedLong, "series,month,value\n" + String.join("\n", longRows) + "\n");
    Collections.shuffle(longRows, new Random(3));
    unsortedLong = dir.resolve("unsorted.csv");
    Files.writeString(unsortedLong, "series,month,value\n" + String.join("\n", longRows) + "\n");
  }

  private CliRun fitMany(Path data, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("fit-many", data.toString()));
    args.addAll(List.of("--model", "local-level", "--quiet", "--out", out.toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(new String[0]));
  }

  @Test
  void wideAndLongFilesGiveTheSameTableInInputOrder() throws IOException {
    Path fromWide = dir.resolve("wide-results.csv");
    Path fromLong = dir.resolve("long-results.csv");
    Path forecasts = dir.resolve("forecasts.csv");
    CliRun w = fitMany(wide, fromWide, "--threads", "2");
    assertEquals(0, w.exitCode, w.toString());
    assertEquals("gramian: 5 series fitted, 1 failed", w.err.strip());
    assertEquals("", w.out);
    CliRun l =
        fitMany(
            sortedLong,
            fromLong,
            "--id",
            "series",
            "--value",
            "value",
            "--forecast",
            "2",
            "--forecast-out",
            forecasts.toString());
    assertEquals(0, l.exitCode, l.toString());
    List<String> rows = Files.readAllLines(fromWide);
    assertEquals(rows, Files.readAllLines(fromLong));
    assertEquals(SERIES + 1, rows.size());
    for (int s = 0; s < SERIES; s++) {
      assertTrue(rows.get(s + 1).startsWith("s" + s + ","), rows.get(s + 1));
    }
    assertTrue(rows.get(3).startsWith("s2,failed,the series is constant"), rows.get(3));
    assertTrue(rows.get(5).startsWith("s4,ok,,48,"), "a gap is a missing period: " + rows.get(5));
    List<String> f = Files.readAllLines(forecasts);
    assertEquals("id,step,period,mean,lower,upper", f.get(0));
    assertEquals(1 + 2 * (SERIES - 1), f.size(), "two steps per fitted series");
    assertTrue(f.get(1).startsWith("s0,1,2019-01,"), f.get(1));
    assertTrue(f.get(2).startsWith("s0,2,2019-02,"), f.get(2));
  }

  /** An option of several-series models is refused, not ignored, and no table is written. */
  @Test
  void severalSeriesOptionsAreRefused() {
    Path out = dir.resolve("refused.csv");
    CliRun r = fitMany(wide, out, "--factors", "2");
    assertEquals(2, r.exitCode, r.toString());
    assertTrue(r.err.contains("--factors and --factor-order go with --model dfm"), r.toString());
    assertFalse(Files.exists(out), r.toString());
  }

  @Test
  void oneAndThreeThreadsWriteTheSameBytes() throws IOException {
    Path one = dir.resolve("one.csv");
    Path three = dir.resolve("three.csv");
    assertEquals(0, fitMany(sortedLong, one, "--id", "series", "--value", "value").exitCode);
    assertEquals(
        0,
        fitMany(sortedLong, three, "--id", "series", "--value", "value", "--threads", "3")
            .exitCode);
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
  }

  @Test
  void unsortedIdsAreGroupedInOrderOfFirstAppearance() throws IOException {
    Path sorted = dir.resolve("sorted-results.csv");
    Path unsorted = dir.resolve("unsorted-results.csv");
    assertEquals(0, fitMany(sortedLong, sorted, "--id", "series", "--value", "value").exitCode);
    CliRun run = fitMany(unsortedLong, unsorted, "--id", "series", "--value", "value");
    assertEquals(0, run.exitCode, run.toString());
    List<String> a = new ArrayList<>(Files.readAllLines(sorted));
    List<String> b = new ArrayList<>(Files.readAllLines(unsorted));
    String firstId = Files.readAllLines(unsortedLong).get(1).split(",")[0];
    assertTrue(b.get(1).startsWith(firstId + ","), b.get(1));
    Collections.sort(a);
    Collections.sort(b);
    assertEquals(a, b);
  }

  @Test
  void theNileInAWideFileIsThePublishedFit() throws IOException {
    Path out = dir.resolve("nile.csv");
    CliRun run = fitMany(FitCommandTest.NILE, out);
    assertEquals(0, run.exitCode, run.toString());
    List<String> rows = Files.readAllLines(out);
    assertEquals(2, rows.size());
    String[] fields = rows.get(1).split(",", -1);
    assertEquals("ok", fields[1]);
    assertEquals("100", fields[3]);
    assertEquals(NILE_LOGLIK, Double.parseDouble(fields[4]), NILE_LOGLIK_TOLERANCE);
  }

  @Test
  void aBadRowIsOneLineExitTwoAndNoOutputEvenAfterEarlierSeries() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(sortedLong));
    int bad = 3 * PERIODS + 5; // a row of the fourth series, 0-based in lines
    lines.set(bad, lines.get(bad).replaceAll(",[^,]*$", ",12x"));
    Path broken = dir.resolve("broken.csv");
    Files.write(broken, lines);
    Path out = dir.resolve("results.csv");
    Files.writeString(out, "before\n");
    CliRun run = fitMany(broken, out, "--id", "series", "--value", "value");
    assertEquals(2, run.exitCode, run.toString());
    assertEquals(1, run.err.strip().lines().count(), run.err);
    assertTrue(run.err.contains("line " + (bad + 1)), run.err);
    assertTrue(run.err.contains("\"value\""), run.err);
    assertEquals("before\n", Files.readString(out), "the old results stay");
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void badOptionsAreRefusedBeforeAnyWork() {
    Path out = dir.resolve("r.csv");
    String[][] cases = {
      {"--id", "series"},
      {"--threads", "0"},
      {"--forecast", "3"},
      {"--forecast-out", dir.resolve("f.csv").toString()},
      {"--id", "series", "--value", "value", "--columns", "s1"},
      {"--columns", "s1,nope"},
      {"--fix", "sigma2.trend=1"},
      {"--transform", "sqrt"},
    };
    for (String[] more : cases) {
      CliRun run = fitMany(wide, out, more);
      assertEquals(2, run.exitCode, String.join(" ", more) + "\n" + run);
      assertEquals(1, run.err.strip().lines().count(), run.err);
      assertTrue(run.err.startsWith("gramian: "), run.err);
      assertFalse(Files.exists(out), String.join(" ", more));
    }
    CliRun same =
        CliRun.run("fit-many", wide.toString(), "--model", "local-level", "--out", wide.toString());
    assertEquals(2, same.exitCode, same.toString());
    assertTrue(same.err.contains("same file"), same.err);
    CliRun model =
        CliRun.run("fit-many", wide.toString(), "--model", "arima", "--out", out.toString());
    assertEquals(2, model.exitCode, model.toString());
    assertTrue(model.err.contains("--order"), model.err);
  }
}
