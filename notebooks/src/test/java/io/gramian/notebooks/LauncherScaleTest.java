package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./gramian} on the Nile in millions: it used to print "0 iterations …, converged"
 * at its start values; it now converges to the Nile's estimates times 10¹².
 */
class LauncherScaleTest {

  private static final long TIMEOUT_SECONDS = 120;

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void theNileInMillionsConverges() throws Exception {
    List<String> lines = Files.readAllLines(ROOT.resolve("datasets/nile.csv"));
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
    Path out = dir.resolve("out.txt");
    Process p =
        new ProcessBuilder(
                ROOT.resolve("gramian").toString(),
                "fit",
                data.toString(),
                "--model",
                "local-level")
            .directory(ROOT.toFile())
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "gramian timed out");
    String summary = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), summary);
    assertTrue(summary.contains("sigma2.irregular    1.51e+16"), summary);
    assertTrue(summary.contains("sigma2.level       1.469e+15"), summary);
    assertTrue(
        summary.matches("(?s).*Optimiser: BFGS, [1-9]\\d* iterations, .*, converged\\s*"), summary);
  }
}
