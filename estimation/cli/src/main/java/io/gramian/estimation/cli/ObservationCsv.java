package io.gramian.estimation.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ejml.data.DMatrixRMaj;

/**
 * Observations read from a CSV file for the command line: the value columns as a T × ny matrix
 * with NaN for a missing value.
 *
 * <p>The rules (a stop-gap until the datasets module's reader is used here):
 *
 * <ul>
 *   <li>A header row naming the columns is required. The delimiter is a comma, semicolon or tab,
 *       whichever occurs most often (outside quotes) in the header line; a comma when none does.
 *   <li>The first column is the time column, and is skipped, when its header is date, time,
 *       year, month, quarter, period or index (any case), or is empty (the unnamed index column
 *       pandas writes), or when its first non-missing value is not a number (a date, a period
 *       label). A first column whose first value is a number is a value column, so a typo
 *       further down is reported, not silently taken as a time label.
 *   <li>The value columns are the others, in order, or those named with {@code --columns}, in
 *       the order named (the time column too, if named).
 *   <li>A missing value is an empty field, {@code NA}, {@code NaN} or {@code .} (any case). A
 *       number is a plain decimal such as {@code -1.5e3}. Anything else, an infinite value
 *       included, is an error naming the file, line and column.
 * </ul>
 */
final class ObservationCsv {

  /** Header names (lower case) that make the first column the time column. */
  static final Set<String> TIME_COLUMN_NAMES =
      Set.of("date", "time", "year", "month", "quarter", "period", "index", "");

  /** Plain decimal numbers: no hex, no {@code d}/{@code f} suffix, no infinity. */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static final Pattern INFINITY =
      Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);

  private static final Pattern CSV_START_LINE =
      Pattern.compile("^\\(startline (\\d+)\\) (.*)$", Pattern.DOTALL);

  private static final Pattern CSV_AT_LINE =
      Pattern.compile("^(.*) at line: (\\d+), position: \\d+$", Pattern.DOTALL);

  private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");

  private final String file;
  private final List<String> header;
  private final String timeColumn;
  private final List<String> columns;
  private final DMatrixRMaj values;
  private final int[] lines;
  private final int observedCount;

  private ObservationCsv(
      String file,
      List<String> header,
      String timeColumn,
      List<String> columns,
      DMatrixRMaj values,
      int[] lines,
      int observedCount) {
    this.file = file;
    this.header = header;
    this.timeColumn = timeColumn;
    this.columns = columns;
    this.values = values;
    this.lines = lines;
    this.observedCount = observedCount;
  }

  /**
   * Reads a CSV file.
   *
   * @param selected the value columns to read, in this order, or {@code null} for every column
   *     but the time column
   * @throws CliException (bad input) naming the file, and the line and column where relevant
   */
  static ObservationCsv read(Path path, List<String> selected) {
    return parse(path.toString(), InputFiles.readText(path), selected);
  }

  /** Parses CSV text; {@code file} is the name used in messages. */
  static ObservationCsv parse(String file, String text, List<String> selected) {
    LineIndex lineIndex = new LineIndex(text);
    char delimiter = detectDelimiter(text);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    List<CSVRecord> records = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      for (CSVRecord rec : parser) {
        records.add(rec);
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw CliException.badInput(file + ": " + csvProblem(e), e);
    }
    // Lines of nothing but blanks come back as one empty field: treat them as empty lines.
    records.removeIf(rec -> rec.size() == 1 && rec.get(0).isEmpty());
    if (records.isEmpty()) {
      throw CliException.badInput(file + ": the file is empty; a header row naming the columns"
          + " is required");
    }

    CSVRecord headerRecord = records.get(0);
    List<String> header = new ArrayList<>(headerRecord.size());
    headerRecord.forEach(header::add);
    int headerLine = lineIndex.lineOf(headerRecord.getCharacterPosition());
    if (header.stream().allMatch(name -> NUMBER.matcher(name).matches())) {
      throw CliException.badInput(file + ": line " + headerLine + " looks like data ("
          + String.join(String.valueOf(delimiter), header) + "); the first line must be a"
          + " header naming the columns");
    }
    List<CSVRecord> rows = records.subList(1, records.size());
    if (rows.isEmpty()) {
      throw CliException.badInput(file + ": no data rows below the header");
    }
    int[] lines = new int[rows.size()];
    for (int t = 0; t < rows.size(); t++) {
      CSVRecord rec = rows.get(t);
      lines[t] = lineIndex.lineOf(rec.getCharacterPosition());
      if (rec.size() != header.size()) {
        throw CliException.badInput(file + ": line " + lines[t] + " has " + rec.size()
            + (rec.size() == 1 ? " field" : " fields") + " but the header (line " + headerLine
            + ") has " + header.size());
      }
    }

    String timeColumn = isTimeColumn(header.get(0), rows) ? header.get(0) : null;
    int[] columnIndex = selectColumns(file, header, timeColumn, selected);
    List<String> names = new ArrayList<>(columnIndex.length);
    for (int j : columnIndex) {
      names.add(header.get(j));
    }

    DMatrixRMaj values = new DMatrixRMaj(rows.size(), columnIndex.length);
    int observed = 0;
    for (int t = 0; t < rows.size(); t++) {
      CSVRecord rec = rows.get(t);
      for (int j = 0; j < columnIndex.length; j++) {
        double v = value(file, lines[t], header.get(columnIndex[j]), rec.get(columnIndex[j]),
            delimiter);
        values.unsafe_set(t, j, v);
        if (!Double.isNaN(v)) {
          observed++;
        }
      }
    }
    return new ObservationCsv(
        file, List.copyOf(header), timeColumn, List.copyOf(names), values, lines, observed);
  }

  /** Commons CSV's complaint, reworded: the innermost message, with its line number first. */
  private static String csvProblem(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    Matcher start = CSV_START_LINE.matcher(m);
    if (start.matches()) {
      return "line " + start.group(1) + ": " + start.group(2)
          + (start.group(2).contains("EOF") ? " (a quote is not closed)" : "");
    }
    Matcher at = CSV_AT_LINE.matcher(m);
    if (at.matches()) {
      return "line " + at.group(2) + ": " + at.group(1).toLowerCase(Locale.ROOT);
    }
    return "not readable as CSV: " + m;
  }

  /** The name used for the file in messages (the path as given). */
  String file() {
    return file;
  }

  /** Every column name of the header, in order. */
  List<String> header() {
    return header;
  }

  /** The name of the time column, or {@code null} when the first column holds values. */
  String timeColumn() {
    return timeColumn;
  }

  /** The names of the value columns read, in the order of {@link #values()}' columns. */
  List<String> columns() {
    return columns;
  }

  /** The values, T × ny, NaN for missing. The caller must not modify it. */
  DMatrixRMaj values() {
    return values;
  }

  /** Number of rows T. */
  int steps() {
    return values.numRows;
  }

  /** The line of the file holding row t (0-based), counted from 1. */
  int lineOf(int t) {
    return lines[t];
  }

  /** Number of non-missing values. */
  int observedCount() {
    return observedCount;
  }

  private static boolean isTimeColumn(String name, List<CSVRecord> rows) {
    if (TIME_COLUMN_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
      return true;
    }
    for (CSVRecord rec : rows) {
      String token = rec.get(0);
      if (!isMissing(token)) {
        return !NUMBER.matcher(token).matches();
      }
    }
    return false;
  }

  private static int[] selectColumns(
      String file, List<String> header, String timeColumn, List<String> selected) {
    if (selected == null) {
      int first = timeColumn == null ? 0 : 1;
      if (header.size() <= first) {
        throw CliException.badInput(file + ": no value columns; the only column, \""
            + timeColumn + "\", is taken as the time column");
      }
      int[] index = new int[header.size() - first];
      for (int j = 0; j < index.length; j++) {
        index[j] = first + j;
      }
      return index;
    }
    if (selected.isEmpty()) {
      throw CliException.badInput("--columns names no column");
    }
    int[] index = new int[selected.size()];
    Set<String> seen = new HashSet<>();
    List<String> unknown = new ArrayList<>();
    for (int j = 0; j < selected.size(); j++) {
      String name = selected.get(j).trim();
      if (!seen.add(name)) {
        throw CliException.badInput("--columns names \"" + name + "\" twice");
      }
      int found = header.indexOf(name);
      if (found < 0) {
        unknown.add(name);
      } else if (header.lastIndexOf(name) != found) {
        throw CliException.badInput(file + ": the header has more than one column named \""
            + name + "\" (columns " + (found + 1) + " and " + (header.lastIndexOf(name) + 1)
            + ")");
      }
      index[j] = found;
    }
    if (!unknown.isEmpty()) {
      throw CliException.badInput(file + ": unknown " + (unknown.size() == 1 ? "column " :
          "columns ") + quoted(unknown) + " in --columns; the columns are " + quoted(header));
    }
    return index;
  }

  private static String quoted(List<String> names) {
    List<String> q = new ArrayList<>(names.size());
    for (String n : names) {
      q.add("\"" + n + "\"");
    }
    return String.join(", ", q);
  }

  static boolean isMissing(String token) {
    return token.isEmpty()
        || token.equals(".")
        || token.equalsIgnoreCase("NA")
        || token.equalsIgnoreCase("NaN");
  }

  private static double value(String file, int line, String column, String token, char delim) {
    if (isMissing(token)) {
      return Double.NaN;
    }
    String where = file + ": line " + line + ", column \"" + column + "\": \"" + token + "\"";
    if (NUMBER.matcher(token).matches()) {
      double v = Double.parseDouble(token);
      if (Double.isFinite(v)) {
        return v;
      }
      throw CliException.badInput(where + " is too large for a double (overflows to infinity)");
    }
    if (INFINITY.matcher(token).matches()) {
      throw CliException.badInput(where + " is infinite; values must be finite numbers (write a"
          + " missing value as an empty field, NA, NaN or .)");
    }
    String hint = delim == ';' && DECIMAL_COMMA.matcher(token).matches()
        ? " (decimal commas are not supported; write 1.5, not 1,5)"
        : "";
    throw CliException.badInput(where + " is not a number" + hint);
  }

  /** The delimiter that occurs most often outside quotes in the first non-blank line. */
  static char detectDelimiter(String text) {
    char[] candidates = {',', ';', '\t'};
    int[] counts = new int[candidates.length];
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    boolean quoted = false;
    for (int i = start; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && (ch == '\n' || ch == '\r')) {
        break;
      } else if (!quoted) {
        for (int k = 0; k < candidates.length; k++) {
          if (ch == candidates[k]) {
            counts[k]++;
          }
        }
      }
    }
    int best = 0;
    for (int k = 1; k < candidates.length; k++) {
      if (counts[k] > counts[best]) {
        best = k;
      }
    }
    return candidates[best];
  }

  /** Maps a character offset of the text to its line number (from 1; CR, LF or CRLF end a line). */
  private static final class LineIndex {
    private final String text;
    private final int[] starts;

    LineIndex(String text) {
      this.text = text;
      int[] s = new int[16];
      int n = 0;
      s[n++] = 0;
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        boolean end = ch == '\n' || (ch == '\r' && (i + 1 == text.length()
            || text.charAt(i + 1) != '\n'));
        if (end) {
          if (n == s.length) {
            s = Arrays.copyOf(s, 2 * n);
          }
          s[n++] = i + 1;
        }
      }
      starts = Arrays.copyOf(s, n);
    }

    /**
     * The line of the record that Commons CSV says starts at {@code position}. That position is
     * where the parser began reading, before any empty lines it skipped, so skip them too.
     */
    int lineOf(long position) {
      int p = (int) position;
      while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
        p++;
      }
      return lineAt(p);
    }

    private int lineAt(int position) {
      int k = Arrays.binarySearch(starts, position);
      return k >= 0 ? k + 1 : -k - 1;
    }
  }
}
