package io.gramian.datasets;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Many series in one long CSV file, one row per series and period: an id column, a value column
 * and, optionally, a time column ({@code id,month,sales} / {@code a,2020-01,12.5} / …). The file is
 * read as {@link CsvTimeSeriesReader} reads a file (delimiter detected, quotes, blank lines
 * skipped, UTF-8), and each series' times and values are checked the same way, with messages that
 * name the file, line and column.
 *
 * <p>{@link #open} streams the series one at a time, in file order, for a file whose rows of one id
 * are contiguous (sorted by id, say): it holds one series at a time and the set of ids already
 * seen. An id that comes back after other ids is an {@link UnsortedIdsException}; {@link
 * #readGrouped} reads such a file whole and groups its rows in memory, in the order in which the
 * ids first appear. Each series' rows are put in time order; a time given twice, a missing period
 * or a mixed frequency is an error naming its line.
 *
 * <p>The time column is the one named, else the first column other than the id and the value with a
 * time column's name (date, time, year, month, quarter, period, index); without one, each series is
 * indexed 1, 2, … in file order. Other columns are ignored. Not thread-safe: one reader per thread.
 */
public final class LongCsvReader implements Iterator<TimeSeries>, Closeable {

  /** An id seen again after the rows of other ids: the file is not grouped by id. */
  public static final class UnsortedIdsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnsortedIdsException(String message) {
      super(message);
    }
  }

  /** The bytes looked at for a file's encoding before it is streamed. */
  private static final int ENCODING_PROBE_BYTES = 4096;

  private final String source;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final int headerLine;
  private final int idColumn;
  private final int valueColumn;
  private final int timeColumn;
  private final String idName;
  private final String valueName;
  private final String timeName;
  private final int fieldCount;
  private final Map<String, Integer> firstLineOfId = new HashMap<>();
  private Pending pending;
  private TimeSeries next;

  /** A row read ahead: the first of the next series. */
  private record Pending(String id, CsvTable.Row row) {}

  private LongCsvReader(Path file, String idName, String valueName, String timeName) {
    this.source = file.toString();
    char delimiter = DelimiterDetector.detect(firstNonBlankLine(file));
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .get();
    try {
      this.parser = new CSVParser(reader(file), format);
    } catch (IOException e) {
      throw readFailure(e);
    }
    this.records = parser.iterator();
    CsvTable.Row header = nextRow();
    if (header == null) {
      close();
      throw new DataFormatException(
          source, "the file is empty; it needs a header line naming the columns, then data rows");
    }
    this.headerLine = header.line();
    try {
      CsvTableParser.checkHeader(header, source);
    } catch (DataFormatException e) {
      close();
      throw e;
    }
    List<String> names = header.fields();
    this.fieldCount = names.size();
    this.idColumn = column(names, idName, "--id");
    this.valueColumn = column(names, valueName, "--value");
    if (idColumn == valueColumn) {
      close();
      throw new DataFormatException(
          source, headerLine, idName, "is named both as the id and as the value column");
    }
    this.timeColumn = timeName != null ? column(names, timeName, "--time") : detectTime(names);
    if (timeColumn == idColumn || timeColumn == valueColumn) {
      close();
      throw new DataFormatException(
          source, headerLine, timeName, "cannot be the time column and the id or value column");
    }
    this.idName = names.get(idColumn);
    this.valueName = names.get(valueColumn);
    this.timeName = timeColumn < 0 ? null : names.get(timeColumn);
    CsvTable.Row first = nextRow();
    if (first == null) {
      close();
      throw new DataFormatException(source, "no data rows after the header line");
    }
    this.pending = new Pending(id(first), first);
  }

  /**
   * Opens {@code file} to stream its series.
   *
   * @param idName the id column's name
   * @param valueName the value column's name
   * @param timeName the time column's name, or {@code null} to find it by name (or go without)
   * @throws DataFormatException when the file is missing, unreadable, empty, or lacks a column
   */
  public static LongCsvReader open(Path file, String idName, String valueName, String timeName) {
    return new LongCsvReader(file, idName, valueName, timeName);
  }

  /**
   * Every series of {@code file}, its rows grouped by id in memory whatever their order, in the
   * order in which the ids first appear (each series' rows in file order).
   *
   * @throws DataFormatException when the file or one of its series is malformed
   */
  public static List<TimeSeries> readGrouped(
      Path file, String idName, String valueName, String timeName) {
    try (LongCsvReader reader = open(file, idName, valueName, timeName)) {
      Map<String, List<CsvTable.Row>> groups = new LinkedHashMap<>();
      for (Pending p = reader.pending; p != null; p = reader.pendingAfter()) {
        groups.computeIfAbsent(p.id(), id -> new ArrayList<>()).add(p.row());
      }
      List<TimeSeries> series = new ArrayList<>(groups.size());
      for (Map.Entry<String, List<CsvTable.Row>> group : groups.entrySet()) {
        series.add(reader.series(group.getKey(), group.getValue()));
      }
      return series;
    }
  }

  /**
   * What one pass over a long file found: the number of series and whether the rows of each id are
   * contiguous (so that the file can be streamed).
   */
  public record Layout(int series, boolean contiguous) {}

  /**
   * Reads {@code file} once, holding one series at a time: checks its structure and, when the rows
   * of each id are contiguous, every series (as {@link #next} would), and counts the series. A file
   * whose ids are not contiguous is only checked up to the id that comes back; {@link #readGrouped}
   * checks the rest.
   *
   * @throws DataFormatException at the first problem of the file or, when the ids are contiguous,
   *     of a series
   */
  public static Layout check(Path file, String idName, String valueName, String timeName) {
    DataFormatException firstSeriesProblem = null;
    int series = 0;
    try (LongCsvReader reader = open(file, idName, valueName, timeName)) {
      while (reader.pending != null) {
        List<CsvTable.Row> rows;
        try {
          rows = reader.nextGroup();
        } catch (UnsortedIdsException unsorted) {
          return new Layout(series, false);
        }
        series++;
        if (firstSeriesProblem == null) {
          try {
            // checked, then dropped; a problem counts only if the id does not come back later
            reader.series(rows.get(0).fields().get(reader.idColumn), rows);
          } catch (DataFormatException e) {
            firstSeriesProblem = e;
          }
        }
      }
    }
    if (firstSeriesProblem != null) {
      throw firstSeriesProblem;
    }
    return new Layout(series, true);
  }

  /** The source's name, as messages give it. */
  public String source() {
    return source;
  }

  /** The time column's name, or {@code null} when the series are indexed by position. */
  public String timeColumn() {
    return timeName;
  }

  /**
   * Whether there is another series.
   *
   * @throws DataFormatException when the next series is malformed
   * @throws UnsortedIdsException when an id comes back after other ids' rows
   */
  @Override
  public boolean hasNext() {
    if (next == null && pending != null) {
      next = readSeries();
    }
    return next != null;
  }

  /** The next series, named by its id. */
  @Override
  public TimeSeries next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more series in " + source);
    }
    TimeSeries series = next;
    next = null;
    return series;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException ignored) {
      // reading is over; nothing was written
    }
  }

  // -------------------------------------------------------------------------------------------

  /** The next series: the rows of the pending id, up to the first row of another id. */
  private TimeSeries readSeries() {
    List<CsvTable.Row> rows = nextGroup();
    return series(rows.get(0).fields().get(idColumn), rows);
  }

  /**
   * The rows of the pending id, up to the first row of another id.
   *
   * @throws UnsortedIdsException when the id has been seen before
   */
  private List<CsvTable.Row> nextGroup() {
    String id = pending.id();
    Integer seen = firstLineOfId.putIfAbsent(id, pending.row().line());
    if (seen != null) {
      throw new UnsortedIdsException(
          source
              + ": line "
              + pending.row().line()
              + ": id "
              + InputEcho.quoted(id)
              + " comes back after other ids (its rows start on line "
              + seen
              + "); the rows of one id are not contiguous");
    }
    List<CsvTable.Row> rows = new ArrayList<>();
    rows.add(pending.row());
    Pending p;
    while ((p = pendingAfter()) != null && p.id().equals(id)) {
      rows.add(p.row());
    }
    pending = p;
    return rows;
  }

  /** The row after the current one, with its id, or null at the end. */
  private Pending pendingAfter() {
    CsvTable.Row row = nextRow();
    return row == null ? null : new Pending(id(row), row);
  }

  /**
   * One series from its rows, put in time order: the time index checked as a file's (consecutive
   * periods, no time twice), the values parsed.
   */
  private TimeSeries series(String id, List<CsvTable.Row> rows) {
    List<CsvTable.Row> projected = new ArrayList<>(rows.size());
    for (CsvTable.Row row : rows) {
      List<String> fields = row.fields();
      projected.add(
          new CsvTable.Row(
              row.line(),
              timeColumn < 0
                  ? List.of(fields.get(valueColumn))
                  : List.of(fields.get(timeColumn), fields.get(valueColumn))));
    }
    return LongSeries.of(source, headerLine, id, timeName, valueName, projected);
  }

  private String id(CsvTable.Row row) {
    String id = row.fields().get(idColumn);
    if (id.isEmpty()) {
      throw new DataFormatException(source, row.line(), idName, "the id is empty");
    }
    return id;
  }

  /** The next non-blank record as a row with the line it starts on, or null at the end. */
  private CsvTable.Row nextRow() {
    while (true) {
      long before = parser.getCurrentLineNumber();
      boolean more;
      try {
        more = records.hasNext();
      } catch (UncheckedIOException e) {
        throw malformed(e.getCause(), (int) before + 1);
      }
      if (!more) {
        return null;
      }
      CSVRecord record = records.next();
      List<String> fields = record.stream().map(String::strip).toList();
      if (fields.size() == 1 && fields.get(0).isEmpty()) {
        continue; // a blank line
      }
      int line = (int) before + 1;
      if (fieldCount > 0 && fields.size() != fieldCount) {
        throw new DataFormatException(
            source,
            line,
            "expected "
                + fieldCount
                + " fields, found "
                + fields.size()
                + " (check the delimiter and quotes)");
      }
      return new CsvTable.Row(line, fields);
    }
  }

  private DataFormatException malformed(IOException cause, int line) {
    if (cause instanceof CharacterCodingException) {
      return new DataFormatException(source, "the file is not UTF-8 text", cause);
    }
    String message = String.valueOf(cause.getMessage());
    String problem =
        message.contains("EOF reached before encapsulated token finished")
            ? "a quoted field is not closed: its opening \" has no closing \""
            : message.contains("Invalid character between encapsulated token and delimiter")
                ? "unexpected text after the closing \" of a quoted field"
                : "malformed CSV: " + message;
    return new DataFormatException(source, line, null, problem, cause);
  }

  private int column(List<String> names, String name, String option) {
    int i = names.indexOf(name);
    if (i < 0) {
      close();
      throw new DataFormatException(
          source,
          headerLine,
          "no column "
              + InputEcho.quoted(name)
              + " (named by "
              + option
              + "); the columns are "
              + InputEcho.plainList(names));
    }
    return i;
  }

  private int detectTime(List<String> names) {
    return LongSeries.timeColumnByName(names, List.of(names.get(idColumn), names.get(valueColumn)));
  }

  /** A reader of UTF-8 that refuses invalid bytes, after the encoding check of a whole file. */
  private Reader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    byte[] probe = in.readNBytes(ENCODING_PROBE_BYTES);
    String wrong = TextEncoding.wrongEncoding(probe);
    in.close();
    if (wrong != null) {
      throw new DataFormatException(source, wrong);
    }
    InputStream stream = Files.newInputStream(file);
    if (probe.length >= 3
        && (probe[0] & 0xFF) == 0xEF
        && (probe[1] & 0xFF) == 0xBB
        && (probe[2] & 0xFF) == 0xBF) {
      stream.skipNBytes(3);
    }
    return new BufferedReader(
        new InputStreamReader(
            stream,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        1 << 16);
  }

  private String firstNonBlankLine(Path file) {
    if (Files.isDirectory(file)) {
      throw new DataFormatException(source, "is a directory, not a CSV file");
    }
    try (BufferedReader lines = new BufferedReader(reader(file))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          return line;
        }
      }
      return "";
    } catch (IOException e) {
      throw readFailure(e);
    }
  }

  private DataFormatException readFailure(IOException e) {
    if (e instanceof NoSuchFileException) {
      return new DataFormatException(source, "no such file", e);
    }
    if (e instanceof AccessDeniedException) {
      return new DataFormatException(source, "permission denied", e);
    }
    if (e instanceof CharacterCodingException) {
      return new DataFormatException(source, "the file is not UTF-8 text", e);
    }
    return new DataFormatException(source, "cannot read the file: " + e.getMessage(), e);
  }
}
