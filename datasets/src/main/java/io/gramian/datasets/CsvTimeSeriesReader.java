package io.gramian.datasets;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a {@link TimeSeriesFrame} from a CSV file (UTF-8; a UTF-8 byte-order mark is accepted,
 * while UTF-16, UTF-32 and binary files are refused with a message that says so).
 *
 * <ul>
 *   <li>The first line is a header naming the columns. Fields are separated by commas, semicolons
 *       or tabs (detected from the header line) and may be quoted with {@code "}.
 *   <li>The time column is the one the caller names; otherwise the first column named date, time,
 *       year, month, quarter, period or index (in any letter case); otherwise the first column if
 *       all its values are dates or periods; otherwise there is none and the rows are numbered 1,
 *       2, …, n.
 *   <li>Time values are years {@code 1871}, months {@code 1949-01}, quarters {@code 1945-Q1} or
 *       {@code 1945Q1}, dates {@code 2020-03-04}, ISO date-times {@code 2020-03-04T12:00:00}, or
 *       integers in an index column.
 *   <li>Every other column is a value column of finite numbers; an empty field, {@code NA}, {@code
 *       NaN} (any letter case) or {@code .} is a missing value.
 * </ul>
 *
 * <p>Anything else is a {@link DataFormatException} naming the file, the line (the header is line
 * 1) and, where it applies, the column.
 */
public final class CsvTimeSeriesReader {

  private CsvTimeSeriesReader() {}

  /**
   * Reads {@code file}, detecting its time column. Messages name the file as it is given.
   *
   * @throws DataFormatException if the file is missing, unreadable or malformed
   */
  public static TimeSeriesFrame read(Path file) {
    return parse(readText(file), file.toString(), Optional.empty());
  }

  /**
   * Reads {@code file} with the column named {@code timeColumn} as its time column.
   *
   * @throws DataFormatException if the file is missing, unreadable or malformed, or has no column
   *     of that name
   */
  public static TimeSeriesFrame read(Path file, String timeColumn) {
    return parse(readText(file), file.toString(), Optional.of(timeColumn));
  }

  /**
   * Reads CSV text from {@code reader}, detecting its time column.
   *
   * @param source the name of the data (usually a file name) for messages and the frame
   * @throws DataFormatException if the text cannot be read or is malformed
   */
  public static TimeSeriesFrame read(Reader reader, String source) {
    return parse(readText(reader, source), source, Optional.empty());
  }

  /**
   * Reads CSV text from {@code reader} with the column named {@code timeColumn} as its time column.
   *
   * @param source the name of the data (usually a file name) for messages and the frame
   * @throws DataFormatException if the text cannot be read or is malformed, or has no column of
   *     that name
   */
  public static TimeSeriesFrame read(Reader reader, String source, String timeColumn) {
    return parse(readText(reader, source), source, Optional.of(timeColumn));
  }

  private static TimeSeriesFrame parse(String text, String source, Optional<String> timeColumn) {
    CsvTable table = CsvTableParser.parse(text, source);
    OptionalInt timePosition = TimeColumnDetector.find(table, timeColumn);
    TimeIndex index =
        timePosition.isPresent()
            ? TimeColumnParser.parse(table, timePosition.getAsInt())
            : TimeIndex.integers(table.rows().size());
    Map<String, double[]> columns = new LinkedHashMap<>();
    for (int column = 0; column < table.columnNames().size(); column++) {
      if (column != timePosition.orElse(-1)) {
        columns.put(table.columnNames().get(column), values(table, column));
      }
    }
    if (columns.isEmpty()) {
      throw new DataFormatException(
          source,
          table.headerLine(),
          "no value columns: the only column, "
              + InputEcho.quoted(table.columnNames().get(0))
              + ", holds the times");
    }
    int[] lines = table.rows().stream().mapToInt(CsvTable.Row::line).toArray();
    String timeName =
        timePosition.isPresent() ? table.columnNames().get(timePosition.getAsInt()) : null;
    return TimeSeriesFrame.read(source, timeName, index, columns, lines);
  }

  private static double[] values(CsvTable table, int column) {
    double[] values = new double[table.rows().size()];
    for (int i = 0; i < values.length; i++) {
      CsvTable.Row row = table.rows().get(i);
      values[i] = NumberParser.parse(row.fields().get(column), table.location(row, column));
    }
    return values;
  }

  private static String readText(Path file) {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new DataFormatException(source, "is a directory, not a CSV file");
    }
    try {
      return TextEncoding.decode(Files.readAllBytes(file), source);
    } catch (NoSuchFileException e) {
      throw new DataFormatException(source, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new DataFormatException(source, "permission denied", e);
    } catch (IOException e) {
      throw new DataFormatException(source, "cannot read the file: " + e.getMessage(), e);
    }
  }

  private static String readText(Reader reader, String source) {
    StringWriter text = new StringWriter();
    try {
      reader.transferTo(text);
    } catch (IOException e) {
      throw new DataFormatException(source, "cannot read the data: " + e.getMessage(), e);
    }
    TextEncoding.checkText(text.toString(), source);
    return text.toString();
  }
}
