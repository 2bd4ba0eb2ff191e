package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./gramian fit-many} through the real launcher: a long file of many series gives one row
 * per series in input order, the forecasts, progress lines on standard error when it is a file and
 * the closing count; a malformed row is one line, exit status 2 and no output.
 */
class FitManyLauncherTest {

  private static final int SERIES = 30;

  @TempDir Path dir;
  private Launcher launcher;
  private Path data;

  /** Seeded local-level series of 60 to 90 months, the last one too short to fit. */
  @BeforeEach
  void writeLongFile() throws Exception {
    launcher = new Launcher(Files.createDirectory(dir.resolve("captured")));
    Random random = new Random(42);
    StringBuilder text = new StringBuilder("store,month,sales\n");
    for (int s = 0; s < SERIES; s++) {
      int n = s == SERIES - 1 ? 1 : 60 + random.nextInt(31);
      double level = 50 + 10 * random.nextGaussian();
      for (int t = 0; t < n; t++) {
        text.append(
            String.format(
                Locale.ROOT,
                "store%02d,%d-%02d,%.4f%n",
                s,
                2018 + t / 12,
                t % 12 + 1,
                level + random.nextGaussian()));
        level += 0.3 * random.nextGaussian();
      }
    }
    data = dir.resolve("sales.csv");
    Files.writeString(data, text);
  }

  @Test
  void aLongFileGivesOneRowPerSeriesInInputOrderAndTheForecasts() throws Exception {
    Path results = dir.resolve("out/results.csv");
    Path forecasts = dir.resolve("out/forecasts.csv");
    Launcher.Run r =
        launcher.gramian(
            "fit-many",
            data.toString(),
            "--id",
            "store",
            "--value",
            "sales",
            "--model",
            "local-level",
            "--threads",
            "2",
            "--forecast",
            "3",
            "--out",
            results.toString(),
            "--forecast-out",
            forecasts.toString(),
            "--progress-interval",
            "0");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    List<String> err = r.err().lines().toList();
    assertEquals("gramian: " + (SERIES - 1) + " series fitted, 1 failed", err.get(err.size() - 1));
    assertTrue(
        err.contains("gramian: fit-many: " + SERIES + " of " + SERIES + " series, ")
            || err.stream().anyMatch(l -> l.startsWith("gramian: fit-many: 1 of " + SERIES)),
        r.err());
    List<String> rows = Files.readAllLines(results);
    assertEquals(SERIES + 1, rows.size());
    assertTrue(
        rows.get(0)
            .startsWith(
                "id,status,message,nobs,loglikelihood,aic,bic,hqic,"
                    + "converged,iterations,sigma2.irregular,sigma2.irregular.std_error,sigma2.level,"),
        rows.get(0));
    for (int s = 0; s < SERIES - 1; s++) {
      assertTrue(rows.get(s + 1).startsWith(String.format("store%02d,ok,,", s)), rows.get(s + 1));
    }
    assertTrue(rows.get(SERIES).startsWith("store29,failed,"), rows.get(SERIES));
    List<String> f = Files.readAllLines(forecasts);
    assertEquals(1 + 3 * (SERIES - 1), f.size());
  }

  @Test
  void aMalformedRowIsOneLineExitTwoAndNoOutput() throws Exception {
    Files.writeString(
        data, Files.readString(data).replaceFirst("\nstore05,2018-03,", "\nstore05,2018-03,x"));
    Path results = dir.resolve("results.csv");
    Launcher.Run r =
        launcher.gramian(
            "fit-many",
            data.toString(),
            "--id",
            "store",
            "--value",
            "sales",
            "--model",
            "local-level",
            "--out",
            results.toString());
    String refusal = r.refusal();
    assertTrue(refusal.startsWith("gramian: " + data + ": line "), refusal);
    assertTrue(refusal.contains("column \"sales\""), refusal);
    assertFalse(Files.exists(results));
  }
}
