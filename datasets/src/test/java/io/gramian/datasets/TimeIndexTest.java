package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Labels, start dates, extension and slicing of each kind of index. */
class TimeIndexTest {

  @Test
  void annualIndexLabelsYearsAndStartsOnFirstOfJanuary() {
    TimeIndex index = TimeIndex.annual(1871, 100);
    assertEquals(Frequency.ANNUAL, index.frequency());
    assertEquals(100, index.length());
    assertEquals("1871", index.label(0));
    assertEquals("1970", index.label(99));
    assertEquals(LocalDate.of(1900, 1, 1), index.startDate(29).orElseThrow());
    assertEquals(List.of("1971", "1972"), index.nextPeriods(2).labels());
  }

  @Test
  void quarterlyIndexLabelsQuartersAndCarriesIntoTheNextYear() {
    TimeIndex index = TimeIndex.quarterly(1945, 3, 3);
    assertEquals(List.of("1945-Q3", "1945-Q4", "1946-Q1"), index.labels());
    assertEquals(LocalDate.of(1945, 7, 1), index.startDate(0).orElseThrow());
    assertEquals(LocalDate.of(1946, 1, 1), index.startDate(2).orElseThrow());
    assertEquals(
        List.of("1946-Q2", "1946-Q3", "1946-Q4", "1947-Q1"), index.nextPeriods(4).labels());
  }

  @Test
  void monthlyIndexLabelsMonthsAndCarriesIntoTheNextYear() {
    TimeIndex index = TimeIndex.monthly(1960, 11, 2);
    assertEquals(List.of("1960-11", "1960-12"), index.labels());
    assertEquals(LocalDate.of(1960, 12, 1), index.startDate(1).orElseThrow());
    assertEquals(LocalDateTime.of(1960, 12, 1, 0, 0), index.startDateTime(1).orElseThrow());
    assertEquals(List.of("1961-01", "1961-02"), index.nextPeriods(2).labels());
  }

  @Test
  void integerIndexNumbersFromOneAndHasNoCalendar() {
    TimeIndex index = TimeIndex.integers(3);
    assertEquals(Frequency.INDEX, index.frequency());
    assertEquals(List.of("1", "2", "3"), index.labels());
    assertTrue(index.startDate(0).isEmpty());
    assertTrue(index.startDateTime(0).isEmpty());
    assertEquals(List.of("4", "5"), index.nextPeriods(2).labels());
    assertEquals(List.of("0", "1"), TimeIndex.integers(0, 2).labels());
  }

  @Test
  void dailyIndexContinuesDayByDay() {
    TimeIndex index = dates("2020-03-04", "2020-03-05");
    assertEquals(Frequency.DAILY, index.frequency());
    assertEquals("2020-03-04", index.label(0));
    assertEquals(LocalDate.of(2020, 3, 5), index.startDate(1).orElseThrow());
    assertEquals(List.of("2020-03-06", "2020-03-07"), index.nextPeriods(2).labels());
  }

  @Test
  void businessDaysContinueWithTheSmallestGap() {
    TimeIndex friday = dates("2020-01-02", "2020-01-03", "2020-01-06");
    assertEquals(List.of("2020-01-07"), friday.nextPeriods(1).labels());
  }

  @Test
  void weeklyDatesContinueWeekly() {
    assertEquals(
        List.of("2020-01-15", "2020-01-22"),
        dates("2020-01-01", "2020-01-08").nextPeriods(2).labels());
  }

  @Test
  void firstOfMonthDatesContinueMonthly() {
    assertEquals(
        List.of("1949-03-01", "1949-04-01"),
        dates("1949-01-01", "1949-02-01").nextPeriods(2).labels());
  }

  @Test
  void monthEndDatesContinueOnMonthEnds() {
    assertEquals(
        List.of("2020-04-30", "2020-05-31"),
        dates("2020-01-31", "2020-02-29", "2020-03-31").nextPeriods(2).labels());
  }

  @Test
  void quarterEndDatesContinueQuarterly() {
    assertEquals(
        List.of("2021-03-31", "2021-06-30"),
        dates("2020-06-30", "2020-09-30", "2020-12-31").nextPeriods(2).labels());
  }

  @Test
  void aSingleDateContinuesDayByDay() {
    assertEquals(List.of("2020-01-02"), dates("2020-01-01").nextPeriods(1).labels());
  }

  @Test
  void dateTimeIndexContinuesWithItsSmallestSpacing() {
    TimeIndex index =
        TimeIndex.dateTimes(
            List.of(LocalDateTime.of(2020, 3, 4, 12, 0), LocalDateTime.of(2020, 3, 4, 12, 30)));
    assertEquals(Frequency.DATE_TIME, index.frequency());
    assertEquals("2020-03-04T12:00:00", index.label(0));
    assertEquals(LocalDate.of(2020, 3, 4), index.startDate(0).orElseThrow());
    assertEquals(LocalDateTime.of(2020, 3, 4, 12, 30), index.startDateTime(1).orElseThrow());
    assertEquals(
        List.of("2020-03-04T13:00:00", "2020-03-04T13:30:00"), index.nextPeriods(2).labels());
  }

  @Test
  void aSingleDateTimeCannotBeExtended() {
    TimeIndex index = TimeIndex.dateTimes(List.of(LocalDateTime.of(2020, 3, 4, 12, 0)));
    assertThrows(IllegalStateException.class, () -> index.extend(1));
  }

  @Test
  void extendKeepsThePeriodsAndAddsSteps() {
    TimeIndex index = TimeIndex.annual(1871, 2);
    assertEquals(TimeIndex.annual(1871, 5), index.extend(3));
    assertEquals(index, index.extend(0));
    assertTrue(index.nextPeriods(0).labels().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> index.extend(-1));
  }

  @Test
  void sliceKeepsTheLabelsOfItsPositions() {
    assertEquals(TimeIndex.monthly(1949, 3, 2), TimeIndex.monthly(1949, 1, 12).slice(2, 4));
    assertEquals(List.of("2020-01-02"), dates("2020-01-01", "2020-01-02").slice(1, 2).labels());
    assertThrows(IndexOutOfBoundsException.class, () -> TimeIndex.annual(1871, 2).slice(1, 3));
  }

  @Test
  void positionsOutsideTheIndexAreRejected() {
    TimeIndex index = TimeIndex.annual(1871, 2);
    assertThrows(IndexOutOfBoundsException.class, () -> index.label(2));
    assertThrows(IndexOutOfBoundsException.class, () -> index.startDate(-1));
  }

  @Test
  void indicesAreEqualWhenTheirPeriodsAre() {
    assertEquals(TimeIndex.quarterly(1945, 1, 4), TimeIndex.quarterly(1945, 1, 4));
    assertEquals(
        TimeIndex.quarterly(1945, 1, 4).hashCode(), TimeIndex.quarterly(1945, 1, 4).hashCode());
    assertNotEquals(TimeIndex.quarterly(1945, 1, 4), TimeIndex.monthly(1945, 1, 4));
    assertEquals(dates("2020-01-01"), dates("2020-01-01"));
  }

  @Test
  void factoriesRejectImpossiblePeriodsAndUnorderedDates() {
    assertThrows(IllegalArgumentException.class, () -> TimeIndex.quarterly(1945, 5, 1));
    assertThrows(IllegalArgumentException.class, () -> TimeIndex.monthly(1949, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> TimeIndex.annual(1871, -1));
    assertThrows(IllegalArgumentException.class, () -> dates("2020-01-02", "2020-01-01"));
  }

  @Test
  void toStringSummarisesTheSpan() {
    assertEquals(
        "TimeIndex[monthly, 1949-01 to 1960-12, n=144]",
        TimeIndex.monthly(1949, 1, 144).toString());
  }

  @Test
  void seasonalFrequenciesKnowTheirPeriodsPerYear() {
    assertEquals(OptionalInt.of(1), Frequency.ANNUAL.periodsPerYear());
    assertEquals(OptionalInt.of(4), Frequency.QUARTERLY.periodsPerYear());
    assertEquals(OptionalInt.of(12), Frequency.MONTHLY.periodsPerYear());
    assertEquals(OptionalInt.empty(), Frequency.DAILY.periodsPerYear());
    assertEquals(OptionalInt.empty(), Frequency.INDEX.periodsPerYear());
  }

  private static TimeIndex dates(String... isoDates) {
    return TimeIndex.dates(List.of(isoDates).stream().map(LocalDate::parse).toList());
  }
}
