package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every notebook ({@code notebooks/*.jsh}) headless in JShell against the built classes, as
 * {@code notebooks/run} does, and checks that it finished without an error and wrote its report and
 * at least one figure. So no notebook can rot.
 */
class NotebooksTest {

  /** A notebook that takes longer has a problem; the slowest needs about 20 s on two cores. */
  private static final long TIMEOUT_SECONDS = 300;

  static Stream<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("."))) {
      List<Path> list = new ArrayList<>();
      files.filter(p -> p.toString().endsWith(".jsh")).sorted().forEach(list::add);
      assertFalse(list.isEmpty(), "no notebook found in " + Path.of(".").toAbsolutePath());
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void notebookRunsAndWritesItsReport(Path notebook, @TempDir Path out) throws Exception {
    Path root = Launcher.ROOT;
    String classpath =
        Files.readString(Path.of("target", "classpath.txt"), StandardCharsets.UTF_8).strip();
    for (String module :
        List.of("estimation/plot", "estimation", "kalman", "autodiff", "datasets")) {
      classpath += java.io.File.pathSeparator + root.resolve(module).resolve("target/classes");
    }
    Launcher.Run run =
        new Launcher(out, TIMEOUT_SECONDS)
            .run(
                Path.of("."),
                true,
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "jshell").toString(),
                    "--class-path",
                    classpath,
                    "-R-Djava.awt.headless=true",
                    "-R-Dnotebook.out=" + out,
                    "-R-Dgramian.root=" + root,
                    notebook.toAbsolutePath().toString()));
    String output = run.out();
    assertEquals(0, run.exitCode(), output);
    // JShell reports a failed snippet of a script as "Exception …" or "Error:" at a line start
    // (with "|  " before it when it echoes); the notebook may still go on and write files.
    assertFalse(
        java.util.regex.Pattern.compile("(?m)^(\\|  )?(Exception |Error:)").matcher(output).find(),
        output);
    assertTrue(Files.exists(out.resolve("report.md")), "no report.md:\n" + output);
    try (Stream<Path> files = Files.list(out)) {
      assertTrue(files.anyMatch(p -> p.toString().endsWith(".png")), "no figure:\n" + output);
    }
  }
}
