package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ./gramian} launcher in its own process, from the repository root, with no
 * standard input, capturing its standard output and standard error through files in a scratch
 * directory.
 */
final class Launcher {

  /** A run that has not ended by then has hung (the first run may build the jar). */
  private static final long TIMEOUT_SECONDS = 120;

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  record Run(int exitCode, String out, String err) {}

  private final Path scratch;

  /** A launcher that keeps the captured output in {@code scratch}. */
  Launcher(Path scratch) {
    this.scratch = scratch;
  }

  Run gramian(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("gramian").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "gramian timed out");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
