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
