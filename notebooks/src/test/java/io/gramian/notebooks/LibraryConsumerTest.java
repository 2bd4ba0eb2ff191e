package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a user gets it: a consumer program ({@code src/test/consumer}) that builds a
 * system, filters it, takes its gradient and fits a model is compiled against the packaged {@code
 * gramian-estimation} jar and its declared runtime dependencies (written by the estimation build to
 * {@code target/runtime-classpath.txt}) and nothing else, then run in a JVM of its own. It fails if
 * the program needs a class the library does not make public or a dependency the library does not
 * declare; the last two tests show that it can.
 */
class LibraryConsumerTest {

  /** The Nile local level ℓ at the MLE, as statsmodels and the Java guide give it. */
  private static final double NILE_LOGLIKELIHOOD = -633.4645636362;

  /** ℓ is printed with 17 digits and found by a BFGS run that converges well inside this. */
  private static final double LOGLIKELIHOOD_TOLERANCE = 1e-6;

  /**
   * statsmodels 0.13.5's smoothed level in 1871 and filtered level in 1970 at its own maximum
   * likelihood estimates (the shared reference values' {@code nile_filtered_mle.csv}, a_smooth and
   * a_filt).
   */
  private static final double SMOOTHED_LEVEL_1871 = 1111.6686789821424;

  private static final double FILTERED_LEVEL_1970 = 798.3672909422476;

  /**
   * Both maxima agree to about 1e-6 relative in the parameters; the levels move far less, so 1e-3
   * on values near 1000.
   */
  private static final double LEVEL_TOLERANCE = 1e-3;

  /** The normal quantiles of 80% and 95% intervals (scipy 1.10.1 norm.ppf(0.9), (0.975)). */
  private static final double Z80 = 1.2815515655446004;

  private static final double Z95 = 1.959963984540054;

  /** A central difference of step 1e-4 σ on a smooth ℓ agrees to about 1e-8 relative. */
  private static final double DIFFERENCE_TOLERANCE = 1e-6;

  private static final Path ROOT = Launcher.ROOT;

  @TempDir Path dir;

  @Test
  void aConsumerOfTheExportedApiCompilesAndRunsOnTheLibraryAlone() throws Exception {
    Path classes = dir.resolve("classes");
    String errors = compile(ROOT.resolve("notebooks/src/test/consumer"), classes);
    assertEquals("", errors, "the consumer does not compile against the library alone");

    Map<String, Double> out = run(classes, "io.gramian.consumer.LibraryConsumer");
    assertEquals(NILE_LOGLIKELIHOOD, out.get("fit.loglikelihood"), LOGLIKELIHOOD_TOLERANCE);
    assertEquals(1469.1, out.get("fit.sigma2.level"), 0.1);
    // the results: 95% interval, summary rows, smoothed and filtered level, forecast
    double se = out.get("fit.sigma2.level.se");
    assertTrue(se > 0, "a standard error");
    assertEquals(
        out.get("fit.sigma2.level") - Z95 * se, out.get("fit.sigma2.level.lower95"), 1e-9 * se);
    assertEquals(2, out.get("summary.sigma2_rows"));
    assertEquals(SMOOTHED_LEVEL_1871, out.get("states.smoothed.level.first"), LEVEL_TOLERANCE);
    assertEquals(FILTERED_LEVEL_1970, out.get("states.filtered.level.last"), LEVEL_TOLERANCE);
    assertEquals(out.get("states.filtered.level.last"), out.get("forecast.mean.1"), 0);
    double forecastSe = out.get("forecast.se.1");
    assertEquals(
        out.get("forecast.mean.1") - Z80 * forecastSe,
        out.get("forecast.lower80.1"),
        1e-9 * forecastSe);
    assertEquals(out.get("filter.loglikelihood"), out.get("gradient.loglikelihood"), 0.0);
    double analytic = out.get("gradient.cholQ");
    double difference = out.get("difference.cholQ");
    assertTrue(analytic != 0, "a zero gradient checks nothing");
    assertEquals(difference, analytic, DIFFERENCE_TOLERANCE * Math.abs(analytic));
  }

  @Test
  void aClassTheLibraryKeepsToItselfDoesNotCompile() throws Exception {
    Path source = dir.resolve("src/io/gramian/consumer/Internal.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package io.gramian.consumer;\n"
            + "class Internal { Object o = io.gramian.kalman.StepKernel.class; }\n");
    String errors = compile(dir.resolve("src"), dir.resolve("internal"));
    assertTrue(errors.contains("StepKernel is not public"), errors);
  }

  @Test
  void aDependencyTheLibraryDoesNotDeclareIsNotThere() throws Exception {
    Path source = dir.resolve("src/io/gramian/consumer/Undeclared.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package io.gramian.consumer;\n"
            + "class Undeclared { Object o = picocli.CommandLine.class; }\n");
    String errors = compile(dir.resolve("src"), dir.resolve("undeclared"));
    assertTrue(errors.contains("package picocli does not exist"), errors);
  }

  /** The library jar and its runtime dependencies, as the estimation build resolved them. */
  private static String libraryClassPath() throws IOException {
    Path target = ROOT.resolve("estimation/target");
    Path file = target.resolve("runtime-classpath.txt");
    assertTrue(Files.exists(file), "no " + file + ": build the estimation module first");
    Path jar;
    try (Stream<Path> files = Files.list(target)) {
      List<Path> jars =
          files
              .filter(
                  p ->
                      p.getFileName()
                          .toString()
                          .matches("gramian-estimation-[0-9.]+(-SNAPSHOT)?\\.jar"))
              .toList();
      assertEquals(1, jars.size(), "the packaged gramian-estimation jar in " + target);
      jar = jars.get(0);
    }
    String dependencies = Files.readString(file, StandardCharsets.UTF_8).strip();
    return jar + (dependencies.isEmpty() ? "" : File.pathSeparator + dependencies);
  }

  /** Compiles every source under {@code sources}; returns the compiler's messages on failure. */
  private static String compile(Path sources, Path classes) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "-proc:none",
                "-implicit:none",
                "-classpath",
                libraryClassPath(),
                "-d",
                classes.toString()));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status = javac.run(null, messages, messages, args.toArray(String[]::new));
    String text = messages.toString(StandardCharsets.UTF_8);
    return status == 0 ? "" : "compiler status " + status + ":\n" + text;
  }

  /** Runs {@code mainClass} in a child JVM and reads its {@code name=value} lines. */
  private Map<String, Double> run(Path classes, String mainClass) throws Exception {
    Launcher.Run run =
        new Launcher(dir)
            .run(
                Path.of("."),
                true,
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-classpath",
                    classes + File.pathSeparator + libraryClassPath(),
                    mainClass,
                    ROOT.resolve("datasets/nile.csv").toString()));
    String text = run.out();
    assertEquals(0, run.exitCode(), text);
    Map<String, Double> values = new HashMap<>();
    for (String line : text.strip().split("\n")) {
      String[] parts = line.split("=", 2);
      assertEquals(2, parts.length, "not a name=value line: " + line + "\n" + text);
      values.put(parts[0], Double.parseDouble(parts[1]));
    }
    return values;
  }
}
