package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./gramian} on the Nile in millions: it used to print "0 iterations …, converged"
 * at its start values; it now converges to the Nile's estimates times 10¹².
 */
class LauncherScaleTest {

  @TempDir Path dir;

  @Test
  void theNileInMillionsConverges() throws Exception {
    List<String> lines = Files.readAllLines(Launcher.ROOT.resolve("datasets/nile.csv"));
    StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      csv.append(f[0])
          .append(',')
          .append(String.format(Locale.ROOT, "%.17g", Double.parseDouble(f[1]) * 1e6))
          .append('\n');
    }
    Path data = dir.resolve("nile1e6.csv");
    Files.writeString(data, csv.toString(), StandardCharsets.UTF_8);
    Launcher.Run r = new Launcher(dir).gramian("fit", data.toString(), "--model", "local-level");
    String summary = r.out();
    assertEquals(0, r.exitCode(), summary);
    assertTrue(summary.contains("sigma2.irregular    1.51e+16"), summary);
    assertTrue(summary.contains("sigma2.level       1.469e+15"), summary);
    assertTrue(
        summary.matches("(?s).*Optimiser: BFGS, [1-9]\\d* iterations, .*, converged\\s*"), summary);
  }
}
