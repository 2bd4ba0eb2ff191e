package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.*;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Irregular spacing of daily dates: calendar-daily, weekly and business-daily data (with a few
 * holidays) pass without a word; gaps of 7 and 30 days in daily data, or a missing month in
 * business days, are named with their count.
 */
class SpacingCheckTest {

  private static final LocalDate START = LocalDate.of(2021, 1, 4); // a Monday

  private static Optional<String> warning(List<LocalDate> dates) {
    double[] values = new double[dates.size()];
    return TimeSeries.of("y", TimeIndex.dates(dates), values).spacingWarning();
  }

  private static List<LocalDate> everyKDays(int n, int k) {
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      dates.add(START.plusDays((long) i * k));
    }
    return dates;
  }

  private static List<LocalDate> businessDays(int n, List<LocalDate> holidays) {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = START; dates.size() < n; d = d.plusDays(1)) {
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (!weekend && !holidays.contains(d)) {
        dates.add(d);
      }
    }
    return dates;
  }

  @Test
  void calendarDailyAndWeeklyDataAreRegular() {
    assertEquals(Optional.empty(), warning(everyKDays(400, 1)));
    assertEquals(Optional.empty(), warning(everyKDays(100, 7)));
  }

  @Test
  void businessDaysWithAFewHolidaysAreRegular() {
    List<LocalDate> holidays =
        List.of(
            LocalDate.of(2021, 1, 18),
            LocalDate.of(2021, 4, 2),
            LocalDate.of(2021, 4, 5),
            LocalDate.of(2021, 5, 31),
            LocalDate.of(2021, 12, 27),
            LocalDate.of(2021, 12, 28));
    assertEquals(Optional.empty(), warning(businessDays(500, holidays)));
  }

  @Test
  void gapsOfOneTwoSevenAndThirtyDaysAreNamed() {
    int[] gaps = {1, 2, 7, 30};
    List<LocalDate> dates = new ArrayList<>();
    LocalDate d = START;
    for (int i = 0; i < 40; i++) {
      dates.add(d);
      d = d.plusDays(gaps[i % 4]);
    }
    String w = warning(dates).orElseThrow();
    // 39 gaps: ten of 7 days and nine of 30 break the daily pattern; the 2-day gaps pass as
    // holidays (at most 20 a year).
    assertTrue(
        w.startsWith(
            "the dates are not evenly spaced: 19 of 39 gaps break the pattern"
                + " (every day), at 2021-01-14 (7 days after 2021-01-07), 2021-02-13 (30 days after"
                + " 2021-01-14), 2021-02-23 (7 days after 2021-02-16) and 16 more;"),
        w);
    assertTrue(w.endsWith("the model takes one equal step per row"), w);
  }

  @Test
  void aMonthMissingFromBusinessDaysIsNamed() {
    List<LocalDate> dates = new ArrayList<>(businessDays(300, List.of()));
    dates.removeIf(x -> x.getMonthValue() == 3 && x.getYear() == 2021);
    String w = warning(dates).orElseThrow();
    assertTrue(
        w.contains(
            "1 of 276 gaps break the pattern (business days), at 2021-04-01"
                + " (34 days after 2021-02-26)"),
        w);
  }

  @Test
  void tooManyHolidaysAreIrregular() {
    // Every other weekday missing: each gap skips one weekday, far more than holidays do.
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      dates.add(START.plusDays(2L * i));
    }
    dates.add(dates.get(dates.size() - 1).plusDays(1));
    assertTrue(warning(dates).isPresent());
  }

  @Test
  void periodIndexesAreRegularByConstruction() {
    TimeSeries monthly = TimeSeries.of("y", TimeIndex.monthly(2000, 1, 24), new double[24]);
    assertEquals(Optional.empty(), monthly.spacingWarning());
    assertEquals(Optional.empty(), TimeSeries.of("y", 1, 2, 3).spacingWarning());
  }
}
