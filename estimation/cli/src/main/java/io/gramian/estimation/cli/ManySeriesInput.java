package io.gramian.estimation.cli;

import io.gramian.datasets.CsvTimeSeriesReader;
import io.gramian.datasets.InputEcho;
import io.gramian.datasets.LongCsvReader;
import io.gramian.datasets.TimeSeries;
import io.gramian.datasets.TimeSeriesFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The series of {@code fit-many}'s data file. A wide file (each value column a series, or those
 * {@code --columns} names) is read whole. A long file ({@code --id}, {@code --value}) is read twice
 * when its rows of one id are contiguous: once to check every series and count them, then series by
 * series while they are fitted, so memory holds a few series at a time; a file whose ids are not
 * contiguous is read once and grouped in memory.
 */
final class ManySeriesInput {

  private final int count;
  private final List<TimeSeries> inMemory;
  private final Path file;
  private final String id;
  private final String value;
  private final String time;
  private final String how;

  private ManySeriesInput(
      int count,
      List<TimeSeries> inMemory,
      Path file,
      String id,
      String value,
      String time,
      String how) {
    this.count = count;
    this.how = how;
    this.inMemory = inMemory;
    this.file = file;
    this.id = id;
    this.value = value;
    this.time = time;
  }

  /** The columns of a wide file named by {@code columns} (all its value columns when null). */
  static ManySeriesInput wide(Path file, List<String> columns, String time) {
    TimeSeriesFrame frame =
        time == null ? CsvTimeSeriesReader.read(file) : CsvTimeSeriesReader.read(file, time);
    List<String> names = columns == null ? frame.columnNames() : columns;
    List<TimeSeries> series = new ArrayList<>(names.size());
    for (String name : names) {
      if (!frame.hasColumn(name)) {
        throw new IllegalArgumentException(
            file
                + ": no column "
                + InputEcho.quoted(name)
                + " (named by --columns); the value columns are "
                + InputEcho.plainList(frame.columnNames()));
      }
      series.add(frame.column(name));
    }
    return new ManySeriesInput(series.size(), List.copyOf(series), null, null, null, null, "");
  }

  /**
   * A long file: checked and counted in one streaming pass when its ids are contiguous, else read
   * and grouped in memory.
   */
  static ManySeriesInput longFile(Path file, String id, String value, String time) {
    LongCsvReader.Layout layout = LongCsvReader.check(file, id, value, time);
    if (!layout.contiguous()) {
      List<TimeSeries> grouped = LongCsvReader.readGrouped(file, id, value, time);
      return new ManySeriesInput(
          grouped.size(),
          grouped,
          null,
          null,
          null,
          null,
          " (the rows of an id are not contiguous: grouped in memory)");
    }
    return new ManySeriesInput(
        layout.series(),
        null,
        file,
        id,
        value,
        time,
        " (the rows of each id contiguous: read as they are fitted)");
  }

  /** How the series are read while they are fitted, for the progress display. */
  String how() {
    return how;
  }

  /** The number of series. */
  int count() {
    return count;
  }

  /** Reads the series, in the file's order, handing the iterator to {@code use}. */
  void forEach(Consumer<Iterator<TimeSeries>> use) {
    if (inMemory != null) {
      use.accept(inMemory.iterator());
      return;
    }
    try (LongCsvReader reader = LongCsvReader.open(file, id, value, time)) {
      use.accept(reader);
    }
  }
}
