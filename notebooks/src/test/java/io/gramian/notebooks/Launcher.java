package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real program in its own process — the {@code ./gramian} launcher, {@code java}, {@code
 * jshell} — with no standard input, capturing its standard output and standard error through files
 * in a scratch directory; the one process runner of this module's tests.
 */
final class Launcher {

  /** A run that has not ended by then has hung (the first run may build the jar). */
  static final long TIMEOUT_SECONDS = 120;

  /** The repository root, where {@code ./gramian} and {@code datasets/} are. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** A finished run: its exit status and what it wrote (err empty when merged into out). */
  record Run(int exitCode, String out, String err) {

    /**
     * Asserts that the run refused bad input as every command promises — exit status 2, nothing on
     * standard output, one line {@code gramian: …} on standard error and no stack trace — and
     * returns that line (stripped).
     */
    String refusal() {
      String line = err.strip();
      assertEquals(2, exitCode, err);
      assertEquals("", out, err);
      assertEquals(1, line.lines().count(), err);
      assertTrue(line.startsWith("gramian: "), err);
      assertFalse(line.contains("Exception"), err);
      return line;
    }
  }

  private final Path scratch;
  private final long timeoutSeconds;

  /**
   * A launcher that keeps the captured output in {@code scratch}, timeout {@link #TIMEOUT_SECONDS}.
   */
  Launcher(Path scratch) {
    this(scratch, TIMEOUT_SECONDS);
  }

  /**
   * A launcher that keeps the captured output in {@code scratch} and waits {@code timeoutSeconds}.
   */
  Launcher(Path scratch, long timeoutSeconds) {
    this.scratch = scratch;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** {@code ./gramian ARGS…} from the repository root. */
  Run gramian(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("gramian").toString());
    command.addAll(List.of(args));
    return run(ROOT, false, command);
  }

  /**
   * Runs {@code command} in {@code directory}; with {@code mergeErrors} standard error goes into
   * {@link Run#out()} as the program interleaves them. A run that does not end within the timeout
   * is killed and fails the test.
   */
  Run run(Path directory, boolean mergeErrors, List<String> command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    if (mergeErrors) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(err.toFile());
    }
    Process p = builder.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not end in " + timeoutSeconds + " s");
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
