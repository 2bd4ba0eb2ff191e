package io.gramian.estimation.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the command's input files, with errors naming the file and the problem. */
final class InputFiles {

  private InputFiles() {}

  /**
   * The text of a file, decoded as UTF-8 (an invalid byte becomes U+FFFD rather than an error:
   * numbers are ASCII, so only a column name could suffer) without a leading byte-order mark.
   *
   * @throws CliException (bad input) when the file is missing, a directory or unreadable
   */
  static String readText(Path file) {
    if (Files.isDirectory(file)) {
      throw CliException.badInput(file + ": is a directory, not a file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw CliException.badInput(file + ": " + describe(e), e);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** A short description of an I/O failure, without the path that the caller already names. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
