package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutputFiles}: every spelling of "the same file" is refused before any work, unusable paths
 * are refused up front, and nothing reaches a target until the whole run commits.
 */
class OutputFilesTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  /** The plan's refusal of {@code out} (under --json) given {@code data} as the input. */
  private String refusal(Path data, Path out) {
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.input("DATA.csv", data);
      outputs.output("--json", out);
      CliException e = assertThrows(CliException.class, outputs::check);
      assertEquals(GramianCommand.EXIT_BAD_INPUT, e.exitCode());
      return e.getMessage();
    }
  }

  @Test
  void anOutputThatIsTheInputIsRefusedHoweverItIsSpelled() throws IOException {
    Path data = file("x.csv", "data");
    Path relative = Path.of("").toAbsolutePath().relativize(data);
    Files.createDirectories(dir.resolve("a"));
    Path symlink = Files.createSymbolicLink(dir.resolve("link.csv"), data);
    Path hardLink = Files.createLink(dir.resolve("hard.csv"), data);
    Path linkedDirectory = Files.createSymbolicLink(dir.resolve("d"), dir);
    for (Path spelling :
        List.of(
            data,
            dir.resolve(".").resolve("x.csv"),
            relative,
            Path.of(".").resolve(relative),
            dir.resolve("a/../x.csv"),
            dir.resolve("b/../x.csv"),
            symlink,
            hardLink,
            linkedDirectory.resolve("x.csv"))) {
      String message = refusal(data, spelling);
      assertEquals(
          "--json "
              + spelling
              + " is the same file as the input DATA.csv "
              + data
              + "; an output must not overwrite an input",
          message);
    }
  }

  @Test
  void twoOutputsOfOneFileAreRefused() throws IOException {
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.output("--plot", dir.resolve("out.png"));
      outputs.output("--json", dir.resolve("./sub/../out.png"));
      CliException e = assertThrows(CliException.class, outputs::check);
      assertEquals(
          "--plot "
              + dir.resolve("out.png")
              + " and --json "
              + dir.resolve("./sub/../out.png")
              + " are the same file; each output needs a file of"
              + " its own",
          e.getMessage());
    }
  }

  @Test
  void distinctFilesPass() throws IOException {
    Path data = file("x.csv", "data");
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.input("DATA.csv", data);
      outputs.output("--json", dir.resolve("x.json"));
      outputs.output("--plot", dir.resolve("sub/x.csv"));
      outputs.check();
    }
  }

  @Test
  void unusablePathsAreRefusedUpFront() throws IOException {
    Path plain = file("plain.txt", "text");
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.output("--json", dir);
      assertEquals(
          dir + ": is a directory; cannot write the --json output there",
          assertThrows(CliException.class, outputs::check).getMessage());
    }
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.output("--states", plain.resolve("sub/out.csv"));
      assertEquals(
          plain.resolve("sub/out.csv")
              + ": cannot write the --states output: "
              + plain
              + " is a file, not a directory",
          assertThrows(CliException.class, outputs::check).getMessage());
    }
  }

  @Test
  void nothingReachesATargetBeforeCommit() throws IOException {
    Path existing = file("out.json", "old");
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));
    Path fresh = dir.resolve("new/deeper/out.png");
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.output("--json", existing);
      outputs.output("--plot", fresh);
      outputs.check();
      assertFalse(Files.exists(dir.resolve("new")), "check() creates nothing");
      outputs.writeText("--json", "new");
      outputs.writeText("--plot", "png");
      assertEquals("old", Files.readString(existing));
      assertFalse(Files.exists(fresh));
      outputs.commit();
    }
    assertEquals("new", Files.readString(existing));
    assertEquals(
        "rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
    assertEquals("png", Files.readString(fresh));
    assertEquals(List.of(), temporaries(dir));
  }

  @Test
  void aFailedRunLeavesExistingFilesAndNoTemporariesOrNewDirectories() throws IOException {
    Path existing = file("out.json", "old");
    Path fresh = dir.resolve("new/deeper/out.png");
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.output("--plot", fresh);
      outputs.output("--json", existing);
      outputs.check();
      outputs.writeText("--plot", "png");
      RuntimeException failure = new IllegalStateException("the work failed");
      assertSame(
          failure,
          assertThrows(
              IllegalStateException.class,
              () ->
                  outputs.write(
                      "--json",
                      file -> {
                        Files.writeString(file, "half");
                        throw failure;
                      })));
    }
    assertEquals("old", Files.readString(existing));
    assertFalse(Files.exists(dir.resolve("new")), "the directories made for the plot are gone");
    assertEquals(List.of(), temporaries(dir));
  }

  @Test
  void aWriterThatFailsToWriteIsBadInputNamingTheFile() throws IOException {
    Path out = dir.resolve("out.csv");
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.output("--states", out);
      outputs.check();
      CliException e =
          assertThrows(
              CliException.class,
              () ->
                  outputs.write(
                      "--states",
                      file -> {
                        throw new IOException("disk full");
                      }));
      assertEquals(out + ": cannot write the output: disk full", e.getMessage());
    }
    assertEquals(List.of(), temporaries(dir));
  }

  @Test
  void writingThroughASymbolicLinkKeepsTheLink() throws IOException {
    Path real = file("real/out.json", "old");
    Path link = Files.createSymbolicLink(dir.resolve("out.json"), real);
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.output("--json", link);
      outputs.check();
      outputs.writeText("--json", "new");
      outputs.commit();
    }
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
  }

  private static List<Path> temporaries(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
