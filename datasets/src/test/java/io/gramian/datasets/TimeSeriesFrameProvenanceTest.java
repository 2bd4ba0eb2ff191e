package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A frame read from a file: its time column's name, the line of each row, and several columns as
 * one row-major matrix over the index.
 */
class TimeSeriesFrameProvenanceTest {

  /** Blank lines and a quoted field over two lines, so lines and rows differ. */
  private static final String TEXT =
      "month,a,b,c\n\n1949-01,1,NA,3\n\"1949-02\n\",4,5,\n1949-03,7,8,9\n";

  private static TimeSeriesFrame read(String text) {
    return CsvTimeSeriesReader.read(new StringReader(text), "x.csv");
  }

  @Test
  void knowsItsTimeColumnAndTheLineOfEachRow() {
    TimeSeriesFrame frame = read(TEXT);
    assertEquals(Optional.of("month"), frame.timeColumn());
    assertEquals(OptionalInt.of(3), frame.line(0));
    assertEquals(OptionalInt.of(4), frame.line(1));
    assertEquals(OptionalInt.of(6), frame.line(2));
    assertThrows(IndexOutOfBoundsException.class, () -> frame.line(3));
  }

  @Test
  void aFileWithoutATimeColumnAndAFrameBuiltInMemoryHaveNone() {
    TimeSeriesFrame numbered = read("a,b\n1,2\n3,4\n");
    assertEquals(Optional.empty(), numbered.timeColumn());
    assertEquals(OptionalInt.of(3), numbered.line(1));
    Map<String, double[]> columns = new LinkedHashMap<>();
    columns.put("a", new double[] {1, 3});
    TimeSeriesFrame built = TimeSeriesFrame.of("mem", TimeIndex.integers(2), columns);
    assertEquals(Optional.empty(), built.timeColumn());
    assertEquals(OptionalInt.empty(), built.line(0));
  }

  @Test
  void rowMajorHoldsTheNamedColumnsInTheOrderNamed() {
    TimeSeriesFrame frame = read(TEXT);
    double nan = Double.NaN;
    assertArrayEquals(
        new double[] {3, nan, 1, nan, 5, 4, 9, 8, 7}, frame.rowMajor(List.of("c", "b", "a")));
    assertArrayEquals(new double[] {1, 1, 4, 4, 7, 7}, frame.rowMajor(List.of("a", "a")));
    assertArrayEquals(new double[0], frame.rowMajor(List.of()));
  }

  @Test
  void rowMajorNamesAnUnknownColumnAndTheTimeColumn() {
    TimeSeriesFrame frame = read(TEXT);
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> frame.rowMajor(List.of("a", "d")));
    assertEquals(
        "x.csv has no column \"d\"; its columns are: \"a\", \"b\", \"c\"", unknown.getMessage());
    IllegalArgumentException time =
        assertThrows(IllegalArgumentException.class, () -> frame.rowMajor(List.of("month")));
    assertEquals(
        "x.csv: \"month\" is the time column, not a value column; the value columns"
            + " are: \"a\", \"b\", \"c\"",
        time.getMessage());
  }

  @Test
  void provenanceIsNotPartOfEquality() {
    TimeSeriesFrame read = read("a\n1\n\n3\n");
    Map<String, double[]> columns = new LinkedHashMap<>();
    columns.put("a", new double[] {1, 3});
    assertTrue(read.equals(TimeSeriesFrame.of("x.csv", TimeIndex.integers(2), columns)));
  }
}
