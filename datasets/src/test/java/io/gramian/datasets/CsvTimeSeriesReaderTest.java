package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading well-formed CSV files: time formats and columns, delimiters, quotes, missing values. */
class CsvTimeSeriesReaderTest {

  @TempDir Path directory;

  private TimeSeriesFrame read(String text) throws IOException {
    Path file = directory.resolve("data.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return CsvTimeSeriesReader.read(file);
  }

  @Test
  void readsYears() throws IOException {
    TimeSeriesFrame frame = read("date,volume\n1871,1120\n1872,1160\n");
    assertEquals(TimeIndex.annual(1871, 2), frame.index());
    assertArrayEquals(new double[] {1120, 1160}, frame.column("volume").values());
    assertEquals(directory.resolve("data.csv").toString(), frame.source());
  }

  @Test
  void readsMonths() throws IOException {
    assertEquals(TimeIndex.monthly(1949, 12, 2), read("date,x\n1949-12,1\n1950-01,2\n").index());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1945-Q4,1946-Q1", "1945Q4,1946Q1", "1945-q4,1946-q1"})
  void readsQuartersWrittenEitherWay(String quarters) throws IOException {
    String[] labels = quarters.split(",");
    TimeSeriesFrame frame = read("quarter,x\n" + labels[0] + ",1\n" + labels[1] + ",2\n");
    assertEquals(TimeIndex.quarterly(1945, 4, 2), frame.index());
    assertEquals(List.of("1945-Q4", "1946-Q1"), frame.index().labels());
  }

  @Test
  void readsDatesWithGaps() throws IOException {
    TimeSeriesFrame frame = read("date,x\n2020-03-04,1\n2020-03-06,2\n");
    assertEquals(Frequency.DAILY, frame.frequency());
    assertEquals(List.of("2020-03-04", "2020-03-06"), frame.index().labels());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2020-03-04T12:00|2020-03-04T12:30|2020-03-04T12:00:00",
        "2020-03-04 12:00:00|2020-03-04 12:30:00|2020-03-04T12:00:00",
        "2020-03-04T12:00:00.5|2020-03-04T12:00:01|2020-03-04T12:00:00.5"
      })
  void readsIsoDateTimes(String first, String second, String firstLabel) throws IOException {
    TimeSeriesFrame frame = read("time,x\n" + first + ",1\n" + second + ",2\n");
    assertEquals(Frequency.DATE_TIME, frame.frequency());
    assertEquals(firstLabel, frame.index().label(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"date", "Date", "TIME", "year", "month", "quarter", "period", "Index"})
  void findsTheTimeColumnByItsName(String name) throws IOException {
    TimeSeriesFrame frame = read("x," + name + "\n1,1871\n2,1872\n");
    assertEquals(List.of("x"), frame.columnNames());
    assertEquals("1871", frame.index().label(0));
  }

  @Test
  void aYearInAnIndexColumnIsAnInteger() throws IOException {
    assertEquals(Frequency.INDEX, read("index,x\n1871,1\n1872,2\n").frequency());
  }

  @Test
  void smallIntegersInATimeColumnAreAnIntegerIndex() throws IOException {
    assertEquals(TimeIndex.integers(3), read("period,x\n1,5\n2,6\n3,7\n").index());
  }

  @Test
  void theUnnamedFirstColumnPandasWritesIsTheIndex() throws IOException {
    TimeSeriesFrame frame = read(",volume\n0,1120\n1,1160\n");
    assertEquals(TimeIndex.integers(0, 2), frame.index());
    assertEquals(List.of("volume"), frame.columnNames());
  }

  @Test
  void aFirstColumnOfPeriodsIsTheTimeColumnWhateverItsName() throws IOException {
    TimeSeriesFrame frame = read("Month,#Passengers\n1949-01,112\n1949-02,118\n");
    assertEquals(TimeIndex.monthly(1949, 1, 2), frame.index());
    TimeSeriesFrame when = read("when,x\n1945Q1,1\n1945Q2,2\n");
    assertEquals(TimeIndex.quarterly(1945, 1, 2), when.index());
  }

  @Test
  void aFirstColumnOfNumbersThatAreNotConsecutiveYearsIsData() throws IOException {
    TimeSeriesFrame frame = read("a,b\n1120,3\n1160,4\n");
    assertEquals(TimeIndex.integers(2), frame.index());
    assertEquals(List.of("a", "b"), frame.columnNames());
  }

  @Test
  void withoutATimeColumnRowsAreNumberedFromOne() throws IOException {
    TimeSeriesFrame frame = read("volume\n1120\n1160\n963\n");
    assertEquals(TimeIndex.integers(3), frame.index());
    assertEquals(List.of("1", "2", "3"), frame.index().labels());
  }

  @Test
  void theCallerMayNameTheTimeColumn() throws IOException {
    Path file = directory.resolve("obs.csv");
    Files.writeString(file, "date,stamp,x\n7,2020-01-01,1\n8,2020-01-02,2\n");
    TimeSeriesFrame frame = CsvTimeSeriesReader.read(file, "stamp");
    assertEquals(Frequency.DAILY, frame.frequency());
    assertEquals(List.of("date", "x"), frame.columnNames());
  }

  @ParameterizedTest
  @ValueSource(strings = {",", ";", "\t"})
  void detectsTheDelimiterFromTheHeader(String delimiter) throws IOException {
    TimeSeriesFrame frame =
        read(
            String.join(delimiter, "date", "a", "b")
                + "\n"
                + String.join(delimiter, "1871", "1.5", "2")
                + "\n");
    assertEquals(List.of("a", "b"), frame.columnNames());
    assertEquals(1.5, frame.column("a").value(0));
  }

  @Test
  void readsQuotedNamesAndValues() throws IOException {
    TimeSeriesFrame frame =
        read("\"date\",\"flow, m3\",\"say \"\"hi\"\"\"\n\"1871\",\"1120\",\"2\"\n");
    assertEquals(List.of("flow, m3", "say \"hi\""), frame.columnNames());
    assertEquals(1120, frame.column("flow, m3").value(0));
  }

  @Test
  void aQuotedSemicolonDoesNotDecideTheDelimiter() throws IOException {
    TimeSeriesFrame frame = read("date,\"a;b;c\"\n1871,1\n");
    assertEquals(List.of("a;b;c"), frame.columnNames());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "NA", "na", "NaN", "nan", "NAN", ".", "\"\"", "\"NA\"", " NA "})
  void readsEachMissingValueMarkerAsNaN(String marker) throws IOException {
    TimeSeries x = read("date,x\n1871," + marker + "\n1872,2\n").column("x");
    assertTrue(x.isMissing(0));
    assertEquals(1, x.observedCount());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"-0.5|-0.5", "+3|3", "2.3e-4|2.3e-4", "1E3|1000", ".25|0.25", "5.|5"})
  void readsDecimalNumbers(String text, double expected) throws IOException {
    assertEquals(expected, read("date,x\n1871," + text + "\n").column("x").value(0));
  }

  @Test
  void ignoresBlankLinesSurroundingSpacesWindowsLineEndsAndAByteOrderMark() throws IOException {
    TimeSeriesFrame frame = read("\uFEFFdate , x\r\n\r\n 1871 , 1 \r\n1872,2\r\n\r\n");
    assertEquals(TimeIndex.annual(1871, 2), frame.index());
    assertArrayEquals(new double[] {1, 2}, frame.column("x").values());
  }

  @Test
  void readsFromAReaderUnderTheGivenName() {
    TimeSeriesFrame frame =
        CsvTimeSeriesReader.read(new StringReader("t,date,x\n1,2020-01-01,3\n"), "inline", "date");
    assertEquals("inline", frame.source());
    assertEquals(List.of("t", "x"), frame.columnNames());
    assertEquals("2020-01-01", frame.index().label(0));
  }

  @Test
  void readsTheBundledFilesAtTheTopOfTheModule() {
    for (String name : Datasets.names()) {
      TimeSeriesFrame fromFile = CsvTimeSeriesReader.read(Path.of(name + ".csv"));
      assertEquals(Datasets.load(name).columns(), fromFile.columns(), name);
    }
  }
}
