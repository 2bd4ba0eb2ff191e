package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Columns of a frame and their lookup by name. */
class TimeSeriesFrameTest {

  private final TimeSeriesFrame frame = frame();

  private static TimeSeriesFrame frame() {
    Map<String, double[]> columns = new LinkedHashMap<>();
    columns.put("front", new double[] {867, 825});
    columns.put("rear", new double[] {269, 265});
    return TimeSeriesFrame.of("seatbelts.csv", TimeIndex.monthly(1969, 1, 2), columns);
  }

  @Test
  void keepsColumnsInOrderOnTheSharedIndex() {
    assertEquals(List.of("front", "rear"), frame.columnNames());
    assertEquals(2, frame.columnCount());
    assertEquals(2, frame.length());
    assertEquals(Frequency.MONTHLY, frame.frequency());
    assertEquals("rear", frame.column(1).name());
    assertEquals(frame.index(), frame.column("rear").index());
    assertEquals(265, frame.column("rear").value(1));
  }

  @Test
  void unknownColumnNamesAreListedInTheError() {
    assertTrue(frame.hasColumn("front"));
    assertFalse(frame.hasColumn("Front"));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> frame.column("Front"));
    assertEquals(
        "seatbelts.csv has no column \"Front\"; its columns are: \"front\", \"rear\"",
        error.getMessage());
  }

  @Test
  void singleColumnNeedsExactlyOneColumn() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, frame::singleColumn);
    assertEquals(
        "seatbelts.csv has 2 columns (\"front\", \"rear\"); say which one to use",
        error.getMessage());
    TimeSeriesFrame one =
        TimeSeriesFrame.of(
            "nile.csv", TimeIndex.annual(1871, 1), Map.of("volume", new double[] {1}));
    assertEquals("volume", one.singleColumn().name());
  }

  @Test
  void columnsMustMatchTheIndexLength() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TimeSeriesFrame.of(
                "x.csv", TimeIndex.annual(1871, 2), Map.of("volume", new double[] {1})));
  }

  @Test
  void columnListIsImmutable() {
    assertThrows(UnsupportedOperationException.class, () -> frame.columns().clear());
  }
}
