package io.gramian.datasets;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The spacing of dated observations, inferred from the dates themselves, used to continue a date
 * index past its end: a whole number of months (dates on the same day of the month, or all on month
 * ends, a constant number of months apart) or else a number of days (the smallest gap).
 */
final class DateStep {

  private final int months;
  private final long days;
  private final boolean monthEnds;

  private DateStep(int months, long days, boolean monthEnds) {
    this.months = months;
    this.days = days;
    this.monthEnds = monthEnds;
  }

  /** The spacing of these strictly increasing dates (one day if there is only one date). */
  static DateStep of(LocalDate[] dates) {
    if (dates.length < 2) {
      return new DateStep(0, 1, false);
    }
    int months = constantMonthGap(dates);
    if (months > 0) {
      return new DateStep(months, 0, allMonthEnds(dates));
    }
    return new DateStep(0, smallestDayGap(dates), false);
  }

  /** The date {@code k} steps after {@code last}. */
  LocalDate advance(LocalDate last, int k) {
    if (months == 0) {
      return last.plusDays(days * k);
    }
    YearMonth month = YearMonth.from(last).plusMonths((long) months * k);
    if (monthEnds) {
      return month.atEndOfMonth();
    }
    return month.atDay(Math.min(last.getDayOfMonth(), month.lengthOfMonth()));
  }

  /** The constant number of months between consecutive dates, or 0 if there is none. */
  private static int constantMonthGap(LocalDate[] dates) {
    boolean sameDay = true;
    long gap = ChronoUnit.MONTHS.between(YearMonth.from(dates[0]), YearMonth.from(dates[1]));
    for (int i = 1; i < dates.length; i++) {
      long monthsApart =
          ChronoUnit.MONTHS.between(YearMonth.from(dates[i - 1]), YearMonth.from(dates[i]));
      sameDay &= dates[i].getDayOfMonth() == dates[0].getDayOfMonth();
      if (monthsApart != gap) {
        return 0;
      }
    }
    boolean regular = gap > 0 && (sameDay || allMonthEnds(dates));
    return regular ? Math.toIntExact(gap) : 0;
  }

  private static boolean allMonthEnds(LocalDate[] dates) {
    for (LocalDate date : dates) {
      if (date.getDayOfMonth() != date.lengthOfMonth()) {
        return false;
      }
    }
    return true;
  }

  private static long smallestDayGap(LocalDate[] dates) {
    long smallest = Long.MAX_VALUE;
    for (int i = 1; i < dates.length; i++) {
      smallest = Math.min(smallest, ChronoUnit.DAYS.between(dates[i - 1], dates[i]));
    }
    return smallest;
  }
}
