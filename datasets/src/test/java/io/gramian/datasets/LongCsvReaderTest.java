package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many series in one long CSV file: streamed by id, grouped when unsorted, errors located. */
class LongCsvReaderTest {

  @TempDir Path dir;

  private Path file(String text) throws Exception {
    Path f = dir.resolve("long.csv");
    Files.writeString(f, text);
    return f;
  }

  private static List<TimeSeries> all(LongCsvReader reader) {
    List<TimeSeries> list = new ArrayList<>();
    while (reader.hasNext()) {
      list.add(reader.next());
    }
    return list;
  }

  @Test
  void streamsContiguousIdsWithTheirTimeIndex() throws Exception {
    Path f =
        file(
            "store,month,sales,note\n"
                + "a,2020-01,1.5,x\n"
                + "a,2020-02,,y\n"
                + "a,2020-03,2.5,z\n"
                + "\n"
                + "b,2021-11,7,\n"
                + "b,2021-12,8,\n");
    try (LongCsvReader reader = LongCsvReader.open(f, "store", "sales", null)) {
      assertEquals("month", reader.timeColumn());
      List<TimeSeries> series = all(reader);
      assertEquals(2, series.size());
      TimeSeries a = series.get(0);
      assertEquals("a", a.name());
      assertEquals(3, a.length());
      assertEquals(Frequency.MONTHLY, a.frequency());
      assertEquals(1.5, a.value(0));
      assertTrue(a.isMissing(1));
      assertEquals("2020-03", a.label(2));
      assertEquals(List.of("2022-01"), series.get(1).index().nextPeriods(1).labels());
    }
  }

  @Test
  void withoutATimeColumnTheSeriesAreIndexedByPosition() throws Exception {
    Path f = file("id;y\nu;1\nu;2\nv;3\n");
    try (LongCsvReader reader = LongCsvReader.open(f, "id", "y", null)) {
      assertNull(reader.timeColumn());
      List<TimeSeries> series = all(reader);
      assertEquals(List.of("u", "v"), series.stream().map(TimeSeries::name).toList());
      assertEquals(2, series.get(0).length());
    }
  }

  @Test
  void anIdThatComesBackIsUnsortedAndReadGroupedInOrderOfFirstAppearance() throws Exception {
    Path f = file("id,t,y\nb,1,1\na,1,10\nb,2,2\na,2,20\nc,1,5\n");
    try (LongCsvReader reader = LongCsvReader.open(f, "id", "y", "t")) {
      assertEquals("b", reader.next().name());
      assertEquals("a", reader.next().name());
      LongCsvReader.UnsortedIdsException e =
          assertThrows(LongCsvReader.UnsortedIdsException.class, reader::next);
      assertTrue(e.getMessage().contains("line 4"), e.getMessage());
      assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
    List<TimeSeries> grouped = LongCsvReader.readGrouped(f, "id", "y", "t");
    assertEquals(List.of("b", "a", "c"), grouped.stream().map(TimeSeries::name).toList());
    assertArrayEquals(new double[] {10, 20}, grouped.get(1).values());
  }

  @Test
  void aBadValueIsReportedAtItsLineAndColumn() throws Exception {
    Path f = file("id,month,y\na,2020-01,1\n\na,2020-02,1x\n");
    try (LongCsvReader reader = LongCsvReader.open(f, "id", "y", null)) {
      DataFormatException e = assertThrows(DataFormatException.class, reader::next);
      assertEquals(4, e.line().orElseThrow(), e.getMessage());
      assertEquals("y", e.column().orElseThrow());
    }
  }

  @Test
  void rowsArePutInTimeOrderAndATimeGivenTwiceIsReportedAtItsLine() throws Exception {
    Path f = file("id,month,y\na,2020-02,2\na,2020-01,1\nb,2020-02,1\nb,2020-02,1\n");
    try (LongCsvReader reader = LongCsvReader.open(f, "id", "y", null)) {
      TimeSeries a = reader.next();
      assertArrayEquals(new double[] {1, 2}, a.values());
      assertEquals("2020-01", a.label(0));
      DataFormatException e = assertThrows(DataFormatException.class, reader::next);
      assertEquals(5, e.line().orElseThrow(), e.getMessage());
      assertTrue(e.getMessage().contains("does not come after"), e.getMessage());
    }
  }

  @Test
  void aMissingColumnAnEmptyIdAndARaggedRowAreRefused() throws Exception {
    Path f = file("id,y\na,1\n");
    DataFormatException missing =
        assertThrows(DataFormatException.class, () -> LongCsvReader.open(f, "id", "sales", null));
    assertTrue(missing.getMessage().contains("\"sales\""), missing.getMessage());
    assertTrue(missing.getMessage().contains("--value"), missing.getMessage());
    Path empty = file("id,y\na,1\n,2\n");
    try (LongCsvReader reader = LongCsvReader.open(empty, "id", "y", null)) {
      DataFormatException e = assertThrows(DataFormatException.class, reader::next);
      assertEquals(3, e.line().orElseThrow());
    }
    Path ragged = file("id,y\na,1\na,2,3\n");
    try (LongCsvReader reader = LongCsvReader.open(ragged, "id", "y", null)) {
      DataFormatException e = assertThrows(DataFormatException.class, reader::next);
      assertEquals(3, e.line().orElseThrow());
    }
  }

  @Test
  void checkCountsContiguousSeriesAndTellsAnUnsortedFileWithoutBlamingItsPartialGroups()
      throws Exception {
    Path sorted = file("id,year,y\na,2001,1\na,2002,2\nb,2001,3\n");
    assertEquals(new LongCsvReader.Layout(2, true), LongCsvReader.check(sorted, "id", "y", null));
    // a's first block skips 2002, which only comes later: not an error once grouped
    Path unsorted = file("id,year,y\na,2001,1\na,2003,3\nb,2001,3\na,2002,2\n");
    assertFalse(LongCsvReader.check(unsorted, "id", "y", null).contiguous());
    assertEquals(3, LongCsvReader.readGrouped(unsorted, "id", "y", null).get(0).length());
    Path bad = file("id,year,y\na,2001,1\na,2003,3\nb,2001,3\n");
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> LongCsvReader.check(bad, "id", "y", null));
    assertEquals(3, e.line().orElseThrow(), e.getMessage());
  }
}
