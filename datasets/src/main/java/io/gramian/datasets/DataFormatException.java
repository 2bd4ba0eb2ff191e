package io.gramian.datasets;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A data file that is missing, unreadable or malformed. The message says where, as a text editor
 * would show it (lines are numbered from 1, the header being line 1), for example {@code nile.csv:
 * line 14, column "volume": "12a4" is not a number}.
 */
public final class DataFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String column;
  private final String problem;

  /** A problem with the file as a whole, such as {@code nile.csv: no such file}. */
  public DataFormatException(String source, String problem) {
    this(source, 0, null, problem, null);
  }

  /** A problem with the file as a whole, caused by {@code cause}. */
  public DataFormatException(String source, String problem, Throwable cause) {
    this(source, 0, null, problem, cause);
  }

  /** A problem with one line, such as a row with the wrong number of fields. */
  public DataFormatException(String source, int line, String problem) {
    this(source, line, null, problem, null);
  }

  /** A problem with one cell: the value in {@code column} on {@code line}. */
  public DataFormatException(String source, int line, String column, String problem) {
    this(source, line, column, problem, null);
  }

  /** The general form: {@code line} 0 and {@code column} null when they do not apply. */
  DataFormatException(String source, int line, String column, String problem, Throwable cause) {
    super(format(source, line, column, problem), cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  private static String format(String source, int line, String column, String problem) {
    StringBuilder message = new StringBuilder(source);
    if (line > 0) {
      message.append(": line ").append(line);
    }
    if (column != null) {
      message.append(line > 0 ? ", " : ": ").append("column ").append(InputEcho.quoted(column));
    }
    return message.append(": ").append(problem).toString();
  }

  /** The file (or resource) the problem is in, as it was named when it was read. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem, if it concerns one line. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** The name of the column of the problem, if it concerns one column. */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
