package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TimeIndex#fromLabels}: the inverse of {@link TimeIndex#labels()} for every frequency. */
class TimeIndexLabelsTest {

  @Test
  void labelsReadBackToTheSameIndex() {
    List<TimeIndex> indices =
        List.of(
            TimeIndex.annual(1871, 5),
            TimeIndex.quarterly(1945, 3, 6),
            TimeIndex.monthly(1949, 11, 4),
            TimeIndex.integers(1, 4),
            TimeIndex.integers(1998, 3),
            TimeIndex.dates(
                List.of(
                    LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 3), LocalDate.of(2020, 3, 6))),
            TimeIndex.dateTimes(
                List.of(LocalDateTime.of(2020, 3, 2, 9, 0), LocalDateTime.of(2020, 3, 2, 10, 30))));
    for (TimeIndex index : indices) {
      TimeIndex back = TimeIndex.fromLabels(index.frequency(), index.labels());
      assertEquals(index.frequency(), back.frequency());
      assertEquals(index.labels(), back.labels());
      assertEquals(index.nextPeriods(1).labels(), back.nextPeriods(1).labels(), index.toString());
    }
  }

  @Test
  void labelsOfAnotherFrequencyOrOutOfOrderAreRefused() {
    assertEquals(
        "\"1949-01\" is not a period of annual data",
        assertThrows(
                IllegalArgumentException.class,
                () -> TimeIndex.fromLabels(Frequency.ANNUAL, List.of("1948", "1949-01")))
            .getMessage());
    assertEquals(
        "\"1950\" does not follow \"1948\"",
        assertThrows(
                IllegalArgumentException.class,
                () -> TimeIndex.fromLabels(Frequency.ANNUAL, List.of("1948", "1950")))
            .getMessage());
  }
}
