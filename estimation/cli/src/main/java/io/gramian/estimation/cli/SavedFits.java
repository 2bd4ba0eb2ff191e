package io.gramian.estimation.cli;

import io.gramian.estimation.saved.SavedFit;
import java.nio.file.Path;

/** Reading a saved fit ({@code forecast FIT.json}, {@code fit --start FIT.json}) as bad input. */
final class SavedFits {

  private SavedFits() {}

  /**
   * The saved fit in {@code file}.
   *
   * @throws CliException (bad input) when the file is missing or unreadable
   * @throws IllegalArgumentException (bad input) naming the file and the JSON position or field
   *     when it is not a gramian-fit, of a newer version, or corrupt
   */
  static SavedFit read(Path file) {
    return SavedFit.fromJson(InputFiles.readText(file), file.toString());
  }
}
