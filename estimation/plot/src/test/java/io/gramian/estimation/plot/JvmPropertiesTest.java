package io.gramian.estimation.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JVM-wide properties are the application's: the library sets {@code java.awt.headless} only where
 * a PNG is written ({@link PlotStyle#headless()}, called by the writers), never from a static
 * initialiser, a constructor or a renderer.
 */
class JvmPropertiesTest {

  private static final Path MAIN_SOURCES = Path.of("src/main/java");

  private static final Pattern STATIC_BLOCK = Pattern.compile("static\\s*\\{([^}]*)}");

  @Test
  void noStaticInitialiserSetsASystemProperty() {
    for (Path file : sources()) {
      var m = STATIC_BLOCK.matcher(read(file));
      while (m.find()) {
        String body = m.group(1);
        assertTrue(
            !body.contains("setProperty") && !body.contains("headless("),
            file + " sets a JVM property from a static initialiser");
      }
    }
  }

  @Test
  void onlyThePlotStyleSetsAPropertyAndOnlyTheWritersAskItTo() {
    List<String> setters =
        sources().stream()
            .filter(f -> read(f).contains("System.setProperty"))
            .map(f -> f.getFileName().toString())
            .collect(Collectors.toList());
    assertEquals(List.of("PlotStyle.java"), setters);

    for (Path file : sources()) {
      String text = read(file);
      int at = text.indexOf("PlotStyle.headless()");
      while (at >= 0) {
        String before = text.substring(0, at);
        String method = before.substring(before.lastIndexOf("public static"));
        assertTrue(
            method.startsWith("public static void writePng("),
            file + ": PlotStyle.headless() outside a writePng method");
        at = text.indexOf("PlotStyle.headless()", at + 1);
      }
    }
  }

  private static List<Path> sources() {
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
