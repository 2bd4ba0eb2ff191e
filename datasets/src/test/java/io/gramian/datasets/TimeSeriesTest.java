package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Values, missing observations and transformations of a series. */
class TimeSeriesTest {

  private final TimeSeries volume =
      TimeSeries.of("volume", TimeIndex.annual(1871, 4), new double[] {100, Double.NaN, 10, 1000});

  @Test
  void exposesItsValuesAndLabels() {
    assertEquals("volume", volume.name());
    assertEquals(4, volume.length());
    assertEquals(100, volume.value(0));
    assertEquals("1873", volume.label(2));
    assertEquals(Frequency.ANNUAL, volume.frequency());
    assertThrows(IndexOutOfBoundsException.class, () -> volume.value(4));
  }

  @Test
  void valuesAreCopiedInAndOut() {
    double[] values = {1, 2};
    TimeSeries series = TimeSeries.of("x", values);
    values[0] = 99;
    series.values()[1] = 99;
    assertArrayEquals(new double[] {1, 2}, series.values());
  }

  @Test
  void missingValuesAreNaNAndNotCounted() {
    assertTrue(volume.isMissing(1));
    assertFalse(volume.isMissing(0));
    assertEquals(3, volume.observedCount());
  }

  @Test
  void seriesWithoutIndexAreNumberedFromOne() {
    TimeSeries series = TimeSeries.of("x", 5, 6);
    assertEquals(TimeIndex.integers(2), series.index());
    assertEquals("2", series.label(1));
  }

  @Test
  void logKeepsMissingValuesAndNamesTheTransform() {
    TimeSeries log = volume.log();
    assertEquals("log(volume)", log.name());
    assertEquals(Math.log(100), log.value(0), 0);
    assertTrue(log.isMissing(1));
    assertEquals(volume.index(), log.index());
  }

  @Test
  void log10TakesDecimalLogarithms() {
    TimeSeries log10 = volume.log10();
    assertEquals("log10(volume)", log10.name());
    assertArrayEquals(new double[] {2, Double.NaN, 1, 3}, log10.values(), 1e-15);
  }

  @Test
  void logOfANonPositiveValueNamesTheColumnAndTheFirstOffendingObservation() {
    TimeSeries series =
        TimeSeries.of("volume", TimeIndex.annual(1871, 4), new double[] {5, -3, 0, 2});
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, series::log);
    assertEquals(
        "cannot take the log of \"volume\": its value at 1872 (observation 2) is -3,"
            + " and log needs values above 0",
        error.getMessage());
  }

  @Test
  void log10OfZeroIsAnError() {
    TimeSeries series = TimeSeries.of("level", 0.0, 1.0);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, series::log10);
    assertTrue(error.getMessage().contains("log10 of \"level\": its value at 1 (observation 1)"));
  }

  @Test
  void sliceKeepsNameAndLabels() {
    TimeSeries tail = volume.slice(2, 4);
    assertEquals("volume", tail.name());
    assertEquals("1873", tail.label(0));
    assertArrayEquals(new double[] {10, 1000}, tail.values());
  }

  @Test
  void withNameRenames() {
    assertEquals("flow", volume.withName("flow").name());
  }

  @Test
  void infiniteValuesAndLengthMismatchesAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> TimeSeries.of("x", Double.POSITIVE_INFINITY));
    assertThrows(
        IllegalArgumentException.class,
        () -> TimeSeries.of("x", TimeIndex.annual(1871, 2), new double[] {1}));
  }

  @Test
  void seriesAreEqualWhenNameIndexAndValuesAre() {
    TimeSeries same =
        TimeSeries.of(
            "volume", TimeIndex.annual(1871, 4), new double[] {100, Double.NaN, 10, 1000});
    assertEquals(volume, same);
    assertEquals(volume.hashCode(), same.hashCode());
  }
}
