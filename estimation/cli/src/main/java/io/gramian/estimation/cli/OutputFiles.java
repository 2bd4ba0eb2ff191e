package io.gramian.estimation.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files one run of a command writes, planned before the work and put in place only when the
 * whole run has succeeded. A command names its inputs and outputs, {@linkplain #check() checks} the
 * plan before it reads anything, writes each output to a temporary file beside its target, and
 * {@linkplain #commit() commits}; {@linkplain #close() closing} an uncommitted plan removes the
 * temporaries (and any directory it created), so a failed run leaves every pre-existing file as it
 * was and no complete-looking output.
 *
 * <pre>{@code
 * try (OutputFiles outputs = new OutputFiles()) {
 *   outputs.input("DATA.csv", data);
 *   outputs.output("--json", json);           // null (option not given) is ignored
 *   outputs.output("--plot", plot);
 *   outputs.check();                          // exit 2 before any work if a path is unusable
 *   ... the work ...
 *   outputs.writeText("--json", text);        // to a temporary file beside the target
 *   outputs.write("--plot", file -> ComponentPlot.writePng(data, file));
 *   outputs.commit();                         // every output moves into place
 * }
 * }</pre>
 *
 * <p>{@link #check()} refuses, as bad input: an output that is the same file as an input or as
 * another output (after normalisation: {@code ./x.csv} and {@code x.csv}, absolute and relative
 * paths, {@code a/../x.csv}, symbolic links to the file or to a directory above it, and hard
 * links); an output that is a directory; an output under a path that is not a directory; and a
 * target or directory that cannot be written. Missing parent directories are created when the
 * outputs are written, and removed again if the run fails. An output that is a symbolic link is
 * written through it (the link stays).
 *
 * <p>Each output moves into place with an atomic rename where the file system allows it, a
 * replacing move otherwise; a file replaced keeps its permissions. Not thread-safe: one plan per
 * run.
 */
final class OutputFiles implements AutoCloseable {

  /** The content of one output, written to the temporary file it is given. */
  @FunctionalInterface
  interface Content {
    /** Writes the whole output to {@code file} (an empty file that exists). */
    void writeTo(Path file) throws IOException;
  }

  /** The longest part of a target's name kept in its temporary's name (file names are short). */
  private static final int TEMPORARY_NAME_CHARACTERS = 100;

  private record Named(String option, Path path) {
    String describe() {
      return option + " " + path;
    }
  }

  private static final class Output {
    final Named named;
    Path target; // the file that is replaced: the user's path with links resolved
    Path temporary;

    Output(Named named) {
      this.named = named;
    }
  }

  private final List<Named> inputs = new ArrayList<>();
  private final Map<String, Output> outputs = new LinkedHashMap<>();
  private final Deque<Path> createdDirectories = new ArrayDeque<>();
  private boolean checked;
  private boolean committed;

  /**
   * Names an input file, so that no output may be the same file.
   *
   * @param label how the command line names it: the option ({@code --system}) or the parameter
   *     ({@code DATA.csv})
   * @param file the file as given; null (not given) is ignored
   */
  void input(String label, Path file) {
    if (file != null) {
      inputs.add(new Named(label, file));
    }
  }

  /**
   * Names an output file, to be written with {@link #write} under the same option.
   *
   * @param option the option that names it ({@code --json})
   * @param file the file as given; null (option not given) is ignored
   */
  void output(String option, Path file) {
    if (checked) {
      throw new IllegalStateException("outputs are named before check()");
    }
    if (file != null) {
      outputs.put(option, new Output(new Named(option, file)));
    }
  }

  /** Whether an output was named under {@code option}. */
  boolean has(String option) {
    return outputs.containsKey(option);
  }

  /**
   * Checks every output before the work: none is the same file as an input or as another output,
   * none is a directory, and each can be written (its nearest existing ancestor is a writable
   * directory, and an existing target is writable).
   *
   * @throws CliException (bad input) naming the option, the path and the problem
   */
  void check() {
    List<Output> all = new ArrayList<>(outputs.values());
    for (Output out : all) {
      out.target = resolved(out.named.path());
    }
    for (int i = 0; i < all.size(); i++) {
      Output out = all.get(i);
      for (Named in : inputs) {
        if (sameFile(out.target, out.named.path(), in.path())) {
          throw CliException.badInput(
              out.named.describe()
                  + " is the same file as the input "
                  + in.describe()
                  + "; an output must not overwrite an input");
        }
      }
      for (int j = 0; j < i; j++) {
        Output earlier = all.get(j);
        if (sameFile(out.target, out.named.path(), earlier.named.path())) {
          throw CliException.badInput(
              earlier.named.describe()
                  + " and "
                  + out.named.describe()
                  + " are the same file; each output needs a file of its own");
        }
      }
    }
    for (Output out : all) {
      checkWritable(out);
    }
    checked = true;
  }

  /**
   * Writes the output named under {@code option} to a temporary file in its target's directory
   * (created if missing). The target itself is untouched until {@link #commit()}.
   *
   * @throws CliException (bad input) naming the file, if it cannot be written
   */
  void write(String option, Content content) {
    if (!checked) {
      throw new IllegalStateException("check() comes before write()");
    }
    Output out = outputs.get(option);
    if (out == null) {
      throw new IllegalStateException("no output was named under " + option);
    }
    boolean written = false;
    try {
      out.temporary = createTemporary(out.target);
      content.writeTo(out.temporary);
      written = true;
    } catch (IOException | UncheckedIOException e) {
      throw CliException.badInput(
          out.named.path() + ": cannot write the output: " + describe(e), e);
    } finally {
      if (!written) {
        deleteQuietly(out.temporary);
        out.temporary = null;
      }
    }
  }

  /** Writes {@code text} as UTF-8 as the output named under {@code option}; see {@link #write}. */
  void writeText(String option, String text) {
    write(option, file -> Files.writeString(file, text, StandardCharsets.UTF_8));
  }

  /**
   * Moves every written output into place: an atomic rename where the file system allows it, a
   * replacing move otherwise. Call once, when the whole run has succeeded.
   *
   * @throws IllegalStateException if an output named was not written
   * @throws CliException (computation failed) if a move fails; outputs moved before it stay
   */
  void commit() {
    for (Output out : outputs.values()) {
      if (out.temporary == null) {
        throw new IllegalStateException(out.named.describe() + " was not written");
      }
    }
    for (Output out : outputs.values()) {
      try {
        move(out.temporary, out.target);
      } catch (IOException e) {
        throw CliException.failed(
            out.named.path() + ": cannot put the output in place: " + describe(e), e);
      }
      out.temporary = null;
    }
    committed = true;
  }

  /**
   * Removes every temporary file not committed and, when the run did not commit, every directory
   * this plan created (if still empty). Never throws.
   */
  @Override
  public void close() {
    for (Output out : outputs.values()) {
      deleteQuietly(out.temporary);
      out.temporary = null;
    }
    if (!committed) {
      while (!createdDirectories.isEmpty()) {
        deleteQuietly(createdDirectories.pop());
      }
    }
  }

  // -------------------------------------------------------------------------------------------

  /**
   * The file a path names, as the operating system would resolve it: the real path of its longest
   * existing prefix (symbolic links and {@code ..} followed), then the missing rest, normalised.
   */
  static Path resolved(Path path) {
    Path absolute = path.toAbsolutePath();
    Deque<Path> missing = new ArrayDeque<>();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      missing.push(existing.getFileName());
      existing = existing.getParent();
    }
    Path real;
    try {
      real = existing == null ? absolute.getRoot() : existing.toRealPath();
    } catch (IOException e) {
      real = existing;
    }
    while (!missing.isEmpty()) {
      real = real.resolve(missing.pop());
    }
    return real.normalize();
  }

  /** Whether {@code output} (resolved as {@code target}) names the same file as {@code other}. */
  private static boolean sameFile(Path target, Path output, Path other) {
    if (target.equals(resolved(other))) {
      return true;
    }
    if (Files.exists(output) && Files.exists(other)) {
      try {
        return Files.isSameFile(output, other); // hard links
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  private static void checkWritable(Output out) {
    Named named = out.named;
    Path target = out.target;
    if (Files.isDirectory(target)) {
      throw CliException.badInput(
          named.path() + ": is a directory; cannot write the " + named.option() + " output there");
    }
    Path ancestor = target.getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null) {
      throw CliException.badInput(
          named.path()
              + ": cannot write the "
              + named.option()
              + " output: no existing directory above it");
    }
    if (!Files.isDirectory(ancestor)) {
      throw CliException.badInput(
          named.path()
              + ": cannot write the "
              + named.option()
              + " output: "
              + ancestor
              + " is a file, not a directory");
    }
    if (!Files.isWritable(ancestor)) {
      throw CliException.badInput(
          named.path()
              + ": cannot write the "
              + named.option()
              + " output: the directory "
              + ancestor
              + " is not writable");
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw CliException.badInput(
          named.path()
              + ": cannot write the "
              + named.option()
              + " output: the file is not writable (permission denied)");
    }
  }

  /** An empty file beside {@code target}, with the default permissions, creating directories. */
  private Path createTemporary(Path target) throws IOException {
    createDirectories(target.getParent());
    String name = target.getFileName().toString();
    if (name.length() > TEMPORARY_NAME_CHARACTERS) {
      name = name.substring(0, TEMPORARY_NAME_CHARACTERS);
    }
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
      Path temporary = target.resolveSibling("." + name + "." + suffix + ".tmp");
      try {
        Files.createFile(temporary); // not createTempFile: its mode 600 would stick
        temporary.toFile().deleteOnExit(); // an interrupted run leaves no temporary either
        copyPermissions(target, temporary);
        return temporary;
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  private void createDirectories(Path directory) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path d = directory; d != null && !Files.exists(d); d = d.getParent()) {
      missing.push(d);
    }
    while (!missing.isEmpty()) {
      Path d = missing.pop();
      Files.createDirectory(d);
      createdDirectories.push(d);
    }
  }

  /** A file replaced keeps its permissions (where the file system has POSIX permissions). */
  private static void copyPermissions(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null) {
      Set<PosixFilePermission> permissions = view.readAttributes().permissions();
      Files.setPosixFilePermissions(to, permissions);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // a directory no longer empty, or gone: nothing of ours is left to remove
      }
    }
  }

  private static String describe(Exception e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    return t instanceof IOException io ? InputFiles.describe(io) : String.valueOf(t.getMessage());
  }
}
