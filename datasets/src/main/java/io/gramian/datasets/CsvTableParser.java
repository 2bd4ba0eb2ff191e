package io.gramian.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits the text of a CSV file into a {@link CsvTable} with Apache Commons CSV: a header line
 * naming the columns, then rows of exactly as many fields. The delimiter (comma, semicolon or tab)
 * is detected from the header line; fields may be quoted with {@code "}; blank lines are skipped; a
 * leading byte-order mark is ignored.
 */
final class CsvTableParser {

  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final Pattern LINE_IN_MESSAGE = Pattern.compile("(?:startline|line:)\\s*(\\d+)");

  private CsvTableParser() {}

  /**
   * The table in {@code text}.
   *
   * @param source the file's name, for messages
   * @throws DataFormatException if the file is empty, has no header, has a ragged row, a broken
   *     quoted field or badly named columns
   */
  static CsvTable parse(String text, String source) {
    if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
      text = text.substring(1);
    }
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(DelimiterDetector.detect(firstNonBlankLine(text)))
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    LineCounter lines = new LineCounter(text);
    List<CsvTable.Row> records = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      Iterator<CSVRecord> iterator = parser.iterator();
      while (hasNext(iterator, source)) {
        CSVRecord record = iterator.next();
        List<String> fields = record.stream().map(String::strip).toList();
        if (!isBlank(fields)) {
          int line = lines.lineOfRecordAt(record.getCharacterPosition());
          records.add(new CsvTable.Row(line, fields));
        }
      }
    } catch (IOException e) {
      throw new DataFormatException(source, "cannot read the file: " + e.getMessage(), e);
    }
    if (records.isEmpty()) {
      throw new DataFormatException(
          source, "the file is empty; it needs a header line naming the columns, then data rows");
    }
    CsvTable.Row header = records.get(0);
    List<CsvTable.Row> rows = records.subList(1, records.size());
    checkHeader(header, source);
    checkRows(rows, header.fields().size(), source);
    return new CsvTable(source, header.line(), header.fields(), rows);
  }

  private static boolean hasNext(Iterator<CSVRecord> iterator, String source) {
    try {
      return iterator.hasNext();
    } catch (UncheckedIOException e) {
      throw malformed(e.getCause(), source);
    }
  }

  /** A broken quoted field, reported on the line Commons CSV names in its message. */
  private static DataFormatException malformed(IOException cause, String source) {
    String message = String.valueOf(cause.getMessage());
    String problem =
        message.contains("EOF reached before encapsulated token finished")
            ? "a quoted field is not closed: its opening \" has no closing \""
            : message.contains("Invalid character between encapsulated token and delimiter")
                ? "unexpected text after the closing \" of a quoted field"
                : "malformed CSV: " + message;
    Matcher line = LINE_IN_MESSAGE.matcher(message);
    int lineNumber = line.find() ? Integer.parseInt(line.group(1)) : 0;
    return new DataFormatException(source, lineNumber, null, problem, cause);
  }

  private static String firstNonBlankLine(String text) {
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        return line;
      }
    }
    return "";
  }

  /** A line of whitespace only, which Commons CSV returns as one empty field. */
  private static boolean isBlank(List<String> fields) {
    return fields.size() == 1 && fields.get(0).isEmpty();
  }

  static void checkHeader(CsvTable.Row header, String source) {
    List<String> names = header.fields();
    if (names.stream().allMatch(CsvTableParser::looksLikeData)) {
      throw new DataFormatException(
          source,
          header.line(),
          "the first line must be a header naming the columns, but it holds data: "
              + InputEcho.plain(String.join(",", names)));
    }
    Map<String, Integer> firstColumnByName = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isEmpty() && i > 0) {
        throw new DataFormatException(source, header.line(), "column " + (i + 1) + " has no name");
      }
      Integer earlier = firstColumnByName.putIfAbsent(name, i);
      if (earlier != null) {
        throw new DataFormatException(
            source,
            header.line(),
            name,
            "duplicate column name (columns " + (earlier + 1) + " and " + (i + 1) + ")");
      }
    }
  }

  private static boolean looksLikeData(String field) {
    return TimeParser.isInteger(field)
        || TimeParser.parse(field).isPresent()
        || NumberParser.isNumber(field);
  }

  private static void checkRows(List<CsvTable.Row> rows, int columns, String source) {
    if (rows.isEmpty()) {
      throw new DataFormatException(source, "no data rows after the header line");
    }
    for (CsvTable.Row row : rows) {
      if (row.fields().size() != columns) {
        throw new DataFormatException(
            source,
            row.line(),
            "expected "
                + columns
                + " fields, found "
                + row.fields().size()
                + " (check the delimiter and quotes)");
      }
    }
  }
}
